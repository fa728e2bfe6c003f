"""The command line: parse, call the store and the domain, print. Contract: CLI.md."""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass, field
from pathlib import Path

import click

from sendtui.domain.frameworks import FRAMEWORKS
from sendtui.domain.kinds import SOURCE_KINDS
from sendtui.output import FORMATS, emit

TABLE_OR_JSON = click.Choice(["table", "json"])


class SendtuiGroup(click.Group):
    """Turns expected failures into one line on stderr and the contract's exit code."""

    def invoke(self, ctx):
        from sendtui.errors import exit_code_for

        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except Exception as exc:  # noqa: BLE001 - mapped or re-raised below
            code = exit_code_for(exc)
            if code is None:
                raise
            click.echo(f"sendtui: {exc}", err=True)
            ctx.exit(code)


@dataclass
class Context:
    db: str | None
    inspection_ref: str | None
    _store: object = field(default=None, repr=False)

    def target(self) -> str:
        from sendtui.config import default_db_target

        return self.db or default_db_target()

    def store(self):
        if self._store is None:
            from sendtui.store.repo import Store

            self._store = Store.open(self.target())
        return self._store

    def inspection(self):
        from sendtui.store import inspections

        return inspections.find(self.store(), self.inspection_ref)


pass_context = click.make_pass_decorator(Context)


@click.group(cls=SendtuiGroup, invoke_without_command=True,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", "db", metavar="TARGET", help="SQLite file or SQLAlchemy URL "
              "(default: $SENDTUI_DB, else sendtui.db in the user data folder).")
@click.option("--inspection", "inspection_ref", metavar="REF",
              help="Inspection id or unique prefix of its local area.")
@click.version_option(package_name="sendtui")
@click.pass_context
def cli(ctx: click.Context, db: str | None, inspection_ref: str | None) -> None:
    """sendtui: the fieldwork of a local area SEND inspection, in a terminal."""
    ctx.obj = Context(db, inspection_ref)
    if ctx.invoked_subcommand is None:
        _open_app(ctx.obj)


def _open_app(obj: Context) -> None:
    from sendtui.ui.app import make_app

    make_app(obj.target(), obj.inspection_ref).run()


@cli.command()
@pass_context
def run(obj: Context) -> None:
    """Open the app on the store."""
    _open_app(obj)


@cli.command()
@click.option("--no-open", is_flag=True, help="Add the demo but do not open the app.")
@pass_context
def demo(obj: Context, no_open: bool) -> None:
    """Add the demo inspection (if not there yet) and open it."""
    from sendtui.demo import add_demo

    ins, added = add_demo(obj.store())
    verb = "Added" if added else "Already there:"
    click.echo(f"{verb} the demo inspection {ins.local_area} ({ins.id})", err=not no_open)
    if not no_open:
        obj.store().close()
        obj.inspection_ref = ins.id
        _open_app(obj)


# --- dates -------------------------------------------------------------------------------

@cli.group()
def workdays() -> None:
    """Working-day arithmetic (England and Wales bank holidays)."""


@workdays.command("add", context_settings={"ignore_unknown_options": True})
@click.argument("date")
@click.argument("n", type=int)
def workdays_add(date: str, n: int) -> None:
    """Print the date N working days after DATE (before it when N is negative)."""
    from sendtui.domain.calendar import ENGLAND, parse_date

    result = ENGLAND.add(parse_date(date), n)
    if ENGLAND.is_provisional(result):
        click.echo(f"sendtui: warning: {result.year} is after {ENGLAND.known_until_year}: "
                   "bank holidays may not be announced yet", err=True)
    click.echo(result.isoformat())


@cli.command()
@click.option("--framework", "framework", required=True, type=click.Choice(list(FRAMEWORKS)))
@click.option("--notified", required=True, metavar="DATE", help="Notification call date.")
@click.option("--published", metavar="DATE", help="Date the letter or report was published.")
@click.option("--format", "fmt", type=TABLE_OR_JSON, default="table", show_default=True)
def timeline(framework: str, notified: str, published: str | None, fmt: str) -> None:
    """The key dates of an inspection."""
    from sendtui.domain.calendar import parse_date
    from sendtui.domain.frameworks import get_framework, key_dates, timeline_warnings

    dates = key_dates(get_framework(framework), parse_date(notified),
                      parse_date(published) if published else None)
    for warning in timeline_warnings(dates):
        click.echo(f"sendtui: warning: {warning}", err=True)
    if fmt == "json":
        emit([kd.as_json() for kd in dates], "json")
        return
    emit([{"key": kd.key, "date": _span(kd.date, kd.end), "label": kd.label} for kd in dates],
         "table")


def _span(start: dt.date, end: dt.date | None) -> str:
    text = f"{start:%a} {start.isoformat()}"
    return f"{text} – {end:%a} {end.isoformat()}" if end else text


# --- inspections -------------------------------------------------------------------------

@cli.group()
def inspection() -> None:
    """Create and list inspections."""


@inspection.command("new")
@click.option("--la", "local_area", required=True, metavar="NAME", help="The local area.")
@click.option("--framework", required=True, type=click.Choice(list(FRAMEWORKS)))
@click.option("--notified", required=True, metavar="DATE", help="Notification call date.")
@pass_context
def inspection_new(obj: Context, local_area: str, framework: str, notified: str) -> None:
    """Create an inspection with its key dates and lines; print its id."""
    from sendtui.domain.calendar import ENGLAND, parse_date
    from sendtui.domain.frameworks import get_framework, key_dates, timeline_warnings
    from sendtui.store import inspections

    day = parse_date(notified)
    if not ENGLAND.is_working_day(day):
        click.echo(f"sendtui: warning: {day:%a %d %b %Y} is not a working day", err=True)
    for warning in timeline_warnings(key_dates(get_framework(framework), day)):
        click.echo(f"sendtui: warning: {warning}", err=True)
    click.echo(inspections.create(obj.store(), local_area, framework, day).id)


@inspection.command("list")
@click.option("--format", "fmt", type=TABLE_OR_JSON, default="table", show_default=True)
@pass_context
def inspection_list(obj: Context, fmt: str) -> None:
    """The inspections in the store."""
    from sendtui.store import inspections

    store = obj.store()
    rows = []
    for ins in inspections.all(store):
        on_site = next((k for k in inspections.key_dates(store, ins.id) if k.key == "on-site"),
                       None)
        rows.append({
            "id": ins.id, "local_area": ins.local_area, "framework": ins.framework,
            "notified": ins.notified.isoformat(),
            "on_site": on_site.date.isoformat() if on_site else None,
            "on_site_end": on_site.end.isoformat() if on_site and on_site.end else None,
        })
    emit(rows, fmt, ["id", "local_area", "framework", "notified", "on_site", "on_site_end"])


# --- looking -----------------------------------------------------------------------------

@cli.command("list")
@click.argument("what", type=click.Choice(["settings", "people", "events", "lines", "evidence"]))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option("--include-sensitive", is_flag=True, help="Show case references (evidence).")
@pass_context
def list_(obj: Context, what: str, fmt: str, include_sensitive: bool) -> None:
    """List settings, people, events, lines of enquiry or evidence."""
    from sendtui import listing

    rows, columns = listing.rows(obj.store(), obj.inspection().id, what, include_sensitive)
    if include_sensitive and what == "evidence":
        _audit(obj, "evidence listed with names and case references")
    emit(rows, fmt, columns)


@cli.command()
@click.option("--format", "fmt", type=TABLE_OR_JSON, default="table", show_default=True)
@pass_context
def check(obj: Context, fmt: str) -> None:
    """Every problem in the schedule; exit 1 if any is an error."""
    from sendtui.store.planning import problems

    found = problems(obj.store(), obj.inspection().id)
    if fmt == "json":
        emit([p.as_json() for p in found], "json")
    elif found:
        emit([{"severity": p.severity, "rule": p.rule, "message": p.message} for p in found],
             "table", ["severity", "rule", "message"])
    else:
        click.echo("No problems found.")
    if any(p.severity == "error" for p in found):
        raise click.exceptions.Exit(1)


@cli.command("rules")
@click.option("--day-start", metavar="HH:MM", help="Working day starts (default 08:00).")
@click.option("--day-end", metavar="HH:MM", help="Working day ends (default 18:00).")
@click.option("--road-factor", type=float, help="Road distance / straight line (default 1.3).")
@click.option("--speed", "speed_kmh", type=float, help="Average speed in km/h (default 30).")
@click.option("--buffer", "buffer_minutes", type=int, help="Minutes to park and sign in "
              "(default 10).")
@pass_context
def rules_(obj: Context, day_start, day_end, road_factor, speed_kmh, buffer_minutes) -> None:
    """Show or change the planning rules the checks use (hours, travel assumptions)."""
    from sendtui.domain.clock import parse_time
    from sendtui.store.planning import rules, set_rules

    ins = obj.inspection()
    changes = {"day_start": day_start and parse_time(day_start).isoformat("minutes"),
               "day_end": day_end and parse_time(day_end).isoformat("minutes"),
               "road_factor": road_factor, "speed_kmh": speed_kmh,
               "buffer_minutes": buffer_minutes}
    if any(v is not None for v in changes.values()):
        current = set_rules(obj.store(), ins.id, **changes)
    else:
        current = rules(obj.store(), ins.id)
    t = current.travel
    click.echo(f"working hours  {current.day_start:%H:%M}–{current.day_end:%H:%M}\n"
               f"travel         straight line × {t.road_factor:g} road factor at "
               f"{t.speed_kmh:g} km/h + {t.buffer_minutes} min buffer")


# --- imports -----------------------------------------------------------------------------

@cli.group("import")
def import_() -> None:
    """Import settings (GIAS), people or a schedule from CSV; all or nothing."""


@import_.command("settings")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--la", "local_area", metavar="NAME",
              help="Local authority to keep (default: the inspection's local area).")
@pass_context
def import_settings(obj: Context, file: Path, local_area: str | None) -> None:
    """A Get Information About Schools establishment CSV."""
    from sendtui.importers.gias import read_gias
    from sendtui.store import settings

    ins = obj.inspection()
    result = read_gias(file, local_area or ins.local_area)
    loaded = settings.load(obj.store(), ins.id, result.settings)
    click.echo(f"{loaded.added} settings added, {loaded.updated} updated, "
               f"{sum(result.skipped.values())} skipped")
    for reason, n in sorted(result.skipped.items()):
        click.echo(f"  skipped {n}: {reason}")
    for warning in result.warnings:
        click.echo(f"sendtui: warning: {warning}", err=True)


@import_.command("people")
@click.argument("file", type=click.Path(path_type=Path))
@pass_context
def import_people(obj: Context, file: Path) -> None:
    """CSV name,role,organisation,email,phone."""
    from sendtui.importers.people import read_people
    from sendtui.store import people

    loaded = people.load(obj.store(), obj.inspection().id, read_people(file))
    click.echo(f"{loaded.added} people added, {loaded.updated} updated")


@import_.command("schedule")
@click.argument("file", type=click.Path(path_type=Path))
@pass_context
def import_schedule(obj: Context, file: Path) -> None:
    """CSV date,start,end,kind,title,setting_urn,people,location,notes."""
    from sendtui.importers.schedule import read_schedule
    from sendtui.store import events

    loaded = events.load(obj.store(), obj.inspection().id, read_schedule(file))
    click.echo(f"{loaded.added} events added, {loaded.unchanged} already there")


@cli.command()
@click.argument("query")
@click.option("--format", "fmt", type=TABLE_OR_JSON, default="table", show_default=True)
@click.option("--limit", type=click.IntRange(1, 1000), default=50, show_default=True)
@click.option("--include-sensitive", is_flag=True,
              help="Show names marked sensitive and case references in the text.")
@pass_context
def search(obj: Context, query: str, fmt: str, limit: int, include_sensitive: bool) -> None:
    """Full-text search over evidence: words, prefixes (foo*), "phrases"; best match first."""
    from sendtui.listing import local, text_shown
    from sendtui.store.evidence import search as find
    from sendtui.store.evidence import snippet_shown

    ins = obj.inspection().id
    hits = find(obj.store(), ins, query, limit)
    redact = text_shown(obj.store(), ins, include_sensitive)
    rows = [{"id": h.entry.id, "at": local(h.entry.at), "line": h.entry.line_code,
             "source": h.entry.source, "setting_urn": h.entry.setting_urn,
             "snippet": snippet_shown(redact, h.snippet), "text": redact(h.entry.text)} for h in hits]
    if include_sensitive:
        _audit(obj, "search shown with names", f"{len(rows)} entries")
    if fmt == "json":
        emit(rows, "json")
    elif rows:
        emit(rows, "table", ["at", "line", "source", "snippet"])
    else:
        click.echo("No evidence matches.")


# --- evidence ----------------------------------------------------------------------------

@cli.group()
def evidence() -> None:
    """Log evidence against a line of enquiry."""


@evidence.command("add")
@click.option("--line", required=True, metavar="CODE")
@click.option("--source", required=True, type=click.Choice(list(SOURCE_KINDS)))
@click.option("--text", required=True)
@click.option("--setting", "setting_urn", metavar="URN")
@click.option("--case-ref", metavar="REF", help="A case reference (sensitive).")
@click.option("--at", "at", metavar="DATETIME", help="YYYY-MM-DD HH:MM (default: now).")
@pass_context
def evidence_add(obj: Context, line: str, source: str, text: str, setting_urn: str | None,
                 case_ref: str | None, at: str | None) -> None:
    """Add an evidence entry; print its id."""
    from sendtui.domain.clock import parse_london, utc_now
    from sendtui.errors import InvalidInput
    from sendtui.records import EvidenceRow
    from sendtui.store.evidence import add as add_evidence

    if not text.strip():
        raise InvalidInput("the entry has no text")
    row = EvidenceRow(parse_london(at) if at else utc_now(), line.upper(), source, text,
                      setting_urn, case_ref, None, "")
    click.echo(add_evidence(obj.store(), obj.inspection().id, [row]).ids[0])


# --- names marked sensitive --------------------------------------------------------------

@cli.group()
def names() -> None:
    """Children's and parents' names marked sensitive: exports show their pseudonyms."""


@names.command("add")
@click.argument("name")
@click.option("--pseudonym", metavar="LABEL", help="e.g. CYP-03 (default: the next free one).")
@pass_context
def names_add(obj: Context, name: str, pseudonym: str | None) -> None:
    """Mark NAME sensitive; print its pseudonym."""
    from sendtui.store.names import add as add_protected_name

    click.echo(add_protected_name(obj.store(), obj.inspection().id, name, pseudonym).pseudonym)


@names.command("list")
@click.option("--include-sensitive", is_flag=True, help="Show the names, not only pseudonyms.")
@click.option("--format", "fmt", type=TABLE_OR_JSON, default="table", show_default=True)
@pass_context
def names_list(obj: Context, include_sensitive: bool, fmt: str) -> None:
    """The pseudonyms in use (and the names, when asked)."""
    from sendtui.store.names import all as protected_names

    rows = [{"pseudonym": p.pseudonym, "name": p.name if include_sensitive else "[withheld]"}
            for p in protected_names(obj.store(), obj.inspection().id)]
    if include_sensitive:
        _audit(obj, "names marked sensitive listed")
    emit(rows, fmt, ["pseudonym", "name"])


@names.command("remove")
@click.argument("pseudonym")
@pass_context
def names_remove(obj: Context, pseudonym: str) -> None:
    """Stop treating the name behind PSEUDONYM as sensitive."""
    from sendtui.store.names import remove as remove_protected_name

    remove_protected_name(obj.store(), obj.inspection().id, pseudonym)


# --- exports -----------------------------------------------------------------------------

@cli.group()
def export() -> None:
    """Calendars, day sheets, the briefing pack and evidence summaries ('-o -' for stdout)."""


def _export(obj: Context, output: str, overwrite: bool = True, **request) -> None:
    from sendtui.config import today
    from sendtui.domain.calendar import parse_date
    from sendtui.exports import ExportRequest, render, write
    from sendtui.store.briefing import gather

    for key in ("start", "end"):
        request[key] = parse_date(request[key]) if request.get(key) else None
    req = ExportRequest(**request)
    ins = obj.inspection().id
    data = render(gather(obj.store(), ins, today()), req)
    path = write(output, data, overwrite=overwrite)
    if req.include_sensitive:
        _audit(obj, f"{req.what} {req.fmt} exported with names and case references",
               path.name if path else "to stdout")
    if path is not None:
        click.echo(f"wrote {path} ({len(data):,} bytes)", err=True)


def _audit(obj: Context, action: str, detail: str = "") -> None:
    from sendtui.store.audit import record

    record(obj.store(), obj.inspection().id, action, detail)


OUTPUT = click.option("-o", "output", required=True, metavar="FILE",
                      help="Where to write ('-' for stdout); an existing file is replaced.")
SENSITIVE = click.option("--include-sensitive", is_flag=True,
                         help="Keep case references and names marked sensitive (redacted "
                              "by default).")


@export.command("ics")
@OUTPUT
@click.option("--person", metavar="NAME", help="Only this person's events.")
@click.option("--from", "start", metavar="DATE", help="First day (YYYY-MM-DD).")
@click.option("--to", "end", metavar="DATE", help="Last day (YYYY-MM-DD).")
@pass_context
def export_ics(obj: Context, output: str, person: str | None, start: str | None,
               end: str | None) -> None:
    """An iCalendar file: Europe/London times, stable UIDs, removed events cancelled."""
    _export(obj, output, what="ics", fmt="ics", person=person, start=start, end=end)


@export.command("schedule")
@click.option("--format", "fmt", required=True, type=click.Choice(["csv", "md", "html", "docx"]))
@OUTPUT
@click.option("--day", metavar="DATE", help="One day only (YYYY-MM-DD).")
@click.option("--person", metavar="NAME", help="Only this person's events.")
@SENSITIVE
@pass_context
def export_schedule(obj: Context, fmt: str, output: str, day: str | None, person: str | None,
                    include_sensitive: bool) -> None:
    """Day sheets: times, places, people, travel and the local hosts' contacts."""
    _export(obj, output, what="schedule", fmt=fmt, person=person, start=day, end=day,
            include_sensitive=include_sensitive)


@export.command("evidence")
@click.option("--format", "fmt", required=True, type=click.Choice(["md", "csv", "docx"]))
@OUTPUT
@SENSITIVE
@pass_context
def export_evidence(obj: Context, fmt: str, output: str, include_sensitive: bool) -> None:
    """Evidence by line of enquiry with the triangulation table."""
    _export(obj, output, what="evidence", fmt=fmt, include_sensitive=include_sensitive)


@export.command("pack")
@click.option("--format", "fmt", required=True, type=click.Choice(["html", "docx"]))
@OUTPUT
@click.option("--day", metavar="DATE", help="Only this day's sheet (default: the whole week).")
@SENSITIVE
@pass_context
def export_pack(obj: Context, fmt: str, output: str, day: str | None,
                include_sensitive: bool) -> None:
    """The briefing pack: key dates, the week, day sheets, problems, evidence summary."""
    _export(obj, output, what="pack", fmt=fmt, start=day, end=day,
            include_sensitive=include_sensitive)


# --- care of the store -------------------------------------------------------------------

@cli.command()
@click.option("--format", "fmt", type=TABLE_OR_JSON, default="table", show_default=True)
@pass_context
def audit(obj: Context, fmt: str) -> None:
    """When names or case references left the store, from which laptop, to which file."""
    from sendtui.listing import local
    from sendtui.store.audit import entries

    rows = [{"at": local(e.at), "laptop": e.laptop, "action": e.action, "detail": e.detail}
            for e in entries(obj.store(), obj.inspection().id)]
    if rows or fmt == "json":
        emit(rows, fmt, ["at", "laptop", "action", "detail"])
    else:
        click.echo("Nothing sensitive has left the store.")


@cli.command()
@pass_context
def doctor(obj: Context) -> None:
    """Store location, schema version, counts and integrity."""
    from sendtui.store.maintenance import diagnose

    for key, value in diagnose(obj.store(), obj.target()).items():
        click.echo(f"{key:<24}{value}")


@cli.command()
@click.option("-o", "output", type=click.Path(path_type=Path), help="Where to write the copy.")
@pass_context
def backup(obj: Context, output: Path | None) -> None:
    """A consistent copy of the store, safe while the app is running."""
    from sendtui.store.maintenance import backup_to

    click.echo(backup_to(obj.store(), obj.target(), output))


def main() -> None:
    """The console script: click's usage errors too become one line on stderr (exit 2)."""
    try:
        code = cli.main(prog_name="sendtui", standalone_mode=False)
    except click.ClickException as exc:
        click.echo(f"sendtui: {exc.format_message()} (see 'sendtui --help')", err=True)
        code = exc.exit_code
    except click.Abort:
        click.echo("sendtui: stopped", err=True)
        code = 1
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    main()
