"""Numbers and headers in imported files: a bad one is exit 2 naming the file, row and
column, and nothing is imported (GIAS: URN, Easting, Northing, ages; schedule, evidence:
setting_urn)."""

from __future__ import annotations

import csv
import io

import pytest

from tests.cli.test_cli import GIAS, new_inspection, ok, own_error, run, settings_json


def gias_with(tmp_path, column: str, value: str, row: int = 1):
    """The fixture with one cell changed (row 1 = the first establishment)."""
    table = list(csv.reader(io.StringIO(GIAS.read_text(encoding="utf-8-sig"), newline="")))
    table[row][table[0].index(column)] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(table)
    path = tmp_path / "gias.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


@pytest.mark.parametrize("column, value, says", [
    ("Easting", "99999999999999999999", "is not between 0 and 700000"),
    ("Northing", "-5", "is not a whole number"),
    ("Easting", "４５３４００", "is not a whole number"),  # full-width digits
    ("Easting", "453_400", "is not a whole number"),
    ("StatutoryLowAge", "9" * 5000, "is not between 0 and 99"),
    ("URN", "²³⁴", "is not a URN"),
    ("URN", "١٢٣", "is not a URN"),  # Arabic-Indic digits
])
def test_a_bad_number_in_gias_names_row_and_column(db_path, tmp_path, column, value, says):
    new_inspection(db_path, notified="2026-11-23")
    line = own_error(run("import", "settings", gias_with(tmp_path, column, value),
                         db=db_path), 2)
    assert f"gias.csv: row 2, column {column}: " in line and says in line
    assert len(line) < 200  # the value is cut short, never the whole cell
    assert settings_json(db_path) == []


def test_a_column_twice_in_the_header_is_refused_by_name(db_path, tmp_path):
    new_inspection(db_path, notified="2026-11-23")
    text = GIAS.read_text(encoding="utf-8-sig").splitlines()
    text = [f"{row},{row.split(',')[0]}" for row in text]  # URN again as the last column
    path = tmp_path / "gias.csv"
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    line = own_error(run("import", "settings", path, db=db_path), 2)
    assert line == "sendtui: gias.csv: row 1: column 'URN' appears twice: keep one"
    assert settings_json(db_path) == []


def test_a_setting_urn_in_a_schedule_is_ascii_digits(db_path, tmp_path):
    new_inspection(db_path, notified="2026-11-23")
    ok(run("import", "settings", GIAS, db=db_path))
    path = tmp_path / "schedule.csv"
    path.write_text("date,start,end,kind,title,setting_urn,people,location,notes\n"
                    "2026-12-01,09:00,10:00,visit,Visit,１９０００１,,,\n", encoding="utf-8")
    line = own_error(run("import", "schedule", path, db=db_path), 2)
    assert "row 2, column setting_urn: '１９０００１' is not a URN" in line
    path.write_text("date,start,end,kind,title,setting_urn,people,location,notes\n"
                    "2026-12-01,０９:００,10:00,visit,Visit,,,,\n", encoding="utf-8")
    assert "row 2, column start" in own_error(run("import", "schedule", path, db=db_path), 2)
