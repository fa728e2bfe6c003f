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
