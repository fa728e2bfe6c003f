"""Has another program changed the store file since we last looked? (The app polls this, so
that what the CLI or a second app writes shows within a second or two.)

SQLite's `PRAGMA data_version` changes, on one connection, whenever ANY OTHER connection
commits. The app's engine has a pool of connections, so the app's own commits would look
like another program's to the connection that asks. Every connection of the engine is made
as `connection_class()`, whose commit, while the watch is on, reads data_version before (a
change then is another program's, kept to tell) and after (the new baseline) under the
watch's lock. Another program cannot commit meanwhile: the committing connection holds the
write lock until its commit returns, and a waiting writer retries after sleeping at least
a millisecond, so the rare miss (a commit landing between ours and the read after it) is not
worth more than this. The CLI never turns the watch on: its commits cost nothing more.

    watch = of(store.engine)        # a server database's: store/watch_pg.py (LISTEN/NOTIFY)
    watch.others_changed() -> bool  # the first call turns the watch on (and says False)
    watch.close()
"""

from __future__ import annotations

import sqlite3
import threading
import weakref
from pathlib import Path

_WATCHES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


class Watch:
    """The data_version of one store file, seen from a connection of its own."""

    def __init__(self, path: Path):
        self.path = path
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self._seen: int | None = None
        self._missed = False  # another program committed just before one of ours
        self._closed = False

    def others_changed(self) -> bool:
        """True when another program (not this engine) committed since the last call.
        sqlite3.Error when the file cannot be read now (the caller tries again later)."""
        with self._lock:
            if self._closed:
                return False
            if self._conn is None:
                self._conn = sqlite3.connect(self.path, timeout=1, isolation_level=None,
                                             check_same_thread=False)
                self._seen = self._version()
                return False
            now = self._version()
            changed = self._missed or now != self._seen
            self._seen, self._missed = now, False
            return changed

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
            self._conn, self._closed = None, True

    def own_commit(self, commit) -> None:
        """Run `commit` (a connection's of this engine) so that it is not taken for another
        program's."""
        if self._conn is None:  # not watched: the CLI
            commit()
            return
        with self._lock:
            before = self._version_or_none()
            if before is None or before != self._seen:
                self._missed = True
            commit()
            after = self._version_or_none()
            if after is None:
                self._missed = True
            else:
                self._seen = after

    def connection_class(self) -> type[sqlite3.Connection]:
        """The sqlite3 connection every connection of the engine is made as."""
        watch = self

        class Watched(sqlite3.Connection):
            def commit(self) -> None:
                watch.own_commit(super().commit)

        return Watched

    def _version(self) -> int:
        # fetchall: the statement runs to its end, so no read snapshot is left open
        return self._conn.execute("PRAGMA data_version").fetchall()[0][0]

    def _version_or_none(self) -> int | None:
        try:
            return self._version() if self._conn is not None else None
        except sqlite3.Error:
            return None


def watches(engine, watch: Watch) -> None:
    """`watch` belongs to `engine` (made by `engines.sqlite_engine` or `db._open_server`)."""
    _WATCHES[engine] = watch


def of(engine) -> Watch | None:
    """The watch of a store's engine (a file's `Watch`, a PostgreSQL database's
    `watch_pg.ServerWatch`); None for a server reached by another driver than psycopg."""
    return _WATCHES.get(engine)
