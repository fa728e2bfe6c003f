"""`python -m tests.faults [--scale full|sample] [--only kill,migrate,…]`: run the campaign,
print its table and the failures found, exit 1 if any failure column is not 0."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import tempfile
import time
import traceback
from pathlib import Path

from tests.faults import report, spawn

PARTS = ("kill", "migrate", "disk", "fuzz", "leaks")


def main(argv: list[str] | None = None) -> int:
    args = options().parse_args(argv)
    if args.exec:
        os.environ[spawn.EXEC_ENV] = "1"
    parts = [p.strip() for p in args.only.split(",") if p.strip()]
    unknown = set(parts) - set(PARTS)
    if unknown:
        sys.exit(f"unknown part(s): {', '.join(sorted(unknown))} (known: {', '.join(PARTS)})")
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="sendtui-faults-", dir=args.work,
                                     ignore_cleanup_errors=True) as work:
        # the checks that open stores in this process (stores.opens) use user folders of
        # their own too, never the real ones (a device.toml would be made there)
        os.environ["XDG_CONFIG_HOME"] = str(Path(work) / "home-checks" / "config")
        os.environ["XDG_DATA_HOME"] = str(Path(work) / "home-checks" / "data")
        spawn.warm()
        from tests.faults.stores import demo_store

        demo_store(Path(work))
        try:
            rows = run_jobs([(p, j) for p in parts for j in module(p).jobs(args.scale)],
                            Path(work), args.scale, args.seed, args.jobs)
        finally:
            unmount_under(Path(work))
    print(report.table(rows))
    print(f"\n{time.monotonic() - started:.0f} s, scale {args.scale}, seed {args.seed}, "
          f"children {'exec' if spawn.exec_mode() else 'forked'}")
    failures = report.grouped(rows, args.examples)
    if failures:
        print("\nFailures found:\n" + failures)
    if args.json:
        Path(args.json).write_text(report.to_json(rows), encoding="utf-8")
    return 1 if any(r.failed for r in rows) else 0


def options() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m tests.faults", description=__doc__)
    parser.add_argument("--scale", choices=("full", "sample"), default="full")
    parser.add_argument("--only", default=",".join(PARTS),
                        help=f"comma-separated parts (default all: {','.join(PARTS)})")
    parser.add_argument("--seed", type=int, default=12, help="for the random kill moments")
    parser.add_argument("--jobs", type=int, default=3,
                        help="parts run at once (processes; most of their time is waiting)")
    parser.add_argument("--exec", action="store_true",
                        help="start each child as a fresh python (exact, slower)")
    parser.add_argument("--examples", type=int, default=3, help="commands shown per failure")
    parser.add_argument("--json", metavar="FILE", help="write the rows and failures here")
    parser.add_argument("--work", metavar="DIR", help="where the temporary folder goes")
    return parser


def unmount_under(work: Path) -> None:
    """Any small disk a job left mounted (killed before its clean-up)."""
    import subprocess

    with open("/proc/mounts", encoding="utf-8") as mounts:
        points = [line.split()[1] for line in mounts if line.split()[1].startswith(str(work))]
    for point in sorted(points, reverse=True):
        subprocess.run(["umount", "-l", point], capture_output=True, check=False)


def module(part: str):
    return importlib.import_module(f"tests.faults.{part}")


def run_jobs(jobs, work: Path, scale: str, seed: int, at_once: int) -> list[report.Row]:
    """Each job in a forked process of its own (at most `at_once` together); rows of the same
    kind are added up."""
    waiting, running, rows = list(jobs), {}, []
    while waiting or running:
        while waiting and len(running) < at_once:
            part, job = waiting.pop(0)
            out = work / f"result-{part}-{job.replace('/', '-')}.json"
            running[_fork_job(part, job, work, scale, seed, out)] = (part, job, out)
        pid, _ = os.wait()
        if pid in running:
            part, job, out = running.pop(pid)
            rows += _result(part, job, out)
    return merged(rows)


def _fork_job(part: str, job: str, work: Path, scale: str, seed: int, out: Path) -> int:
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid:
        return pid
    code = 0
    started = time.monotonic()
    try:
        row = module(part).run(job, work, scale, seed)
        row.seconds = time.monotonic() - started
        out.write_text(report.to_json([row]), encoding="utf-8")
    except BaseException:  # noqa: BLE001 - the campaign itself broke: say so in its table
        row = report.Row(f"{part} {job}")
        row.fail("bad_replies", f"tests.faults.{part}", job,
                 "the campaign itself failed | " + traceback.format_exc()[-600:])
        out.write_text(report.to_json([row]), encoding="utf-8")
        code = 1
    finally:
        sys.stdout.flush()
        os._exit(code)


def _result(part: str, job: str, out: Path) -> list[report.Row]:
    if out.exists():
        return report.from_json(out.read_text(encoding="utf-8"))
    row = report.Row(f"{part} {job}")
    row.fail("bad_replies", f"tests.faults.{part}", job, "the campaign's process died")
    return [row]


def merged(rows: list[report.Row]) -> list[report.Row]:
    by_kind: dict[str, report.Row] = {}
    for row in rows:
        if row.kind not in by_kind:
            by_kind[row.kind] = row
            continue
        into = by_kind[row.kind]
        for column in ("trials", "inputs", "seconds", *report.FAILURES):
            setattr(into, column, getattr(into, column) + getattr(row, column))
        into.failures += row.failures
        if row.note and row.note not in into.note:
            into.note = "; ".join(n for n in (into.note, row.note) if n)
    return list(by_kind.values())


if __name__ == "__main__":
    sys.exit(main())
