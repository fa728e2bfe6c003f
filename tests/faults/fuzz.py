"""Fuzz: each input of the corpus (`fuzz_corpus`) given to the command line in a process of its
own, on a copy of the demo store, within 5 s. A refusal is exit 2 or 3 with exactly one
`sendtui: ` line on stderr and no file changed; nothing ever prints a traceback or hangs; a bad
input is never accepted. The app (config files, SENDTUI_TODAY, unusable stores) is started
headless and must show a message rather than crash."""

from __future__ import annotations

import json
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

from tests.faults import fuzz_inputs as fi
from tests.faults import spawn
from tests.faults.fuzz_corpus import Case, Facts, corpus
from tests.faults.report import Row, crash
from tests.faults.stores import changed, demo_store, snapshot

SHARDS = {"full": 2, "sample": 2}
SAMPLE = 100  # inputs in the sample, spread over the groups
TIMEOUT, TUI_TIMEOUT = 5.0, 20.0


def jobs(scale: str) -> list[str]:
    return [f"{i}/{SHARDS[scale]}" for i in range(SHARDS[scale])]


def run(job: str, work: Path, scale: str, seed: int) -> Row:
    shard, shards = map(int, job.split("/"))
    template = demo_store(work)
    cases = chosen(corpus(facts(template), scale == "full"), scale)[shard::shards]
    row = Row("fuzz", note="hypothesis corpus, derandomized; CLI 5 s, app 20 s each")
    folder = work / f"fuzz-{shard}"
    for case in cases:
        judge(case, *attempt(case, folder, template), row)
    return row


def chosen(cases: list[Case], scale: str) -> list[Case]:
    """All of them; or, for the sample, an even share of each group."""
    if scale == "full":
        return cases
    groups: dict[str, list[Case]] = {}
    for case in cases:
        groups.setdefault(case.group, []).append(case)
    share = SAMPLE / len(cases)
    picked = []
    for group in groups.values():
        step = max(1, round(1 / share))
        picked += group[::step][:max(2, round(len(group) * share))]
    return picked


def facts(template: Path) -> Facts:
    with closing(sqlite3.connect(template)) as conn:
        one = lambda sql: frozenset(r[0] for r in conn.execute(sql) if r[0])  # noqa: E731
        return Facts(one("SELECT code FROM line_of_enquiry"), one("SELECT urn FROM setting"),
                     one("SELECT name FROM person"),
                     conn.execute("SELECT id FROM evidence LIMIT 1").fetchone()[0],
                     conn.execute("SELECT id FROM event LIMIT 1").fetchone()[0])


def attempt(case: Case, folder: Path, template: Path):
    """Lay out the case's folder, run it, and what it left: (child, hung, changes)."""
    if folder.exists():
        shutil.rmtree(folder)
    where = {name: folder / name for name in ("store", "files", "out", "home", "cwd")}
    for path in where.values():
        path.mkdir(parents=True)
    db = where["store"] / "sendtui.db"
    shutil.copyfile(template, db)
    db.chmod(0o600)
    fill = lambda text: (text.replace("{db}", str(db))  # noqa: E731
                         .replace("{files}", str(where["files"]))
                         .replace("{out}", str(where["out"])))
    for setup in case.setups:
        fi.make(fi.Setup(setup.kind, setup.name, _filled(setup.payload, fill)),
                where["files"], template)
    env = spawn.base_env(where["home"], **{k: fill(v) for k, v in case.env.items()})
    before = snapshot(folder)
    if case.tui:
        target = fill(case.args[0]) if case.args else str(db)
        child, hung = spawn.run("tui_look", [target], env, where["cwd"], folder.parent /
                                f"{folder.name}-logs", TUI_TIMEOUT)
    else:
        args = [fill(a) for a in case.args]
        if case.demo_db and "--db" not in args and "SENDTUI_DB" not in case.env:
            args = ["--db", str(db), *args]
        child, hung = spawn.run("sendtui", args, env, where["cwd"],
                                folder.parent / f"{folder.name}-logs", TIMEOUT)
    child.command = shown(case)
    return child, hung, changed(before, snapshot(folder))


def _filled(payload, fill):
    return fill(payload) if isinstance(payload, str) else payload


def shown(case: Case) -> str:
    env = " ".join(f"{k}={v!r}" for k, v in case.env.items())
    args = " ".join(a if a and a.isprintable() and " " not in a and len(a) < 60
                    else repr(a[:57] + "…" if len(a) > 60 else a) for a in case.args)
    what = "sendtui (the app)" if case.tui else "sendtui"
    return " ".join(x for x in (env, what, args) if x)


def judge(case: Case, child: spawn.Child, hung: bool, changes: list[str], row: Row) -> None:
    row.trials += 1
    if case.tui:
        return judge_app(case, child, hung, row)
    err, code = child.stderr().strip(), child.code
    label = f"[{command_name(case.args)}]"
    refused = code in (2, 3)
    if case.expect == "bad" or refused:
        row.inputs += 1
    if hung:
        row.fail("bad_replies", child.command, case.why, f"hung: still running after "
                 f"{TIMEOUT:.0f} s {label}")
    elif "Traceback (most recent call last)" in err + child.stdout():
        row.fail("tracebacks", child.command, case.why, f"{crash(err)} {label}")
    elif code not in (0, 2, 3) and not (code == 1 and case.args[:1] == ["check"]):
        row.fail("bad_replies", child.command, case.why, f"exit {code} {label} | {err[-200:]}")
    elif code == 0 and case.expect == "bad":
        row.fail("bad_replies", child.command, case.why,
                 f"a bad input accepted (exit 0) {label} | {child.stdout()[:150]!r}")
    elif refused and (len(err.splitlines()) != 1 or not err.startswith("sendtui: ")):
        row.fail("bad_replies", child.command, case.why,
                 f"not one 'sendtui: ' line on stderr ({len(err.splitlines())} lines) "
                 f"{label} | {err[-300:]}")
    if changes and code != 0 and not hung:  # a command killed for hanging leaves -wal, -shm
        row.fail("changed", child.command, case.why,
                 f"a refused command changed files {label} | {', '.join(changes)[:300]}")


def command_name(args: list[str]) -> str:
    """The command's words, past the global options: 'export ics', 'list'."""
    words, skip = [], False
    for a in args:
        if skip:
            skip = False
        elif a in ("--db", "--inspection"):
            skip = True
        elif not a.startswith("-") and len(words) < 2 and a.replace("-", "").isalpha():
            words.append(a)
        elif words:
            break
    return " ".join(words)


def judge_app(case: Case, child: spawn.Child, hung: bool, row: Row) -> None:
    """The app started on this input: it must show something, and say so when it must."""
    row.inputs += 1
    err = child.stderr().strip()
    looks = [x for x in child.lines() if x.startswith("screen: ")]
    if "Traceback" in err:
        row.fail("tracebacks", child.command, case.why, "the app crashed: " + crash(err))
    elif not hung and child.code == 2 and "\n" not in err and err.startswith("sendtui: "):
        return  # refused in one line before the terminal is taken, as the command line is
    elif hung or not looks:
        row.fail("bad_replies", child.command, case.why,
                 f"the app {'hung' if hung else 'ended'} without showing a screen "
                 f"| {err[-200:]}")
    else:
        screen = json.loads(looks[-1][len("screen: "):])
        messages = [m for _, m in screen["notifications"]]
        if screen["screen"] == "StoreErrorScreen":
            messages.append(screen["text"])
        if case.must_say and not messages:
            row.fail("bad_replies", child.command, case.why,
                     f"the app said nothing about it | on {screen['screen']}")
        raw = [m for m in messages if "[SQL:" in m or "Traceback" in m]
        if raw:
            row.fail("bad_replies", child.command, case.why, "a raw error shown | " + raw[0][:200])
