"""Evidence search at 100,000 and 1,000,000 entries: FTS5 against a LIKE scan in the same run.

Entries come from `benchmarks/realistic.py` (the demo's sentences recombined, each naming a
child's pseudonym). Timed: what the Evidence screen waits for before it paints a search — the
first page of 200 hits (the best of the newest 2,000 matches; the ranking of every match
follows from a thread, timed apart) — for two classes of query:

- selective: pseudonyms as typed (`CYP-4217`), several words or a phrase and a word, each
  matching at most a few hundred entries;
- common: words and phrases matching thousands (every sentence of the generator is in 2.5%
  of the entries, so even a word rare in a real log, like "portage", is common here).

The baseline is `LIKE '%term%'` over the text, one LIKE per word, every match, unranked.
Goals (issue 13): at 100k, all queries p50 ≤ 20 ms and p90 ≤ 50 ms, selective ≥ 20× the LIKE
scan, common first page p90 ≤ 30 ms; at 1M, p50 ≤ 100 ms. The 1M store is built once in a
child process and kept in /tmp/sendtui-bench (delete it to rebuild).

    python benchmarks/search.py
"""

from __future__ import annotations

import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.realistic import fill_evidence  # noqa: E402
from sendtui.demo import add_demo  # noqa: E402
from sendtui.domain.search_query import fts_query  # noqa: E402
from sendtui.store import evidence as ev  # noqa: E402
from sendtui.store import inspections  # noqa: E402
from sendtui.store.repo import Store  # noqa: E402

SIZES = (100_000, 1_000_000)
CACHE = Path(tempfile.gettempdir()) / "sendtui-bench"
PAGE, RANK_FIRST = 200, 2_000  # as the Evidence screen asks (evidence/reading.py)
# query: the LIKE patterns a scan needs for the same matches
SELECTIVE = {"CYP-4217": ["CYP-4217"], "CYP-0815": ["CYP-0815"], '"CYP-3301"': ["CYP-3301"],
             "wheelchair portage": ["wheelchair", "portage"],
             "locum continence": ["locum", "continence"],
             '"health advice" portage': ["health advice", "portage"],
             '"local offer" locum': ["local offer", "locum"]}
COMMON = {"camhs": ["camhs"], "transition": ["transition"], "plan*": ["plan"],
          '"health advice"': ["health advice"], "ehc plans": ["ehc", "plans"],
          "parents": ["parents"], "sencos training": ["sencos", "training"],
          "local offer": ["local", "offer"], "speech": ["speech"], "portage": ["portage"],
          "waiting times": ["waiting", "times"]}
GOALS = {"p50": 20, "p90": 50, "selective": 20, "common": 30, "1M p50": 100}


def fill(store: Store, n: int) -> str:
    """The demo inspection and n generated entries; its id (benchmarks/evidence_ui.py)."""
    ins, _ = add_demo(store, "2016")
    fill_evidence(store, ins.id, n, random.Random(7))
    return ins.id


def first_page(store: Store, ins: str, query: str) -> list:
    if not hasattr(ev, "first_page"):  # before issue 13 the whole ranking came first
        return ev.search(store, ins, query, PAGE)
    return ev.first_page(store, ins, query, PAGE, among=RANK_FIRST)[0]


def store_of(n: int, folder: Path) -> Path:
    """A store with n entries: 100k made here, bigger ones once in a child process."""
    path = (CACHE if n > SIZES[0] else folder) / f"search-{n}.db"
    done = path.with_suffix(".built")
    if not done.exists():
        path.parent.mkdir(exist_ok=True)
        path.unlink(missing_ok=True)
        subprocess.run([sys.executable, __file__, "--build", str(path), str(n)], check=True)
        done.touch()
    return path


def timed(fn) -> tuple[float, object]:
    t = time.perf_counter()
    result = fn()
    return (time.perf_counter() - t) * 1000, result


def like(conn, ins: str, patterns: list[str]) -> int:
    where = " AND ".join(["text LIKE ?"] * len(patterns))
    return len(conn.exec_driver_sql(
        "SELECT id FROM evidence NOT INDEXED WHERE inspection_id = ? AND deleted_at IS NULL "
        f"AND {where}", (ins, *(f"%{p}%" for p in patterns))).all())


def measure(path: Path, rounds: int) -> dict:
    """Per class: first-page times, LIKE times, match counts; the whole ranking of common.
    Each round times the searches, then the scans (a scan in between would empty SQLite's
    page cache before every search, which no one typing searches does)."""
    store = Store.open(str(path))
    ins = inspections.find(store).id
    out = {"selective": ([], [], []), "common": ([], [], []), "ranked": ([], [], [])}
    classes = (("selective", SELECTIVE), ("common", COMMON))
    with store.engine.connect() as conn:
        for cls, queries in classes:
            out[cls][2].extend(conn.exec_driver_sql(
                "SELECT count(*) FROM evidence_fts WHERE evidence_fts MATCH ?",
                (fts_query(query),)).scalar() for query in queries)
        for query in [*SELECTIVE, *COMMON]:  # warm the caches once
            first_page(store, ins, query)
        for _ in range(rounds):
            for cls, queries in classes:
                out[cls][0].extend(timed(lambda: first_page(store, ins, q))[0] for q in queries)
            out["ranked"][0].extend(timed(lambda: ev.search(store, ins, q, PAGE))[0]
                                    for q in COMMON)
            for cls, queries in classes:
                out[cls][1].extend(timed(lambda: like(conn, ins, patterns))[0]
                                   for patterns in queries.values())
    store.close()
    return out


def p(values: list[float], q: int) -> float:
    return statistics.median(values) if q == 50 else statistics.quantiles(values, n=10)[-1]


def report(n: int, built: dict) -> dict:
    sel, com, ranked = built["selective"], built["common"], built["ranked"]
    every, every_like = sel[0] + com[0], sel[1] + com[1]
    rows = [("selective (first page)", sel), ("common (first page)", com),
            ("all queries", (every, every_like, sel[2] + com[2])),
            ("common, every match ranked (follows)", (ranked[0], com[1], com[2]))]
    for name, (times, likes, counts) in rows:
        ratio = statistics.median(likes) / statistics.median(times)
        print(f"| {n:,} | {name} | {min(counts):,}–{max(counts):,} | {p(times, 50):.1f} ms | "
              f"{p(times, 90):.1f} ms | {p(likes, 50):.1f} ms | {ratio:.0f}× |")
    return {"p50": p(every, 50), "p90": p(every, 90), "common": p(com[0], 90),
            "selective": statistics.median(sel[1]) / statistics.median(sel[0])}


def main() -> None:
    results = {}
    print("| entries | queries | matches | p50 | p90 | LIKE p50 | LIKE ÷ FTS |")
    print("|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        for n in SIZES:
            results[n] = report(n, measure(store_of(n, Path(folder)), 5 if n <= SIZES[0] else 2))
            if n == SIZES[0]:
                rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    small, big = results[SIZES[0]], results[SIZES[1]]
    checks = [(f"100k all p50 {small['p50']:.1f} ms", small["p50"] <= GOALS["p50"], "≤ 20 ms"),
              (f"100k all p90 {small['p90']:.1f} ms", small["p90"] <= GOALS["p90"], "≤ 50 ms"),
              (f"100k selective {small['selective']:.0f}× LIKE",
               small["selective"] >= GOALS["selective"], "≥ 20×"),
              (f"100k common first page p90 {small['common']:.1f} ms",
               small["common"] <= GOALS["common"], "≤ 30 ms"),
              (f"1M all p50 {big['p50']:.1f} ms", big["p50"] <= GOALS["1M p50"], "≤ 100 ms")]
    print()
    for said, ok, goal in checks:
        print(f"- {said} (goal {goal}): {'pass' if ok else 'FAIL'}")
    print(f"- peak resident memory after 100k: {rss_mb:.0f} MB")


def build(path: str, n: int) -> None:
    store = Store.open(path)
    try:
        fill(store, n)
    finally:
        store.close()


if __name__ == "__main__":
    if sys.argv[1:2] == ["--build"]:
        build(sys.argv[2], int(sys.argv[3]))
    else:
        main()
