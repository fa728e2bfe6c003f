"""The Textual face of sendtui. Nothing below this package imports it."""
