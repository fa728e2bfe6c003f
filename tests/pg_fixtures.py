"""PostgreSQL fixtures: one throwaway server per pytest-xdist worker (tests/pg.py), a
template database migrated to head once, and a database of its own for each test.

- `pg_server`: the worker's server (session); started on first use only, so a run of
  SQLite-only tests never starts it.
- `pg_database`: a new sendtui store at head (CREATE DATABASE … TEMPLATE), dropped after.
- `pg_demo_database`: the same holding the demo inspection.
- `pg_new_database`: make() -> one more such store each call (more laptops in one test).
- `pg_blank`: an empty database, no sendtui tables (to make, refuse or race a store).
Each yields a `postgresql+psycopg://` URL for `Store.open`, `--db` or `open_store`.
"""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import create_engine

from sendtui.config import Device
from sendtui.demo import add_demo
from sendtui.store.db import open_store
from sendtui.store.repo import Store
from tests.pg import Server

TEMPLATE, DEMO = "sendtui_template", "sendtui_demo_template"


class Cluster:
    def __init__(self, server: Server):
        self.server = server
        self.admin = create_engine(server.url(), isolation_level="AUTOCOMMIT")

    def create(self, template: str = "template0", name: str = "") -> str:
        name = name or f"t_{uuid.uuid4().hex[:16]}"
        with self.admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        return name

    def drop(self, name: str) -> None:
        with self.admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def pg_server(tmp_path_factory):
    server = Server.start(tmp_path_factory.mktemp("pg"))
    cluster = Cluster(server)
    cluster.create(name=TEMPLATE)
    open_store(server.url(TEMPLATE)).engine.dispose()  # migrated once, to head
    yield cluster
    cluster.admin.dispose()
    server.stop()


@pytest.fixture(scope="session")
def _pg_demo_template(pg_server) -> str:
    pg_server.create(TEMPLATE, name=DEMO)
    # made by a laptop of its own, as on SQLite (not by the test that first asks for it)
    opened = open_store(pg_server.server.url(DEMO))
    s = Store(opened.engine, opened, Device("00000000-0000-4000-8000-0000000000de", "Demo"))
    add_demo(s, "2016")
    s.close()
    return DEMO


def _own_copy(cluster: Cluster, template: str):
    name = cluster.create(template)
    yield cluster.server.url(name)
    cluster.drop(name)


@pytest.fixture
def pg_database(pg_server):
    yield from _own_copy(pg_server, TEMPLATE)


@pytest.fixture
def pg_demo_database(pg_server, _pg_demo_template):
    yield from _own_copy(pg_server, _pg_demo_template)


@pytest.fixture
def pg_new_database(pg_server):
    """make() -> the URL of one more sendtui store at head (a second laptop's, say)."""
    made = []

    def make() -> str:
        made.append(pg_server.create(TEMPLATE))
        return pg_server.server.url(made[-1])

    yield make
    for name in made:
        pg_server.drop(name)


@pytest.fixture
def pg_blank(pg_server):
    yield from _own_copy(pg_server, "template0")
