"""Time to data, as a user waits for it: the real `sendtui` command in a terminal.

Each run spawns the installed `sendtui` command (the console script: click, the app, the
store) in a 120×40 pseudo-terminal and reads what it draws through a terminal emulator, until
the screen shows the first frame, then the dashboard with the inspection's name and its
counts. The baseline is a bare Textual app (a Static and a Footer) in the same terminal,
alternated run by run. Goal: data on screen ≤ 2.0× the bare app's first frame.

The command line is timed the same way against `khal --version` (a small calendar program
on click, like ours): `check` and `search` on the demo ≤ 2×, `workdays add` ≤ 0.5×.
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.terminal import time_until  # noqa: E402

RUNS = int(os.environ.get("RUNS", 9))
BIN = Path(sys.executable).parent
BARE = """
from textual.app import App
from textual.widgets import Footer, Static

class Bare(App):
    def compose(self):
        yield Static("Hello")
        yield Footer()

Bare().run()
"""


def counts_shown(entries: int):
    """The dashboard with data: the banner names the area, the counts say how much evidence."""
    pattern = re.compile(rf"Evidence\s+{entries}\b")
    return lambda text: "Wealdshire ·" in text and bool(pattern.search(text))


def build(folder: Path, env: dict) -> dict[str, tuple[Path, int]]:
    stores = {}
    demo = folder / "demo.db"
    subprocess.run([BIN / "sendtui", "--db", demo, "demo", "--no-open", "--framework", "2016"],
                   env=env, check=True, capture_output=True)
    stores["demo (60 entries)"] = (demo, 60)
    real = folder / "realistic.db"
    subprocess.run([sys.executable, ROOT / "benchmarks" / "realistic.py", real], env=env,
                   check=True, capture_output=True)
    stores["realistic (3,000 entries)"] = (real, 3000)
    return stores


def app_runs(stores, env) -> dict[str, list[float]]:
    bare_script = Path(env["HOME"]) / "bare.py"
    bare_script.write_text(BARE)
    runs: dict[str, list[float]] = {}

    def add(name, seconds):
        runs.setdefault(name, []).append(seconds)

    for _ in range(RUNS):  # alternated, so load on the machine falls on all alike
        add("bare Textual app, first frame", time_until(
            [sys.executable, bare_script], lambda text: "Hello" in text, env=env))
        for label, (db, entries) in stores.items():
            command = [BIN / "sendtui", "--db", db]
            if label.startswith("demo"):
                add("sendtui, first frame", time_until(
                    command, lambda text: "sendtui" in text, env=env))
            add(f"sendtui, dashboard with data: {label}",
                time_until(command, counts_shown(entries), env=env))
    return runs


def command_runs(demo: Path, env) -> dict[str, list[float]]:
    commands = {
        "khal --version": [BIN / "khal", "--version"],
        "sendtui workdays add": [BIN / "sendtui", "workdays", "add", "2026-11-23", "9"],
        "sendtui check (demo)": [BIN / "sendtui", "--db", demo, "check"],
        "sendtui search (demo)": [BIN / "sendtui", "--db", demo, "search", "camhs"],
    }
    runs: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(RUNS):
        for name, command in commands.items():
            start = time.perf_counter()
            subprocess.run(command, env=env, capture_output=True)
            runs[name].append(time.perf_counter() - start)
    return runs


def table(runs: dict[str, list[float]], base: str, goals: dict[str, float]) -> None:
    baseline = statistics.median(runs[base])
    print("| what | median | min | max | ratio | goal |")
    print("|---|---|---|---|---|---|")
    for name, times in runs.items():
        ratio = statistics.median(times) / baseline
        goal = next((g for key, g in goals.items() if key in name), None)
        verdict = "" if goal is None else f"≤ {goal:.1f}× {'met' if ratio <= goal else 'NOT met'}"
        print(f"| {name} | {statistics.median(times) * 1000:.0f} ms | {min(times) * 1000:.0f} ms "
              f"| {max(times) * 1000:.0f} ms | {ratio:.2f} | {verdict} |")


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "data"),
               "XDG_CONFIG_HOME": str(home / "config")}
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # as a user's Python: compiled once, kept
        subprocess.run([sys.executable, "-m", "compileall", "-q", ROOT / "sendtui"], env=env,
                       check=True)
        stores = build(home, env)
        time_until([BIN / "sendtui", "--db", stores["demo (60 entries)"][0]],
                   counts_shown(60), env=env)  # warm the file cache
        runs = app_runs(stores, env)
        print(f"Time to data in a 120×40 terminal, median of {RUNS} alternating runs\n")
        table(runs, "bare Textual app, first frame", {"dashboard": 2.0})
        print(f"\nThe command line, median of {RUNS} alternating runs\n")
        table(command_runs(stores["demo (60 entries)"][0], env), "khal --version",
              {"workdays": 0.5, "check": 2.0, "search": 2.0})


if __name__ == "__main__":
    main()
