"""The 2023 demo (the default of `sendtui demo`): three weeks of a 2023 area SEND inspection of
the fictional Wealdshire, notified Mon 16 Nov 2026, checked as a coordinator would read it."""

from __future__ import annotations

import datetime as dt
import json
import shutil

import pytest

from sendtui.demo import add_demo
from sendtui.domain.clock import to_london
from sendtui.domain.kinds import SETTING_KINDS
from sendtui.domain.templates import ALL_VISITABLE
from sendtui.store import events, evidence, findings, inspections, names, people, settings, undo
from sendtui.store.repo import Store
from tests.cli.test_cli import as_json, ok, run

PSEUDONYMS = [f"CYP-0{n}" for n in range(1, 7)]
SAMPLED = ["CYP-07", "CYP-08", "CYP-09"]


@pytest.fixture(scope="module")
def _template_2023(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo2023") / "demo.db"
    s = Store.open(str(path))
    add_demo(s)
    s.close()
    return path


@pytest.fixture
def store(_template_2023, tmp_path):
    path = tmp_path / "demo.db"
    shutil.copy(_template_2023, path)
    s = Store.open(str(path))
    yield s
    s.close()


@pytest.fixture
def ins(store):
    return inspections.find(store)


# --- the command ---------------------------------------------------------------------------

def test_demo_adds_the_2023_inspection_by_default_once(db_path):
    first = ok(run("demo", "--no-open", db=db_path))
    assert first.startswith("Added the 2023 demo inspection Wealdshire")
    assert ok(run("demo", "--no-open", db=db_path)).startswith("Already there: the 2023 demo")
    rows = as_json(run("inspection", "list", "--format", "json", db=db_path))
    assert [(r["framework"], r["notified"], r["on_site"], r["on_site_end"]) for r in rows] == [
        ("2023", "2026-11-16", "2026-11-30", "2026-12-04")]


def test_the_2016_demo_goes_beside_the_2023_one_and_only_once(db_path):
    ok(run("demo", "--no-open", db=db_path))
    ok(run("demo", "--no-open", "--framework", "2016", db=db_path))
    ok(run("demo", "--no-open", "--framework", "2016", db=db_path))
    ok(run("demo", "--no-open", "--framework", "2023", db=db_path))
    rows = as_json(run("inspection", "list", "--format", "json", db=db_path))
    assert sorted((r["framework"], r["notified"]) for r in rows) == [
        ("2016", "2026-11-23"), ("2023", "2026-11-16")]


def test_an_unknown_demo_framework_is_refused(db_path):
    result = run("demo", "--no-open", "--framework", "2019", db=db_path)
    assert result.exit_code == 2 and "2023" in result.stderr
    assert not db_path.exists() or as_json(
        run("inspection", "list", "--format", "json", db=db_path)) == []


def test_check_on_the_2023_demo_gives_only_its_one_deliberate_warning(db_path):
    """The demo shows the check working once: a visit to the child development centre (a place
    without a URN, placed by its postcode sector) runs straight into a meeting at the base."""
    ok(run("demo", "--no-open", db=db_path))
    result = run("check", "--format", "json", db=db_path)
    assert result.exit_code == 0, result.stdout
    problems = json.loads(result.stdout)
    assert [(p["severity"], p["rule"]) for p in problems] == [("warning", "travel-time")]
    assert "Oak Lodge Child Development Centre" in problems[0]["message"]
    assert "postcode sector centroid of WD2 3" in problems[0]["message"]


# --- what the demo holds -------------------------------------------------------------------

def test_three_weeks_of_events_each_in_its_phase(store, ins):
    by_kind: dict[str, list] = {}
    for e in events.all(store, ins.id):
        by_kind.setdefault(e.kind, []).append(to_london(e.start).date())
    week = {1: (dt.date(2026, 11, 16), dt.date(2026, 11, 20)),
            2: (dt.date(2026, 11, 23), dt.date(2026, 11, 27)),
            3: (dt.date(2026, 11, 30), dt.date(2026, 12, 4))}

    def within(kind, n):
        return all(week[n][0] <= day <= week[n][1] for day in by_kind[kind])

    assert within("set-up-meeting", 1) and within("tracking-meeting", 2)
    assert within("case-sampling", 2) and "webinar" not in by_kind
    for kind in ("visit", "focus-group", "leaders-meeting", "pcf-meeting"):
        assert within(kind, 3), kind
    assert by_kind["final-feedback"] == [dt.date(2026, 12, 4)]
    assert set(by_kind["keep-in-touch"]) >= {week[3][0] + dt.timedelta(days=n)
                                              for n in range(4)}


def test_six_tracked_children_by_pseudonym_only(store, ins):
    tracking = [e for e in events.all(store, ins.id) if e.kind == "tracking-meeting"]
    assert sorted(p for e in tracking for p in PSEUDONYMS if p in e.title) == PSEUDONYMS
    marked = names.all(store, ins.id)
    assert sorted(m.pseudonym for m in marked) == PSEUDONYMS + SAMPLED
    written = [e.title + e.notes for e in events.all(store, ins.id)] + [
        e.text for e in evidence.all(store, ins.id)]
    assert not [m.name for m in marked for text in written if m.name.split()[0] in text]


def test_visits_cover_every_kind_of_setting_and_a_health_site(store, ins):
    places = {s.id: s for s in settings.all(store, ins.id)}
    visited = [places[e.setting_id] for e in events.all(store, ins.id) if e.kind == "visit"]
    assert set(ALL_VISITABLE) <= {s.kind for s in visited} <= set(SETTING_KINDS)
    [health] = [s for s in visited if s.urn is None]
    assert health.name == "Oak Lodge Child Development Centre"
    assert health.located_by == "sector" and health.easting is not None
    [base] = [s for s in places.values() if s.is_base]
    assert base.urn is None and base.name.startswith("Base room")


def test_elected_members_and_team_meetings_as_the_framework_has_them(store, ins):
    team = {p.id for p in people.all(store, ins.id) if p.is_team}
    every = events.all(store, ins.id)
    [members] = [e for e in every if e.audience == "elected-members"]
    assert members.kind == "leaders-meeting" and set(members.person_ids) - team
    assert all(set(e.person_ids) <= team for e in every if e.kind == "team-meeting")


def test_evidence_is_the_local_areas_own(store, ins):
    team = {p.name for p in people.all(store, ins.id) if p.is_team}
    entries = evidence.all(store, ins.id)
    assert entries and not {e.author for e in entries} & team
    assert {"tracking", "written-submission", "case-file", "visit"} <= {e.source for e in entries}
    assert all(e.judgement for e in entries if e.line_code != "L1")


def test_findings_with_their_security_and_contradictions(store, ins):
    found = {f.line_code: f for f in findings.all(store, ins.id)}
    assert {code: f.security for code, f in found.items()} == {
        "E1": "secure", "E2": "corroborated", "L4": "single source"}
    assert len(set(found["E1"].sources)) >= 3 and not found["E1"].contradicting
    assert set(found["L4"].sources) == {"document"} and len(found["L4"].backing) == 2
    assert found["E2"].polarity == "strength" and found["E2"].contradicting


def test_a_new_demo_leaves_nothing_to_undo(store, ins):
    assert undo.undo(store, ins.id) is None


def test_the_tracked_children_and_sampled_cases_on_the_demos_today(store, ins):
    from sendtui.domain.clock import london_to_utc
    from sendtui.store import tracked
    from tests.conftest import DEMO_TODAY

    children = tracked.all(store, ins.id)
    assert [(c.pseudonym, c.kind) for c in children] == [
        (p, "tracked") for p in PSEUDONYMS] + [(p, "sampled") for p in SAMPLED]
    assert all(c.event_title.startswith(("Tracking meeting: " + c.pseudonym, "Case sampling"))
               for c in children)
    assert [len(c.entries) for c in children[:6]] == [1] * 6
    now = london_to_utc(DEMO_TODAY, dt.time(9))
    missing = [(x.pseudonym, x.what, x.overdue)
               for x in tracked.due_today_and_overdue(store, ins.id, now)]
    assert missing == [("CYP-05", "documents", True), ("CYP-06", "consent", True),
                       ("CYP-06", "documents", True), ("CYP-08", "consent", False),
                       ("CYP-08", "documents", False), ("CYP-09", "consent", False)]
    plain = " ".join(str(v) for c in children for v in vars(c).values())
    assert not [m.name for m in names.all(store, ins.id) if m.name.split()[-1] in plain]
