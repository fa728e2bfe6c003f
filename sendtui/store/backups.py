"""Backups of a store before an upgrade, and the partial copies written on the way: a backup
is written to a partial file, verified, then linked into its name, so it is written once
and never overwritten; partial files a killed sendtui left are removed."""

from __future__ import annotations

import glob
import os
import re
import sqlite3
from pathlib import Path

from sendtui.errors import StoreError
from sendtui.store.engines import APPLICATION_ID, MIGRATION_WAIT_S, SQLITE_MAGIC, side_files
from sendtui.store.storefile import read_only

MAX_BACKUPS = 99  # names tried for a revision's backup before giving up


def backup_names(path: Path, revision: str) -> list[Path]:
    """Where the backup before upgrading from `revision` goes, first choice first."""
    first = path.with_name(f"{path.name}.before-{revision}.bak")
    return [first] + [path.with_name(f"{path.name}.before-{revision}.{n}.bak")
                      for n in range(2, MAX_BACKUPS + 1)]


def backup_before(path: Path, revision: str) -> Path | None:
    """A verified copy of the store at `revision`, written once and never overwritten: a
    valid one already there is kept (None); beside an invalid one a new name is used."""
    for name in backup_names(path, revision):
        if not os.path.lexists(name):
            partial = partial_file(path, f"before-{revision}")
            try:
                copy_database(path, partial, source_read_only=False)
                if not valid_backup(partial, revision):
                    raise StoreError(f"the backup of {path} before the upgrade did not "
                                     "verify; the store was left as it was")
                _place(partial, name)
                return name
            except FileExistsError:
                continue
            finally:
                remove_copy(partial)
        if valid_backup(name, revision):
            return None
    raise StoreError(f"too many backups beside {path}: move some away and retry")


def _place(partial: Path, name: Path) -> None:
    """Give the verified copy its name, never replacing a file of that name."""
    try:
        os.link(partial, name)  # fails rather than replace a file made meanwhile
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links (FAT): we hold the write lock
        if os.path.lexists(name):
            raise FileExistsError(name) from None
        os.rename(partial, name)


def valid_backup(path: Path, revision: str) -> bool:
    """A regular file holding an intact sendtui store at `revision`."""
    try:
        if not path.is_file() or path.is_symlink():
            return False
        with path.open("rb") as fh:
            if fh.read(16) != SQLITE_MAGIC:
                return False
        conn = read_only(path)
        try:
            ok = conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            rows = conn.execute("SELECT version_num FROM alembic_version").fetchall()
        finally:
            conn.close()
    except (OSError, sqlite3.Error, UnicodeDecodeError):
        return False
    return ok and app_id == APPLICATION_ID and rows == [(revision,)]


def copy_database(source: Path, target: Path, *, source_read_only: bool = True) -> None:
    """SQLite's online backup of `source` into `target` (made 0600 if new): one write
    transaction on the target, so a kill leaves the target as it was."""
    if not target.exists():
        fd = os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(fd)
    src = (read_only(source) if source_read_only
           else sqlite3.connect(source, timeout=MIGRATION_WAIT_S))
    try:
        dst = sqlite3.connect(target, timeout=MIGRATION_WAIT_S)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


# --- partial files -------------------------------------------------------------------------

PARTIAL = re.compile(r"\.partial-(\d+)$")


def partial_file(path: Path, what: str) -> Path:
    partial = path.with_name(f"{path.name}.{what}.partial-{os.getpid()}")
    remove_copy(partial)
    return partial


def remove_stale_partials(path: Path) -> None:
    """Copies a killed sendtui was writing beside the store (they hold its data too)."""
    for each in path.parent.glob(glob.escape(path.name) + ".*.partial-*"):
        found = PARTIAL.search(each.name.removesuffix("-journal").removesuffix("-wal")
                               .removesuffix("-shm"))
        if found and not _alive(int(found.group(1))):
            remove_copy(each)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_copy(path: Path | None) -> None:
    if path is None:
        return
    for each in (path, *side_files(path)):
        try:
            each.unlink()
        except FileNotFoundError:
            pass
