"""Migrate: SIGKILL during the first open of a store made by an earlier revision (0001..0007),
holding 30,000 entries (full) or 300 (sample). After each kill the next open must migrate it
to head (or exit 3 pointing to its backup), the store must pass SQLite's checks and hold every
row, and the backup must still be the store as it was."""

from __future__ import annotations

import random
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

from tests.faults import spawn
from tests.faults.oldstores import REVISIONS, make_store_at
from tests.faults.report import Row, crash
from tests.faults.stores import count, integrity, revision

ENTRIES = {"full": 30_000, "sample": 300}
TRIALS = {"full": 210, "sample": 10}  # spread evenly over the revisions


def jobs(scale: str) -> list[str]:
    return [rev for i, rev in enumerate(REVISIONS) if _trials(scale, i)]


def _trials(scale: str, i: int) -> int:
    n, k = divmod(TRIALS[scale], len(REVISIONS))
    return n + (i < k)


def run(job: str, work: Path, scale: str, seed: int) -> Row:
    from sendtui.store.db import head_revision

    folder = work / f"migrate-{job}"
    folder.mkdir()
    old = make_store_at(folder / f"old-{job}.db", job, entries=ENTRIES[scale])
    trial = Trial(job, old, folder, head_revision(), ENTRIES[scale])
    row = Row("migrate", note=f"killed in the first open (doctor) of 0001..0007 stores of "
                              f"{ENTRIES[scale]:,} entries")
    rng = random.Random(f"{seed}-migrate-{job}")
    took = trial.calibrate(row)
    for _ in range(_trials(scale, REVISIONS.index(job))):
        trial.kill_once(rng, took, row)
        row.trials += 1
        trial.check(row)
    return row


def schema(path: Path) -> list[tuple]:
    with closing(sqlite3.connect(path)) as conn:
        return sorted(conn.execute("SELECT type, name, sql FROM sqlite_master"))


class Trial:
    def __init__(self, rev: str, old: Path, folder: Path, head: str, entries: int):
        self.rev, self.old, self.head, self.entries = rev, old, head, entries
        self.dir = folder / "trial"
        self.store = self.dir / "store.db"
        self.backup = self.dir / f"store.db.before-{rev}.bak"
        self.env = spawn.base_env(folder / "home")
        self.logs = folder / "logs"

    def fresh(self) -> None:
        shutil.rmtree(self.dir, ignore_errors=True)
        self.dir.mkdir()
        shutil.copyfile(self.old, self.store)
        self.store.chmod(0o600)

    def doctor(self) -> spawn.Child:
        child = spawn.start("sendtui", ["--db", str(self.store), "doctor"], self.env, self.dir,
                            self.logs)
        child.command = f"sendtui --db store.db doctor   # a {self.rev} store"
        return child

    def calibrate(self, row: Row) -> float:
        """How long an unbroken first open takes (and that it works at all)."""
        self.fresh()
        child = self.doctor()
        if not child.wait(300):
            child.kill()
        if child.code != 0:
            row.fail("unopenable", child.command, "no kill",
                     f"the migration fails without a kill | {child.stderr().strip()[-300:]}")
        self.check(row)
        return child.took or 1.0

    def kill_once(self, rng: random.Random, took: float, row: Row) -> None:
        """A fresh copy of the old store, opened and killed at a random moment of the open."""
        for _ in range(50):
            self.fresh()
            child = self.doctor()
            landed = not child.wait(rng.uniform(0, took))
            child.kill()
            if landed:
                return

    def check(self, row: Row) -> None:
        """The next open: it migrates the store (or points to the backup); then every row is
        there, and the backup, if made, is still the old store."""
        given = f"from {self.rev}, {self.entries} entries"
        child = self.doctor()
        if not child.wait(300):
            child.kill()
        err = child.stderr().strip()
        checked = None
        if child.code == -9:
            row.fail("unopenable", child.command, given, "the next open hung")
        elif "Traceback" in err:
            row.fail("tracebacks", child.command, given, crash(err))
            row.fail("unopenable", child.command, given,
                     f"the store does not open after a kill during its migration | {crash(err)}")
        elif len(err.splitlines()) > 1:
            row.fail("bad_replies", child.command, given, "not one line | " + err[-300:])
        elif child.code == 3 and "backup" in err.lower():
            checked = self.backup  # told to use the backup: then it must be whole
        elif child.code != 0:
            row.fail("unopenable", child.command, given,
                     f"the store does not open after a kill during its migration | {err}")
        else:
            checked = self.store
        if checked == self.store:
            self.intact(self.store, self.head, given, row)
        if self.backup.exists():
            self.intact(self.backup, self.rev, given, row, column="changed")
            if schema(self.backup) != schema(self.old):
                row.fail("changed", "schema of the backup", given,
                         "the backup is not the store as it was: its schema differs (a "
                         "half-migrated store copied over it?)")

    def intact(self, path: Path, rev: str, given: str, row: Row, column: str = "") -> None:
        """Clean checks, the revision expected, every entry and its version there."""
        name = path.name.replace("store.db", "the store")
        problems = integrity(path)
        for problem in problems:
            row.fail(column or "unopenable", f"integrity checks of {name}", given,
                     f"{name} not intact: {problem.split(':')[0]} | {problem}")
        if problems:
            return
        at = revision(path)
        if at != rev:
            row.fail(column or "unopenable", f"revision of {name}", given,
                     f"{name} is at {at}, not {rev}")
        for table in ("evidence", "evidence_version"):
            n = count(path, table)
            if n != self.entries:
                row.fail(column or "lost", f"count of {table} in {name}", given,
                         f"{name} lost rows of {table} | {n} of {self.entries}",
                         1 if column else self.entries - n)
