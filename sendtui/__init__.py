"""sendtui: the fieldwork of a local area SEND inspection, in a terminal."""

__version__ = "0.1.0"
