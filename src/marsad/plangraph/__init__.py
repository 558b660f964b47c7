"""Pure plan-graph core: provisions, dependencies and parties' preconditions in; an order, the
blocked provisions and the sequencing deadlocks out. No Django, no database."""
