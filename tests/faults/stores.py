"""The stores the campaign works on, and what it checks after each fault: the store opens,
SQLite's integrity checks are clean, every acknowledged entry is there."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

from tests.faults import spawn


def demo_store(work: Path) -> Path:
    """A store holding the demo inspection, made once in `work` by the command line."""
    path = work / "demo-template.db"
    if not path.exists():
        # the 2016 demo: the campaign writes to its lines (B5 …)
        args = ["--db", str(path), "demo", "--no-open", "--framework", "2016"]
        child, _ = spawn.run("sendtui", args,
                             spawn.base_env(work / "home"), work, work / "logs-demo", 120)
        if child.code != 0:
            raise RuntimeError(f"the demo store could not be made: {child.stderr()}")
    return path


def copy_store(template: Path, to: Path) -> Path:
    to.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template, to)
    to.chmod(0o600)
    return to


def opens(path: Path) -> str | None:
    """None if `Store.open` opens it (migrating it if need be); else why not."""
    from sendtui.store.repo import Store

    try:
        Store.open(str(path)).close()
    except Exception as exc:  # noqa: BLE001 - any failure to open is the finding
        return f"{type(exc).__name__}: {exc}"
    return None


def integrity(path: Path) -> list[str]:
    """SQLite's integrity check, the foreign keys and the evidence index; [] when clean."""
    problems = []
    try:
        with closing(sqlite3.connect(path, timeout=10)) as conn:
            check = [r[0] for r in conn.execute("PRAGMA integrity_check")]
            if check != ["ok"]:
                problems.append("integrity_check: " + "; ".join(check[:3]))
            bad_keys = conn.execute("PRAGMA foreign_key_check").fetchall()
            if bad_keys:
                problems.append(f"foreign_key_check: {len(bad_keys)} rows, e.g. {bad_keys[0]}")
            if _has_table(conn, "evidence_fts"):
                try:
                    conn.execute(
                        "INSERT INTO evidence_fts(evidence_fts) VALUES('integrity-check')")
                except sqlite3.DatabaseError as exc:
                    problems.append(f"evidence_fts integrity-check: {exc}")
                conn.rollback()
    except sqlite3.DatabaseError as exc:
        problems.append(f"cannot be read: {exc}")
    return problems


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone() \
        is not None


def missing(path: Path, values: list[str], column: str = "id") -> list[str]:
    """The acknowledged entries (ids, or texts for the capture box) not in the evidence."""
    if not values:
        return []
    with closing(sqlite3.connect(path, timeout=10)) as conn:
        found = set()
        for i in range(0, len(values), 500):
            chunk = values[i:i + 500]
            marks = ",".join("?" * len(chunk))
            found.update(r[0] for r in conn.execute(
                f"SELECT {column} FROM evidence WHERE deleted_at IS NULL AND {column} IN "
                f"({marks})", chunk))
    return [v for v in values if v not in found]


def count(path: Path, table: str) -> int:
    with closing(sqlite3.connect(path, timeout=10)) as conn:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def revision(path: Path) -> str | None:
    with closing(sqlite3.connect(path, timeout=10)) as conn:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under `folder`, links not followed: a regular file's name → its sha256;
    other kinds → their kind."""
    import os
    import stat

    seen = {}
    for top, dirs, files in os.walk(folder, followlinks=False):
        for name in dirs + files:
            path = Path(top) / name
            mode = path.lstat().st_mode
            key = str(path.relative_to(folder))
            if stat.S_ISREG(mode):
                seen[key] = sha256(path) if path.lstat().st_size < (64 << 20) else "big"
            else:
                seen[key] = {stat.S_IFLNK: "symlink", stat.S_IFDIR: "dir"}.get(
                    stat.S_IFMT(mode), "special")
    return seen


def changed(before: dict[str, str], after: dict[str, str]) -> list[str]:
    """What differs between two snapshots, in words."""
    said = [f"{n} changed" for n in before if n in after and before[n] != after[n]]
    said += [f"{n} removed" for n in before if n not in after]
    said += [f"{n} created" for n in after if n not in before]
    return said
