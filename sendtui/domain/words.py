"""Messages from below the UI, as the screens show them."""

from __future__ import annotations


def sentence(words: str) -> str:
    """A message as a sentence: "a person needs a name" → "A person needs a name."."""
    words = words.strip()
    return f"{words[0].upper()}{words[1:]}{'' if words.endswith('.') else '.'}" if words else ""


def shown(text: str, limit: int = 40) -> str:
    """What a user typed or a file held, quoted, on one line and short enough for a message."""
    return repr(text if len(text) <= limit else text[:limit] + "…")
