"""The full problem check on 100, 1,000 and 10,000 events against a naive all-pairs check.

Schedules are generated with a realistic density (about four events a person a day, some
clashes, some travel squeezes), so a larger schedule is a longer one, not a denser one.
Goals: 1,000 events in ≤ 50 ms; 10,000 costs ≤ 15× 1,000.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import time
from itertools import combinations

from sendtui.domain.calendar import ENGLAND
from sendtui.domain.clock import london_to_utc
from sendtui.domain.schedule import (
    Plan,
    PlanEvent,
    _by_person,
    find_problems,
    person_clashes,
)
from sendtui.domain.travel import Place

SIZES = ((100, 10), (1_000, 20), (10_000, 30))  # (events, people)
RUNS = 7


def make_plan(n: int, people: int, seed: int = 1) -> Plan:
    rng = random.Random(seed)
    persons = [f"p{i}" for i in range(people)]
    days = ENGLAND.working_days(dt.date(2026, 1, 5), dt.date(2027, 12, 31))
    days = days[: max(1, n // (people * 4 // 2))]  # about four events a person a day
    places = [Place(440000 + rng.randrange(20000), 300000 + rng.randrange(20000))
              for _ in range(40)]
    events = []
    for i in range(n):
        day = rng.choice(days)
        start = london_to_utc(day, dt.time(8 + rng.randrange(9), rng.choice((0, 15, 30, 45))))
        place = rng.randrange(len(places))
        events.append(PlanEvent(
            f"e{i}", "visit" if place < 30 else "meeting", f"Event {i}", start,
            start + dt.timedelta(minutes=rng.choice((45, 60, 90, 120))),
            tuple(rng.sample(persons, rng.choice((1, 1, 2)))), f"s{place}", f"s{place}",
            places[place], status="cancelled" if rng.random() < 0.03 else "planned"))
    return Plan(events=tuple(events), names={p: p for p in persons},
                on_site_days=tuple(days), setting_kinds={f"s{i}": "primary" for i in range(30)},
                expected_kinds=("primary",))


def naive_clashes(plan: Plan) -> int:
    live = [e for e in plan.events if e.status != "cancelled"]
    return sum(len(set(a.people) & set(b.people))
               for a, b in combinations(live, 2) if a.start < b.end and b.start < a.end)


def median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main() -> None:
    print(f"Problem check, median of {RUNS} runs (naive: median of 3, 1 run at 10,000)\n")
    print("| events | people | problems | full check (all rules) | clash finder (sweep) "
          "| naive all-pairs clashes | sweep speed-up |")
    print("|---|---|---|---|---|---|---|")
    medians = {}
    for n, people in SIZES:
        plan = make_plan(n, people)
        found = find_problems(plan)
        ours = median_ms(lambda: find_problems(plan), RUNS)
        live = [e for e in plan.events if e.status != "cancelled"]
        sweep = median_ms(lambda: person_clashes(_by_person(live), plan.names), RUNS)
        naive = median_ms(lambda: naive_clashes(plan), 1 if n >= 10_000 else 3)
        medians[n] = ours
        print(f"| {n:,} | {people} | {len(found):,} | {ours:.1f} ms | {sweep:.1f} ms "
              f"| {naive:.1f} ms | {naive / sweep:.1f}× |")
    print(f"\n1,000 events: {medians[1_000]:.1f} ms (goal ≤ 50 ms); "
          f"10,000 / 1,000: {medians[10_000] / medians[1_000]:.1f}× (goal ≤ 15×)")


if __name__ == "__main__":
    main()
