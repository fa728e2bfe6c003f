"""Stores as earlier versions of sendtui left them, for tests of upgrading and of kills
during an upgrade (the fault campaign builds big ones with the same functions).

    counts = make_store_at(path, "0003", entries=30_000)   # a store at revision 0003
    child = start_upgrade(path)                            # a sendtui opening it …
    wait_until_ready(child); time.sleep(t); child.kill()   # … killed at a random moment
    Store.open(str(path)).close()                          # the next opening …
    assert problems(path) == [] and lost_rows(path, counts) == {}   # … finds it whole

The rows are written with plain SQL in the columns every revision has (0001's), plus the
tables later revisions added, so nothing here depends on today's models.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

from sqlalchemy import create_engine

from sendtui.store.engines import APPLICATION_ID
from sendtui.store.migrate import all_revisions, upgrade

ROOT = Path(__file__).resolve().parents[2]
WORDS = ("annual review", "EHC plan", "waiting list", "speech and language", "transition",
         "co-production", "parent carer forum", "health visitor", "short breaks",
         "SENCo", "tribunal", "alternative provision", "attendance", "outreach")
STAMP = "2026-11-23 09:00:00.000000"


def revisions() -> list[str]:
    """Every revision, oldest first (the last is head)."""
    return all_revisions()


def make_store_at(path: Path, revision: str, entries: int = 300, *, seed: int = 0) -> dict:
    """A store file at `revision` (as sendtui of that time made it: WAL, application id)
    holding one inspection with `entries` evidence entries and what goes with them (lines,
    settings, people, events, versions, undo log, drafts, marked names, audit as the
    revision has them); the rows per table, as `row_counts` gives them."""
    path = Path(path)
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA journal_mode=WAL")
        conn.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")
        upgrade(conn, revision)
        conn.commit()
    engine.dispose()
    db = sqlite3.connect(path)
    try:
        with db:
            _fill(db, revision, entries, random.Random(seed))
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()
    os.chmod(path, 0o600)
    return row_counts(path)


def row_counts(path: Path) -> dict[str, int]:
    """Rows per table that holds the inspection's data (bookkeeping tables left out)."""
    db = sqlite3.connect(f"{Path(path).as_uri()}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in db.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE 'evidence_fts%' AND name NOT IN ('alembic_version')")]
        return {t: db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables
                if t != "store_info"}
    finally:
        db.close()


def lost_rows(path: Path, counts: dict[str, int]) -> dict[str, tuple[int, int | None]]:
    """Tables holding fewer or more rows than `counts` said (new tables may have come):
    table -> (rows before, rows now)."""
    now = row_counts(path)
    return {t: (n, now.get(t)) for t, n in counts.items() if now.get(t) != n}


def revision_of(path: Path) -> str | None:
    db = sqlite3.connect(f"{Path(path).as_uri()}?mode=ro", uri=True)
    try:
        return db.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        db.close()


def problems(path: Path) -> list[str]:
    """What SQLite's checks find wrong: integrity, foreign keys, the evidence FTS index."""
    found = []
    db = sqlite3.connect(path)
    try:
        check = db.execute("PRAGMA integrity_check").fetchall()
        if check != [("ok",)]:
            found.append(f"integrity_check: {check[:3]}")
        broken = db.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            found.append(f"foreign_key_check: {broken[:3]}")
        has_fts = db.execute("SELECT 1 FROM sqlite_master WHERE name='evidence_fts'").fetchone()
        if has_fts:
            try:
                db.execute("INSERT INTO evidence_fts(evidence_fts) VALUES('integrity-check')")
            except sqlite3.DatabaseError as exc:
                found.append(f"evidence_fts integrity-check: {exc}")
            db.rollback()
    finally:
        db.close()
    return found


CHILD = """
import sys
from sendtui.store.repo import Store
print("ready", flush=True)
Store.open(sys.argv[1]).close()
print("done", flush=True)
"""


def start_upgrade(path: Path) -> subprocess.Popen:
    """A process that opens (so upgrades) the store at `path`; it prints "ready" once its
    imports are done, just before it opens the store, and "done" after."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen([sys.executable, "-c", CHILD, str(path)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_until_ready(child: subprocess.Popen) -> None:
    line = child.stdout.readline()
    if line.strip() != "ready":
        raise RuntimeError(f"the upgrading process did not start: {child.stderr.read()}")


# --- the rows ------------------------------------------------------------------------------

def _fill(db: sqlite3.Connection, revision: str, entries: int, rng: random.Random) -> None:
    known = revisions()
    since = known.index(revision)
    device = str(uuid.UUID(int=rng.getrandbits(128)))
    ins = _id(rng)
    tracked = (STAMP, device, "000000000000001-" + device[:8])

    def insert(table: str, rows: list[dict]) -> None:
        if not rows:
            return
        columns = ["id", "updated_at", "updated_by", "hlc", *rows[0]]
        sql = (f'INSERT INTO "{table}" ({", ".join(chr(34) + c + chr(34) for c in columns)}) '
               f'VALUES ({", ".join("?" for _ in columns)})')
        db.executemany(sql, [(_id(rng), *tracked, *row.values()) for row in rows])

    db.execute("INSERT INTO store_info (key, value) VALUES ('device_id', ?)", (device,))
    db.execute('INSERT INTO inspection (id, updated_at, updated_by, hlc, local_area, framework, '
               'notified) VALUES (?, ?, ?, ?, ?, ?, ?)', (ins, *tracked, "Oldshire", "2023",
                                                          "2026-11-23"))
    insert("key_date", [{"inspection_id": ins, "key": k, "label": k.title(), "date": d,
                         "rule": "", "edited": 0}
                        for k, d in (("notified", "2026-11-23"), ("on-site", "2026-11-30"),
                                     ("final-feedback", "2026-12-04"))])
    lines = [_id(rng) for _ in range(8)]
    db.executemany(
        'INSERT INTO line_of_enquiry (id, updated_at, updated_by, hlc, inspection_id, code, '
        'title, strand, is_bespoke, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?)',
        [(lid, *tracked, ins, f"L{i}", f"Line {i}", "strand", i) for i, lid in enumerate(lines)])
    settings = [_id(rng) for _ in range(10)]
    db.executemany(
        'INSERT INTO setting (id, updated_at, updated_by, hlc, inspection_id, urn, name, kind, '
        'gias_type, phase, status, la_name, address, postcode, is_specialist, out_of_area, '
        'shortlisted, visited) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0)',
        [(sid, *tracked, ins, str(100000 + i), f"Setting {i}", "primary", "Community school",
          "Primary", "Open", "Oldshire", f"{i} High Street", "OL1 1AA")
         for i, sid in enumerate(settings)])
    people = [_id(rng) for _ in range(6)]
    db.executemany(
        'INSERT INTO person (id, updated_at, updated_by, hlc, inspection_id, name, role, '
        'organisation, email, phone, is_team) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [(pid, *tracked, ins, f"Person {i}", "Inspector", "Ofsted", "", "", int(i < 3))
         for i, pid in enumerate(people)])
    insert("availability", [{"person_id": people[0], "start": "2026-12-01 09:00:00.000000",
                             "end": "2026-12-01 12:00:00.000000", "reason": "leave"}])
    events = [_id(rng) for _ in range(12)]
    db.executemany(
        'INSERT INTO event (id, updated_at, updated_by, hlc, inspection_id, kind, title, start, '
        '"end", setting_id, location, notes, status, sequence) '
        'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)',
        [(eid, *tracked, ins, "visit", f"Visit {i}", f"2026-12-0{1 + i % 5} 09:00:00.000000",
          f"2026-12-0{1 + i % 5} 11:00:00.000000", settings[i % 10], "", "", "confirmed")
         for i, eid in enumerate(events)])
    insert("event_person", [{"event_id": events[i % 12], "person_id": people[(i + i // 12) % 6]}
                            for i in range(24)])
    evidence = [_id(rng) for _ in range(entries)]
    db.executemany(
        'INSERT INTO evidence (id, updated_at, updated_by, hlc, inspection_id, line_id, source, '
        'text, at, setting_id, event_id, case_ref, author) '
        'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [(eid, *tracked, ins, lines[i % 8], "visit", _text(rng, i), _at(i),
          settings[i % 10] if i % 3 else None, events[i % 12] if i % 4 == 0 else None,
          f"EHC-{i:06d}" if i % 5 == 0 else None, "Person 0")
         for i, eid in enumerate(evidence)])
    insert("evidence_version", [{"evidence_id": evidence[i], "text": "an earlier wording",
                                 "saved_at": STAMP} for i in range(0, entries, 10)])
    insert("change", [{"inspection_id": ins, "table_name": "evidence", "row_id": evidence[i],
                       "before": None, "after": '{"text": "x"}', "summary": "Evidence added",
                       "undone": 0} for i in range(0, entries, 10)])
    if since >= known.index("0004"):
        insert("evidence_draft", [{"inspection_id": ins, "fields": '{"text": "half a thought"}'}])
    if since >= known.index("0005"):
        insert("protected_name", [{"inspection_id": ins, "name": n, "pseudonym": p}
                                  for n, p in (("Poppy Example", "Child A"),
                                               ("Sam Sample", "Child B"))])
    if since >= known.index("0006"):
        insert("audit", [{"inspection_id": ins, "action": "export", "detail": "evidence"}
                         for _ in range(3)])


def _id(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _text(rng: random.Random, i: int) -> str:
    words = " and ".join(rng.sample(WORDS, 3))
    return f"Entry {i}: leaders spoke about {words}; {rng.randrange(1000)} families waited."


def _at(i: int) -> str:
    at = dt.datetime(2026, 11, 30, 9) + dt.timedelta(minutes=7 * i)
    return at.strftime("%Y-%m-%d %H:%M:%S.%f")
