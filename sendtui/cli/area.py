"""What the local area holds: imported from CSV files, listed back."""

from __future__ import annotations

from pathlib import Path

import click

from sendtui.cli.common import FILE, Context, format_option, pass_context, warn
from sendtui.cli.types import given
from sendtui.listing import KINDS
from sendtui.output import FORMATS, emit


@click.group("import")
def import_() -> None:
    """Import settings (GIAS), people or a schedule from CSV; all or nothing."""


@import_.command("settings")
@FILE
@click.option("--la", "local_area", callback=given, metavar="NAME",
              help="Local authority to keep (default: the inspection's local area).")
@pass_context
def import_settings(obj: Context, file: Path, local_area: str | None) -> None:
    """A Get Information About Schools establishment CSV."""
    from sendtui.files import check_input
    from sendtui.importers.gias import read_gias
    from sendtui.store import settings

    check_input(file)  # before the store is opened: a FIFO or a device is refused at once
    ins = obj.inspection()
    result = read_gias(file, local_area or ins.local_area)
    loaded = settings.load(obj.store(), ins.id, result.settings, result.points)
    click.echo(f"{loaded.added} settings added, {loaded.updated} updated, "
               f"{loaded.unchanged} unchanged, {sum(result.skipped.values())} skipped")
    for reason, n in sorted(result.skipped.items()):
        click.echo(f"  skipped {n}: {reason}")
    for warning in result.warnings:
        warn(warning)


@import_.command("people")
@FILE
@pass_context
def import_people(obj: Context, file: Path) -> None:
    """CSV name,role,organisation,email,phone."""
    from sendtui.files import check_input
    from sendtui.importers.people import read_people
    from sendtui.store import people

    check_input(file)
    ins = obj.inspection()
    result = read_people(file)
    loaded = people.load(obj.store(), ins.id, result.people)
    click.echo(f"{loaded.added} people added, {loaded.updated} updated, "
               f"{loaded.unchanged} unchanged")
    for warning in result.warnings:
        warn(warning)


@import_.command("schedule")
@FILE
@pass_context
def import_schedule(obj: Context, file: Path) -> None:
    """CSV date,start,end,kind,title,setting_urn,people,location,notes."""
    from sendtui.files import check_input
    from sendtui.importers.schedule import read_schedule
    from sendtui.store import events

    check_input(file)
    loaded = events.load(obj.store(), obj.inspection().id, read_schedule(file))
    click.echo(f"{loaded.added} events added, {loaded.unchanged} unchanged")


@click.command("list")
@click.argument("what", type=click.Choice(KINDS))
@format_option(FORMATS)
@click.option("--include-sensitive", is_flag=True,
              help="Show names marked sensitive and case references (events, evidence, "
                   "actions); "
                   "the audit log notes it.")
@pass_context
def list_(obj: Context, what: str, fmt: str, include_sensitive: bool) -> None:
    """List settings, people, events, lines of enquiry, evidence, actions or tracked
    children (by pseudonym)."""
    from sendtui import listing

    rows, columns = listing.rows(obj.store(), obj.inspection().id, what, include_sensitive)
    if include_sensitive and what in listing.SENSITIVE:
        obj.record(f"{what} listed with names and case references")
    emit(rows, fmt, columns)


@click.group("places")
def places() -> None:
    """Places GIAS does not list: a health site, a private nursery, the base room."""


@places.command("add")
@click.option("--name", required=True, metavar="NAME", help="What the place is called.")
@click.option("--kind", default="other", show_default=True, metavar="K",
              help="Setting kind: early-years, primary, secondary, special, "
                   "further-education, independent, alternative-provision, other.")
@click.option("--postcode", default="", metavar="PC",
              help="Its postcode: places it on the map when no easting/northing is given.")
@click.option("--easting", metavar="E", help="British National Grid easting (metres).")
@click.option("--northing", metavar="N", help="British National Grid northing (metres).")
@click.option("--base", "is_base", is_flag=True,
              help="This is the inspection's base room (it takes over from any other).")
@pass_context
def places_add(obj: Context, name: str, kind: str, postcode: str, easting: str | None,
               northing: str | None, is_base: bool) -> None:
    """Add a place that is not in GIAS; print its id."""
    from sendtui.domain.places import new_place
    from sendtui.store import places as stored

    new_place(name, kind, postcode, easting, northing)  # refused before the store is opened
    click.echo(stored.add(obj.store(), obj.inspection().id, name, kind, postcode, easting,
                          northing, is_base).id)
