"""What a bundle holds (one inspection's rows, table by table, and its manifest) and its JSON.

`encode(manifest, tables)` gives the manifest's and the payload's bytes for
`domain.sealing.seal`; `decode(manifest, payload)` reads them back and checks that they agree
(the payload's sha256 and each table's count are the manifest's), else BadFile;
`decode_chunks` does the same on the payload in pieces, as it is inflated. An export streams
its payload's lines instead of holding them (`store.bundle_rows.stream`).

The payload is JSON lines (`records.bundle_lines`, format 2): the tables in foreign-key order
(a row's parents come first), each row a list of the values SQLite holds (text, integers,
floats, null: instants as the store writes them, in UTC), each row's field clocks next to it;
a reader gets the field_clock table back as rows like any other, last.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from sendtui.errors import BadFile
from sendtui.records import bundle_lines as lines

FORMAT = 2  # the payload's layout (records.bundle_lines); the container's: sealing.VERSION
CHUNK = 2000  # rows per line


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
    origin_name: str = ""  # the name its user gave that laptop ("Kwame's laptop")


@dataclass(frozen=True)
class Bundle:
    manifest: Manifest
    tables: tuple[TableRows, ...]
    read: bool = True  # False: only the manifest was read (the store has merged it already)

    def table(self, name: str) -> TableRows | None:
        return next((t for t in self.tables if t.name == name), None)


def encode(manifest: Manifest, tables: tuple[TableRows, ...]) -> tuple[bytes, bytes]:
    """(manifest bytes, payload bytes) of rows already in memory; the manifest's counts and
    sha256 are filled in. An export streams its rows instead (`store.bundle_rows.stream`)."""
    payload = b"".join(payload_lines(tables))
    counts = {t.name: len(t.rows) for t in tables}
    if lines.CLOCKS in counts:  # only the clocks of rows shipped go
        ids = {(t.name, r[t.columns.index("id")]) for t in tables
               if t.name != lines.CLOCKS and set(lines.OWN) <= set(t.columns) for r in t.rows}
        counts[lines.CLOCKS] = sum((r[0], r[1]) in ids for t in tables
                                   if t.name == lines.CLOCKS for r in t.rows)
    full = replace(manifest, counts=counts, sha256=hashlib.sha256(payload).hexdigest())
    return manifest_bytes(full), payload


def manifest_bytes(manifest: Manifest) -> bytes:
    return lines.dumps(manifest.__dict__)


def payload_lines(tables: tuple[TableRows, ...], chunk: int = CHUNK) -> Iterator[bytes]:
    """The payload's lines of rows in memory (the field_clock table's rows go with the rows
    they stamp: a clock of a row that is not among them is left out)."""
    yield lines.head_line((t.name, t.columns) for t in tables)
    stamps: dict[tuple[str, str], list[tuple]] = {}
    for table in tables:
        if table.name == lines.CLOCKS:
            for name, row_id, *clock in table.rows:
                stamps.setdefault((name, row_id), []).append(tuple(clock))
    for table in tables:
        if table.name == lines.CLOCKS:
            continue
        clocked = set(lines.OWN) <= set(table.columns)
        at = [table.columns.index(c) for c in lines.OWN] if clocked else []
        for n in range(0, len(table.rows), chunk):
            rows = table.rows[n:n + chunk]
            clocks = [lines.clocks_text(r, (at[1], at[2]), stamps.get((table.name, r[at[0]]),
                                                                      [])) for r in rows
                      ] if clocked else None
            yield lines.rows_line(table.name, rows, clocks)


def decode(manifest: bytes, payload: bytes, where: str = "the bundle") -> Bundle:
    """The bundle, once its manifest and payload agree; BadFile otherwise."""
    return decode_chunks(manifest, (payload,), where)


def decode_chunks(manifest: bytes, chunks: Iterable[bytes], where: str = "the bundle") -> Bundle:
    """`decode` of the payload in pieces (as it is inflated): never the whole payload at
    once. Its sha256 is checked after the last piece, and nothing is returned before."""
    facts = read_manifest(manifest, where)
    digest, reader = hashlib.sha256(), lines.Reader()

    def hashed():
        for chunk in chunks:
            digest.update(chunk)
            yield chunk

    try:
        for line in lines.lines_of(hashed()):
            reader.feed(line)
        tables = tuple(TableRows(*t) for t in reader.tables())
    except (UnicodeDecodeError, ValueError, KeyError, TypeError, RecursionError):
        raise BadFile(f"{where} is damaged: its rows cannot be read") from None
    if digest.hexdigest() != facts.sha256:
        raise BadFile(f"{where} is damaged: its rows do not match its manifest")
    if {t.name: len(t.rows) for t in tables} != facts.counts or \
            [t.name for t in tables] != list(facts.counts):
        raise BadFile(f"{where} is damaged: its rows do not match its manifest")
    return Bundle(facts, tables)


def _dumps(value) -> bytes:
    return lines.dumps(value)


def _loads(data: bytes, where: str):
    try:
        return json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise BadFile(f"{where} is damaged: it cannot be read") from None


def read_manifest(data: bytes, where: str) -> Manifest:
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
             "created_at": str, "counts": dict, "sha256": str, "origin_name": str}
    if not all(isinstance(getattr(facts, k), kind) for k, kind in kinds.items()):
        raise BadFile(f"{where} is damaged: its manifest cannot be read")
    return facts
