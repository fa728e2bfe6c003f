"""Has another client changed the server database since we last looked? PostgreSQL's side of
`sendtui.store.watch` (same API: `others_changed()`, `close()`; `watch.of(engine)` finds it).

Telling: every commit of a sendtui engine on PostgreSQL sends
`pg_notify('sendtui_changed', <the engine's token>)` inside the committing transaction (a
SQLAlchemy `commit` event on the engine, so Store.session, the merge and the erasure are all
covered by one hook, as the SQLite watch's `commit()` is). PostgreSQL delivers it only if the
transaction commits, and only once per transaction. It is sent always, not only while the app
watches: the CLI never watches, yet what it writes must show in every open app. It costs one
short statement per commit, and nothing is sent by a transaction that wrote nothing
(`txid_current_if_assigned()` is null): an app that reads again does not make the others
read again, back and forth. (NOTIFY serialises the commits that send it, on a lock held only
for the commit: nothing that five people typing would feel.)

Listening: a connection of its own (autocommit, `LISTEN sendtui_changed`), made at the first
`others_changed()`, which drains what arrived without waiting. A notification with this
engine's own token is this app's commit, not another's. A lost connection is made again at
the next call, which then says True (what was sent meanwhile is gone). An error says False:
the caller asks again later. No message here shows the URL or its password.
"""

from __future__ import annotations

import threading
import uuid

import psycopg
from sqlalchemy import event
from sqlalchemy.engine import Engine

from sendtui.store.watch import watches

CHANNEL = "sendtui_changed"
CONNECT_TIMEOUT_S = 10
LISTENER_NAME = "sendtui watch"  # its application_name, as a DBA sees it in pg_stat_activity
_TELL = ("SELECT pg_notify('" + CHANNEL + "', %s) "
         "WHERE txid_current_if_assigned() IS NOT NULL")


class ServerWatch:
    """The notifications of one server database, heard on a connection of its own."""

    def __init__(self, engine: Engine):
        self.token = uuid.uuid4().hex  # this engine's commits, told from every other's
        self._connect_args = engine.dialect.create_connect_args(engine.url)
        self._lock = threading.Lock()
        self._conn: psycopg.Connection | None = None
        self._listened = False  # a connection was made once: a new one means one was lost
        self._closed = False

    def others_changed(self) -> bool:
        """True when another client (not this engine) committed since the last call; False
        the first time (the baseline) and while the server cannot be reached."""
        with self._lock:
            if self._closed:
                return False
            try:
                if self._conn is None:
                    self._conn = self._listen()
                    again, self._listened = self._listened, True
                    return again
                self._conn.execute("SELECT 1")  # a lost connection shows here, not never
                heard = {n.payload for n in self._conn.notifies(timeout=0)}
            except psycopg.Error:
                self._drop()
                return False
            return bool(heard - {self.token})

    def close(self) -> None:
        with self._lock:
            self._drop()
            self._closed = True

    def tell_others(self, conn) -> None:
        """In the transaction `conn` is committing: notify the listeners if it wrote."""
        conn.exec_driver_sql(_TELL, (self.token,))

    def _listen(self) -> psycopg.Connection:
        cargs, cparams = self._connect_args
        conn = psycopg.connect(*cargs, **{"connect_timeout": CONNECT_TIMEOUT_S, **cparams,
                                          "application_name": LISTENER_NAME}, autocommit=True)
        conn.execute(f"LISTEN {CHANNEL}")
        return conn

    def _drop(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            except psycopg.Error:
                pass
        self._conn = None


def watch_server(engine: Engine) -> None:
    """Every commit of `engine` (a psycopg one) tells the others; `watch.of(engine)` hears
    theirs."""
    server_watch = ServerWatch(engine)
    watches(engine, server_watch)
    event.listen(engine, "commit", server_watch.tell_others)
