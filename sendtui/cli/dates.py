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
    from sendtui.config import today
    from sendtui.domain.calendar import ENGLAND, parse_date

    result = ENGLAND.add(parse_date(date, today()), n)
    if ENGLAND.is_provisional(result):
        warn(f"{result.year} is after {ENGLAND.known_until_year}: "
             "bank holidays may not be announced yet")
    click.echo(result.isoformat())


@click.command()
@click.option("--framework", "framework", required=True, type=click.Choice(list(FRAMEWORKS)))
@click.option("--notified", required=True, metavar="DATE", help="Notification call date.")
@click.option("--published", callback=given, metavar="DATE", help="Date the letter or report was published.")
@click.option("--received", callback=given, metavar="DATE",
              help="Date the final report was received (what follows counts from it).")
@click.option("--outcome", type=WholeNumber(), metavar="N",
              help="2023: the outcome (1–3); the dates that follow it.")
@click.option("--wsoa", is_flag=True, default=None,
              help="2016: a written statement of action was required; its deadlines.")
@format_option()
def timeline(framework: str, notified: str, published: str | None, received: str | None,
             outcome: int | None, wsoa: bool | None, fmt: str) -> None:
    """The key dates of an inspection; with --outcome (2023) or --wsoa (2016) and a
    publication or receipt date, the dates that follow the report."""
    from sendtui.domain.calendar import parse_date
    from sendtui.domain.frameworks import get_framework, key_dates, timeline_warnings
    from sendtui.domain.outcomes import recorded

    template = get_framework(framework)
    found = recorded(template, outcome=outcome, wsoa=wsoa)
    dates = key_dates(template, parse_date(notified),
                      parse_date(published) if published else None,
                      received=parse_date(received) if received else None,
                      outcome=found.outcome)
    if found.outcome is not None and not (published or received):
        warn("the dates that follow the report need --published or --received")
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
