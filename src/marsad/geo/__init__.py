"""Pure geography core: areas, points and distances. No Django, no database."""
