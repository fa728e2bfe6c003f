"""The local area: its settings and its people."""
