"""A throwaway PostgreSQL 16 for the tests: the `pgserver` wheel's binaries, nothing
installed by hand, no network (a Unix socket only), no root needed.

`Server.start(folder)` runs initdb and starts a server whose files live in `folder`;
`server.url(name)` is the SQLAlchemy URL of one of its databases; `server.stop()` ends it.
tests/conftest.py starts one per pytest-xdist worker, migrates a template database once, and
gives each test its own copy (CREATE DATABASE … TEMPLATE, a few milliseconds).

initdb and postgres refuse to run as root. As root (CI, this container) they run inside a
user namespace as the `nobody` user, their files still root's on the host: no account is
made and nothing outside `folder` changes. Where user namespaces are not allowed, the
wheel's own way is used (`pgserver.get_server`: it makes a `pgserver` system account).
"""

from __future__ import annotations

import atexit
import importlib.util
import os
import pwd
import signal
import subprocess
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import URL, make_url

# a test server: losing it in a crash costs nothing, so it never waits for the disk
# (benchmarks/server.py starts one with DURABLE: PostgreSQL's defaults, as a DBA runs it)
DURABLE = "-c max_connections=60"
FAST = ("-c fsync=off -c full_page_writes=off -c synchronous_commit=off "
        "-c max_connections=60 -c shared_buffers=32MB")


def binaries() -> Path | None:
    """The pgserver wheel's PostgreSQL binaries, or None when the wheel is not installed."""
    spec = importlib.util.find_spec("pgserver")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0]) / "pginstall" / "bin"


def _as_nobody() -> list[str]:
    """The command prefix that runs a PostgreSQL binary as a user other than root."""
    if os.geteuid() != 0:
        return []
    nobody = pwd.getpwnam("nobody")
    return ["unshare", "--user", f"--map-user={nobody.pw_uid}", f"--map-group={nobody.pw_gid}"]


def _namespaces_work() -> bool:
    if os.geteuid() != 0:
        return True
    try:
        return subprocess.run([*_as_nobody(), "true"], capture_output=True).returncode == 0
    except OSError:
        return False


def _run(command: list[str]) -> None:
    done = subprocess.run([*_as_nobody(), *command], capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"{Path(command[0]).name} failed: {done.stderr.strip()[-500:]}")


@dataclass
class Server:
    base: URL  # the server's postgres database
    data: Path | None  # None when pgserver.get_server runs it
    _library: object = None

    @classmethod
    def start(cls, folder: Path, options: str = FAST) -> Server:
        bin_dir = binaries()
        if bin_dir is None:
            raise RuntimeError("the pgserver wheel is not installed: pip install -e '.[test]'")
        if not _namespaces_work():
            return cls._by_library(folder)
        data = folder / "data"
        _run([str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust",
              "--encoding=utf8", "--no-sync"])
        _run([str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(folder / "log"), "-w",
              "-o", f"-k {folder} -c listen_addresses= {options}", "start"])
        server = cls(make_url(f"postgresql+psycopg://postgres@/postgres?host={folder}"), data)
        atexit.register(server.stop)
        return server

    @classmethod
    def _by_library(cls, folder: Path) -> Server:
        import pgserver

        library = pgserver.get_server(folder / "data", cleanup_mode="delete")
        base = make_url(library.get_uri()).set(drivername="postgresql+psycopg")
        return cls(base, None, library)

    def url(self, database: str = "postgres") -> str:
        return self.base.set(database=database).render_as_string(hide_password=False)

    def stop(self) -> None:
        if self._library is not None:
            self._library.cleanup()
            return
        pid_file = self.data / "postmaster.pid"
        try:
            pid = int(pid_file.read_text().split("\n", 1)[0])
            os.kill(pid, signal.SIGQUIT)  # immediate shutdown: the data is thrown away
        except (OSError, ValueError):
            pass
