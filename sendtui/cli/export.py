"""Exports to files: calendars, day sheets, the briefing pack, evidence summaries."""

from __future__ import annotations

from functools import partial

import click

from sendtui.cli.common import Context, pass_context
from sendtui.cli.types import given


@click.group()
def export() -> None:
    """Calendars, day sheets, the briefing pack, evidence summaries and the plan ('-o -' for
    stdout)."""


def _export(obj: Context, output: str, force: bool, **request) -> None:
    from sendtui.config import today
    from sendtui.domain.calendar import parse_date
    from sendtui.exports import ExportRequest, run
    from sendtui.store.briefing import gather

    for key in ("start", "end"):  # "today", "friday" … as well as YYYY-MM-DD
        request[key] = parse_date(request[key], today()) if request.get(key) else None
    req = ExportRequest(**request)
    done = run(req, output, partial(gather, obj.store(), obj.inspection().id, today()),
               obj.record, overwrite=force)
    if done.path is not None:
        click.echo(f"wrote {done.path} ({done.size:,} bytes)", err=True)


def OUTPUT(command):
    """-o FILE and --force: a new file, or an existing regular file with --force."""
    command = click.option("--force", is_flag=True,
                           help="Replace FILE if it exists (a regular file only).")(command)
    return click.option("-o", "output", required=True, metavar="FILE",
                        help="Where to write ('-' for stdout): a new file, or an existing "
                             "one with --force; never a device, folder or link.")(command)


SENSITIVE = click.option("--include-sensitive", is_flag=True,
                         help="Keep case references and names marked sensitive (redacted "
                              "by default).")
PERSON = click.option("--person", callback=given, metavar="NAME", help="Only this person's events.")


@export.command("ics")
@OUTPUT
@click.option("--person", callback=given, metavar="NAME",
              help="Only this person's events (and the deadlines they own).")
@click.option("--from", "start", callback=given, metavar="DATE",
              help="First day (YYYY-MM-DD, today, tomorrow or a weekday).")
@click.option("--to", "end", callback=given, metavar="DATE", help="Last day (YYYY-MM-DD).")
@click.option("--with-deadlines", is_flag=True,
              help="Add the requests', actions' and plan's deadlines as to-dos (VTODO).")
@pass_context
def export_ics(obj: Context, output: str, force: bool, person: str | None, start: str | None,
               end: str | None, with_deadlines: bool) -> None:
    """An iCalendar file: Europe/London times, stable UIDs, removed events cancelled."""
    _export(obj, output, force, what="ics", fmt="ics", person=person, start=start, end=end,
            with_deadlines=with_deadlines)


@export.command("schedule")
@click.option("--format", "fmt", required=True, type=click.Choice(["csv", "md", "html", "docx"]))
@OUTPUT
@click.option("--day", callback=given, metavar="DATE",
              help="One day only (YYYY-MM-DD, today, tomorrow or a weekday).")
@PERSON
@SENSITIVE
@pass_context
def export_schedule(obj: Context, fmt: str, output: str, force: bool, day: str | None,
                    person: str | None, include_sensitive: bool) -> None:
    """Day sheets: times, places, people, travel and the local hosts' contacts."""
    _export(obj, output, force, what="schedule", fmt=fmt, person=person, start=day, end=day,
            include_sensitive=include_sensitive)


@export.command("evidence")
@click.option("--format", "fmt", required=True, type=click.Choice(["md", "csv", "docx"]))
@OUTPUT
@SENSITIVE
@pass_context
def export_evidence(obj: Context, fmt: str, output: str, force: bool,
                    include_sensitive: bool) -> None:
    """Evidence by line of enquiry with the triangulation table."""
    _export(obj, output, force, what="evidence", fmt=fmt, include_sensitive=include_sensitive)


@export.command("pack")
@click.option("--format", "fmt", required=True, type=click.Choice(["html", "docx"]))
@OUTPUT
@click.option("--day", callback=given, metavar="DATE",
              help="Only this day's sheet (a DATE as --from; default: the whole week).")
@SENSITIVE
@pass_context
def export_pack(obj: Context, fmt: str, output: str, force: bool, day: str | None,
                include_sensitive: bool) -> None:
    """The briefing pack: key dates, the week, problems, outstanding requests and actions per
    owner, day sheets, evidence summary."""
    _export(obj, output, force, what="pack", fmt=fmt, start=day, end=day,
            include_sensitive=include_sensitive)


@export.command("plan")
@click.option("--format", "fmt", required=True, type=click.Choice(["docx", "csv", "md"]))
@OUTPUT
@SENSITIVE
@pass_context
def export_plan(obj: Context, fmt: str, output: str, force: bool,
                include_sensitive: bool) -> None:
    """The plan after the report: weaknesses, actions, versions, report-backs ('md': the
    progress on one page; the DOCX has it on its first page)."""
    _export(obj, output, force, what="plan", fmt=fmt, include_sensitive=include_sensitive)
