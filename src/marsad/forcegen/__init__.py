"""Pure force-generation core: requirements, pledges and caveats in; allocation and gaps out.

No Django, no database: the coalition app stores and presents, this package solves.
"""
