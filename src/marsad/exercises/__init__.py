"""Exercise mode: a scripted scenario played on a database of its own, apart from the live
record (see docs/exercises.md)."""
