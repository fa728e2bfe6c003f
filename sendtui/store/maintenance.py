"""Care of the store: a health report, consistent backups, and the copies left beside it."""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sendtui.errors import InvalidInput, StoreError
from sendtui.files import atomic_output
from sendtui.store import inspections
from sendtui.store.db import resolve, shown_url


def diagnose(store, target: str) -> dict[str, str]:
    where = resolve(target)
    with store.engine.connect() as conn:
        revision = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
        integrity = (conn.exec_driver_sql("PRAGMA integrity_check").scalar()
                     if where.path else "not checked (server database)")
    report = {"store": str(where.path or shown_url(where.url)), "schema": revision,
              "integrity": integrity, "inspections": str(len(inspections.all(store)))}
    for ins in inspections.all(store):
        c = inspections.counts(store, ins.id)
        report[f"{ins.local_area[:12]} {ins.id[:8]}"] = (f"{c.settings} settings, {c.people} people, "
                                       f"{c.events} events, {c.evidence} evidence")
    return report | _copies_report(target)


STAMP = re.compile(r"-(\d{8}-\d{6})\.db$")  # `sendtui backup`'s default name
BUNDLES = ("*.sendtui-bundle", "*.sendtui-bundle.*")


@dataclass(frozen=True)
class Copy:
    path: Path
    kind: str  # "backup", "backup before a migration", "bundle"
    made: dt.datetime  # from the name's stamp, else the file's time


def copies_beside(target: str) -> list[Copy]:
    """Backups and bundles in the store's folder: each holds the personal data the store
    held when it was made, and erasing in the store does not reach them. Oldest first."""
    where = resolve(target)
    if where.path is None or not where.path.parent.is_dir():
        return []
    folder, stem = where.path.parent, where.path.stem
    found: dict[Path, str] = {}
    for pattern, kind in ((f"{where.path.name}.before-*.bak", "backup before a migration"),
                          (f"{stem}*.bak", "backup"), (f"{stem}-*.db", "backup"),
                          *((p, "bundle") for p in BUNDLES)):
        for path in sorted(folder.glob(pattern)):
            if kind == "backup" and path.suffix == ".db" and not STAMP.search(path.name):
                continue
            if path.is_file() and not path.is_symlink() and path != where.path:
                found.setdefault(path, kind)
    return sorted((Copy(p, k, _made(p)) for p, k in found.items()), key=lambda c: c.made)


def _made(path: Path) -> dt.datetime:
    stamp = STAMP.search(path.name)
    if stamp:
        return dt.datetime.strptime(stamp.group(1), "%Y%m%d-%H%M%S")
    return dt.datetime.fromtimestamp(path.stat().st_mtime).replace(microsecond=0)


def _copies_report(target: str) -> dict[str, str]:
    copies = copies_beside(target)
    if not copies:
        return {"copies": "no backups or bundles beside the store"}
    files = "1 file beside the store still holds" if len(copies) == 1 else \
        f"{len(copies)} files beside the store still hold"
    report = {"copies": f"{files} personal data: delete them when no longer needed "
                        "(erase and purge do not reach them)"}
    for c in copies:
        report[f"  {c.path.name}"] = f"{c.kind}, {c.made:%Y-%m-%d %H:%M}"
    return report


def pg_dump_command(url: str, output: Path | None, stamp: str) -> str:
    """The pg_dump command that backs up the server database at `url`: libpq's URL, no
    password in it (--password asks for it, or PGPASSWORD / ~/.pgpass give it)."""
    import shlex

    from sqlalchemy import make_url

    parsed = make_url(url)
    plain = parsed.set(drivername="postgresql")._replace(password=None)
    asks = " --password" if parsed.password else ""
    output = output or Path(f"{parsed.database or 'sendtui'}-{stamp}.dump")
    return (f"pg_dump --format=custom{asks} --file={shlex.quote(str(output))} "
            f"{shlex.quote(plain.render_as_string(hide_password=False))}")


def backup_to(store, target: str, output: Path | None, force: bool = False) -> Path:
    """A consistent copy of the SQLite store at `output` (default: beside the store, named
    by the time). `output` is checked like an export's `-o` (`sendtui.files`): a new file in
    a folder that exists, or an existing regular file with `force`; written atomically."""
    where = resolve(target)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    if where.path is None:
        raise InvalidInput("a server database is backed up with pg_dump: "
                           f"{pg_dump_command(where.url, output, stamp)}")
    output = Path(os.path.abspath(output or where.path.with_name(
        f"{where.path.stem}-{stamp}.db")))
    with atomic_output(output, force) as tmp:
        src, dst = sqlite3.connect(where.path), sqlite3.connect(tmp)
        try:
            src.backup(dst)
        except sqlite3.Error as exc:
            raise StoreError(f"the backup could not be made: {exc}") from None
        finally:
            src.close()
            dst.close()
    return output
