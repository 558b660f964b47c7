"""Pure extraction core: text in, claims of the extraction contract out.

Nothing here imports Django or touches a database, so the same code runs in a web request,
a batch job or on a cluster.
"""
