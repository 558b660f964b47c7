"""Humanitarian access: crossings and corridors, their status over time, consignments, access
incidents, and the violence near each route."""
