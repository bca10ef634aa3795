"""A second independent set of portals (see README.md)."""
