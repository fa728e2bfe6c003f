"""What every command shares: the store and inspection it acts on, and how it prints."""

from __future__ import annotations

from dataclasses import dataclass, field

import click

from sendtui.cli.types import PATH
from sendtui.output import emit


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

    def record(self, action: str, detail: str = "") -> None:
        """Note in the audit log that names or case references left the store."""
        from sendtui.store.audit import record

        record(self.store(), self.inspection().id, action, detail)


pass_context = click.make_pass_decorator(Context)

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
