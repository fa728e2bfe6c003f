"""The layers hold: contracts in pyproject.toml, and what importing a layer really loads."""

import subprocess
import sys

import pytest
from importlinter.cli import lint_imports


def test_import_contracts_are_kept():
    assert lint_imports() == 0  # prints the broken contract with the import chain


@pytest.mark.parametrize("package", ["sendtui.domain", "sendtui.records", "sendtui.exports",
                                     "sendtui.exports.calendar", "sendtui.importers.gias",
                                     "sendtui.files", "sendtui.errors"])
def test_pure_layers_load_neither_sql_nor_textual(package):
    code = (f"import sys, {package}; "
            "print(sorted({m.split('.')[0] for m in sys.modules} & "
            "{'sqlalchemy', 'sqlmodel', 'alembic', 'textual'}))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True).stdout.strip()
    assert loaded == "[]", f"importing {package} loads {loaded}"
