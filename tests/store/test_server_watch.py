"""Several clients on one PostgreSQL database: each app's watch (`store.watch_pg`) hears
what another client commits (another app, the CLI) within 2 s, never its own commits, and
not a transaction that wrote nothing or was rolled back."""

from __future__ import annotations

import datetime as dt
import time

import psycopg
from sqlalchemy import create_engine
from sqlmodel import select

from sendtui.records.incoming import EvidenceRow
from sendtui.store import evidence, inspections, people, watch
from sendtui.store import models as m
from sendtui.store.repo import Store
from sendtui.store.watch_pg import CHANNEL, LISTENER_NAME
from tests.cli.test_cli import ok, run

HEARD_WITHIN_S = 2.0


def _heard(seen) -> bool:
    """Whether the watch says True within 2 s, asked as the app asks (twice a second)."""
    deadline = time.monotonic() + HEARD_WITHIN_S
    while time.monotonic() < deadline:
        if seen.others_changed():
            return True
        time.sleep(0.1)
    return False


def _entry(store: Store, ins_id: str, text: str) -> None:
    evidence.add(store, ins_id, [EvidenceRow(
        at=dt.datetime.now(dt.UTC), line="B2", source="meeting", text=text,
        setting_urn=None, case_ref=None, judgement=None, author="Kwame Mensah")])


def _two(url: str):
    return Store.open(url, create=False), Store.open(url, create=False)


def _raw(url: str) -> psycopg.Connection:
    return psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"),
                           autocommit=True)


def test_another_clients_entry_is_heard_and_this_clients_own_is_not(pg_demo_database):
    mine, other = _two(pg_demo_database)
    try:
        ins = inspections.find(mine).id
        seen = watch.of(mine.engine)
        assert seen.others_changed() is False  # turned on
        _entry(other, ins, "Said at the keep-in-touch meeting")
        assert _heard(seen)
        assert seen.others_changed() is False  # told once
        _entry(mine, ins, "Said at the parent carers' forum")
        people.add(mine, ins, "Grace Whitlow")
        assert not _heard(seen)
    finally:
        seen.close()
        mine.close()
        other.close()


def test_reading_or_a_rolled_back_write_is_not_a_change(pg_demo_database):
    mine, other = _two(pg_demo_database)
    try:
        ins = inspections.find(mine).id
        seen = watch.of(mine.engine)
        seen.others_changed()
        with other.session() as s:  # a transaction that only read commits too: told nobody
            s.exec(select(m.Person)).all()
        try:
            with other.session():
                people.add(other, ins, "Olu Adeyemi")
                raise KeyError("given up")
        except KeyError:
            pass
        assert not _heard(seen)
        assert "Olu Adeyemi" not in {p.name for p in people.all(mine, ins)}
    finally:
        seen.close()
        mine.close()
        other.close()


def test_what_the_cli_writes_is_heard(pg_demo_database):
    mine = Store.open(pg_demo_database, create=False)
    try:
        seen = watch.of(mine.engine)
        seen.others_changed()
        ok(run("evidence", "add", "--line", "B2", "--source", "meeting",
               "--text", "Said at the keep-in-touch meeting", db=pg_demo_database))
        assert _heard(seen)
    finally:
        seen.close()
        mine.close()


def test_a_notification_from_any_other_connection_counts(pg_demo_database):
    mine = Store.open(pg_demo_database, create=False)
    raw = _raw(pg_demo_database)
    try:
        seen = watch.of(mine.engine)
        seen.others_changed()
        raw.execute("SELECT pg_notify(%s, %s)", (CHANNEL, seen.token))  # as if its own
        assert not _heard(seen)
        raw.execute("SELECT pg_notify(%s, %s)", (CHANNEL, "another laptop"))
        assert _heard(seen)
    finally:
        raw.close()
        seen.close()
        mine.close()


def _listeners(url: str) -> int:
    admin = create_engine(url)
    try:
        with admin.connect() as conn:
            return conn.exec_driver_sql(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND application_name = %s", (LISTENER_NAME,)).scalar()
    finally:
        admin.dispose()


def test_close_stops_listening_and_hangs_up(pg_demo_database):
    mine, other = _two(pg_demo_database)
    try:
        seen = watch.of(mine.engine)
        seen.others_changed()
        assert _listeners(pg_demo_database) == 1
        seen.close()
        assert _listeners(pg_demo_database) == 0
        _entry(other, inspections.find(other).id, "Said at the keep-in-touch meeting")
        assert not _heard(seen)
        assert _listeners(pg_demo_database) == 0
    finally:
        mine.close()
        other.close()


def test_a_lost_connection_is_made_again_and_says_something_may_have_changed(
        pg_demo_database):
    mine, other = _two(pg_demo_database)
    raw = _raw(pg_demo_database)
    try:
        seen = watch.of(mine.engine)
        seen.others_changed()
        raw.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE application_name = %s", (LISTENER_NAME,))
        _entry(other, inspections.find(other).id, "Said while the watch was cut off")
        assert seen.others_changed() is False  # the loss: asked again later
        assert seen.others_changed() is True  # listening again; what was missed is told
        _entry(other, inspections.find(other).id, "Said after")
        assert _heard(seen)
    finally:
        raw.close()
        seen.close()
        mine.close()
        other.close()

