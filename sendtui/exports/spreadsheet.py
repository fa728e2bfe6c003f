"""CSV cells a spreadsheet would run as a formula ("CSV injection") are kept as text.

A cell that starts with = + - @, a tab or a carriage return gets a leading single quote, as
spreadsheets themselves write text that looks like a formula. Every CSV sendtui writes (the
day sheets, the evidence summary, `sendtui list … --format csv`) passes through `safe_cell`.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def safe_row(cells) -> list[str]:
    return [safe_cell(c) for c in cells]
