"""Information requests: what the inspectors asked for, who is getting it, by when."""

from __future__ import annotations

from pathlib import Path

import click

from sendtui.cli.common import FILE, Context, format_option, pass_context
from sendtui.cli.types import given
from sendtui.domain.requests import KINDS, STATUSES
from sendtui.output import FORMATS, emit

COLUMNS = ["id", "due", "status", "kind", "owner", "title", "where"]


@click.group()
def requests() -> None:
    """Information requests: list, add, tick as sent, import from CSV."""


def _now():
    from sendtui.config import today, today_pretended
    from sendtui.domain.today import moment

    return moment(today(), today_pretended())


@requests.command("list")
@format_option(FORMATS)
@click.option("--owner", callback=given, metavar="NAME", help="Only this person's requests.")
@click.option("--status", type=click.Choice(STATUSES), help="Only requests in this status.")
@click.option("--include-sensitive", is_flag=True,
              help="Show names marked sensitive in titles and notes; the audit log notes it.")
@pass_context
def requests_list(obj: Context, fmt: str, owner: str | None, status: str | None,
                  include_sensitive: bool) -> None:
    """The inspection's requests, overdue first, then by due."""
    from sendtui.domain.clock import format_london
    from sendtui.domain.requests import is_overdue
    from sendtui.listing import text_shown
    from sendtui.store import requests as stored

    store, ins, now = obj.store(), obj.inspection(), _now()
    redact = text_shown(store, ins.id, include_sensitive)
    rows = [{"id": r.id, "title": redact(r.title), "kind": r.kind, "owner": r.owner,
             "due": format_london(r.due_at) if r.due_at else "", "status": r.status,
             "overdue": is_overdue(r, now), "reason": redact(r.reason),
             "where": redact(r.where), "notes": redact(r.notes)}
            for r in stored.listed(store, ins.id, now, owner, status)]
    if include_sensitive:
        obj.record("requests listed with names")
    if fmt == "table":
        rows = [{**r, "id": r["id"][:8],
                 "status": f"{r['status']} (overdue)" if r["overdue"] else r["status"]}
                for r in rows]
    emit(rows, fmt, COLUMNS if fmt == "table" else None)


@requests.command("add")
@click.option("--title", required=True, metavar="TEXT", help="What was asked for.")
@click.option("--kind", type=click.Choice(KINDS), default="document", show_default=True)
@click.option("--owner", callback=given, metavar="NAME", help="Who is getting it (a person).")
@click.option("--due", callback=given, metavar="DATETIME",
              help="YYYY-MM-DD HH:MM, or YYYY-MM-DD (17:00), London time.")
@click.option("--where", default="", metavar="TEXT",
              help='Where it is: a path, a link, "given to HMI on paper".')
@pass_context
def requests_add(obj: Context, title: str, kind: str, owner: str | None, due: str | None,
                 where: str) -> None:
    """Add a request; print its id."""
    from sendtui.domain.requests import checked_title, parse_due
    from sendtui.store import requests as stored

    checked_title(title)  # refused before the store is opened
    due_at = parse_due(due) if due else None
    click.echo(stored.add(obj.store(), obj.inspection().id, title, kind, owner or "",
                          due_at, where).id)


@requests.command("done")
@click.argument("request_id", metavar="ID")
@pass_context
def requests_done(obj: Context, request_id: str) -> None:
    """Mark request ID (or a unique start of it) sent."""
    from sendtui.store import requests as stored

    store, ins = obj.store(), obj.inspection()
    full = stored.find_id(store, ins.id, request_id)
    stored.tick(store, ins.id, [full])
    click.echo(f"request {full[:8]} sent")


@requests.command("import")
@FILE
@pass_context
def requests_import(obj: Context, file: Path) -> None:
    """CSV title,kind,owner,due,status,where,notes; all or nothing."""
    from sendtui.files import check_input
    from sendtui.importers.requests import read_requests
    from sendtui.store import requests as stored

    check_input(file)
    rows = read_requests(file)
    added = stored.load(obj.store(), obj.inspection().id, rows, file.name)
    click.echo(f"{added} requests added")
