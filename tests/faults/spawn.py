"""Children for the campaign: the command line, or a function of `tests.faults.children`, in a
process of its own with a time limit.

By default a child is forked from this interpreter once sendtui is imported (a command then
starts in milliseconds, so kills land in its work rather than in its imports); with
`SENDTUI_FAULTS_EXEC=1` (`--exec`) each is a fresh `python -m sendtui`, exactly as a user runs
it. The parent must hold no open store and run no threads when it forks.
"""

from __future__ import annotations

import importlib
import os
import signal
import subprocess
import sys
import time
import uuid
import traceback
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXEC_ENV = "SENDTUI_FAULTS_EXEC"


def exec_mode() -> bool:
    return os.environ.get(EXEC_ENV) == "1"


def warm() -> None:
    """Import what the children run, once, before forking them."""
    for name in ("sendtui.cli", "sendtui.store.repo", "sendtui.store.evidence", "sendtui.demo",
                 "sendtui.listing", "sendtui.exports", "sendtui.importers.gias",
                 "sendtui.importers.schedule", "sendtui.importers.people", "alembic.command",
                 "alembic.script", "sendtui.ui.app", "tests.faults.children"):
        importlib.import_module(name)


def base_env(home: Path, **extra: str) -> dict[str, str]:
    """A child's environment: user folders in `home`, nothing from the real ones."""
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home),
           "XDG_DATA_HOME": str(home / "data"), "XDG_CONFIG_HOME": str(home / "config"),
           "LANG": "C.UTF-8", "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": "0",
           "TERM": "dumb", "COLUMNS": "100"}
    env.update(extra)
    # the first-run question (who uses this laptop) answered "later", as in tests/conftest.py
    profile = Path(env["XDG_CONFIG_HOME"]) / "sendtui" / "profile.toml"
    if not profile.exists():
        profile.parent.mkdir(parents=True, exist_ok=True)
        profile.write_text("[profile]\nname = \"\"\nrole = \"\"\nasked = true\n",
                           encoding="utf-8")
    # and a laptop that has used sendtui before: its identity made already (a first run
    # writes device.toml once, whatever the command; that is not a refused command's change)
    device = profile.with_name("device.toml")
    if not device.exists():
        device.write_text(f"[device]\nid = \"{uuid.uuid4()}\"\nname = \"\"\n", encoding="utf-8")
    return env


@dataclass
class Child:
    pid: int
    out: Path
    err: Path
    started: float
    popen: subprocess.Popen | None = None
    command: str = ""  # as shown in a report
    code: int | None = None  # exit code; -9 when killed
    took: float | None = None  # seconds from start to end

    def poll(self) -> int | None:
        if self.code is None:
            if self.popen is not None:
                self.code = self.popen.poll()
            else:
                pid, status = os.waitpid(self.pid, os.WNOHANG)
                if pid:
                    self.code = os.waitstatus_to_exitcode(status)
            if self.code is not None:
                self.took = time.monotonic() - self.started
        return self.code

    def lines(self) -> list[str]:
        """What it has printed so far, line by line."""
        return [line for line in self.stdout().splitlines() if line]

    def wait(self, timeout: float) -> bool:
        """True if it ended within `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while self.poll() is None:
            if time.monotonic() > deadline:
                return False
            time.sleep(0.005)
        return True

    def kill(self) -> None:
        """SIGKILL to it and anything it started; reaped."""
        if self.poll() is None:
            try:
                os.killpg(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            while self.poll() is None:
                time.sleep(0.001)

    def stdout(self) -> str:
        return self.out.read_text(encoding="utf-8", errors="replace")

    def stderr(self) -> str:
        return self.err.read_text(encoding="utf-8", errors="replace")


def start(target: str, args: list[str], env: dict[str, str], cwd: Path, logs: Path,
          setup=None) -> Child:
    """Run `target` ("sendtui" for the command line, else a function name in
    tests.faults.children) with `args`; its stdout and stderr go to files in `logs`.
    `setup`: called in the child before it starts (a limit, a permission dropped)."""
    logs.mkdir(parents=True, exist_ok=True)
    out, err = logs / "stdout", logs / "stderr"
    for path in (out, err):
        path.write_bytes(b"")  # here, not in the child: read at once, it is already empty
    if exec_mode():
        code = (["-m", "sendtui"] if target == "sendtui" else
                ["-c", f"import sys; from tests.faults import children; "
                       f"children.{target}(*sys.argv[1:])"])
        with out.open("wb") as o, err.open("wb") as e:
            popen = subprocess.Popen([sys.executable, *code, *args], env=env, cwd=cwd,
                                     stdin=subprocess.DEVNULL, stdout=o, stderr=e,
                                     start_new_session=True,
                                     preexec_fn=setup)
        return Child(popen.pid, out, err, time.monotonic(), popen)
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        if setup is not None:
            setup()
        _be_child(target, args, env, cwd, out, err)
    try:
        os.setpgid(pid, pid)  # also set by the child: whichever runs first
    except OSError:
        pass
    return Child(pid, out, err, time.monotonic())


def _be_child(target, args, env, cwd, out, err) -> None:
    code = 1
    try:
        os.setpgid(0, 0)
        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGCHLD):
            signal.signal(sig, signal.SIG_DFL)
        os.chdir(cwd)
        os.environ.clear()
        os.environ.update(env)
        _redirect(0, os.open(os.devnull, os.O_RDONLY))
        _redirect(1, os.open(out, os.O_WRONLY))
        _redirect(2, os.open(err, os.O_WRONLY))
        code = _run(target, args)
        _shut_down()
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)


def _shut_down() -> None:
    """What the interpreter does on the way out that a store notices: objects are freed, which
    closes SQLite connections (the last one checkpoints the WAL and removes the -wal and -shm
    files). Not the exit handlers: those are the parent's (its temporary folder's clean-up)."""
    import gc

    sys.last_traceback = sys.last_value = None
    gc.collect()


def _redirect(fd: int, to: int) -> None:
    os.dup2(to, fd)
    os.close(to)


def _run(target: str, args: list[str]) -> int:
    """What the interpreter would do: run, then turn SystemExit or a crash into a code."""
    try:
        if target == "sendtui":
            from sendtui.cli import main

            sys.argv = ["sendtui", *args]
            main()
        else:
            from tests.faults import children

            getattr(children, target)(*args)
        return 0
    except SystemExit as exc:
        if exc.code is None:
            return 0
        if isinstance(exc.code, int):
            return exc.code
        print(exc.code, file=sys.stderr)
        return 1
    except BaseException:  # noqa: BLE001 - printed as the interpreter would
        traceback.print_exc()
        return 1


def run(target: str, args: list[str], env: dict[str, str], cwd: Path, logs: Path,
        timeout: float = 5.0) -> tuple[Child, bool]:
    """Start, wait up to `timeout` s; a child still running then is killed (hung=True)."""
    child = start(target, args, env, cwd, logs)
    ended = child.wait(timeout)
    if not ended:
        child.kill()
    return child, not ended
