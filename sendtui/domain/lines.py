"""Lines of enquiry: how a code and a title are written."""

from __future__ import annotations

LONGEST_CODE = 6


def tidy_line(code: str, title: str) -> tuple[str, str]:
    """The code in capitals and the title on one line, as they are stored."""
    return code.strip().upper(), " ".join(title.split())


def is_line_code(code: str) -> bool:
    """A letter then letters or digits, six at most (A1, X12)."""
    return (bool(code) and code[0].isalpha() and code.isalnum()
            and len(code) <= LONGEST_CODE)
