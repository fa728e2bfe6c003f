"""The five clients of benchmarks/server.py and the check of what they left in the store.

Each client is a process of its own with its own device (its own config folder, so its own
device.toml) and its own `Store.open(target)`. It makes 1,200 writes, one transaction each as
a user would: 1,000 evidence entries (`store.evidence.add`, what `sendtui evidence add` calls)
and, every sixth write, an event moved (`store.events.edit` with "moved …", what the Week
screen's move calls) — its own 30 events five times each and the 10 shared events (every
client moves those) five times each; after every fourth write a search (`first_page` with the
CLI's limit, what `sendtui search` calls). Each operation is timed; every exception is caught,
counted and kept as one line.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections import Counter
from dataclasses import replace

from sendtui.domain.clock import utc_now
from sendtui.records import EvidenceRow
from sendtui.store import events
from sendtui.store.events import EventInput
from sendtui.store.evidence import add as add_evidence
from sendtui.store.evidence_search import first_page
from sendtui.store.repo import Store

CLIENTS, OWN, SHARED, ROUNDS, ENTRIES = 5, 30, 10, 5, 1_000
MOVE_EVERY, SEARCH_EVERY, LIMIT = 6, 4, 50  # LIMIT: `sendtui search`'s default
QUERIES = ["camhs", "waiting times", "parents", '"health advice"', "plan*", "bench"]
MONDAY = dt.datetime(2026, 11, 30, 8, tzinfo=dt.timezone.utc)  # the demo's on-site week


def text_of(client: int, n: int) -> str:
    return f"Bench client {client} entry {n}: parents said waiting times for CAMHS have risen."


def target(client: int, round_: int, k: int) -> dt.datetime:
    """Where a client's move of an event in a round puts it: a start no other client's
    move of it uses, so the final start says whose move was last."""
    return MONDAY + dt.timedelta(days=k % 5, minutes=15 * (client * ROUNDS + round_))


def moves(client: int, own: list[str], shared: list[str]) -> list[tuple[str, dt.datetime]]:
    """The client's 200 moves: each round its own events, a shared one every fourth."""
    out = []
    for r in range(ROUNDS):
        mine = iter(own)
        for k in range(OWN + SHARED):
            if k % 4 == 3:
                j = k // 4
                out.append((shared[j], target(client, r, j)))
            else:
                out.append((next(mine), target(client, r, k)))
    return out


def client(n: int, target_db: str, ins: str, line: str, own: list[str], shared: list[str],
           config: str, start, results) -> None:
    """One user's session; puts its timings, errors and last moves on `results`."""
    os.environ["XDG_CONFIG_HOME"] = config  # this client's own device.toml
    times = {"add evidence": [], "move event": [], "search": []}
    errors: Counter = Counter()
    last: dict[str, tuple[dt.datetime, float]] = {}  # event -> (start, when it returned)
    failed: list[int] = []
    moved: Counter = Counter()  # event -> moves that returned
    store = Store.open(target_db)
    known = {e.id: e for e in events.all(store, ins)}  # what the Week screen shows
    planned = iter(moves(n, own, shared))
    entry = 0
    start.wait()
    begun = time.perf_counter()
    for i in range(ENTRIES + ENTRIES // (MOVE_EVERY - 1)):
        if i % MOVE_EVERY == MOVE_EVERY - 1:
            event_id, at = next(planned)
            event = known[event_id]
            data = replace(EventInput.of(event), start=at, end=at + (event.end - event.start))
            if _timed(times["move event"], errors, lambda: events.edit(
                    store, ins, event_id, data, summary=f"moved {event.title}")):
                last[event_id] = (at, time.time())
                moved[event_id] += 1
        else:
            row = EvidenceRow(utc_now(), line, "meeting", text_of(n, entry), None, None, None,
                              f"Bench {n}")
            if not _timed(times["add evidence"], errors,
                          lambda: add_evidence(store, ins, [row])):
                failed.append(entry)
            entry += 1
        if i % SEARCH_EVERY == SEARCH_EVERY - 1:
            query = QUERIES[i // SEARCH_EVERY % len(QUERIES)]
            _timed(times["search"], errors, lambda: _search(store, ins, query))
    wall = time.perf_counter() - begun
    store.close()
    results.put({"client": n, "times": times, "errors": errors, "last": last,
                 "failed": failed, "moved": moved, "wall": wall})


def _search(store: Store, ins: str, query: str) -> list:
    with store.plain_reads() as rows:
        return first_page(rows, ins, query, LIMIT)[0]


def _timed(into: list, errors: Counter, fn) -> bool:
    t = time.perf_counter()
    try:
        fn()
    except Exception as exc:  # counted and reported: what would reach the user
        errors[f"{type(exc).__name__}: {' '.join(str(exc).split())[:160]}"] += 1
        return False
    into.append((time.perf_counter() - t) * 1000)
    return True


def verify(store: Store, ins: str, own: list[list[str]], shared: list[str],
           sequence_before: dict[str, int], results: list[dict]) -> dict:
    """What the clients' successful writes should have left, against what is there."""
    with store.plain_reads() as run:
        texts = Counter(t for (t,) in run(
            "SELECT text FROM evidence WHERE inspection_id = ? AND text LIKE 'Bench client %'",
            (ins,)))
        unclocked = run(
            "SELECT count(*) FROM evidence e JOIN evidence_version v ON v.evidence_id = e.id "
            "WHERE e.text LIKE 'Bench client %' AND NOT (EXISTS (SELECT 1 FROM field_clock f "
            "WHERE f.table_name = 'evidence' AND f.row_id = e.id AND f.field = '*') AND "
            "EXISTS (SELECT 1 FROM field_clock f WHERE f.table_name = 'evidence_version' AND "
            "f.row_id = v.id AND f.field = '*'))", ())[0][0]
        undo_rows = run("SELECT count(*) FROM change WHERE table_name = 'event' AND summary "
                    "LIKE 'moved Bench%'", ())[0][0]
        seq_twice = run(  # each user undoes only their own actions, in their order
            "SELECT coalesce(sum(n - d), 0) FROM (SELECT count(seq) AS n, "
            "count(DISTINCT seq) AS d FROM change GROUP BY updated_by) AS per_user", ())[0][0]
        clocks = dict(run("SELECT row_id, max(hlc) FROM field_clock WHERE table_name = "
                          "'event' GROUP BY row_id", ()))
        rows = {i: (seq, h) for i, seq, h in run(
            "SELECT id, sequence, hlc FROM event WHERE inspection_id = ?", (ins,))}
        high = run("SELECT value FROM store_info WHERE key = 'hlc_high'", ())[0][0]
        highest = max(run("SELECT max(hlc) FROM evidence", ())[0][0],
                      run("SELECT max(hlc) FROM event", ())[0][0])
    starts = {e.id: e.start for e in events.all(store, ins)}
    expected = Counter(text_of(r["client"], n) for r in results
                       for n in range(ENTRIES) if n not in set(r["failed"]))
    lost_moves = sum(r["last"][e][0] != starts[e] for r in results
                     for e in own[r["client"]] if e in r["last"])
    for e in shared:
        lasts = [r["last"][e] for r in results if e in r["last"]]
        lost_moves += bool(lasts) and starts[e] not in {at for at, _ in lasts}
    made = sum((r["moved"] for r in results), Counter())
    return {
        "lost entries": sum((expected - texts).values()),
        "entries twice": sum((texts - expected).values()),
        "lost moves": lost_moves,
        "lost sequence increments": sum(sequence_before[e] + n - rows[e][0]
                                        for e, n in made.items()),
        "entries without clocks": unclocked,
        "moves without an undo row": made.total() - undo_rows,
        "one user's undo seq numbers used twice": seq_twice,
        "events whose hlc is not their latest clock": sum(clocks.get(e) != rows[e][1]
                                                          for e in made),
        "high-water mark below the highest stamp": high < highest,
    }
