"""The demo scenario: the situation of the mission, written by the project in its own words."""
