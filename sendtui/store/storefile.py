"""A store file looked at without changing it: what it is, and whether sendtui may use it.

Nothing here writes to the file or makes a file beside it (the database is read through
an immutable or read-only connection), so a file that is refused stays byte-identical.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from dataclasses import dataclass
from pathlib import Path

from sendtui.errors import StoreError
from sendtui.files import what_it_is

SQLITE_MAGIC = b"SQLite format 3\x00"
APPLICATION_ID = 0x53454E44  # "SEND": marks a sendtui store


def side_files(path: Path) -> list[Path]:
    """The files SQLite keeps beside a database."""
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal")]

HOW_TO_MAKE = "make one with 'sendtui demo' or 'sendtui inspection new'"


@dataclass(frozen=True)
class Found:
    """An existing file: `empty` (nothing in it yet), else a store at `revision`."""

    empty: bool
    revision: str | None = None


def kind_of(path: Path) -> os.stat_result | None:
    """The file's status (None: missing); StoreError for anything but a regular file."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise StoreError(f"{path} cannot be used: {_reason(exc)}") from None
    if stat.S_ISDIR(st.st_mode):
        raise StoreError(f"{path} is a folder, not a store file")
    if not stat.S_ISREG(st.st_mode):
        raise StoreError(f"{path} is {what_it_is(st.st_mode)}, not a store file")
    return st


def missing_parent(path: Path) -> None:
    """StoreError when a folder on the way is a file, so no folder can be made there."""
    for parent in path.parents:
        if parent.exists():
            if not parent.is_dir():
                raise StoreError(f"{path} cannot be made: {parent} is not a folder")
            return


def inspect_file(path: Path, known: set[str], head: str) -> Found:
    """What the existing regular file `path` holds; StoreError if it is not a usable
    sendtui store (the file is left as it was)."""
    header = _header(path)
    if not header:
        return Found(empty=True)
    if header != SQLITE_MAGIC:
        raise StoreError(f"{path} is not a sendtui store (not an SQLite database)")
    try:
        conn = read_only(path)
        try:
            return _read(conn, path, known, head)
        finally:
            conn.close()
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc):
            raise StoreError(f"{path} is locked by another program; close it and retry") from None
        raise StoreError(f"{path} cannot be read: {_reason(exc)}") from None
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path} is corrupt ({_reason(exc)})") from None
    except UnicodeDecodeError:  # SQLite's message quoted a damaged name
        raise StoreError(f"{path} is corrupt (its schema cannot be read)") from None


def writable_problem(path: Path) -> str | None:
    """Why sendtui could not write to the store at `path` (None: it can)."""
    if not os.access(path, os.W_OK):
        return f"{path} is read-only: sendtui writes to its store (make it writable: chmod u+w)"
    wal, shm = side_files(path)[:2]
    if not (wal.exists() and shm.exists()) and not os.access(path.parent, os.W_OK | os.X_OK):
        return (f"the folder {path.parent} is read-only: sendtui keeps {wal.name} and "
                f"{shm.name} beside the store (make the folder writable or move the store)")
    return None


def narrow_mode(path: Path, st: os.stat_result) -> str | None:
    """A store others could read is made owner-only (0600), with its side files; the
    notice to give (None: it was already)."""
    wide = stat.S_IMODE(st.st_mode)
    if not wide & 0o077:
        return None
    for each in (path, *side_files(path)):
        if each.exists():
            os.chmod(each, 0o600)
    return f"{path} could be read by others (mode {wide:04o}); made owner-only (0600)"


def read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot change the file or make files beside it (immutable), unless
    a live WAL must be read with it (read-only then)."""
    wal, shm = side_files(path)[:2]
    live = wal.exists() and shm.exists() and wal.stat().st_size > 0
    flags = "mode=ro" if live else "mode=ro&immutable=1"
    conn = sqlite3.connect(f"{path.absolute().as_uri()}?{flags}", uri=True, timeout=2)
    conn.text_factory = lambda raw: raw.decode("utf-8", "replace")
    return conn


# --- helpers -------------------------------------------------------------------------------

def _header(path: Path) -> bytes:
    try:  # O_NONBLOCK: never hang on a FIFO put where the file was
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as exc:
        raise StoreError(f"cannot read {path}: {_reason(exc)}") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise StoreError(f"{path} is not a regular file, not a store file")
        return os.read(fd, 16)
    except OSError as exc:
        raise StoreError(f"cannot read {path}: {_reason(exc)}") from None
    finally:
        os.close(fd)


def _read(conn: sqlite3.Connection, path: Path, known: set[str], head: str) -> Found:
    # No integrity check here: it costs 7 ms at 10,000 entries and 0.6 s at 1,000,000 on
    # every opening. `doctor` runs it, and the app in the background after the first frame.
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    if not tables and app_id in (0, APPLICATION_ID):
        return Found(empty=True)
    if not tables:
        raise StoreError(f"{path} is not a sendtui store (another program's empty database)")
    if app_id != APPLICATION_ID or "alembic_version" not in tables:
        shown = ", ".join(sorted(tables)[:4])
        raise StoreError(f"{path} is not a sendtui store (it holds other tables: {shown})")
    rows = conn.execute("SELECT version_num FROM alembic_version").fetchall()
    if len(rows) != 1 or not rows[0][0]:
        raise StoreError(f"{path} has no schema version (its alembic_version table holds "
                         f"{len(rows)} rows): it was never finished or is damaged; "
                         "restore a backup")
    revision = rows[0][0]
    if revision not in known:
        raise StoreError(f"{path} has a newer schema ({_one_line(revision)[:40]}) than this "
                         f"sendtui knows ({head}): upgrade sendtui")
    return Found(empty=False, revision=revision)


def _reason(exc: BaseException) -> str:
    return _one_line(getattr(exc, "strerror", None) or str(exc))


def _one_line(text: object) -> str:
    return " ".join(str(text).split())[:200]
