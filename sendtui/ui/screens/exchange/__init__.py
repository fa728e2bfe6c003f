"""Several laptops, one inspection: the Exchange screen (bundles out and in, conflicts)."""
