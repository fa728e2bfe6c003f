"""Two programs on one store file at once (the coordinator's app and the CLI): both write,
nothing is lost, neither is told "database is locked"; and each can tell the other's
commits from its own (`store.watch`)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from sendtui.store import evidence, inspections, people, watch
from sendtui.store.repo import Store

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = 40

# Each round reads (the names already there, to refuse a duplicate) then writes, in one
# session: the read-then-write that fails at once under a deferred transaction.
WRITER = textwrap.dedent("""
    import sys
    from sendtui.store import inspections, people
    from sendtui.store.repo import Store
    store = Store.open(sys.argv[1], create=False)
    ins = inspections.find(store).id
    for n in range(int(sys.argv[3])):
        people.add(store, ins, f"{sys.argv[2]} {n}", role="Head")
    store.close()
""")


def _writer(db: Path, who: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-c", WRITER, str(db), who, str(ROUNDS)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _cli(db: Path, *args: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "sendtui", "--db", str(db), *args],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_two_programs_writing_at_once_lose_nothing_and_are_never_locked(demo_db):
    writers = [_writer(demo_db, "Alder"), _writer(demo_db, "Birch")]
    cli = [_cli(demo_db, "evidence", "add", "--line", "B2", "--source", "meeting",
                "--text", f"Said at the keep-in-touch meeting {n}") for n in range(4)]
    said = [(p.args, *p.communicate(timeout=300), p.returncode) for p in writers + cli]
    for args, _out, err, code in said:
        assert code == 0 and "locked" not in err, (args[-4:], err)
    store = Store.open(str(demo_db), create=False)
    try:
        ins = inspections.find(store).id
        names = {p.name for p in people.all(store, ins)}
        for who in ("Alder", "Birch"):
            assert {f"{who} {n}" for n in range(ROUNDS)} <= names
        texts = {e.text for e in evidence.all(store, ins)}
        assert {f"Said at the keep-in-touch meeting {n}" for n in range(4)} <= texts
    finally:
        store.close()


def test_a_write_after_a_read_goes_through_though_another_program_wrote_between(demo_db):
    """The WAL trap: a transaction that read first, then writes after another connection's
    commit, fails at once with SQLITE_BUSY unless its reads were outside it."""
    mine, other = Store.open(str(demo_db), create=False), Store.open(str(demo_db), create=False)
    try:
        ins = inspections.find(mine).id
        with mine.session() as s:
            before = len(people._names(s, ins))  # the read
            people.add(other, ins, "Olu Adeyemi")  # another program commits meanwhile
            people.add(mine, ins, "Grace Whitlow")  # joins the session: the write
        assert len(people.all(mine, ins)) == before + 2
    finally:
        mine.close()
        other.close()


def test_a_store_kept_busy_says_so_in_one_line(demo_db, monkeypatch):
    import sqlite3

    from sendtui.errors import StoreError
    from sendtui.store import engines

    monkeypatch.setattr(engines, "BUSY_WAIT_S", 0.2)
    monkeypatch.setattr(engines, "PRAGMAS", tuple(
        p for p in engines.PRAGMAS if "busy_timeout" not in p) + ("PRAGMA busy_timeout=200",))
    store = Store.open(str(demo_db), create=False)
    holder = sqlite3.connect(demo_db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # a writer that does not finish
    try:
        ins = inspections.find(store).id
        try:
            people.add(store, ins, "Olu Adeyemi")
            raise AssertionError("a write went through a held write lock")
        except StoreError as exc:
            said = str(exc)
        assert "\n" not in said and "locked" not in said and "busy" in said, said
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        store.close()


def test_the_watch_tells_another_programs_commit_from_its_own(demo_db):
    mine, other = Store.open(str(demo_db), create=False), Store.open(str(demo_db), create=False)
    try:
        ins = inspections.find(mine).id
        seen = watch.of(mine.engine)
        assert seen.others_changed() is False  # turned on
        people.add(mine, ins, "Grace Whitlow")  # this program's own, from two threads
        import threading
        t = threading.Thread(target=people.add, args=(mine, ins, "Ama Boateng"))
        t.start()
        t.join()
        assert seen.others_changed() is False
        people.add(other, ins, "Olu Adeyemi")
        assert seen.others_changed() is True
        assert seen.others_changed() is False  # told once
        people.add(other, ins, "Priya Nair")  # another's, then ours before the next look
        people.add(mine, ins, "Tom Hale")
        assert seen.others_changed() is True
    finally:
        watch.of(mine.engine).close()
        mine.close()
        other.close()


def test_the_watch_holds_no_snapshot_that_would_stop_an_erase_clearing_the_file(demo_db):
    from sendtui.store.compaction import compact

    store = Store.open(str(demo_db), create=False)
    try:
        seen = watch.of(store.engine)
        seen.others_changed()
        people.add(store, inspections.find(store).id, "Grace Whitlow")
        seen.others_changed()
        assert compact(store) is True  # the WAL checkpointed and truncated: no reader held it
    finally:
        watch.of(store.engine).close()
        store.close()


def test_the_cli_kept_waiting_by_another_writer_says_one_line_and_changes_nothing(
        demo_db, monkeypatch):
    import sqlite3

    from sendtui.store import engines
    from tests.cli.test_cli import own_error, run

    monkeypatch.setattr(engines, "BUSY_WAIT_S", 0.2)
    monkeypatch.setattr(engines, "PRAGMAS", tuple(
        p for p in engines.PRAGMAS if "busy_timeout" not in p) + ("PRAGMA busy_timeout=200",))
    holder = sqlite3.connect(demo_db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program's write that does not finish
    try:
        line = own_error(run("evidence", "add", "--line", "B2", "--source", "meeting",
                             "--text", "Said at the keep-in-touch meeting", db=demo_db), 3)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert "busy" in line and "locked" not in line, line
    store = Store.open(str(demo_db), create=False)
    try:
        assert "Said at the keep-in-touch meeting" not in {
            e.text for e in evidence.all(store, inspections.find(store).id)}
    finally:
        store.close()
