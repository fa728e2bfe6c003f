"""What a bundle holds (one inspection's rows, table by table, and its manifest) and its JSON.

`encode(manifest, tables)` gives the manifest's and the payload's bytes for
`domain.sealing.seal`; `decode(manifest, payload)` reads them back and checks that they agree
(the payload's sha256 and each table's count are the manifest's), else BadFile.

The payload is one JSON document, `{"tables": [{"name", "columns", "rows"}, …]}`, tables in
foreign-key order (a row's parents come first), each row a list of the values SQLite holds
(text, integers, floats, null: instants as the store writes them, in UTC).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace

from sendtui.errors import BadFile

FORMAT = 1  # the payload's layout; the container's own version is domain.sealing.VERSION


@dataclass(frozen=True)
class TableRows:
    name: str
    columns: tuple[str, ...]
    rows: tuple[tuple, ...]


@dataclass(frozen=True)
class Manifest:
    schema: str  # the store's schema revision ("0017")
    origin: str  # the device that wrote the bundle
    inspection_id: str
    high_water: dict[str, str]  # per device: the highest hlc among the rows it stamped
    created_at: str  # UTC, ISO 8601
    counts: dict[str, int] = field(default_factory=dict)  # rows per table, in order
    sha256: str = ""  # of the payload's bytes
    format: int = FORMAT


@dataclass(frozen=True)
class Bundle:
    manifest: Manifest
    tables: tuple[TableRows, ...]

    def table(self, name: str) -> TableRows | None:
        return next((t for t in self.tables if t.name == name), None)


def encode(manifest: Manifest, tables: tuple[TableRows, ...]) -> tuple[bytes, bytes]:
    """(manifest bytes, payload bytes); the manifest's counts and sha256 are filled in."""
    payload = _dumps({"tables": [{"name": t.name, "columns": list(t.columns),
                                  "rows": t.rows} for t in tables]})
    full = replace(manifest, counts={t.name: len(t.rows) for t in tables},
                   sha256=hashlib.sha256(payload).hexdigest())
    return _dumps(full.__dict__), payload


def decode(manifest: bytes, payload: bytes, where: str = "the bundle") -> Bundle:
    """The bundle, once its manifest and payload agree; BadFile otherwise."""
    facts = _manifest(manifest, where)
    if hashlib.sha256(payload).hexdigest() != facts.sha256:
        raise BadFile(f"{where} is damaged: its rows do not match its manifest")
    tables = _tables(payload, where)
    if {t.name: len(t.rows) for t in tables} != facts.counts or \
            [t.name for t in tables] != list(facts.counts):
        raise BadFile(f"{where} is damaged: its rows do not match its manifest")
    return Bundle(facts, tables)


def _dumps(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _loads(data: bytes, where: str):
    try:
        return json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise BadFile(f"{where} is damaged: it cannot be read") from None


def _manifest(data: bytes, where: str) -> Manifest:
    found = _loads(data, where)
    if not isinstance(found, dict) or not isinstance(found.get("format"), int):
        raise BadFile(f"{where} is damaged: its manifest cannot be read")
    if found["format"] != FORMAT:
        raise BadFile(f"{where} holds rows of format {found['format']}, which this sendtui "
                      f"cannot read (it reads format {FORMAT}): update sendtui")
    try:
        facts = Manifest(**found)
    except TypeError:
        raise BadFile(f"{where} is damaged: its manifest cannot be read") from None
    kinds = {"schema": str, "origin": str, "inspection_id": str, "high_water": dict,
             "created_at": str, "counts": dict, "sha256": str}
    if not all(isinstance(getattr(facts, k), kind) for k, kind in kinds.items()):
        raise BadFile(f"{where} is damaged: its manifest cannot be read")
    return facts


def _tables(data: bytes, where: str) -> tuple[TableRows, ...]:
    found = _loads(data, where)
    try:
        tables = tuple(_table(t) for t in found["tables"])
    except (KeyError, TypeError, ValueError):
        raise BadFile(f"{where} is damaged: its rows cannot be read") from None
    return tables


def _table(found: dict) -> TableRows:
    columns = tuple(found["columns"])
    rows = tuple(tuple(r) for r in found["rows"])
    if not all(isinstance(c, str) for c in columns) or any(len(r) != len(columns)
                                                           for r in rows):
        raise ValueError("a row does not fit its table")
    return TableRows(str(found["name"]), columns, rows)
