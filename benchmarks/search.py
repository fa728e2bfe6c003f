"""Evidence search on 100,000 generated entries: FTS5 against a LIKE '%term%' scan.

Entries are recombined from realistic inspection notes (the demo's sentences with varied
numbers, settings and pseudonyms). Goals: search p50 ≤ 20 ms and ≥ 20× faster than LIKE;
resident memory ≤ 150 MB.
"""

from __future__ import annotations

import datetime as dt
import random
import resource
import statistics
import tempfile
import time
from pathlib import Path

from sendtui.config import shipped_data
from sendtui.demo import add_demo
from sendtui.importers.evidence import read_evidence
from sendtui.store import evidence, inspections, lines
from sendtui.store.evidence import search
from sendtui.store.models import new_id
from sendtui.store.repo import Store

ENTRIES = 100_000
# Common terms match thousands of entries (the generator reuses the demo's sentences);
# rare ones, like a child's pseudonym, a handful: both kinds are timed and shown apart.
COMMON = ["camhs", "transition", "plan*", '"health advice"', "waiting times", "ehc plans",
          "parents", "sencos training", "local offer", "speech"]
RARE = ["CYP-4217", "CYP-0815", '"CYP-3301"', "CYP-99*"]
QUERIES = COMMON + RARE
LIKE_TERMS = ["camhs", "transition", "plan", "health advice", "waiting", "ehc", "parents",
              "sencos", "local offer", "speech", "CYP-4217", "CYP-0815", "CYP-3301", "CYP-99"]


def sentences() -> list[str]:
    texts = [e.text for e in read_evidence(shipped_data() / "demo" / "evidence.csv")]
    return [s.strip() + "." for t in texts for s in t.split(".") if len(s.split()) > 3]


def fill(store: Store, n: int) -> str:
    ins, _ = add_demo(store)
    rng = random.Random(7)
    parts = sentences()
    line_ids = [line.id for line in lines.all(store, ins.id)]
    sources = ["document", "meeting", "focus-group", "visit", "case-file", "webinar", "survey",
               "data"]
    start = dt.datetime(2026, 11, 30, 8, tzinfo=dt.timezone.utc)
    rows = []
    for i in range(n):
        text = " ".join(rng.sample(parts, rng.randint(1, 3)))
        text += f" Seen with CYP-{rng.randint(1, 9999):04d}."
        at = (start + dt.timedelta(minutes=rng.randrange(5 * 24 * 60))).replace(tzinfo=None)
        now = dt.datetime(2026, 11, 25, 12)
        rows.append((new_id(), now, "bench", "", ins.id, rng.choice(line_ids), rng.choice(sources),
                     text, at, "", 0))
    with store.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO evidence (id, updated_at, updated_by, hlc, inspection_id, line_id, "
            "source, text, at, author, deleted_at) VALUES (?,?,?,?,?,?,?,?,?,?,NULLIF(?,0))",
            rows)
    return ins.id


def timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return (time.perf_counter() - t) * 1000


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(str(Path(folder) / "bench.db"))
        t = time.perf_counter()
        ins = fill(store, ENTRIES)
        built = time.perf_counter() - t
        fts, like, rare = [], [], []
        for _ in range(3):
            for q in QUERIES:
                took = timed(lambda: search(store, ins, q, limit=50))
                (rare if q in RARE else fts).append(took)
        with store.engine.connect() as conn:
            for term in LIKE_TERMS:
                like.append(timed(lambda: conn.exec_driver_sql(
                    "SELECT id FROM evidence NOT INDEXED WHERE inspection_id = ? AND deleted_at IS NULL "
                    "AND text LIKE ?", (ins, f"%{term}%")).all()))
        page = timed(lambda: evidence.all(store, ins, limit=200))
        count = timed(lambda: inspections.counts(store, ins))
        store.close()
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    every = fts + rare
    p50, p90 = statistics.median(every), statistics.quantiles(every, n=10)[-1]
    like50 = statistics.median(like)
    print(f"Evidence search on {ENTRIES:,} entries (built in {built:.1f} s)\n")
    print("| what | median | p90 |")
    print("|---|---|---|")
    print(f"| FTS5 search, all {len(QUERIES)} queries × 3 | {p50:.1f} ms | {p90:.1f} ms |")
    print(f"| FTS5, common terms (thousands of matches, ranked) | {statistics.median(fts):.1f} ms "
          f"| {statistics.quantiles(fts, n=10)[-1]:.1f} ms |")
    print(f"| FTS5, rare terms (a pseudonym) | {statistics.median(rare):.1f} ms "
          f"| {max(rare):.1f} ms |")
    print(f"| LIKE '%term%' scan for every match, same terms | {like50:.1f} ms "
          f"| {statistics.quantiles(like, n=10)[-1]:.1f} ms |")
    print(f"| newest 200 entries for the Evidence list | {page:.1f} ms | |")
    print(f"| counts for the dashboard (all lines) | {count:.1f} ms | |")
    print(f"\nsearch p50 {p50:.1f} ms (goal ≤ 20), {like50 / p50:.1f}× faster than LIKE; rare "
          f"terms {like50 / statistics.median(rare):.0f}× "
          f"(goal ≥ 20×); peak resident memory {rss_mb:.0f} MB (goal ≤ 150)")


if __name__ == "__main__":
    main()
