"""Ceasefire monitoring: agreements and phases, incidents, casualty figures per source,
violations, the daily casualty series, alerts and the map."""
