"""No tracked child's or sampled case's name or case reference leaves the store in any
export (schedule, evidence summary, briefing pack, calendar) without --include-sensitive,
even where a coordinator typed them into an event or an entry."""

from __future__ import annotations

import zipfile

import pytest

from sendtui.demo import add_demo
from sendtui.exports import FORMATS
from sendtui.store import actions, plan
from sendtui.store.repo import Store
from tests.cli.test_cli import ok, run

# The 2023 demo's CYP-05 (tracked) and CYP-08 (sampled): fictional names in the protected
# table only, with their case references.
SECRETS = ("Tyler", "Brooks", "EHC-29470", "Oscar", "Pemberton", "EHC-39764")


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("redaction") / "demo.db"
    s = Store.open(str(path))
    ins, _ = add_demo(s, "2023")
    # a child named in the plan after the report, as people write
    weakness = plan.add_weakness(s, ins.id, "Plans like Tyler Brooks's (EHC-29470) are late",
                                 "priority")
    actions.add(s, ins.id, "Chase Tyler Brooks's documents", weakness_id=weakness)
    s.close()
    schedule = path.parent / "more.csv"
    schedule.write_text(
        "date,start,end,kind,title,setting_urn,people,location,notes\n"
        "2026-11-25,17:00,17:30,meeting,Tyler Brooks: documents,,Helen Marsden,"
        "Oscar's school,EHC-29470 and EHC-39764 to upload\n")
    ok(run("import", "schedule", schedule, db=path))
    ok(run("evidence", "add", "--line", "E1", "--source", "tracking", "--text",
           "Tyler's plan (EHC-29470) and Oscar Pemberton's file EHC-39764 were late.",
           db=path))
    return path


def text_of(path) -> str:
    if path.suffix == ".docx":
        with zipfile.ZipFile(path) as docx:
            return " ".join(docx.read(n).decode("utf-8", "replace") for n in docx.namelist()
                            if n.endswith(".xml"))
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("what, fmt", [(w, f) for w, fmts in FORMATS.items() for f in fmts])
def test_no_tracked_childs_name_or_case_ref_in_any_export(demo, tmp_path, what, fmt):
    plain, sensitive = tmp_path / f"plain.{fmt}", tmp_path / f"sensitive.{fmt}"
    chosen = [] if what == "ics" else ["--format", fmt]
    ok(run("export", what, *chosen, "-o", plain, db=demo))
    written = text_of(plain)
    assert [s for s in SECRETS if s in written] == []
    if what == "ics":  # a calendar goes to phones and shared diaries: never with names
        return
    ok(run("export", what, *chosen, "-o", sensitive, "--include-sensitive", db=demo))
    assert "Tyler Brooks" in text_of(sensitive) or "EHC-29470" in text_of(sensitive)
