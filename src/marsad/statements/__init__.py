"""Who said what, when and with what stance, including refusals to speak."""
