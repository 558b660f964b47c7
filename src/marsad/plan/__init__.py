"""The plan: the 20 points as provisions with scores over time, dependencies, each party's
preconditions, and the sequencing deadlocks they form."""
