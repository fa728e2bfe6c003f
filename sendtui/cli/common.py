"""What every command shares: the store and inspection it acts on, and how it prints."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from dataclasses import dataclass, field

import click

from sendtui.cli.types import PATH
from sendtui.output import emit


@dataclass
class Context:
    db: str | None
    inspection_ref: str | None
    _store: object = field(default=None, repr=False)
    _inspection: object = field(default=None, repr=False)  # the one acted on, once chosen
    _acting_on: str = ""  # the line naming it, said before the command's first output

    def target(self) -> str:
        from sendtui.config import default_db_target
        from sendtui.errors import UserError

        if self.db is not None and not self.db.strip():
            raise UserError("--db is empty: give a store file or a database URL")
        return self.db or default_db_target()

    def store(self, create: bool = False):
        """The store, opened on first use. Only commands that make things pass `create`:
        the others refuse a missing or empty store file (exit 3) and make nothing."""
        if self._store is None:
            from sendtui.store.repo import Store

            self._store = Store.open(self.target(), create=create)
        return self._store

    def tell(self) -> None:
        """Say what opening the store did (a store others could read made owner-only …);
        only when the command went well, so that a refusal stays one line."""
        self.say_acting_on()
        if self._store is not None:
            for notice in self._store.notices:
                click.echo(f"sendtui: {notice}", err=True)
            self._store.notices.clear()

    def close(self) -> None:
        self._acting_on = ""
        _SaysFirst.take_away()
        if self._store is not None:
            self._store.close()

    def store_trouble(self, exc: Exception) -> Exception:
        """A failure nobody foresaw, as the StoreError it is when the store is damaged or
        the database failed (one line, exit 3); else `exc` itself (a bug). A command that
        read the file with sqlite3 alone opens the store now, to look at it."""
        from sendtui.errors import StoreError
        from sendtui.store.damage import UNREADABLE, as_store_error

        if self._store is None and isinstance(exc, UNREADABLE):
            try:
                self.store()
            except StoreError as refused:
                return refused
        return as_store_error(exc, self._store) or exc

    def failed(self) -> None:
        """The command refused: a store it made is taken away again, any other closed
        (so that no -wal or -shm is left beside it)."""
        if self._store is not None and self._store.created:
            self._store.take_back()
            self._store = None
        self.close()

    def inspection(self):
        if self._inspection is None:
            from sendtui.store import inspections

            self._chosen(inspections.all(self.store()))
        return self._inspection

    def _chosen(self, found: list):
        """The inspection acted on (--inspection, else the only one, else the last opened).
        When the store holds several, the first line on stderr says which, so that a script's
        stdout (csv, json) stays as it was."""
        from sendtui.store import glance

        if self._inspection is None:
            self._inspection = glance.choose(found, self.inspection_ref)
            if len(found) > 1:
                self._acting_on = (f"sendtui: acting on {named(self._inspection)}, one of "
                                   f"{len(found)} inspections (--inspection picks another)")
                _SaysFirst.put_before(self.say_acting_on)
        return self._inspection

    def say_acting_on(self) -> None:
        """The line naming the inspection, on stderr: before the command's first output, or
        at its end if it wrote nothing (never when it fails: a refusal stays one line)."""
        said, self._acting_on = self._acting_on, ""
        if said:
            click.echo(said, err=True)

    @contextmanager
    def reads(self):
        """Plain SQL reads for a read-only command, and the inspection they are about: with
        sqlite3 or psycopg alone when the target is a store at the current schema
        (`plain.plain_reads`: SQLAlchemy takes half a second to load), else through the
        opened store."""
        from sendtui.config import load_device
        from sendtui.store import glance
        from sendtui.store.plain import plain_reads

        if self._store is None:
            with plain_reads(self.target()) as rows:
                if rows is not None:
                    yield rows, self._chosen(glance.inspections(rows, load_device().id))
                    return
        with self.store().plain_reads() as rows:
            yield rows, self.inspection()

    def record(self, action: str, detail: str = "") -> None:
        """Note in the audit log that names or case references left the store."""
        from sendtui.store.audit import record

        record(self.store(), self.inspection().id, action, detail)


pass_context = click.make_pass_decorator(Context)


class _SaysFirst:
    """stdout and stderr, for one command: `say` runs before the first text written to
    either, so that its line comes first. Put back when the command ends, not sooner (print()
    holds sys.stdout without a reference of its own while it writes)."""

    def __init__(self, stream, say) -> None:
        self._stream, self._say = stream, say

    def write(self, text):
        if text:  # click writes b"" and "" to find out what a stream is
            self._say()
        return self._stream.write(text)

    def __getattr__(self, name):
        return getattr(self._stream, name)

    put: tuple = ()  # (stdout, stderr) while they are in place

    @classmethod
    def put_before(cls, say) -> None:
        cls.take_away()
        cls.put = (cls(sys.stdout, say), cls(sys.stderr, say))
        sys.stdout, sys.stderr = cls.put

    @classmethod
    def take_away(cls) -> None:
        if cls.put:
            (out, err), cls.put = cls.put, ()
            if sys.stdout is out:
                sys.stdout = out._stream
            if sys.stderr is err:
                sys.stderr = err._stream


def named(ins) -> str:
    """An inspection as the user tells it from another: 'Wealdshire (2023 framework,
    notified 2026-11-16)'."""
    return f"{ins.local_area} ({ins.framework} framework, notified {ins.notified.isoformat()})"


def ref_for(ins, found: list) -> str:
    """What to give --inspection for `ins`: its local area when no other starts the same,
    else the start of its id."""
    import shlex

    area = ins.local_area.lower()
    alike = [i for i in found if i.local_area.lower().startswith(area)]
    return shlex.quote(ins.local_area) if len(alike) == 1 else ins.id[:8]

FILE = click.argument("file", type=PATH)


def format_option(choices=("table", "json")):
    return click.option("--format", "fmt", type=click.Choice(choices), default="table",
                        show_default=True)


def warn(message: object) -> None:
    click.echo(f"sendtui: warning: {message}", err=True)


def show(rows: list[dict], fmt: str, columns: list[str], empty: str) -> None:
    """JSON always (an empty list too); else a table of `columns`, or `empty` when none."""
    if fmt == "json":
        emit(rows, "json")
    elif rows:
        emit(rows, fmt, columns)
    else:
        click.echo(empty)
