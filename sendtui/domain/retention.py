"""How long an inspection's evidence is kept: N months after final feedback, then erased.

The evidence of an inspection is personal data kept for a purpose that ends with the report;
the retention period says when it falls due for erasure (the dashboard reminds, `purge`
erases).
"""

from __future__ import annotations

import datetime as dt

from sendtui.domain.frameworks import KeyDate, _add_months
from sendtui.errors import InvalidInput

LONGEST = 120  # months: ten years is longer than any inspection's evidence is kept
FROM_KEYS = ("final-feedback", "on-site")  # the first of these an inspection has


def months_from(text: str) -> int | None:
    """A retention period as typed: a number of months, or 0 / none / off for none."""
    word = text.strip().lower()
    if word in ("", "none", "off", "0"):
        return None
    if not word.isascii() or not word.isdigit():
        raise InvalidInput(f"a retention period is a number of months (or none), not {text!r}")
    return checked(int(word))


def checked(months: int | None) -> int | None:
    if months is None or months == 0:
        return None
    if not 0 < months <= LONGEST:
        raise InvalidInput(f"a retention period is 1 to {LONGEST} months (or none)")
    return months


def erasure_due(dates: list[KeyDate], months: int | None) -> dt.date | None:
    """The day the evidence falls due for erasure: `months` after final feedback (or the last
    day on site); None without a retention period or such a date."""
    if not months:
        return None
    by_key = {k.key: k for k in dates}
    start = next((by_key[key] for key in FROM_KEYS if key in by_key), None)
    if start is None:
        return None
    return _add_months(start.end or start.date, months)
