"""The mandate: the force's tasks and limits, what each task requires, which pledges are
assigned to it, and the force's own actions checked against the limits."""
