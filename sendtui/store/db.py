"""Open a store: check the file without touching it, then migrate and connect.

A file that is not a sendtui store, is corrupt, locked or has a newer schema raises
StoreError before anything is written, so the file stays byte-identical.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url

from sendtui.config import shipped_data
from sendtui.errors import StoreError

SQLITE_MAGIC = b"SQLite format 3\x00"
APPLICATION_ID = 0x53454E44  # "SEND": marks a sendtui store
PRAGMAS = (
    "PRAGMA foreign_keys=ON",
    "PRAGMA synchronous=FULL",
    "PRAGMA busy_timeout=5000",
    "PRAGMA secure_delete=ON",
)


@dataclass(frozen=True)
class Target:
    url: str
    path: Path | None  # None for a server database


def resolve(target: str) -> Target:
    """A file path or a SQLAlchemy URL."""
    if "://" not in target:
        if target.endswith(("/", os.sep)):
            raise StoreError(f"{target} is a folder, not a store file")
        path = Path(target).expanduser().resolve()
        return Target(f"sqlite:///{path}", path)
    url = make_url(target)
    if url.get_backend_name() == "sqlite":
        if not url.database or url.database == ":memory:":
            raise StoreError("an in-memory SQLite store would lose everything: give a file")
        return Target(target, Path(url.database).expanduser().resolve())
    return Target(target, None)


def migrations_folder() -> Path:
    return shipped_data() / "migrations"


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory(str(migrations_folder())).get_current_head()


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {s.revision for s in ScriptDirectory(str(migrations_folder())).walk_revisions()}


def inspect_file(path: Path) -> str | None:
    """The schema revision of an existing store (None: empty file); StoreError if unusable."""
    try:
        with path.open("rb") as fh:
            header = fh.read(16)
    except OSError as exc:
        raise StoreError(f"cannot read {path}: {exc.strerror}") from None
    if not header:
        return None
    if header != SQLITE_MAGIC:
        raise StoreError(f"{path} is not a sendtui store (not an SQLite database)")
    try:
        # immutable: no -wal/-shm files are made beside a file we may refuse; but a live
        # WAL must be read, so then a plain read-only open.
        wal = path.with_name(path.name + "-wal").exists()
        flags = "mode=ro" if wal else "mode=ro&immutable=1"
        conn = sqlite3.connect(f"{path.as_uri()}?{flags}", uri=True, timeout=2)
        try:
            return _read_revision(conn, path)
        finally:
            conn.close()
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc):
            raise StoreError(f"{path} is locked by another program; close it and retry") from None
        raise StoreError(f"{path} cannot be read: {exc}") from None
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path} is corrupt ({exc})") from None


def _read_revision(conn: sqlite3.Connection, path: Path) -> str | None:
    check = conn.execute("PRAGMA quick_check").fetchone()[0]
    if check != "ok":
        check = " ".join(check.split())  # SQLite reports on several lines; keep one
        raise StoreError(f"{path} is corrupt (integrity check: {check})")
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if not tables:
        return None
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    if app_id != APPLICATION_ID or "alembic_version" not in tables:
        shown = ", ".join(sorted(tables)[:4])
        raise StoreError(f"{path} is not a sendtui store (it holds other tables: {shown})")
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    revision = row[0] if row else None
    if revision and revision not in known_revisions():
        raise StoreError(
            f"{path} has a newer schema ({revision}) than this sendtui knows "
            f"({head_revision()}): upgrade sendtui"
        )
    return revision


def create_file(path: Path) -> None:
    """A new store file readable by its owner only (0600)."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)


def backup_file(path: Path, revision: str) -> Path:
    """A consistent copy of the store before a migration changes it."""
    copy = path.with_name(f"{path.name}.before-{revision}.bak")
    if not copy.exists():
        create_file(copy)
    src, dst = sqlite3.connect(path), sqlite3.connect(copy)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    return copy


def _sqlite_engine(url: str) -> Engine:
    engine = create_engine(url, connect_args={"timeout": 5, "check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn, _record):
        for pragma in PRAGMAS:
            dbapi_conn.execute(pragma)

    return engine


def open_engine(target: str) -> Engine:
    """Check, create or migrate the store; an Engine ready to use."""
    where = resolve(target)
    revision = None
    if where.path is not None:
        if where.path.is_dir():
            raise StoreError(f"{where.path} is a folder, not a store file")
        if where.path.exists():
            revision = inspect_file(where.path)
        else:
            create_file(where.path)
        engine = _sqlite_engine(where.url)
    else:
        engine = create_engine(where.url)
    head = head_revision()
    if revision != head:
        if revision and where.path is not None:
            backup_file(where.path, revision)
        _migrate(engine, is_sqlite=where.path is not None)
    return engine


def _migrate(engine: Engine, is_sqlite: bool) -> None:
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_folder()))
    with engine.connect() as conn:
        if is_sqlite:
            conn.exec_driver_sql("PRAGMA journal_mode=WAL")
            conn.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
        conn.commit()
