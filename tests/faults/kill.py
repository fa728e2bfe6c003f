"""Kill: SIGKILL at random moments while evidence is written through the command line, the
store API and the capture box. One store per writer, growing across its trials; after each
kill it must open, pass SQLite's checks and hold every entry it acknowledged."""

from __future__ import annotations

import json
import random
import re
import sqlite3
import statistics
import time
from contextlib import closing
from pathlib import Path

from tests.faults import spawn
from tests.faults.report import Row, crash
from tests.faults.stores import copy_store, demo_store, integrity, missing, opens

# The capture box is the slow one: a key takes the headless app ~0.1 s.
KILLS = {"full": {"cli": 400, "api": 400, "tui": 200, "draft": 50},
         "sample": {"cli": 10, "api": 10, "tui": 6, "draft": 3}}
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
HOW = {"cli": "sendtui evidence add, one process per entry",
       "api": "store.evidence.add in a loop", "tui": "capture box: n, text, ctrl+s in a loop",
       "draft": "capture box typed into without a pause: at most 1 s of typing lost"}
LOST_TYPING = 1.0  # seconds of typing a kill may lose (a draft is written within it)
# The first api/tui run is killed after this many acknowledged entries; its time is then
# the span the later kills are spread over (opening the store included).
FIRST = {"api": 30, "tui": 2}


def jobs(scale: str) -> list[str]:
    return list(KILLS[scale])


def run(job: str, work: Path, scale: str, seed: int) -> Row:
    row = Row(f"kill {job}", note=HOW[job])
    rng = random.Random(f"{seed}-kill-{job}")
    if job == "draft":
        for trial in range(KILLS[scale][job]):
            typing_killed(work / "kill-draft", demo_store(work), rng, trial, row)
            row.trials += 1
        return row
    writer = Writer(job, work / f"kill-{job}", demo_store(work))
    for trial in range(KILLS[scale][job]):
        if job == "cli":
            writer.cli_trial(trial, rng, row)
        else:
            writer.loop_trial(trial, rng, row)
        row.trials += 1
        writer.check(trial, row)
    return row


class Writer:
    """One writer (cli, api or tui) on its own store, and what it has acknowledged."""

    def __init__(self, kind: str, folder: Path, template: Path):
        self.kind = kind
        self.folder = folder
        self.store = copy_store(template, folder / "store.db")
        self.env = spawn.base_env(folder / "home")
        self.acked: list[str] = []
        self.took: list[float] = []  # cli: how long whole runs took
        self.span: float | None = None  # api, tui: when the first run was killed

    def command(self, trial: int, n: int = 0) -> tuple[str, list[str]]:
        text = f"kill-{self.kind} {trial} {n} careful notes"
        if self.kind == "tui":
            return "tui_writer", [str(self.store), f"kt{trial}"]  # typed: each key ~0.1 s
        if self.kind == "cli":
            return "sendtui", ["--db", str(self.store), "evidence", "add", "--line", "B5",
                               "--source", "document", "--text", text]
        return "api_writer", [str(self.store), text]

    def cli_trial(self, trial: int, rng: random.Random, row: Row) -> None:
        """One process per entry, each struck at a random moment of a typical run, until a
        strike lands before the run ends."""
        for n in range(1000):
            wait = rng.uniform(0, statistics.median(self.took) * 1.1) if self.took else 60.0
            child = self.start(trial, n)
            ended = child.wait(wait)
            child.kill()
            self.heard(child, row, killed=not ended)
            if not ended or child.code != 0:
                return
            self.took.append(child.took)

    def loop_trial(self, trial: int, rng: random.Random, row: Row) -> None:
        """A writer in a loop, struck at a random moment of its first `span` seconds."""
        child = self.start(trial)
        if self.span is None:
            while len(child.lines()) < FIRST[self.kind] + (self.kind == "tui") and \
                    child.poll() is None:
                time.sleep(0.01)
            self.span = time.monotonic() - child.started
            ended = child.poll() is not None
        else:
            ended = child.wait(rng.uniform(0, self.span))
        child.kill()
        self.heard(child, row, killed=not ended)

    def start(self, trial: int, n: int = 0) -> spawn.Child:
        target, args = self.command(trial, n)
        child = spawn.start(target, args, self.env, self.folder, self.folder / "logs")
        child.command = _shown(target, args)
        return child

    def heard(self, child: spawn.Child, row: Row, killed: bool) -> None:
        """What it acknowledged, and whether it failed on its own."""
        out = child.lines()
        if self.kind == "tui":
            self.acked += saved_texts(out)
        else:
            self.acked += [line for line in out if UUID.match(line)]
        err = child.stderr().strip()
        if "Traceback" in err:
            row.fail("tracebacks", child.command, self.kind, crash(err))
        elif not killed and (child.code != 0 or self.kind != "cli"):
            row.fail("bad_replies", child.command, self.kind,
                     f"the writer stopped by itself with exit {child.code} | "
                     f"{(err or out[-1] if out else err)[-300:]}")

    def check(self, trial: int, row: Row) -> None:
        given = f"trial {trial}, {len(self.acked)} acknowledged so far"
        why = opens(self.store)
        if why:
            row.fail("unopenable", f"Store.open({self.store.name})", given,
                     f"the store does not open after a kill | {why}")
        for problem in integrity(self.store):
            row.fail("unopenable", "integrity checks", given,
                     f"not intact after a kill: {problem.split(':')[0]} | {problem}")
        gone = missing(self.store, self.acked, "text" if self.kind == "tui" else "id")
        if gone:
            row.fail("lost", "acknowledged entries", given,
                     f"acknowledged entries missing after a kill | e.g. {gone[0]}", len(gone))
            self.acked = [a for a in self.acked if a not in set(gone)]


def typing_killed(folder: Path, template: Path, rng: random.Random, trial: int,
                  row: Row) -> None:
    """Steady typing killed after 2–6 s: the draft must hold what was typed up to 1 s before
    the kill (a fresh store each time, so no earlier draft comes back)."""
    store = copy_store(template, folder / "store.db")
    child = spawn.start("tui_typist", [str(store)], spawn.base_env(folder / "home"), folder,
                        folder / "logs")
    typing_for = rng.uniform(2, 6)
    while child.poll() is None:
        typed = [line.split() for line in child.lines() if line.startswith("typed ")]
        if typed and float(typed[-1][1]) - float(typed[0][1]) >= typing_for:
            break
        time.sleep(0.02)
    killed_at = time.monotonic()
    child.kill()
    typed = [(float(t), int(n)) for _, t, n in (
        line.split() for line in child.lines() if line.startswith("typed "))]
    due = max((n for t, n in typed if t <= killed_at - LOST_TYPING), default=0)
    kept = len(draft_text(store))
    if kept < due:
        row.fail("lost", "typing in the capture box, then kill -9", f"trial {trial}, "
                 f"{typing_for:.1f} s of typing", f"typing lost: more than {LOST_TYPING:.0f} s "
                 f"of it | the draft held {kept} of the {due} characters typed "
                 f"{LOST_TYPING:.0f} s before the kill")


def draft_text(store: Path) -> str:
    with closing(sqlite3.connect(store)) as conn:
        row = conn.execute("SELECT fields FROM evidence_draft WHERE deleted_at IS NULL "
                           "ORDER BY updated_at DESC LIMIT 1").fetchone()
    return json.loads(row[0]).get("text", "") if row else ""


def saved_texts(lines: list[str]) -> list[str]:
    """What the capture box said it saved (`saved "<text>"` lines)."""
    return [json.loads(line[len("saved "):]) for line in lines if line.startswith("saved ")]


def _shown(target: str, args: list[str]) -> str:
    return " ".join([target, *(repr(a) if " " in a else a for a in args)])
