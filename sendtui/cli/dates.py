"""Working days and key dates: pure, no store needed."""

from __future__ import annotations

import datetime as dt

import click

from sendtui.cli.common import format_option, warn
from sendtui.cli.types import WholeNumber, given
from sendtui.domain.frameworks import FRAMEWORKS
from sendtui.output import emit


@click.group()
def workdays() -> None:
    """Working-day arithmetic (England and Wales bank holidays)."""


@workdays.command("add", context_settings={"ignore_unknown_options": True})
@click.argument("date")
@click.argument("n", type=WholeNumber())
def workdays_add(date: str, n: int) -> None:
    """Print the date N working days after DATE (before it when N is negative)."""
    from sendtui.domain.calendar import ENGLAND, parse_date

    result = ENGLAND.add(parse_date(date), n)
    if ENGLAND.is_provisional(result):
        warn(f"{result.year} is after {ENGLAND.known_until_year}: "
             "bank holidays may not be announced yet")
    click.echo(result.isoformat())


@click.command()
@click.option("--framework", "framework", required=True, type=click.Choice(list(FRAMEWORKS)))
@click.option("--notified", required=True, metavar="DATE", help="Notification call date.")
@click.option("--published", callback=given, metavar="DATE", help="Date the letter or report was published.")
@format_option()
def timeline(framework: str, notified: str, published: str | None, fmt: str) -> None:
    """The key dates of an inspection."""
    from sendtui.domain.calendar import parse_date
    from sendtui.domain.frameworks import get_framework, key_dates, timeline_warnings

    dates = key_dates(get_framework(framework), parse_date(notified),
                      parse_date(published) if published else None)
    for warning in timeline_warnings(dates):
        warn(warning)
    if fmt == "json":
        emit([kd.as_json() for kd in dates], "json")
        return
    emit([{"key": kd.key, "date": _span(kd.date, kd.end), "label": kd.label} for kd in dates],
         "table")


def _span(start: dt.date, end: dt.date | None) -> str:
    text = f"{start:%a} {start.isoformat()}"
    return f"{text} – {end:%a} {end.isoformat()}" if end else text
