"""Erasing for good: one evidence entry, event or marked name, or the whole inspection.

Unlike delete (a tombstone that undo brings back), these cannot be undone: the content
leaves every table, the search index, the undo log and the drafts, and the file is compacted
so that it cannot be read back. Output names what was erased by id or pseudonym only.
"""

from __future__ import annotations

import click

from sendtui.cli.common import Context, pass_context, warn


@click.group()
def erase() -> None:
    """Erase an evidence entry, an event or a marked name for good (no undo)."""


@erase.command("evidence")
@click.argument("entry_id", metavar="ID")
@pass_context
def erase_evidence(obj: Context, entry_id: str) -> None:
    """Erase the evidence entry ID (or a unique start of it): text, case reference, versions."""
    from sendtui.store import erasure

    _said(obj, erasure.erase_evidence(obj.store(), obj.inspection().id, entry_id))


@erase.command("event")
@click.argument("event_id", metavar="ID")
@pass_context
def erase_event(obj: Context, event_id: str) -> None:
    """Erase the event ID (or a unique start of it): title, place, notes and people."""
    from sendtui.store import erasure

    _said(obj, erasure.erase_event(obj.store(), obj.inspection().id, event_id))


@erase.command("name")
@click.argument("name", metavar="NAME|PSEUDONYM")
@pass_context
def erase_name(obj: Context, name: str) -> None:
    """Erase a marked name: everywhere it was written now says its pseudonym."""
    from sendtui.store import erasure

    _said(obj, erasure.erase_name(obj.store(), obj.inspection().id, name))


@erase.command("deleted")
@pass_context
def erase_deleted(obj: Context) -> None:
    """Erase everything deleted (entries, events, unmarked names) that undo could bring back."""
    from sendtui.store import erasure

    _said(obj, erasure.erase_deleted(obj.store(), obj.inspection().id),
          none="Nothing deleted is left to erase.")


@erase.command("compact")
@pass_context
def erase_compact(obj: Context) -> None:
    """Clear the file's free space of what was erased, if another program held it open."""
    from sendtui.store.compaction import compact

    done = compact(obj.store())
    _compacted(done, "://" in obj.target())
    if done:
        click.echo("The store's free space is cleared.")


@click.command()
@click.option("--yes", is_flag=True, help="Yes: erase the inspection for good.")
@pass_context
def purge(obj: Context, yes: bool) -> None:
    """Erase the selected inspection and everything in it for good (no undo)."""
    from sendtui.errors import InvalidInput
    from sendtui.store import erasure

    if not yes:
        raise InvalidInput("purge erases the whole inspection for good and cannot be undone: "
                           "add --yes to do it")
    _said(obj, erasure.purge(obj.store(), obj.inspection().id))


def _said(obj: Context, done, none: str = "") -> None:
    if not done.rows and none:
        click.echo(none)
    elif done.rows:
        rows = "1 row" if done.rows == 1 else f"{done.rows:,} rows"
        click.echo(f"Erased {done.what} for good ({rows}); it cannot be undone.")
    else:
        click.echo(f"{done.what[0].upper()}{done.what[1:]} was erased already.")
    server = "://" in obj.target()
    _compacted(done.compacted, server)
    if server:
        warn("a server database: its WAL files and backups keep the old content until they "
             "are recycled (its DBA: CHECKPOINT, then the backups' own retention)")
    from sendtui.store.maintenance import copies_beside

    copies = copies_beside(obj.target())
    if copies:
        warn(f"{len(copies)} backup or bundle file(s) beside the store still hold copies of "
             "personal data: 'sendtui doctor' lists them")


def _compacted(compacted: bool, server: bool) -> None:
    if compacted is False and server:
        warn("another client's open transaction (or a statistics sample this role may not "
             "delete) still holds old content: run 'sendtui erase compact' later, or ask the "
             "database's administrator")
    elif compacted is False:
        warn("another program has the store open, so its free space still holds old "
             "content: close it, then run 'sendtui erase compact'")
