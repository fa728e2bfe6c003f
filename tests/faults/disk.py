"""Disk full and read-only: the store on a small disk that fills while evidence is written
(command line, store API, capture box), and made read-only between commands and under a
running writer. Expected: one line and exit 3 (or 2), no traceback, a clear message in the
app, nothing acknowledged lost, and the store usable again once space or writing returns."""

from __future__ import annotations

import json
import random
import re
import shutil
import signal
import time
from pathlib import Path

from tests.faults import fs, spawn
from tests.faults.kill import UUID, saved_texts
from tests.faults.report import Row, crash
from tests.faults.stores import (changed, copy_store, demo_store, integrity, missing, opens,
                                 snapshot)

TRIALS = {"full": {"full-cli": 20, "full-api": 20, "full-tui": 4, "ro-cli": 4, "ro-api": 10,
                   "ro-tui": 4},
          "sample": {"full-cli": 2, "full-api": 2, "full-tui": 1, "ro-cli": 1, "ro-api": 2,
                     "ro-tui": 1}}
# The small disk: the demo store (~0.4 MB) and room to write (more when it is not to fill)
DISK = {"full": 2 << 20, "ro": 32 << 20}
CLEAR = re.compile(r"full|space|read-only|read only|cannot|could not|not saved|unable",
                   re.IGNORECASE)
RAW = re.compile(r"\[SQL:|sqlite3\.|Background on this error|Traceback|\n")
ADD = ["evidence", "add", "--line", "B5", "--source", "document", "--text"]


def jobs(scale: str) -> list[str]:
    return list(TRIALS[scale])


def run(job: str, work: Path, scale: str, seed: int) -> Row:
    template = demo_store(work)
    rng = random.Random(f"{seed}-disk-{job}")
    row = Row(f"disk {job}")
    for trial in range(TRIALS[scale][job]):
        d = Disk(work / f"disk-{job}", trial, rng)
        d.full = scale == "full"
        with fs.small_disk(d.mnt, DISK[job.split("-")[0]]) as how:
            d.how = how
            copy_store(template, d.store)
            globals()[job.replace("-", "_")](d, row)
        row.trials += 1
        row.note = d.note
    return row


class Disk:
    """One trial: the store on the small disk, the child's logs beside it (not on it)."""

    def __init__(self, folder: Path, trial: int, rng: random.Random):
        shutil.rmtree(folder, ignore_errors=True)
        self.folder, self.trial, self.rng = folder, trial, rng
        self.mnt = folder / "mnt"
        self.store = self.mnt / "store.db"
        self.env = spawn.base_env(folder / "home")
        self.acked: list[str] = []
        self.how = self.note = ""
        self.respect_modes = False

    def files(self) -> list[Path]:
        return [self.store, *(self.mnt / f"store.db-{s}" for s in ("wal", "shm", "journal"))]

    def setup(self):
        """Without a tmpfs: no file may grow past the store's size and some room. Read-only
        by chmod: root's override dropped."""
        if self.respect_modes:
            return fs.drop_root_override
        if self.how != "tmpfs":
            return fs.file_limit(self.store.stat().st_size + 600_000)
        return None

    def start(self, target: str, args: list[str]) -> spawn.Child:
        child = spawn.start(target, args, self.env, self.folder, self.folder / "logs",
                            self.setup())
        shown = [a if len(a) < 40 else a[:20] + f"…({len(a)} chars)" for a in args]
        child.command = " ".join([target, *shown]).replace(str(self.mnt) + "/", "")
        return child

    def cli(self, *args: str, timeout: float = 20) -> spawn.Child:
        child = self.start("sendtui", ["--db", str(self.store), *args])
        if not child.wait(timeout):
            child.kill()
        return child

    def ack(self, child: spawn.Child, texts: bool = False) -> None:
        lines = child.lines()
        self.acked += saved_texts(lines) if texts else [x for x in lines if UUID.match(x)]

    def reply(self, child: spawn.Child, row: Row, given: str, codes=(2, 3)) -> None:
        """Exit in `codes` (or 0 where allowed), one line on stderr when refused, no
        traceback, not hung."""
        err = child.stderr().strip()
        if child.code == -signal.SIGKILL:
            row.fail("bad_replies", child.command, given, "hung: killed after its time")
        elif "Traceback" in err:
            row.fail("tracebacks", child.command, given, crash(err))
        elif child.code not in codes:
            row.fail("bad_replies", child.command, given,
                     f"exit {child.code}, not {' or '.join(map(str, codes))} | {err[-200:]}")
        elif child.code and (len(err.splitlines()) != 1 or not err.startswith("sendtui: ")):
            row.fail("bad_replies", child.command, given,
                     f"not one 'sendtui: ' line on stderr | {err[-300:]}")

    def shown(self, child: spawn.Child, row: Row, given: str) -> None:
        """The app said, in one clear line, that it could not save, and did not crash."""
        err = child.stderr().strip()
        looks = [x for x in child.lines() if x.startswith("screen: ")]
        if "Traceback" in err or child.code not in (0, -signal.SIGKILL):
            row.fail("tracebacks", child.command, given,
                     f"the app crashed (exit {child.code}): {crash(err)}")
            return
        if not looks:
            row.fail("bad_replies", child.command, given, "the app hung: no screen to read")
            return
        screen = json.loads(looks[-1][len("screen: "):])
        said = [m for _, m in screen["notifications"]] + screen["text"].splitlines()
        clear = [m for m in said if CLEAR.search(m)]
        raw = [m for _, m in screen["notifications"] if RAW.search(m)]
        if raw or not clear:
            row.fail("bad_replies", child.command, given,
                     ("a raw error shown | " + raw[0][:300]) if raw else
                     "no clear message on the screen | " + json.dumps(screen)[-300:])

    def after(self, row: Row, given: str) -> None:
        """The store opens, is intact, holds everything acknowledged, takes a new entry."""
        why = opens(self.store)
        if why:
            row.fail("unopenable", "Store.open", given, f"does not open afterwards | {why}")
            return
        for problem in integrity(self.store):
            row.fail("unopenable", "integrity checks", given, f"not intact | {problem}")
        column = "text" if self.acked and not UUID.match(self.acked[0]) else "id"
        gone = missing(self.store, self.acked, column)
        if gone:
            row.fail("lost", "acknowledged entries", given,
                     f"acknowledged entries missing | e.g. {gone[0][:60]}", len(gone))
        child = self.cli(*ADD, "after")
        if child.code != 0:
            row.fail("unopenable", child.command, given,
                     f"no new entry once space or writing returned | {child.stderr()[-200:]}")

    def wait_for(self, child: spawn.Child, n: int, timeout: float = 60) -> bool:
        deadline = time.monotonic() + timeout
        while len(child.lines()) < n:
            if child.poll() is not None or time.monotonic() > deadline:
                return False
            time.sleep(0.02)
        return True


def full_cli(d: Disk, row: Row) -> None:
    """`evidence add` with texts of 2–36 kB until the disk is full."""
    d.note = f"{d.how}: evidence add until full, then list; space back"
    _fill(d)
    for n in range(1000):
        child = d.cli(*ADD, f"full-cli {n} " + "lorem " * d.rng.randint(300, 6000))
        d.ack(child)
        if child.code != 0:
            d.reply(child, row, "a full disk")
            break
    d.reply(d.cli("list", "evidence", "--format", "json"), row, "a full disk", (0, 2, 3))
    _space_returns(d)
    d.after(row, "a full disk, then space")


def full_api(d: Disk, row: Row) -> None:
    d.note = f"{d.how}: store.evidence.add until full; space back"
    _fill(d)
    child = d.start("api_writer", [str(d.store), "full-api", str(d.rng.randint(2000, 30000))])
    if not child.wait(120):
        child.kill()
    d.ack(child)
    d.reply(child, row, "a full disk")
    _space_returns(d)
    d.after(row, "a full disk, then space")


def _fill(d: Disk) -> None:
    """Leave a random amount of room on the tmpfs (never fill a real disk)."""
    if d.how == "tmpfs":
        fs.fill(d.mnt / "filler", room=d.rng.randint(0, 600_000))


def full_tui(d: Disk, row: Row) -> None:
    d.note = f"{d.how}: capture box saves, the disk fills, it saves again"
    if d.how != "tmpfs":
        d.note = "skipped: filling a disk under the app needs root (a tmpfs)"
        return
    child = d.start("tui_writer", [str(d.store), "ft"])
    if d.wait_for(child, 2):  # ready, one entry saved
        fs.fill(d.mnt / "filler")
    if not child.wait(60):
        child.kill()
    d.ack(child, texts=True)
    d.shown(child, row, "a full disk under the app")
    _space_returns(d)
    d.after(row, "a full disk under the app, then space")


def _space_returns(d: Disk) -> None:
    (d.mnt / "filler").unlink(missing_ok=True)
    if d.how == "tmpfs":
        fs.grow(d.mnt, 64 << 20)


READS = (("list", "evidence", "--format", "json"), ("search", "plan"), ("doctor",),
         ("inspection", "list"), ("export", "evidence", "--format", "md", "-o", "OUT/e.md"),
         ("backup", "-o", "OUT/b.db"))
WRITES = (tuple(ADD) + ("read-only",), ("names", "add", "Ro Name"),
          ("inspection", "new", "--la", "Ro", "--framework", "2016", "--notified",
           "2026-11-23"), ("rules", "--speed", "40"))


def ro_cli(d: Disk, row: Row) -> None:
    """Between two commands the store becomes read-only (the tmpfs remounted, the file, the
    folder or both chmod'ed): reads work or say so in one line, writes are refused in one line
    (exit 3), and no byte of it changes."""
    out = d.folder / "out"
    out.mkdir(parents=True, exist_ok=True)
    ways = list(fs.READ_ONLY) if d.full else ["remount", "file"]
    d.note = f"{'; '.join(ways)} read-only: 4 writes, 6 reads each"
    for way in ways:
        d.ack(d.cli(*ADD, "before read-only"))
        with fs.read_only_between_commands(d.mnt, d.files(), way) as how:
            d.respect_modes = way != "remount"
            for args in WRITES + READS:
                before = snapshot(d.mnt)
                child = d.cli(*(a.replace("OUT", str(out)) for a in args))
                d.reply(child, row, how, (2, 3) if args in WRITES else (0, 2, 3))
                differs = changed(before, snapshot(d.mnt))
                if differs:
                    row.fail("changed", child.command, how,
                             f"a command on a read-only store changed its folder | "
                             f"{', '.join(differs)}")
            d.respect_modes = False
        d.after(row, "read-only, then writable")


def ro_api(d: Disk, row: Row) -> None:
    d.note = "a running writer: its open files made read-only, chmod 0400/0500"
    child = d.start("api_writer", [str(d.store), "ro-api", "0", "1000000", "1"])
    if d.wait_for(child, d.rng.randint(1, 40)):
        _make_read_only(d, child)
    if not child.wait(30):
        child.kill()
    fs.set_modes(d.mnt, d.files(), 0o600, 0o700)
    d.ack(child)
    d.reply(child, row, "the store read-only under a writer")
    d.after(row, "read-only under a writer, then writable")


def ro_tui(d: Disk, row: Row) -> None:
    d.note = "the app: its open files made read-only, chmod 0400/0500; then a save"
    child = d.start("tui_writer", [str(d.store), "rt", "1"])
    if d.wait_for(child, 2):
        _make_read_only(d, child)
    if not child.wait(60):
        child.kill()
    fs.set_modes(d.mnt, d.files(), 0o600, 0o700)
    d.ack(child, texts=True)
    d.shown(child, row, "the store read-only under the app")
    d.after(row, "read-only under the app, then writable")


def _make_read_only(d: Disk, child: spawn.Child) -> None:
    fs.set_modes(d.mnt, d.files(), 0o400, 0o500)
    n = len(child.lines())
    child_signal(child, signal.SIGUSR1)
    deadline = time.monotonic() + 5
    while "read-only" not in child.lines()[n:] and time.monotonic() < deadline:
        time.sleep(0.01)


def child_signal(child: spawn.Child, sig: int) -> None:
    import os

    try:
        os.kill(child.pid, sig)
    except ProcessLookupError:
        pass
