"""Tracked children and sampled cases (2023): the Children screen (8) and its form."""
