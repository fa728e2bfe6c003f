"""`sendtui evidence add` records the laptop's user (profile.toml, set in the app with U)."""

from __future__ import annotations

from sendtui.config import Profile, profile_file, save_profile
from sendtui.store import evidence, inspections
from sendtui.store.repo import Store
from tests.cli.test_cli import ok, own_error, run

BOTH_ENGINES = True  # each test on SQLite and on PostgreSQL (tests/conftest.py)


def added_author(demo_target, entry_id: str) -> str:
    store = Store.open(str(demo_target))
    try:
        ins = inspections.find(store).id
        return next(e.author for e in evidence.all(store, ins) if e.id == entry_id)
    finally:
        store.close()


def test_the_profile_is_the_author_of_an_entry_added(demo_target):
    save_profile(Profile("Priya Shah", "Lead HMI"))
    out = ok(run("evidence", "add", "--line", "b4", "--source", "meeting",
                 "--text", "The SENCo forum meets monthly.", db=demo_target))
    assert added_author(demo_target, out.strip()) == "Priya Shah (Lead HMI)"


def test_without_a_name_the_author_stays_empty(demo_target):
    out = ok(run("evidence", "add", "--line", "b4", "--source", "meeting",
                 "--text", "The SENCo forum meets monthly.", db=demo_target))
    assert added_author(demo_target, out.strip()) == ""


def test_a_broken_profile_is_exit_2_and_nothing_added(demo_target):
    profile_file().write_text("[profile]\nname = 7\n")
    own_error(run("evidence", "add", "--line", "b4", "--source", "meeting",
                  "--text", "Not added.", db=demo_target), 2)
    store = Store.open(str(demo_target))
    try:
        ins = inspections.find(store).id
        assert not [e for e in evidence.all(store, ins) if e.text == "Not added."]
    finally:
        store.close()
