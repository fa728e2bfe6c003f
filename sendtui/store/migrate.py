"""Upgrading a store to the newest schema: all or nothing, after a verified backup that is
never overwritten; and recovery of a store an earlier sendtui left half-upgraded.

Earlier versions ran each DDL statement in its own transaction, so a kill could leave a
store whose schema is ahead of its `alembic_version`; upgrading it again then fails ("table
evidence_fts already exists"). Such a store is rebuilt from its `.before-<rev>.bak`: the
backup is copied aside, upgraded, checked, and only then copied into the store.
"""

from __future__ import annotations

import sqlite3
from functools import cache
from pathlib import Path

from sqlalchemy.engine import Connection, Engine

from sendtui.config import shipped_data
from sendtui.errors import StoreError
from sendtui.store.backups import (
    backup_before,
    backup_names,
    copy_database,
    partial_file,
    remove_copy,
    remove_stale_partials,
    valid_backup,
)
from sendtui.store.engines import (
    APPLICATION_ID,
    error_line,
    sqlite_engine,
)
from sendtui.store.server_statistics import unsampled
from sendtui.store.revisions import all_revisions, head_revision, known_revisions  # noqa: F401
from sendtui.store.storefile import read_only

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
            remove_copy(made)  # the store is as it was, so its copy is not needed
        if revision is not None and any(s in error_line(exc) for s in HALF_DONE):
            raise HalfUpgraded(revision) from None
        if isinstance(exc, StoreError):
            raise
        raise StoreError(f"{path} could not be upgraded ({_said(exc)}); "
                         "it was left as it was") from None
    finally:
        engine.dispose()
    return made


# the advisory lock every sendtui migrating a server database takes ("sendtui" in ASCII)
MIGRATION_LOCK = 0x73656E64747569


def migrate_server(engine: Engine, create: bool, shown: str) -> None:
    """Upgrade a server database in one transaction (PostgreSQL has transactional DDL),
    holding an advisory lock so that two clients opening it at once migrate it once. A
    database holding other tables and no sendtui revision, or a newer schema, is refused
    (StoreError, one line) before anything is made."""
    from alembic.migration import MigrationContext

    try:
        with engine.connect() as conn:
            if conn.dialect.name == "postgresql":
                conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
            current = MigrationContext.configure(conn).get_current_revision()
            _refuse_foreign(conn, current, create, shown)
            if current != head_revision():
                upgrade(conn)
                if conn.dialect.name == "postgresql":  # the columns a migration added, too
                    unsampled(conn)
            conn.commit()
    except StoreError:
        raise
    except Exception as exc:
        raise StoreError(f"{shown} cannot be used: {_said(exc)}") from None


def _refuse_foreign(conn: Connection, current: str | None, create: bool, shown: str) -> None:
    from sqlalchemy import inspect

    if current in known_revisions():
        return
    tables = set(inspect(conn).get_table_names()) - {"alembic_version"}
    if current is None and not tables:
        if not create:
            raise StoreError(f"{shown} holds no sendtui store")
        return
    if current is not None and current.isdigit() and {"inspection", "change"} <= tables:
        raise StoreError(f"{shown} has a newer schema ({current}) than this sendtui knows "
                         f"({head_revision()}): upgrade sendtui")
    raise StoreError(f"{shown} holds other tables and no sendtui store: "
                     "give an empty database or a sendtui one")


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

# --- recovery ------------------------------------------------------------------------------

def recover(path: Path, revision: str) -> str:
    """Rebuild a half-upgraded store from the first backup of `revision` that upgrades
    cleanly; the notice to give. StoreError (store untouched) when none does."""
    remove_stale_partials(path)
    for name in backup_names(path, revision):
        if not valid_backup(name, revision):
            continue
        trial = partial_file(path, "restoring")
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
            remove_copy(trial)
    raise StoreError(f"{path} was left half-upgraded by an earlier sendtui (schema {revision}) "
                     "and no backup beside it can restore it; it was left as it was")


def _intact(path: Path) -> bool:
    conn = read_only(path)
    try:
        return (conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
                and not conn.execute("PRAGMA foreign_key_check").fetchall())
    finally:
        conn.close()


