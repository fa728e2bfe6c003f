"""Messages from below the UI, as the screens show them."""

from __future__ import annotations


def sentence(words: str) -> str:
    """A message as a sentence: "a person needs a name" → "A person needs a name."."""
    words = words.strip()
    return f"{words[0].upper()}{words[1:]}{'' if words.endswith('.') else '.'}" if words else ""


def shown(text: str, limit: int = 40) -> str:
    """What a user typed or a file held, quoted, on one line and short enough for a message."""
    return repr(text if len(text) <= limit else text[:limit] + "…")


def plain_name(text: str, what: str, limit: int = 100) -> str:
    """A name or a label as one line of plain text, runs of spaces made one; InvalidInput
    when it holds a control character (a line break, an escape code) or is too long."""
    from sendtui.errors import InvalidInput

    if any(ord(c) < 32 or 127 <= ord(c) < 160 for c in text):
        raise InvalidInput(f"{what} must be one line of plain text")
    text = " ".join(text.split())
    if len(text) > limit:
        raise InvalidInput(f"{what} is at most {limit} characters")
    return text
