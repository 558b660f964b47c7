"""Governance: the Board of Peace and its charter, what each state did about it, and the legal
basis of the force (resolutions and agreements)."""
