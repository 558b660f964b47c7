"""The provenance core: actors, sources, documents, claims, releasability, audit."""
