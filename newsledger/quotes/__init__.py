"""quotes."""
