"""What an import says it did: unchanged rows are counted and left alone (no stamp, no
change row), a --la that matches no row names the file's local authorities, and emails and
phones an invitation could not use are warned about by row."""

from __future__ import annotations

import sqlite3

from tests.cli.test_cli import (
    GIAS,
    PEOPLE,
    new_inspection,
    ok,
    own_error,
    people_json,
    run,
    settings_json,
)


def written(db) -> tuple:
    """The stamps of every setting, person and postcode point, and how many changes are
    logged: what a write of any of them would move."""
    with sqlite3.connect(db) as c:
        return (c.execute("select max(updated_at), max(hlc), count(*) from setting").fetchone(),
                c.execute("select max(updated_at), max(hlc), count(*) from person").fetchone(),
                c.execute("select * from postcode_point order by code").fetchall(),
                c.execute("select count(*) from change").fetchone())


def test_importing_the_same_gias_file_again_changes_nothing(db_path):
    new_inspection(db_path, notified="2026-11-23")
    ok(run("import", "settings", GIAS, db=db_path))
    before = written(db_path)
    again = ok(run("import", "settings", GIAS, db=db_path))
    assert again.splitlines()[0] == "0 settings added, 0 updated, 19 unchanged, 3 skipped"
    assert written(db_path) == before


def test_only_the_changed_setting_is_updated_and_stamped(db_path, tmp_path):
    new_inspection(db_path, notified="2026-11-23")
    ok(run("import", "settings", GIAS, db=db_path))
    with sqlite3.connect(db_path) as c:
        before = dict(c.execute("select urn, hlc from setting"))
    renamed = tmp_path / "gias.csv"
    renamed.write_bytes(GIAS.read_bytes().replace(b"Ashby Brook Primary School",
                                                  b"Ashby Brook Primary Academy"))
    out = ok(run("import", "settings", renamed, db=db_path))
    assert out.splitlines()[0] == "0 settings added, 1 updated, 18 unchanged, 3 skipped"
    with sqlite3.connect(db_path) as c:
        after = dict(c.execute("select urn, hlc from setting"))
    assert {urn for urn in after if after[urn] != before[urn]} == {"190001"}


def test_a_local_authority_in_no_row_is_refused_naming_those_in_the_file(db_path):
    new_inspection(db_path, notified="2026-11-23")
    line = own_error(run("import", "settings", GIAS, "--la", "Wealdshyre", db=db_path), 2)
    assert line == ("sendtui: gias_wealdshire.csv: no establishment in the local authority "
                    "'Wealdshyre'; the file lists Fenmarch, Wealdshire")
    assert settings_json(db_path) == []


def test_at_most_eight_local_authorities_are_named(db_path, tmp_path):
    new_inspection(db_path, notified="2026-11-23")
    lines = GIAS.read_text(encoding="utf-8-sig").splitlines()
    areas = [f"Area {n:02}" for n in range(10)]
    rows = [lines[1].replace("Wealdshire", area) for area in areas]
    path = tmp_path / "national.csv"
    path.write_text("\n".join([lines[0], *rows]) + "\n", encoding="utf-8")
    line = own_error(run("import", "settings", path, db=db_path), 2)
    assert line.endswith("the file lists " + ", ".join(areas[:8]) + ", …")


def test_people_with_unusable_emails_or_phones_are_imported_with_a_warning(db_path,
                                                                          tmp_path):
    new_inspection(db_path)
    path = tmp_path / "people.csv"
    path.write_text(PEOPLE + "Amir Khan,Head of SEND,Wealdshire County Council,amir at home,"
                             "01632 9604\n")
    result = run("import", "people", path, db=db_path)
    assert ok(result) == "3 people added, 0 updated, 0 unchanged\n"
    warnings = result.stderr.splitlines()
    assert warnings == [
        ("sendtui: warning: row 4: email 'amir at home': an email needs a name, an @ and a "
         "domain, e.g. jo.bloggs@example.org"),
        ("sendtui: warning: row 4: phone '01632 9604': a UK phone number has 10 or 11 digits "
         "starting 0 or +44, e.g. 01632 960001"),
    ]
    amir = next(p for p in people_json(db_path) if p["name"] == "Amir Khan")
    assert amir["email"] == "amir at home"


def test_a_changed_person_is_updated_and_the_others_left_alone(db_path, tmp_path):
    new_inspection(db_path)
    path = tmp_path / "people.csv"
    path.write_text(PEOPLE)
    ok(run("import", "people", path, db=db_path))
    with sqlite3.connect(db_path) as c:
        before = dict(c.execute("select name, hlc from person"))
    path.write_text(PEOPLE.replace("07700 900112", "07700 900113"))
    assert ok(run("import", "people", path, db=db_path)) == (
        "0 people added, 1 updated, 1 unchanged\n")
    with sqlite3.connect(db_path) as c:
        after = dict(c.execute("select name, hlc from person"))
    assert {name for name in after if after[name] != before[name]} == {"Helen Marsden"}
