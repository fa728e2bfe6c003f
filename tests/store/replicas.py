"""Laptops for the merge tests: stores on temp files or PostgreSQL databases, each with its
own device, and what they hold compared as content (tables) and as a coordinator sees it (the
CLI's output)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import make_url

from sendtui.cli import cli
from sendtui.config import Device
from sendtui.records.bundle import Bundle, decode, encode
from sendtui.store import field_clocks, merge
from sendtui.store.bundle_rows import bundle_rows, manifest_of
from sendtui.store.db import open_store
from sendtui.store.repo import Store
from tests.pg_fixtures import TEMPLATE

LAPTOPS = (("aaaaaaaa-0000-4000-8000-000000000001", "A laptop"),
           ("bbbbbbbb-0000-4000-8000-000000000002", "B laptop"),
           ("cccccccc-0000-4000-8000-000000000003", "C laptop"))
FRESH = ("dddddddd-0000-4000-8000-000000000004", "D laptop")
WORDS = ("otter", "heron", "badger", "kestrel", "marten")  # searched for at the end
LISTS = [("list", kind, "--format", "json") for kind in (
    "settings", "people", "events", "lines", "evidence", "actions", "children")] + [
    ("names", "list", "--format", "json"), ("requests", "list", "--format", "json"),
    ("inspection", "list", "--format", "json"), ("check", "--format", "json"),
    ("audit", "--format", "json"),
    ("export", "schedule", "--format", "csv", "-o", "-"),
    ("export", "evidence", "--format", "md", "-o", "-")] + [
    ("search", word, "--format", "json", "--limit", "1000") for word in WORDS]


def laptop(where: Path | str, which: tuple[str, str]) -> Store:
    """`where`: a store file or a PostgreSQL database's URL."""
    opened = open_store(str(where))
    return Store(opened.engine, opened, Device(*which))


class Shelf:
    """Where a test's stores go: files in `folder`, and, given the worker's PostgreSQL
    (tests/pg_fixtures.py `pg_server`), databases on it. A store is copied as a file or as
    `CREATE DATABASE … TEMPLATE` (its engine closed first); `clear()` drops the databases."""

    def __init__(self, folder: Path, cluster=None):
        self.folder, self.cluster, self.made = folder, cluster, []

    def new(self, name: str, engine: str = "sqlite") -> str:
        """Where a new store goes: a file not made yet, or a new store at head."""
        if engine == "sqlite":
            return str(self.folder / f"{name}.db")
        return self._database(TEMPLATE)

    def copy(self, source: str, name: str) -> str:
        """A copy of the closed store at `source`, on the same engine."""
        if "://" in source:
            return self._database(make_url(source).database)
        copy_store(Path(source), self.folder / f"{name}.db")
        return str(self.folder / f"{name}.db")

    def _database(self, template: str) -> str:
        self.made.append(self.cluster.create(template))
        return self.cluster.server.url(self.made[-1])

    def clear(self) -> None:
        for name in self.made:
            self.cluster.drop(name)
        self.made.clear()


def bundle_of(store: Store, inspection_id: str) -> Bundle:
    """What `sendtui bundle export` would write, read back as `bundle import` reads it."""
    tables = bundle_rows(store, inspection_id)
    return decode(*encode(manifest_of(store, inspection_id, tables), tables))


def send(source: Store, target: Store, inspection_id: str) -> merge.Arrived:
    return merge.import_bundle(target, bundle_of(source, inspection_id))


def content(store: Store, inspection_id: str, leave_out: str | None = None) -> dict:
    """Every shipped row, by table, but bookkeeping that says only when a merge was made:
    an alias's `at` (the first laptop to fold two rows keeps its own), and a field clock
    equal to its row's own stamp (what a field without one goes by). `leave_out`: a store
    that only took bundles, whose own stamps (a SEQUENCE past both sides, a fold's
    tombstone, the audit line saying which bundle came first) depend on when it took each
    bundle: its clocks and instants are left out, its tombstones kept as tombstones."""
    tables = {t.name: [dict(zip(t.columns, row)) for row in t.rows]
              for t in bundle_rows(store, inspection_id)}
    stamps = {(name, r.get("id")): (r["hlc"], r.get("updated_by")) for name, rows in tables.items()
              for r in rows if "hlc" in r}
    tables["alias"] = [{**r, "at": None} for r in tables["alias"]]
    tables["field_clock"] = _effective_clocks(tables, stamps)
    if leave_out:
        tables = {name: [_unstamped(r, leave_out) for r in rows
                         if not (name == "audit" and r["updated_by"] == leave_out)
                         and r.get("device_id") != leave_out]
                  for name, rows in tables.items()}
    return tables


def _effective_clocks(tables: dict, stamps: dict) -> list[dict]:
    """Each field's clock as a merge reads it (its own, else the row's first `*`, else the
    row's stamp), where it is not the row's stamp: two stores that hold the same clocks in
    other rows (one has a field's own clock, the other the same as its row's `*`) agree."""
    held: dict = {}
    for r in tables["field_clock"]:
        held.setdefault((r["table_name"], r["row_id"]), {})[r["field"]] = (
            r["hlc"], r["device_id"])
    rows = {(name, r.get("id")): r for name, found in tables.items() for r in found}
    found = []
    for (name, row_id), stamp in stamps.items():
        own = held.get((name, row_id), {})
        for field in set(rows[(name, row_id)] if own else ()) - {
                "id", "hlc", "updated_at", "updated_by"}:
            clock = field_clocks.clock_of(own, field, stamp)
            if clock != stamp:
                found.append({"table_name": name, "row_id": row_id, "field": field,
                              "hlc": clock[0], "device_id": clock[1]})
    return found


def _unstamped(row: dict, device: str) -> dict:
    if row.get("updated_by") != device:
        return row
    gone = row.get("deleted_at") is not None
    return {**row, "hlc": None, "updated_at": None, "deleted_at": gone}


def without_audit(rows: dict) -> dict:
    """`content` but the audit log (each import writes its own line about it)."""
    return {**{k: v for k, v in rows.items() if k != "audit"},
            "field_clock": [r for r in rows["field_clock"] if r["table_name"] != "audit"]}


def without_pseudonyms(rows: dict) -> dict:
    """`content` but which marked name holds which pseudonym, and those rows' stamps: a
    pseudonym given on two laptops is renumbered to the next one free when the second
    bundle comes, so stores that took bundles in other orders may number them otherwise
    (laptops that exchange agree again: the pseudonym is a field like any). A row's
    tombstone is compared as gone or not: a store that renumbered a name itself (then took
    the same number from a bundle) holds its own stamp there, which `content(leave_out=…)`
    reads as a bool, and another order keeps the laptop's instant."""
    fields = ("pseudonym", "hlc", "updated_at", "updated_by")
    return {**rows, "protected_name": [
        {**{k: v for k, v in r.items() if k not in fields},
         "deleted_at": r["deleted_at"] not in (None, False)}
        for r in rows["protected_name"]],
            "field_clock": [r for r in rows["field_clock"]
                            if r["table_name"] != "protected_name"]}


def differences(one: dict, other: dict) -> list[str]:
    said = []
    for name in one:
        mine = {json.dumps(r, sort_keys=True, default=str) for r in one[name]}
        theirs = {json.dumps(r, sort_keys=True, default=str) for r in other[name]}
        if mine != theirs:
            said.append(f"{name}: {sorted(mine - theirs)[:2]} / {sorted(theirs - mine)[:2]}")
    return said


def checked(store: Store) -> list[str]:
    """What SQLite finds wrong with the file (nothing: []); on PostgreSQL, which enforces
    every key as each statement runs, a constraint it has not validated."""
    with store.engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            return [r[0] for r in conn.exec_driver_sql(
                "SELECT conname FROM pg_constraint WHERE NOT convalidated")]
        found = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check")]
        keys = [str(r) for r in conn.exec_driver_sql("PRAGMA foreign_key_check")]
    return ([] if found == ["ok"] else found) + keys


def seen(db: Path | str, commands=LISTS) -> dict[tuple, str]:
    """What each list, search and export command prints for the store at `db`."""
    runner = CliRunner()
    said = {}
    for args in commands:
        result = runner.invoke(cli, ["--db", str(db), *args])
        assert result.exit_code in (0, 1), (args, result.stdout, result.stderr)
        said[args] = _hits(result.stdout) if args[0] == "search" else result.stdout
    return said


def _hits(said: str) -> list:
    """A search's hits whatever their order among equal scores (FTS5 breaks a tie by the
    row's place in the file, which differs between laptops that hold the same rows)."""
    return sorted(json.dumps(hit, sort_keys=True) for hit in json.loads(said))


def copy_store(source: Path, target: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{source}{suffix}").exists():
            shutil.copy(f"{source}{suffix}", f"{target}{suffix}")
