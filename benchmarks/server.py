"""Five people on one store at once: PostgreSQL against SQLite in WAL, in the same run.

A throwaway PostgreSQL 16 (tests/pg.py, with PostgreSQL's own durable defaults: fsync and
synchronous commit on, as a DBA would run it; SQLite's store runs `synchronous=FULL`) holds a
store with the demo inspection and 160 more meetings. Five client processes (spawned, each with
its own device) open it and each makes 1,000 evidence entries and 200 event moves, one
transaction each, searching after every fourth write (benchmarks/server_clients.py). The same
run on a SQLite file (WAL) is the baseline. Afterwards the store is checked: every entry and
every last move that returned is there, with its field clocks and undo rows. On PostgreSQL a
thread samples pg_stat_activity every 10 ms for clients waiting on a lock, and on which
statement. Then the search `sendtui search` runs (first 50, every match ranked) on 100,000
entries on each engine (the queries of benchmarks/search.py).

    python benchmarks/server.py
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import random
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, text  # noqa: E402

from benchmarks import server_clients as sc  # noqa: E402
from benchmarks.realistic import fill_evidence  # noqa: E402
from benchmarks.search import COMMON, SELECTIVE  # noqa: E402
from sendtui.demo import add_demo  # noqa: E402
from sendtui.store import events, inspections, lines  # noqa: E402
from sendtui.store.events import EventInput  # noqa: E402
from sendtui.store.evidence_search import first_page  # noqa: E402
from sendtui.store.repo import Store  # noqa: E402
from tests.pg import DURABLE, Server  # noqa: E402

BIG = 100_000
OPERATIONS = ("add evidence", "move event", "search")


def make_database(server: Server, name: str) -> str:
    admin = create_engine(server.url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    admin.dispose()
    return server.url(name)


def setup(target: str) -> dict:
    """The demo and 160 meetings (30 for each client, 10 everyone moves)."""
    store = Store.open(target)
    ins, _ = add_demo(store, "2016")
    line = lines.all(store, ins.id)[0].code
    ids = [events.add(store, ins.id, EventInput(
        "meeting", f"Bench meeting {k}", sc.MONDAY + dt.timedelta(days=k % 5),
        sc.MONDAY + dt.timedelta(days=k % 5, hours=1)))
        for k in range(sc.CLIENTS * sc.OWN + sc.SHARED)]
    before = {e.id: e.sequence for e in events.all(store, ins.id)}
    store.close()
    own = [ids[c * sc.OWN:(c + 1) * sc.OWN] for c in range(sc.CLIENTS)]
    return {"ins": ins.id, "line": line, "own": own, "shared": ids[-sc.SHARED:],
            "before": before}


def run(target: str, folder: Path, name: str) -> dict:
    """The five clients on `target`; their timings, errors and the check of the store."""
    plan = setup(target)
    ctx = multiprocessing.get_context("spawn")
    start, results = ctx.Barrier(sc.CLIENTS + 1), ctx.Queue()
    procs = [ctx.Process(target=sc.client, args=(
        n, target, plan["ins"], plan["line"], plan["own"][n], plan["shared"],
        str(folder / f"{name}-client{n}"), start, results)) for n in range(sc.CLIENTS)]
    for p in procs:
        p.start()
    waits = LockWaits(target) if target.startswith("postgresql") else None
    start.wait()
    t = time.perf_counter()
    done = [results.get() for _ in procs]
    wall = time.perf_counter() - t
    for p in procs:
        p.join()
    if waits:
        waits.stop()
    store = Store.open(target)
    checked = sc.verify(store, plan["ins"], plan["own"], plan["shared"], plan["before"], done)
    store.close()
    times = {op: [ms for r in done for ms in r["times"][op]] for op in OPERATIONS}
    errors = sum((r["errors"] for r in done), Counter())
    return {"times": times, "errors": errors, "checked": checked, "wall": wall,
            "waits": waits}


class LockWaits:
    """Samples, every 10 ms, which clients are waiting on a lock and in which statement."""

    def __init__(self, url: str):
        self.engine = create_engine(url, isolation_level="AUTOCOMMIT")
        self.samples, self.waiting, self.busy, self.doing = 0, Counter(), 0, Counter()
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        with self.engine.connect() as conn:
            while not self._done.is_set():
                rows = conn.execute(text(
                    "SELECT state, wait_event_type, wait_event, query FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid() "
                    "AND state IN ('active', 'idle in transaction')")).all()
                self.samples += 1
                self.busy += len(rows)
                for state, kind, event, query in rows:
                    self.doing[f"{state}: {kind or 'running'}:{event or ''}"] += 1
                    if kind == "Lock":
                        self.waiting[f"{event}: {' '.join(query.split())[:70]}"] += 1
                time.sleep(0.01)

    def stop(self) -> None:
        self._done.set()
        self._thread.join()
        self.engine.dispose()


def search_big(target: str) -> dict[str, list[float]]:
    """`sendtui search`'s first_page (first 50, every match ranked) on 100,000 entries."""
    store = Store.open(target)
    ins, _ = add_demo(store, "2016")
    fill_evidence(store, ins.id, BIG - inspections.counts(store, ins.id).evidence,
                  random.Random(7))
    if store.engine.dialect.name == "postgresql":
        with store.engine.begin() as conn:  # what autovacuum does a minute after a load
            conn.exec_driver_sql("ANALYZE evidence")
    times = {"selective": [], "common": []}
    with store.plain_reads() as rows:
        for q in [*SELECTIVE, *COMMON]:  # warm the caches once
            first_page(rows, ins.id, q, sc.LIMIT)
        for _ in range(3):
            for kind, queries in (("selective", SELECTIVE), ("common", COMMON)):
                for q in queries:
                    t = time.perf_counter()
                    first_page(rows, ins.id, q, sc.LIMIT)
                    times[kind].append((time.perf_counter() - t) * 1000)
    store.close()
    return {**times, "all": times["selective"] + times["common"]}


def p50(values: list[float]) -> float:
    return statistics.median(values)


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def report(pg: dict, lite: dict, big: dict) -> None:
    print("| operation | PostgreSQL p50 / p95 | SQLite WAL p50 / p95 | ratio (p50) |")
    print("|---|---|---|---|")
    for op in OPERATIONS:
        a, b = pg["times"][op], lite["times"][op]
        print(f"| {op} ({len(a):,} / {len(b):,}) | {p50(a):.1f} / {p95(a):.1f} ms | "
              f"{p50(b):.1f} / {p95(b):.1f} ms | {p50(a) / p50(b):.2f} |")
    writes = sc.CLIENTS * (sc.ENTRIES + sc.ENTRIES // (sc.MOVE_EVERY - 1))
    print(f"| all five clients, {writes:,} writes | {pg['wall']:.1f} s "
          f"({writes / pg['wall']:.0f} writes/s) | {lite['wall']:.1f} s "
          f"({writes / lite['wall']:.0f} writes/s) | {pg['wall'] / lite['wall']:.2f} |")
    for what in pg["checked"]:
        # int(): PostgreSQL's sum() of counts is a numeric (a Decimal), a flag a bool
        print(f"| {what} | {int(pg['checked'][what]):d} | {int(lite['checked'][what]):d} | |")
    a, b = big["postgresql"], big["sqlite"]
    for kind in ("selective", "common", "all"):
        a, b = big["postgresql"][kind], big["sqlite"][kind]
        print(f"| search on {BIG:,} entries, {kind} queries ({len(a)}) | {p50(a):.1f} / "
              f"{p95(a):.1f} ms | {p50(b):.1f} / {p95(b):.1f} ms | {p50(a) / p50(b):.2f} |")
    print()
    for name, result in (("PostgreSQL", pg), ("SQLite WAL", lite)):
        print(f"- errors surfaced on {name}: {result['errors'].total()}")
        for line, n in result["errors"].most_common(8):
            print(f"  - {n} × {line}")
    waits = pg["waits"]
    waited = waits.waiting.total()
    print(f"- PostgreSQL lock waits: {waited} of {waits.busy} samples of a client in a "
          f"transaction ({100 * waited / max(waits.busy, 1):.0f}%), {waits.samples} samples")
    for line, n in waits.waiting.most_common(5):
        print(f"  - {n} × {line}")
    print("- what the clients' backends were doing (samples):")
    for line, n in waits.doing.most_common(8):
        print(f"  - {n} × {line}")


def main() -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        os.environ["XDG_CONFIG_HOME"] = str(folder / "setup-config")  # no device.toml of yours
        server = Server.start(folder, DURABLE)
        try:
            pg = run(make_database(server, "load"), folder, "pg")
            lite = run(str(folder / "load.db"), folder, "sqlite")
            big = {"postgresql": search_big(make_database(server, "big")),
                   "sqlite": search_big(str(folder / "big.db"))}
        finally:
            server.stop()
        report(pg, lite, big)


if __name__ == "__main__":
    main()
