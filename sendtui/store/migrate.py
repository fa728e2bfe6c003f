"""Upgrading a store to the newest schema: all or nothing, after a verified backup that is
never overwritten; and recovery of a store an earlier sendtui left half-upgraded.

Earlier versions ran each DDL statement in its own transaction, so a kill could leave a
store whose schema is ahead of its `alembic_version`; upgrading it again then fails ("table
evidence_fts already exists"). Such a store is rebuilt from its `.before-<rev>.bak`: the
backup is copied aside, upgraded, checked, and only then copied into the store.
"""

from __future__ import annotations

import glob
import os
import re
import sqlite3
from functools import cache
from pathlib import Path

from sqlalchemy.engine import Connection, Engine

from sendtui.config import shipped_data
from sendtui.errors import StoreError
from sendtui.store.engines import (
    APPLICATION_ID,
    MIGRATION_WAIT_S,
    SQLITE_MAGIC,
    error_line,
    side_files,
    sqlite_engine,
)
from sendtui.store.storefile import read_only

MAX_BACKUPS = 99  # names tried for a revision's backup before giving up
HALF_DONE = ("already exists", "duplicate column name")


class HalfUpgraded(Exception):
    """The store's schema is ahead of its recorded revision."""


# --- revisions -----------------------------------------------------------------------------

def migrations_folder() -> Path:
    return shipped_data() / "migrations"


@cache
def _scripts():
    from alembic.script import ScriptDirectory

    return ScriptDirectory(str(migrations_folder()))


def head_revision() -> str:
    return _scripts().get_current_head()


def known_revisions() -> set[str]:
    return set(all_revisions())


def all_revisions() -> list[str]:
    """Every revision this sendtui knows, oldest first."""
    return [s.revision for s in reversed(list(_scripts().walk_revisions()))]


def upgrade(conn: Connection, revision: str = "head") -> None:
    """Run the migrations up to `revision` on `conn`, inside the transaction it is in."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_folder()))
    cfg.attributes["connection"] = conn
    command.upgrade(cfg, revision)


# --- a store file --------------------------------------------------------------------------

def migrate_file(path: Path, *, backup: bool = True) -> Path | None:
    """Upgrade the store at `path` to head in one transaction, DDL included, after making
    sure a verified backup of the old revision exists. Returns the backup made (None when
    none was needed or a valid one was kept). Raises HalfUpgraded, or StoreError with the
    store left as it was and no new file beside it."""
    engine = sqlite_engine(path, migrating=True)
    revision, made = None, None
    try:
        with engine.connect() as conn, conn.begin():  # BEGIN IMMEDIATE: one migrator
            revision = _current(conn)
            if revision == head_revision():
                return None
            if backup and revision is not None:
                remove_stale_partials(path)
                made = backup_before(path, revision)
            conn.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")
            conn.exec_driver_sql("PRAGMA defer_foreign_keys=ON")
            upgrade(conn)
    except Exception as exc:
        if made is not None and _revision_of(path) == revision:
            _remove(made)  # the store is as it was, so its copy is not needed
        if revision is not None and any(s in error_line(exc) for s in HALF_DONE):
            raise HalfUpgraded(revision) from None
        if isinstance(exc, StoreError):
            raise
        raise StoreError(f"{path} could not be upgraded ({_said(exc)}); "
                         "it was left as it was") from None
    finally:
        engine.dispose()
    return made


def migrate_server(engine: Engine, create: bool, shown: str) -> None:
    """Upgrade a server database in one transaction (PostgreSQL has transactional DDL)."""
    from alembic.migration import MigrationContext

    try:
        with engine.connect() as conn:
            current = MigrationContext.configure(conn).get_current_revision()
            if current is None and not create:
                raise StoreError(f"{shown} holds no sendtui store")
            if current not in known_revisions() | {None}:
                raise StoreError(f"{shown} has a newer schema than this sendtui knows: "
                                 "upgrade sendtui")
            if current != head_revision():
                upgrade(conn)
            conn.commit()
    except StoreError:
        raise
    except Exception as exc:
        raise StoreError(f"{shown} cannot be used: {_said(exc)}") from None


def _current(conn: Connection) -> str | None:
    has_table = conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'").first()
    if not has_table:
        return None
    return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


def _revision_of(path: Path) -> str | None:
    try:
        conn = read_only(path)
        try:
            return conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        finally:
            conn.close()
    except (sqlite3.Error, TypeError):
        return None


def _said(exc: Exception) -> str:
    if isinstance(exc, sqlite3.Error) or hasattr(exc, "orig"):
        return error_line(exc)
    return type(exc).__name__


# --- backups -------------------------------------------------------------------------------

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
            partial = _partial(path, f"before-{revision}")
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
                _remove(partial)
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
    src = read_only(source) if source_read_only else sqlite3.connect(source, timeout=MIGRATION_WAIT_S)
    try:
        dst = sqlite3.connect(target, timeout=MIGRATION_WAIT_S)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


# --- recovery ------------------------------------------------------------------------------

def recover(path: Path, revision: str) -> str:
    """Rebuild a half-upgraded store from the first backup of `revision` that upgrades
    cleanly; the notice to give. StoreError (store untouched) when none does."""
    remove_stale_partials(path)
    for name in backup_names(path, revision):
        if not valid_backup(name, revision):
            continue
        trial = _partial(path, "restoring")
        try:
            copy_database(name, trial)
            migrate_file(trial, backup=False)
            if not _intact(trial):
                continue
            copy_database(trial, path)
            return (f"{path.name} was left half-upgraded by an earlier sendtui; restored from "
                    f"{name.name} and upgraded")
        except (HalfUpgraded, StoreError, OSError, sqlite3.Error, UnicodeDecodeError):
            continue
        finally:
            _remove(trial)
    raise StoreError(f"{path} was left half-upgraded by an earlier sendtui (schema {revision}) "
                     "and no backup beside it can restore it; it was left as it was")


def _intact(path: Path) -> bool:
    conn = read_only(path)
    try:
        return (conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
                and not conn.execute("PRAGMA foreign_key_check").fetchall())
    finally:
        conn.close()


# --- partial files -------------------------------------------------------------------------

PARTIAL = re.compile(r"\.partial-(\d+)$")


def _partial(path: Path, what: str) -> Path:
    partial = path.with_name(f"{path.name}.{what}.partial-{os.getpid()}")
    _remove(partial)
    return partial


def remove_stale_partials(path: Path) -> None:
    """Copies a killed sendtui was writing beside the store (they hold its data too)."""
    for each in path.parent.glob(glob.escape(path.name) + ".*.partial-*"):
        found = PARTIAL.search(each.name.removesuffix("-journal").removesuffix("-wal")
                               .removesuffix("-shm"))
        if found and not _alive(int(found.group(1))):
            _remove(each)


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


def _remove(path: Path | None) -> None:
    if path is None:
        return
    for each in (path, *side_files(path)):
        try:
            each.unlink()
        except FileNotFoundError:
            pass
