"""Leaks: a child's name marked sensitive and a case reference, entered through every path
(the command line, an imported schedule, the capture box and its drafts, the store API's
edits and deletions). No export and no listing without --include-sensitive may show either;
after `erase` and `purge --yes` no byte of the store's files (.db, -wal, -shm) may hold them."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from pathlib import Path

from tests.faults import spawn
from tests.faults.report import Row
from tests.faults.stores import copy_store, demo_store

NAME, FIRST, CASE = "Zebedee Quillfeather", "Zebedee", "QXZ-88417-ZEBQ"
SHOWN = ("zebedee", "quillfeather", "qxz-88417")  # must not be shown (first name alone too)
# In the files: stems too, as the search index keeps them ("quillfeath").
STORED = ("zebede", "quillfeath", "qxz-88417")
ENTRY, EVENT, THROWN = "Wobblesworth", "Quimbleforth", "Drafterly"  # one record's own word
OUTPUTS = [["export", "evidence", "--format", f, "-o", f"{{out}}/evidence.{f}"]
           for f in ("md", "csv", "docx")]
OUTPUTS += [["export", "schedule", "--format", f, "-o", f"{{out}}/schedule.{f}"]
            for f in ("csv", "md", "html", "docx")]
OUTPUTS += [["export", "ics", "-o", "{out}/week.ics"],
            *(["export", "pack", "--format", f, "-o", f"{{out}}/pack.{f}"] for f in ("html",
                                                                                    "docx"))]
LISTINGS = [["list", what, "--format", f] for what in ("settings", "people", "events", "lines",
                                                        "evidence")
            for f in ("table", "json", "csv")]
LISTINGS += [["search", q, "--format", f] for q in (FIRST, NAME, CASE, "school", "plan")
             for f in ("table", "json")]
LISTINGS += [["names", "list"], ["names", "list", "--format", "json"], ["audit"], ["check"],
             ["check", "--format", "json"], ["inspection", "list"], ["doctor"]]
# The sample: every export; each listing in one format of the two that differ most.
SAMPLE = [a for a in LISTINGS if a[-1] in ("json", "table") and not (
    a[0] == "list" and a[1] in ("settings", "lines") and a[-1] == "table")
    and not (a[0] == "search" and a[-1] == "json")]


def jobs(scale: str) -> list[str]:
    return ["shown", "erase", "purge"]


def run(job: str, work: Path, scale: str, seed: int) -> Row:
    probe = Probe(work / f"leaks-{job}", demo_store(work))
    row = Row(f"leaks {job}")
    if job == "erase":
        probe.erase(row)
    elif job == "shown":
        probe.plant_everywhere(row)
        probe.shown(row, LISTINGS if scale == "full" else SAMPLE)
    elif probe.available("purge", row):
        probe.plant_everywhere(row)
        probe.purge(row)
    return row


class Probe:
    def __init__(self, folder: Path, template: Path):
        self.folder = folder
        self.store = copy_store(template, folder / "store.db")
        self.out = folder / "out"
        self.out.mkdir()
        self.env = spawn.base_env(folder / "home")

    def cli(self, *args: str) -> spawn.Child:
        child, _ = spawn.run("sendtui", ["--db", str(self.store), *args], self.env,
                             self.folder, self.folder / "logs", 60)
        child.command = "sendtui " + " ".join(a if " " not in a else repr(a) for a in args)
        return child

    def child(self, target: str, *args: str) -> spawn.Child:
        child, _ = spawn.run(target, [str(self.store), *args], self.env, self.folder,
                             self.folder / "logs", 120)
        child.command = f"{target} {' '.join(args)}"
        return child

    def must(self, child: spawn.Child, row: Row, what: str) -> str:
        """A step of the planting that has to work, else the probe proves nothing."""
        if child.code != 0:
            row.fail("bad_replies", child.command, what,
                     f"the probe could not {what} | exit {child.code}: "
                     f"{child.stderr().strip()[-200:]}")
        return child.stdout().strip()

    # --- planting ----------------------------------------------------------------------

    def plant_entry(self, row: Row) -> str:
        self.must(self.cli("names", "add", NAME), row, "mark the name")
        text = f"{NAME} said the {ENTRY} plan was late; school place agreed."
        entry = self.must(self.cli("evidence", "add", "--line", "B5", "--source", "meeting",
                                   "--text", text, "--case-ref", CASE), row, "add evidence")
        self.must(self.child("api_churn", entry, text), row, "edit the entry")
        return entry

    def plant_event(self, row: Row) -> str:
        schedule = self.folder / "schedule.csv"
        out = io.StringIO()
        csv.writer(out).writerows([
            ["date", "start", "end", "kind", "title", "setting_urn", "people", "location",
             "notes"],
            ["2026-12-01", "13:00", "14:00", "meeting", f"Review for {NAME} at {EVENT}", "",
             "Helen Marsden", f"{EVENT} room", f"Case {CASE}; {FIRST}'s mother attends"]])
        schedule.write_text(out.getvalue(), encoding="utf-8")
        self.must(self.cli("import", "schedule", str(schedule)), row, "import an event")
        found = json.loads(self.must(self.cli("list", "events", "--format", "json",
                                              "--include-sensitive"), row, "list events")
                           or "[]")
        return next((e["id"] for e in found if EVENT in e.get("title", "") + e.get(
            "location", "")), "")

    def plant_everywhere(self, row: Row) -> None:
        self.plant_entry(row)
        self.plant_event(row)
        gone = self.must(self.cli("evidence", "add", "--line", "A1", "--source", "visit",
                                  "--text", f"{FIRST} was out of school."), row, "add evidence")
        self.must(self.child("api_delete", gone), row, "delete an entry")
        self.must(self.cli("evidence", "add", "--line", "A2", "--source", "visit", "--text",
                           f"{FIRST} was out of school again."), row, "add evidence")
        done = self.must(self.child("tui_enter", NAME, CASE, FIRST, THROWN), row,
                         "use the capture box")  # typed: each key takes ~0.1 s
        if done.split() != ["saved", "kept", "thrown", "away"]:
            row.fail("bad_replies", "the capture box", "tui", f"the probe could not type the "
                     f"sentinel in the capture box | it did: {done!r}")
        sure = self.cli("list", "evidence", "--format", "json", "--include-sensitive").stdout()
        if CASE not in sure or NAME not in sure:
            row.fail("bad_replies", "list evidence --include-sensitive", "planting",
                     "the sentinel is not in the store: the probe proves nothing")

    # --- what is shown -----------------------------------------------------------------

    def shown(self, row: Row, listings: list[list[str]]) -> None:
        row.note = f"{len(OUTPUTS)} exports, {len(listings)} listings, none --include-sensitive"
        for args in OUTPUTS + listings:
            child = self.cli(*(a.replace("{out}", str(self.out)) for a in args))
            row.trials += 1
            if child.code not in (0, 1):
                row.fail("bad_replies", child.command, "sentinel planted",
                         f"failed | exit {child.code}: {child.stderr().strip()[-200:]}")
            text = child.stdout() + child.stderr()
            if args[0] == "export":
                text += read_output(self.out / Path(args[-1]).name)
            found = [t for t in SHOWN if t in text.lower()]
            if found:
                row.fail("leaks", child.command, "without --include-sensitive",
                         f"shows {', '.join(found)} | {context(text, found[0])}")

    # --- erasing -----------------------------------------------------------------------

    def available(self, command: str, row: Row) -> bool:
        child = self.cli(command, "--help")
        if child.code == 0:
            return True
        row.note = f"sendtui {command}: not yet available"
        row.fail("bad_replies", f"sendtui {command}", "CLI.md",
                 f"not yet available: sendtui {command} (the contract promises it)")
        return False

    def erase(self, row: Row) -> None:
        """Each erasure takes its record's words out of the files; all three, the name."""
        self.thrown_draft(row)
        if not self.available("erase", row):
            return
        entry, event = self.plant_entry(row), self.plant_event(row)
        row.note = "erase evidence, erase event, erase name: .db, -wal, -shm bytes"
        # the case reference is in the entry and the event's notes: gone once both are
        steps = [(("evidence", entry), (ENTRY.lower(),)),
                 (("event", event), (EVENT.lower(), "qxz-88417")), (("name", NAME), STORED)]
        for args, words in steps:
            child = self.cli("erase", *args)
            row.trials += 1
            if child.code != 0:
                row.fail("bad_replies", child.command, "planted", f"failed | exit "
                         f"{child.code}: {child.stderr().strip()[-200:]}")
            self.bytes_hold(words, row, child.command)

    def thrown_draft(self, row: Row) -> None:
        """A draft thrown away in the capture box is erased, not kept as a tombstone."""
        self.must(self.child("tui_enter", "note", "", "", THROWN), row, "throw a draft away")
        row.trials += 1
        self.bytes_hold((THROWN.lower(),), row, "capture box: ctrl+g, y (throw the draft away)")

    def purge(self, row: Row) -> None:
        row.note = "purge --yes after every path: .db, -wal, -shm bytes"
        child = self.cli("purge", "--yes")
        row.trials += 1
        if child.code != 0:
            row.fail("bad_replies", child.command, "planted", f"failed | exit {child.code}: "
                     f"{child.stderr().strip()[-200:]}")
        self.bytes_hold(STORED + (ENTRY.lower(), EVENT.lower(), THROWN.lower()), row,
                        child.command)

    def bytes_hold(self, words, row: Row, command: str) -> None:
        for suffix in ("", "-wal", "-shm"):
            path = self.store.with_name(self.store.name + suffix)
            if not path.exists():
                continue
            data = path.read_bytes().lower()
            for word in words:
                n = data.count(word.encode())
                if n:
                    row.fail("leaks", command, f"store.db{suffix}",
                             f"still in the file after it: {word!r} ×{n} in store.db{suffix}")


def read_output(path: Path) -> str:
    """The text of an export: docx read from its XML (tags dropped, so a word split across
    runs is found too)."""
    if not path.exists():
        return ""
    data = path.read_bytes()
    if not zipfile.is_zipfile(path):
        return data.decode("utf-8", "replace")
    with zipfile.ZipFile(path) as docx:
        xml = " ".join(docx.read(n).decode("utf-8", "replace") for n in docx.namelist()
                       if n.endswith(".xml"))
    return xml + " " + re.sub(r"<[^>]+>", "", xml)


def context(text: str, word: str) -> str:
    at = text.lower().find(word)
    return text[max(0, at - 60):at + 60].replace("\n", " ")
