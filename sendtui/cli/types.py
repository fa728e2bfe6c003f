"""Option and argument types that read what a user types strictly: ASCII digits only (int()
takes "１２", "١٢" and "1_000"), and paths that are checked later, by `sendtui.files`, with a
clear message (click's own Path type raises on a NUL byte)."""

from __future__ import annotations

import re
from pathlib import Path

import click

from sendtui.domain.words import shown

_WHOLE = re.compile(r"-?[0-9]+")
_DECIMAL = re.compile(r"-?[0-9]{1,6}(\.[0-9]{1,6})?")


class PathText(click.ParamType):
    """A path as typed (`~` expanded later); nothing is looked at here."""

    name = "path"

    def convert(self, value, param, ctx) -> Path:
        return value if isinstance(value, Path) else Path(value)


class WholeNumber(click.ParamType):
    name = "integer"

    def __init__(self, low: int | None = None, high: int | None = None):
        self.low, self.high = low, high

    def convert(self, value, param, ctx) -> int:
        if isinstance(value, int):
            number = value
        elif not _WHOLE.fullmatch(str(value).strip()):
            self.fail(f"{shown(str(value))} is not a whole number", param, ctx)
        elif len(str(value).strip()) > 12:
            self.fail(f"{shown(str(value))} is too large", param, ctx)
        else:
            number = int(str(value).strip())
        if (self.low is not None and number < self.low) or (
                self.high is not None and number > self.high):
            self.fail(f"{number} is not between {self.low} and {self.high}", param, ctx)
        return number


class Decimal(click.ParamType):
    name = "number"

    def convert(self, value, param, ctx) -> float:
        if isinstance(value, float):
            return value
        if not _DECIMAL.fullmatch(str(value).strip()):
            self.fail(f"{shown(str(value))} is not a number such as 1.3", param, ctx)
        return float(str(value).strip())


PATH = PathText()


def given(ctx, param, value):
    """An option given with nothing in it (`--day ""`) is a mistake, not "not given"."""
    if isinstance(value, str) and not value.strip():
        raise click.BadParameter("is empty: give a value or leave the option out")
    return value
