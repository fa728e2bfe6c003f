"""Requests CSV: title,kind,owner,due,status,where,notes (reason optional: why not held)."""

from __future__ import annotations

from pathlib import Path

from sendtui.domain import requests as rules
from sendtui.errors import BadFile, UserError
from sendtui.importers.csvfile import read_rows
from sendtui.records import RequestRow

COLUMNS = ("title", "kind", "owner", "due", "status", "where", "notes")


def read_requests(path: Path) -> list[RequestRow]:
    """Every row checked; BadFile naming the first bad row and column."""
    _, rows = read_rows(path, COLUMNS)
    return [_request(path.name, row) for row in rows]


def _request(name: str, row) -> RequestRow:
    def checked(column: str, check):
        try:
            return check(row.get(column))
        except UserError as exc:
            raise BadFile(f"{name}: row {row.number}, column {row.header(column)}: {exc}") \
                from None

    title = checked("title", rules.checked_title)
    kind = checked("kind", lambda k: rules.checked_kind(k or "document"))
    due_at = checked("due", rules.parse_due)
    reason = row.get("reason") or row.get("notes")
    status, reason = checked("status", lambda s: rules.checked_status(s or "to-do", reason))
    return RequestRow(row.number, title, kind, " ".join(row.get("owner").split()), due_at,
                      status, reason, row.get("where"), row.get("notes"))
