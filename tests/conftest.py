"""Hermetic tests: a temp store, no real data folder, a fixed 'today'."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import uuid
from pathlib import Path

import pytest

from sendtui.demo import add_demo
from sendtui.store.repo import Store
from tests.pg_fixtures import (  # noqa: F401 - fixtures
    _pg_demo_template, pg_blank, pg_database, pg_demo_database, pg_new_database, pg_server)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
# Wed 25 Nov 2026: day 3 of the demo inspection (notified Mon 23 Nov 2026).
DEMO_TODAY = dt.date(2026, 11, 25)


@pytest.fixture(scope="session", autouse=True)
def _session_home(tmp_path_factory):
    """User folders for what is made once (templates: module and session fixtures start
    before a test's own folders): never the real ones, nor a device.toml in them."""
    home = tmp_path_factory.mktemp("session-home")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("XDG_DATA_HOME", str(home / "data"))
        env.setenv("XDG_CONFIG_HOME", str(home / "config"))
        env.setenv("HOME", str(home))
        yield


@pytest.fixture(autouse=True)
def _isolated(tmp_path_factory, monkeypatch):
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("HOME", str(home))  # the Documents folder exports default to
    monkeypatch.delenv("SENDTUI_DB", raising=False)
    monkeypatch.delenv("SENDTUI_TODAY", raising=False)
    # The first-run question (who uses this laptop) answered "later": tests of the question
    # itself remove this file (tests/ui/test_profile_screen.py).
    profile = home / "config" / "sendtui" / "profile.toml"
    profile.parent.mkdir(parents=True)
    profile.write_text("[profile]\nname = \"\"\nrole = \"\"\nasked = true\n", encoding="utf-8")
    # This laptop's identity (device.toml), as the app writes it on first use: one per test,
    # shared by every store the test opens. Tests of the file itself remove it.
    (profile.parent / "device.toml").write_text(
        f"[device]\nid = \"{uuid.uuid4()}\"\nname = \"Test laptop\"\n", encoding="utf-8")


@pytest.fixture
def db_path(tmp_path) -> Path:
    """Where a new store goes (not created yet)."""
    return tmp_path / "sendtui.db"


@pytest.fixture
def engine() -> str:
    """The engine a test's store is on: "sqlite", or in a module that runs on both engines
    (`BOTH_ENGINES = True`) "sqlite" then "postgresql" (see pytest_generate_tests)."""
    return "sqlite"


@pytest.fixture
def store_target(engine, db_path, request) -> str:
    """Where a new store goes: a SQLite file path or a new, empty PostgreSQL database's URL
    (migrated to head already, made from the worker's template)."""
    if engine == "sqlite":
        return str(db_path)
    return request.getfixturevalue("pg_database")


@pytest.fixture
def new_target(engine, tmp_path, request):
    """make(name) -> one more store target on the test's engine (each laptop its own)."""
    if engine == "sqlite":
        return lambda name: str(tmp_path / f"{name}.db")
    make = request.getfixturevalue("pg_new_database")
    return lambda name: make()


@pytest.fixture
def store(store_target):
    s = Store.open(store_target)
    yield s
    s.close()


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    s = Store.open(str(path))  # on the session's laptop (`_session_home`), not the test's
    add_demo(s, "2016")
    s.close()
    return path


@pytest.fixture
def demo_db(_demo_template, tmp_path) -> Path:
    """A store file holding the demo inspection (a fresh copy per test)."""
    path = tmp_path / "demo.db"
    shutil.copy(_demo_template, path)
    return path


@pytest.fixture
def demo_target(engine, request) -> str:
    """A store holding the demo inspection (a fresh copy per test) on the test's engine."""
    if engine == "sqlite":
        return str(request.getfixturevalue("demo_db"))
    return request.getfixturevalue("pg_demo_database")


@pytest.fixture
def demo_store(demo_target):
    s = Store.open(demo_target)
    yield s
    s.close()


def pytest_generate_tests(metafunc):
    """A module with `BOTH_ENGINES = True` runs each test that uses a store on SQLite and on
    PostgreSQL, except those named in its `SQLITE_ONLY = {name: why}`."""
    if "engine" not in metafunc.fixturenames:
        return
    module = metafunc.module
    if not getattr(module, "BOTH_ENGINES", False):
        return
    engines = ["sqlite"]
    if metafunc.function.__name__ not in getattr(module, "SQLITE_ONLY", {}):
        engines.append("postgresql")
    metafunc.parametrize("engine", engines)


def pytest_collection_modifyitems(items):
    """The fault campaign's sample first: alone, it starts now and runs beside the suite;
    under pytest-xdist (`make test`), the worker given the first test starts it at once."""
    sample = [i for i in items if i.name == "test_the_campaign_sample_finds_no_failure"]
    if sample:
        items.remove(sample[0])
        items.insert(0, sample[0])
        if "PYTEST_XDIST_WORKER" not in os.environ:
            from tests.faults.test_campaign_sample import started

            started()
