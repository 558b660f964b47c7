"""Writes of the provenance core. Each validates, saves and audits inside one transaction; a
write that fails leaves nothing behind. Nothing else in Marsad writes these tables."""
