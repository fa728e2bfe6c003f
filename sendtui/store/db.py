"""Open a store: check the file without touching it, then migrate and connect.

A file that is not a sendtui store, is corrupt, locked, read-only or has a newer schema
raises StoreError before anything is written, so the file stays byte-identical and nothing
is made beside it. Only an opening that may create (`create=True`: the app, `demo`,
`inspection new`) makes a missing store or fills an empty file.
"""

from __future__ import annotations

import os
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import create_engine, make_url
from sqlalchemy.engine import Engine

from sendtui.errors import StoreError, UserError
from sendtui.store import migrate, storefile
from sendtui.store.engines import (  # noqa: F401 - this module is where callers find them
    APPLICATION_ID,
    BUSY_WAIT_S,
    PRAGMAS,
    SQLITE_MAGIC,
    create_file,
    error_line,
    side_files,
    sqlite_engine,
)
from sendtui.store.migrate import head_revision, known_revisions, migrations_folder  # noqa: F401


@dataclass(frozen=True)
class Target:
    url: str
    path: Path | None  # None for a server database


@dataclass
class Opened:
    """An engine on a checked, migrated store; what the user should be told; and the files
    and folders this opening made (so that a command that then fails can take them away)."""

    engine: Engine
    notices: list[str] = field(default_factory=list)
    made: list[Path] = field(default_factory=list)
    filled: Path | None = None  # an empty file that was made a store


def resolve(target: str) -> Target:
    """A file path or a SQLAlchemy URL."""
    if not target or not target.strip():
        raise UserError("the store is empty text: give a file path or a database URL")
    if "\x00" in target:
        raise UserError("the store path holds a NUL character")
    if "://" not in target:
        if target.endswith(("/", os.sep)):
            raise StoreError(f"{target} is a folder, not a store file")
        return _file(Path(target))
    try:
        url = make_url(target)
    except Exception:  # noqa: BLE001 - any unreadable URL is the user's to fix
        raise StoreError("the --db URL cannot be read: give a file path or "
                         "driver://user@host/database") from None
    if url.get_backend_name() != "sqlite":
        return Target(target, None)
    if url.drivername not in ("sqlite", "sqlite+pysqlite"):
        raise StoreError(f"the SQLite driver {url.drivername} is not supported: use sqlite:///FILE")
    return _file(_sqlite_path(url))


def _sqlite_path(url) -> Path:
    database, query = url.database or "", dict(url.query)
    uri = str(query.pop("uri", "")).lower() in ("true", "1") or database.startswith("file:")
    if uri:
        parsed = urllib.parse.urlsplit(database)
        query.update(urllib.parse.parse_qsl(parsed.query))
        database = urllib.parse.unquote(parsed.path) if parsed.scheme == "file" else database
    if query.get("mode") in ("ro", "memory") or query.get("immutable") in ("1", "true"):
        raise StoreError(f"a read-only or in-memory SQLite store ({_shown(query)}) cannot be "
                         "used: sendtui writes to its store; give the file alone")
    if query:
        raise StoreError(f"SQLite URL options ({_shown(query)}) are not supported: give the "
                         "file alone, sqlite:///FILE")
    if not database or database == ":memory:":
        raise StoreError("an in-memory SQLite store would lose everything: give a file")
    if database.endswith(("/", os.sep)):
        raise StoreError(f"{database} is a folder, not a store file")
    return Path(database)


def _shown(query: dict) -> str:
    return "&".join(f"{k}={v}" for k, v in query.items())[:60]


def _file(path: Path) -> Target:
    if "\x00" in str(path):
        raise UserError("the store path holds a NUL character")
    try:
        path = path.expanduser().resolve()
    except (OSError, RuntimeError) as exc:
        raise StoreError(f"{path} cannot be used: {error_line(exc)}") from None
    return Target(f"sqlite:///{path}", path)


def open_store(target: str, *, create: bool = True) -> Opened:
    """Check, create (when `create`) or migrate the store; an engine ready to use."""
    where = resolve(target)
    if where.path is None:
        return _open_server(where.url, create)
    return _open_file(where.path, create)


def open_engine(target: str, *, create: bool = True) -> Engine:
    return open_store(target, create=create).engine


def _open_file(path: Path, create: bool) -> Opened:
    st = storefile.kind_of(path)
    if st is None:
        if not create:
            raise StoreError(f"there is no store at {path}: {storefile.HOW_TO_MAKE}")
        storefile.missing_parent(path)
        opened = Opened(engine=None, made=_create(path))
        revision = None
    else:
        found = storefile.inspect_file(path, known_revisions(), head_revision())
        if found.empty and not create:
            raise StoreError(f"{path} is an empty file, not a store: {storefile.HOW_TO_MAKE}")
        problem = storefile.writable_problem(path)
        if problem:
            raise StoreError(problem)
        opened = Opened(engine=None, filled=path if found.empty else None)
        notice = storefile.narrow_mode(path, st)
        if notice:
            opened.notices.append(notice)
        revision = found.revision
    if revision != head_revision():
        try:
            migrate.migrate_file(path)
        except migrate.HalfUpgraded as half:
            opened.notices.append(migrate.recover(path, str(half)))
        except StoreError:
            _take_back(opened)
            raise
    opened.engine = sqlite_engine(path)
    return opened


def _create(path: Path) -> list[Path]:
    try:
        return create_file(path)
    except OSError as exc:
        raise StoreError(f"{path} cannot be made: {exc.strerror or error_line(exc)}") from None


def _take_back(opened: Opened) -> None:
    """Undo what this opening made: files and folders it created, an empty file it filled."""
    for each in reversed(opened.made):
        for side in side_files(each):
            side.unlink(missing_ok=True)
        try:
            each.rmdir() if each.is_dir() else each.unlink(missing_ok=True)
        except OSError:
            pass
    if opened.filled is not None:
        for side in side_files(opened.filled):
            side.unlink(missing_ok=True)
        with opened.filled.open("r+b") as fh:
            fh.truncate(0)


def take_back(opened: Opened) -> None:
    """Close the store and remove what opening it made (a command that then failed)."""
    if opened.engine is not None:
        opened.engine.dispose()
    _take_back(opened)


# drivers that take a connect timeout: an unreachable host is told, not waited for
CONNECT_TIMEOUT = {"psycopg": 10, "psycopg2": 10, "mysqldb": 10, "pymysql": 10}
# as a DBA sees it in pg_stat_activity; a write that waits on another client's lock longer
# than a SQLite writer waits for the file is told, as on SQLite, not waited on for ever
ON_POSTGRESQL = {"application_name": "sendtui",
                 "options": f"-c lock_timeout={BUSY_WAIT_S * 1000}"}


def _open_server(url: str, create: bool) -> Opened:
    parsed = make_url(url)
    if parsed.drivername == "postgresql":  # SQLAlchemy's default would be psycopg2
        parsed = parsed.set(drivername="postgresql+psycopg")
    shown = parsed.render_as_string(hide_password=True)
    try:
        timeout = CONNECT_TIMEOUT.get(parsed.get_driver_name())
        engine = create_engine(parsed, hide_parameters=True, connect_args={
            **({"connect_timeout": timeout} if timeout else {}),
            **(ON_POSTGRESQL if parsed.get_driver_name() == "psycopg" else {})})
    except Exception as exc:  # noqa: BLE001 - no driver installed, an unknown dialect …
        raise StoreError(f"{shown} cannot be used: {_no_driver(exc, parsed)}") from None
    migrate.migrate_server(engine, create, shown)
    if engine.dialect.driver == "psycopg":  # the watch listens with psycopg itself
        from sendtui.store import watch_pg

        watch_pg.watch_server(engine)
    return Opened(engine)


def shown_url(target: str) -> str:
    """A server URL as it may be shown: the password as ***; a file path as it is."""
    try:
        return make_url(target).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - not a URL: a path, shown as given
        return target


def _no_driver(exc: Exception, url) -> str:
    if isinstance(exc, ImportError):
        if url.get_backend_name() == "postgresql":
            return "psycopg is not installed: pip install 'sendtui[postgres]'"
        return f"its driver is not installed ({exc.name or 'a module is missing'})"
    return " ".join(str(exc).split())[:160]
