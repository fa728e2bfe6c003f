"""A realistic inspection to measure on: the demo grown to the top of what an area sees.

200 settings, 15 people, 150 events over the on-site week and 3,000 evidence entries by
default (`build(path)`); `build(path, entries=100_000)` grows only the evidence. Settings,
people and events go in through the same loaders an import uses; evidence is bulk-inserted
(the loaders would take minutes at 1,000,000). Deterministic: the same seed, the same store.

    python benchmarks/realistic.py /tmp/real.db [entries]
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sendtui.config import shipped_data  # noqa: E402
from sendtui.demo import add_demo  # noqa: E402
from sendtui.importers.evidence import read_evidence  # noqa: E402
from sendtui.records.incoming import EventRow, PersonRow, SettingRow  # noqa: E402
from sendtui.store import events, inspections, lines, people, settings  # noqa: E402
from sendtui.store.engines import mark  # noqa: E402
from sendtui.store.models import new_id  # noqa: E402
from sendtui.store.repo import Store  # noqa: E402

SETTINGS, PEOPLE, EVENTS, ENTRIES = 200, 15, 150, 3_000
KINDS = ["early-years", "primary", "primary", "primary", "secondary", "special", "further-education",
         "independent"]
SOURCES = ["document", "meeting", "focus-group", "visit", "case-file", "webinar", "survey",
           "data"]
EVENT_KINDS = [("visit", 180), ("focus-group", 75), ("meeting", 60), ("case-file-review", 150),
               ("keep-in-touch", 20), ("team-meeting", 45)]
WEEK = dt.date(2026, 11, 30)  # the demo's on-site week, Monday


def build(path: str, entries: int = ENTRIES, seed: int = 7) -> str:
    """Make the store at `path`; returns the inspection id."""
    store = Store.open(path)
    try:
        ins, _ = add_demo(store, "2016")
        rng = random.Random(seed)
        _grow_area(store, ins.id, rng)
        _grow_week(store, ins.id, rng)
        fill_evidence(store, ins.id, entries - _count(store, ins.id), rng)
        return ins.id
    finally:
        store.close()


def _count(store: Store, inspection_id: str) -> int:
    return inspections.counts(store, inspection_id).evidence


def _grow_area(store: Store, inspection_id: str, rng: random.Random) -> None:
    have = settings.all(store, inspection_id)
    rows = [SettingRow(urn=str(700000 + n), name=f"{rng.choice(STREETS)} {kind_name(kind)}",
                       kind=kind, gias_type="Generated", phase="", status="Open",
                       la_name="Wealdshire", address=f"{n} School Lane",
                       postcode=f"WD{n % 9 + 1} {n % 10}AB",
                       easting=430000 + rng.randrange(20000),
                       northing=300000 + rng.randrange(20000), is_specialist=kind == "special")
            for n in range(SETTINGS - len(have)) for kind in [rng.choice(KINDS)]]
    settings.load(store, inspection_id, rows)
    team = len(people.all(store, inspection_id))
    people.load(store, inspection_id, [
        PersonRow(name=f"Colleague {n + 1}", role="Local area contact", organisation="Council",
                  email="", phone="", is_team=False) for n in range(PEOPLE - team)])


def _grow_week(store: Store, inspection_id: str, rng: random.Random) -> None:
    urns = [s.urn for s in settings.all(store, inspection_id)]
    names = [p.name for p in people.all(store, inspection_id)]
    rows = []
    for n in range(EVENTS - len(events.all(store, inspection_id))):
        kind, minutes = rng.choice(EVENT_KINDS)
        day = WEEK + dt.timedelta(days=rng.randrange(5))
        start = dt.datetime.combine(day, dt.time(8 + rng.randrange(8), rng.choice([0, 30])),
                                    tzinfo=dt.timezone.utc)  # winter: London is UTC
        rows.append(EventRow(kind=kind, title=f"Generated {kind} {n + 1}",
                             start=start, end=start + dt.timedelta(minutes=minutes),
                             setting_urn=rng.choice(urns) if kind == "visit" else None,
                             people=tuple(rng.sample(names, rng.randint(1, 3))),
                             location="", notes="", audience=None, status="confirmed"))
    events.load(store, inspection_id, rows)


def fill_evidence(store: Store, inspection_id: str, n: int, rng: random.Random) -> None:
    """n entries recombined from the demo's sentences, each naming a child's pseudonym, spread
    over the on-site week, bulk-inserted in one transaction."""
    parts = _sentences()
    line_ids = [line.id for line in lines.all(store, inspection_id)]
    start = dt.datetime.combine(WEEK, dt.time(8))
    now = dt.datetime(2026, 11, 25, 12)
    rows = ((new_id(), now, "bench", "", inspection_id, rng.choice(line_ids),
             rng.choice(SOURCES),
             " ".join(rng.sample(parts, rng.randint(1, 3))) + f" Seen with CYP-"
             f"{rng.randint(1, 9999):04d}.",
             start + dt.timedelta(minutes=rng.randrange(5 * 24 * 60)), "")
            for _ in range(max(0, n)))
    with store.engine.begin() as conn:
        p = mark(conn)  # SQLite or PostgreSQL (benchmarks/server.py)
        conn.exec_driver_sql(
            "INSERT INTO evidence (id, updated_at, updated_by, hlc, inspection_id, line_id, "
            f"source, text, at, author) VALUES ({', '.join([p] * 10)})", list(rows))


def _sentences() -> list[str]:
    texts = [e.text for e in read_evidence(shipped_data() / "demo" / "evidence.csv")]
    return [s.strip() + "." for t in texts for s in t.split(".") if len(s.split()) > 3]


def kind_name(kind: str) -> str:
    return {"early-years": "Nursery", "primary": "Primary School", "secondary": "Academy",
            "special": "Special School", "further-education": "College",
            "independent": "Independent School"}[kind]


STREETS = ["Ashford", "Brook", "Castle", "Dale", "Elm", "Fairfield", "Grange", "Hill",
           "Kingsway", "Larch", "Meadow", "Northgate", "Oakwood", "Park", "Queens", "Riverside"]

if __name__ == "__main__":
    print(build(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else ENTRIES))
