"""Time to data on a server, as a user waits for it: the real `sendtui` command in a 120×40
pseudo-terminal until the dashboard shows the inspection's name and its counts, on a
PostgreSQL database (a throwaway PostgreSQL 16 from tests/pg.py, over its Unix socket) and on
a store file holding the same demo, alternated run by run; and `sendtui check` and
`sendtui search` from start to exit. The file is the baseline: the app reads a file's
dashboard with sqlite3 alone before SQLAlchemy has loaded; a server has no such first look.

    python benchmarks/server_startup.py
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.server import make_database  # noqa: E402
from benchmarks.startup import counts_shown  # noqa: E402
from benchmarks.terminal import time_until  # noqa: E402
from tests.pg import DURABLE, Server  # noqa: E402

RUNS = int(os.environ.get("RUNS", 7))
BIN = Path(sys.executable).parent


COMMANDS = {"sendtui check": ["check"], "sendtui search camhs": ["search", "camhs"]}


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "data"),
               "XDG_CONFIG_HOME": str(home / "config")}
        server = Server.start(home / "pg", DURABLE)
        try:
            url = make_database(server, "office")
            file = home / "demo.db"
            for db in (file, url):
                subprocess.run([BIN / "sendtui", "--db", db, "demo", "--no-open",
                                "--framework", "2016"], env=env, check=True, capture_output=True)
            targets = {"a store file": file, "PostgreSQL": url}
            runs: dict[str, list[float]] = {}
            for _ in range(RUNS):
                for where, db in targets.items():
                    runs.setdefault(f"app, dashboard with data: {where}", []).append(
                        time_until([BIN / "sendtui", "--db", db], counts_shown(60), env=env))
                    for name, args in COMMANDS.items():
                        start = time.perf_counter()
                        subprocess.run([BIN / "sendtui", "--db", db, *args], env=env,
                                       capture_output=True, check=True)
                        runs.setdefault(f"{name}: {where}", []).append(
                            time.perf_counter() - start)
        finally:
            server.stop()
    print(f"Time to data, median of {RUNS} alternating runs (the file is the baseline)\n")
    print("| what | file | PostgreSQL | ratio |")
    print("|---|---|---|---|")
    for name in ("app, dashboard with data", "sendtui check", "sendtui search camhs"):
        on_file = statistics.median(runs[f"{name}: a store file"])
        on_server = statistics.median(runs[f"{name}: PostgreSQL"])
        print(f"| {name} | {on_file * 1000:.0f} ms | {on_server * 1000:.0f} ms "
              f"| {on_server / on_file:.2f} |")


if __name__ == "__main__":
    main()
