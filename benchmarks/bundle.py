"""Bundle export at the issue's scale: an inspection with 10,000 events and 50,000 evidence
entries (each with its first version), exported encrypted; goal (issue 17) ≤ 2 s, peak RSS
≤ 300 MB. The baseline is a plain-SQL copy of the same rows into a new SQLite file (ATTACH,
INSERT … SELECT per table) in the same run.

Each measurement runs in a fresh child process (its peak RSS is its own): open the store,
then read, encode, compress, seal and write (`exports.write_stream` of `store.bundle_rows.
stream`, as `sendtui bundle export` does); and reading the bundle back, every byte verified
(`importers.read_bundle`). Median of 3. Every row has its clocks as the app writes them (one
for the new row, one more per field changed since). Then `sendtui bundle import` of that file
into an empty store, and again (nothing to do): the whole command, from Python starting to
its end. The store is built once with raw SQL in a temp folder.

    python benchmarks/bundle.py [--rounds 3] [--events 10000] [--entries 50000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORDS = ("the SENCO said that waiting times for CAMHS have risen since September and that "
         "parents of children with EHC plans are not told of the reviews in time the local "
         "area has a joint commissioning plan but leaders could not say how it is checked "
         "annual reviews are late in half the files we read and the voice of the child is "
         "missing from most of them").split()

BUILD = """
import sys, datetime as dt
sys.path.insert(0, sys.argv[2])
from sendtui.store import inspections
from sendtui.store.repo import Store
store = Store.open(sys.argv[1])
print(inspections.create(store, "Benchshire", "2023", dt.date(2026, 11, 23)).id)
print(store.device_id)
store.close()
"""

EXPORT = """
import json, resource, sys, time
sys.path.insert(0, sys.argv[2])
t0 = time.perf_counter()
from sendtui.exports.bundle import write_stream
from sendtui.store.bundle_rows import stream
from sendtui.store.repo import Store
store = Store.open(sys.argv[1], create=False)
t1 = time.perf_counter()
done = write_stream(sys.argv[4], stream(store, sys.argv[3]), "bench pass")
t3 = time.perf_counter()
print(json.dumps({"open": t1 - t0, "export": t3 - t1,
                  "size": done.size, "rows": sum(done.counts.values()),
                  "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

READ = """
import json, resource, sys, time
sys.path.insert(0, sys.argv[2])
from sendtui.importers.bundle import read_bundle
from sendtui.store.revisions import all_revisions
known = all_revisions()
t0 = time.perf_counter()
bundle = read_bundle(sys.argv[1], "bench pass", known)
print(json.dumps({"read": time.perf_counter() - t0, "rows": sum(map(len, (t.rows for t in
                  bundle.tables))), "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
                  / 1024}))
"""

IMPORT = """
import json, resource, sys, time
t0 = time.perf_counter()
sys.path.insert(0, sys.argv[2])
from sendtui.cli import cli
try:
    cli.main(["--db", sys.argv[1], "bundle", "import", sys.argv[3], "--passphrase-file",
              sys.argv[4]], standalone_mode=False)
finally:
    sys.stdout = sys.__stdout__
print(json.dumps({"import": time.perf_counter() - t0,
                  "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

BASELINE = """
import json, resource, sqlite3, sys, time
t0 = time.perf_counter()
conn = sqlite3.connect(sys.argv[1])
conn.execute("ATTACH ? AS copy", (sys.argv[3],))
rows = 0
for table, where in (("inspection", "id = :i"), ("event", "inspection_id = :i"),
                     ("evidence", "inspection_id = :i"),
                     ("evidence_version",
                      "evidence_id IN (SELECT id FROM evidence WHERE inspection_id = :i)"),
                     ("field_clock", "row_id IN (SELECT id FROM event WHERE inspection_id = :i "
                      "UNION ALL SELECT id FROM evidence WHERE inspection_id = :i UNION ALL "
                      "SELECT v.id FROM evidence_version v JOIN evidence e ON e.id = "
                      "v.evidence_id WHERE e.inspection_id = :i)")):
    conn.execute(f"CREATE TABLE copy.{table} AS SELECT * FROM main.{table} WHERE 0")
    rows += conn.execute(f"INSERT INTO copy.{table} SELECT * FROM main.{table} WHERE {where}",
                         {"i": sys.argv[2]}).rowcount
conn.commit()
conn.close()
print(json.dumps({"export": time.perf_counter() - t0, "rows": rows,
                  "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

# a row written by the app has one clock for all its fields ("*"); a field changed since has
# its own: every 10th event was moved, every 20th entry's text corrected
EVERY = ("*",)
MOVED = ("start", "end", "sequence")
CORRECTED = ("text",)


def build(path: Path, events: int, entries: int) -> str:
    out = subprocess.run([sys.executable, "-c", BUILD, str(path), str(ROOT)], check=True,
                         capture_output=True, text=True).stdout.split()
    ins, device = out
    conn = sqlite3.connect(path)
    line_ids = [r[0] for r in conn.execute(
        "SELECT id FROM line_of_enquiry WHERE inspection_id = ?", (ins,))]
    rnd = random.Random(17)
    start = dt.datetime(2026, 11, 30, 9)
    stamp = iter(range(1_796_000_000_000, 1_797_000_000_000))

    def stamps(t):
        return (t.isoformat(" "), device, f"{next(stamp):015d}-{device[:8]}")

    event_rows = []
    for n in range(events):
        at = start + dt.timedelta(minutes=30 * n)
        event_rows.append((str(uuid.uuid4()), *stamps(at), None, ins, "meeting",
                           f"Meeting {n}", at.isoformat(" "),
                           (at + dt.timedelta(hours=1)).isoformat(" "), None, None,
                           "Room 2", "", "planned", 0))
    conn.executemany("INSERT INTO event (id, updated_at, updated_by, hlc, deleted_at, "
                     "inspection_id, kind, title, start, \"end\", setting_id, audience, "
                     "location, notes, status, sequence) VALUES "
                     "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", event_rows)
    entry_rows, version_rows = [], []
    for n in range(entries):
        at = start + dt.timedelta(minutes=n)
        text = " ".join(rnd.choices(WORDS, k=rnd.randint(20, 80)))
        entry_id = str(uuid.uuid4())
        entry_rows.append((entry_id, *stamps(at), None, ins, rnd.choice(line_ids), "meeting",
                           text, at.isoformat(" "), None, event_rows[n % events][0], None,
                           None, "AB", None, text))
        version_rows.append((str(uuid.uuid4()), *stamps(at), None, entry_id, text,
                             at.isoformat(" "), ""))
    conn.executemany("INSERT INTO evidence (id, updated_at, updated_by, hlc, deleted_at, "
                     "inspection_id, line_id, source, text, at, setting_id, event_id, "
                     "case_ref, judgement, author, tracked_child_id, text_plain) VALUES "
                     "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", entry_rows)
    conn.executemany("INSERT INTO evidence_version (id, updated_at, updated_by, hlc, "
                     "deleted_at, evidence_id, text, saved_at, note) VALUES "
                     "(?,?,?,?,?,?,?,?,?)", version_rows)
    for table, rows, edited, every in (("event", event_rows, MOVED, 10),
                                       ("evidence", entry_rows, CORRECTED, 20),
                                       ("evidence_version", version_rows, (), 1)):
        conn.executemany("INSERT INTO field_clock (table_name, row_id, field, hlc, device_id) "
                         "VALUES (?,?,?,?,?)", ((table, row[0], f, row[3], device)
                                                for n, row in enumerate(rows)
                                                for f in EVERY + (edited if n % every == 0
                                                                  else ())))
    conn.commit()
    conn.close()
    return ins


def child(code: str, *args: str) -> dict:
    out = subprocess.run([sys.executable, "-c", code, *args], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--entries", type=int, default=50_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        store = Path(folder) / "bench.db"
        ins = build(store, args.events, args.entries)
        passphrase = Path(folder) / "pass"
        passphrase.write_text("bench pass\n")
        exports, reads, imports, again, copies = [], [], [], [], []
        for n in range(args.rounds):
            bundle = str(Path(folder) / f"b{n}.bundle")
            exports.append(child(EXPORT, str(store), str(ROOT), ins, bundle))
            reads.append(child(READ, bundle, str(ROOT)))
            empty = str(Path(folder) / f"i{n}.db")
            imports.append(child(IMPORT, empty, str(ROOT), bundle, str(passphrase)))
            again.append(child(IMPORT, empty, str(ROOT), bundle, str(passphrase)))
            copies.append(child(BASELINE, str(store), ins, str(Path(folder) / f"c{n}.db")))
        report(exports, reads, imports, again, copies, store.stat().st_size)


def report(exports: list[dict], reads: list[dict], imports: list[dict], again: list[dict],
           copies: list[dict], store_size: int) -> None:
    def med(runs, key):
        return statistics.median(r[key] for r in runs)

    rows = exports[0]["rows"]
    print(f"store {store_size / 1e6:.1f} MB; bundle {exports[0]['size'] / 1e6:.1f} MB, "
          f"{rows:,} rows; median of {len(exports)} fresh processes")
    print("| what | time | peak RSS |")
    print("|---|---|---|")
    base = med(copies, "export")
    print(f"| encrypted export (read rows, encode, compress, seal, write) "
          f"| {med(exports, 'export'):.2f} s (goal ≤ 2 s; {med(exports, 'export') / base:.1f}× "
          f"baseline) | {med(exports, 'rss'):.0f} MB (goal ≤ 300) |")
    print(f"| reading it back, every byte verified (`read_bundle`, {reads[0]['rows']:,} rows) "
          f"| {med(reads, 'read'):.2f} s ({med(reads, 'read') / base:.1f}× baseline) "
          f"| {med(reads, 'rss'):.0f} MB |")
    print(f"| opening the store (imports, not in the export) | {med(exports, 'open'):.2f} s | |")
    print(f"| `sendtui bundle import` into an empty store (the whole command) "
          f"| {med(imports, 'import'):.2f} s (goal ≤ 5 s; {med(imports, 'import') / base:.1f}× "
          f"baseline) | {med(imports, 'rss'):.0f} MB (goal ≤ 300) |")
    print(f"| the same import again (nothing to do) | {med(again, 'import'):.2f} s (goal ≤ 2 s) "
          f"| {med(again, 'rss'):.0f} MB |")
    print(f"| baseline: plain-SQL copy of the same rows ({copies[0]['rows']:,}, field clocks "
          f"included) | {base:.2f} s | {med(copies, 'rss'):.0f} MB |")


if __name__ == "__main__":
    main()
