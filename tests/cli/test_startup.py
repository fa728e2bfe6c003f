"""`sendtui --help` starts fast: the command line loads the store and the app only when used."""

import subprocess
import sys

HEAVY = ("sqlalchemy", "sqlmodel", "textual")


def loaded_after(code: str) -> set[str]:
    probe = (f"{code}\nimport sys\n"
             "print(' '.join(sorted({m.split('.')[0] for m in sys.modules})))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stderr
    return set(done.stdout.splitlines()[-1].split())  # the last line: after any help


def test_importing_the_command_line_loads_no_database_or_ui():
    assert not loaded_after("import sendtui.cli") & set(HEAVY)


def test_help_loads_no_database_or_ui():
    code = ("import sys\nfrom sendtui.cli import main\nsys.argv = ['sendtui', '--help']\n"
            "try:\n    main()\nexcept SystemExit:\n    pass")
    assert not loaded_after(code) & set(HEAVY)


def command_loads(*argv: str) -> set[str]:
    code = (f"import sys\nfrom sendtui.cli import main\nsys.argv = ['sendtui', *{argv!r}]\n"
            "try:\n    main()\nexcept SystemExit:\n    pass")
    return loaded_after(code) & set(HEAVY)


def test_check_and_search_read_a_store_file_without_sqlalchemy(demo_db):
    """The read-only commands read with sqlite3 alone: SQLAlchemy costs ~0.5 s to load."""
    assert command_loads("--db", str(demo_db), "check") == set()
    assert command_loads("--db", str(demo_db), "search", "camhs") == set()
    assert "sqlalchemy" in command_loads("--db", str(demo_db), "list", "events")


def test_a_store_others_can_read_is_opened_fully_and_narrowed(demo_db):
    demo_db.chmod(0o644)
    done = subprocess.run([sys.executable, "-m", "sendtui", "--db", str(demo_db), "check"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "owner-only" in done.stderr
    assert demo_db.stat().st_mode & 0o777 == 0o600


def sendtui(*argv: str, cwd) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sendtui", *argv], capture_output=True,
                          text=True, check=False, cwd=cwd)


def test_a_relative_store_path_is_read_the_same(demo_db):
    """`--db store.db` from the store's folder: the plain read makes the path absolute."""
    for command in (["check"], ["search", "camhs"]):
        done = sendtui("--db", demo_db.name, *command, cwd=demo_db.parent)
        assert done.returncode in (0, 1) and "Traceback" not in done.stderr, done.stderr
        assert done.stdout


def test_a_search_that_cannot_be_run_leaves_the_folder_as_it_was(demo_db):
    before = sorted(p.name for p in demo_db.parent.iterdir())
    done = sendtui("--db", str(demo_db), "search", '   ("', cwd=demo_db.parent)
    assert done.returncode == 2 and done.stderr.startswith("sendtui: nothing to search for")
    assert sorted(p.name for p in demo_db.parent.iterdir()) == before  # no -wal, no -shm


def test_check_and_search_read_a_server_store_without_sqlalchemy(pg_demo_database, pg_blank):
    """On PostgreSQL the same read-only commands read with psycopg alone (~1 s → 0.25 s);
    what is not a store at the current schema is opened the full way, which says what."""
    assert command_loads("--db", pg_demo_database, "check") == set()
    assert command_loads("--db", pg_demo_database, "search", "camhs") == set()
    found = sendtui("--db", pg_demo_database, "search", "camhs", cwd=None)
    assert found.returncode == 0 and "«CAMHS»" in found.stdout
    refused = sendtui("--db", pg_blank, "check", cwd=None)
    assert refused.returncode == 3 and "sqlalchemy" not in refused.stderr
    assert refused.stderr.startswith("sendtui: ") and refused.stderr.count("\n") == 1
    assert "sqlalchemy" in command_loads("--db", pg_blank, "check")
