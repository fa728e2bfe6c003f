"""The evidence screen driven by keys: filters, search, the detail view, reveal, delete, undo."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.widgets import DataTable, Static, TextArea

from sendtui.store import evidence, inspections
from sendtui.store import evidence as ev
from sendtui.store.evidence_browse import Filter
from sendtui.ui.app import make_app
from sendtui.ui.screens.evidence import EvidenceDetail, EvidenceScreen
from tests.conftest import DEMO_TODAY
from tests.ui.conftest import after, settled, store_open, until
from tests.ui.test_pilot import row_keys, rows, shown, table_on_screen


async def evidence_screen(pilot) -> EvidenceScreen:
    await store_open(pilot)
    await pilot.press("6")
    await settled(pilot)
    assert isinstance(pilot.app.screen, EvidenceScreen)
    return pilot.app.screen


def summary(screen) -> str:
    return shown(screen.query_one("#evidence-summary", Static))


async def press_until(pilot, key: str, condition, most: int = 30) -> None:
    for _ in range(most):
        if condition():
            return
        await pilot.press(key)
        await settled(pilot)
    assert condition(), f"pressing {key} never got there"


async def test_evidence_filters_by_line_then_source(demo_db, demo_store):
    ins = inspections.find(demo_store)
    every = evidence.all(demo_store, ins.id)
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test() as pilot:
        screen = await evidence_screen(pilot)
        grid = screen.query_one("#evidence", DataTable)
        await press_until(pilot, "l", lambda: screen.filter.line == "B4")
        on_line = [e for e in every if e.line_code == "B4"]
        assert summary(screen) == f"{len(on_line)} of 60 entries · line B4"
        assert set(row_keys(grid)) == {e.id for e in on_line}
        assert {r["Line"] for r in rows(grid)} == {"B4"}

        await press_until(pilot, "k", lambda: screen.filter.source == "case-file")
        both = [e for e in on_line if e.source == "case-file"]
        assert 0 < len(both) < len(on_line)
        assert summary(screen) == f"{len(both)} of 60 entries · line B4 · source case-file"
        assert row_keys(grid) == [e.id for e in sorted(both, key=lambda e: e.at, reverse=True)]
        assert {r["Source"] for r in rows(grid)} == {"Case file"}

        # each filter cycles back to "all"; the others stay
        await press_until(pilot, "l", lambda: not screen.filter.line)
        case_files = [e for e in every if e.source == "case-file"]
        assert summary(screen) == f"{len(case_files)} of 60 entries · source case-file"
        await press_until(pilot, "k", lambda: not screen.filter.source)
        assert summary(screen) == "60 entries, newest first" and grid.row_count == 60


async def test_evidence_filters_by_judgement_and_day(demo_db, demo_store):
    ins = inspections.find(demo_store)
    every = evidence.all(demo_store, ins.id)
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test() as pilot:
        screen = await evidence_screen(pilot)
        grid = screen.query_one("#evidence", DataTable)
        await pilot.press("g")
        await settled(pilot)
        strengths = [e for e in every if e.judgement == "strength"]
        assert summary(screen) == f"{len(strengths)} of 60 entries · judgement strength"
        assert set(row_keys(grid)) == {e.id for e in strengths}
        await pilot.press("D")
        await settled(pilot)
        assert "day Tue 24 Nov" in summary(screen)
        assert all(r["When"].startswith("Tue 24 Nov") for r in rows(grid))


async def test_evidence_search_best_first_with_highlights(demo_db, demo_store):
    ins = inspections.find(demo_store)
    hits = ev.search(demo_store, ins.id, "camhs")
    assert len(hits) >= 2
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await evidence_screen(pilot)
        grid = screen.query_one("#evidence", DataTable)
        await pilot.press("slash", *"camhs")
        best_first = [h.entry.id for h in hits]
        await until(pilot, lambda: row_keys(grid) == best_first)  # after the debounce
        assert summary(screen) == f"{len(hits)} of 60 entries match “camhs”, best first"
        for i in range(grid.row_count):
            note = grid.get_row_at(i)[-1]
            assert isinstance(note, Text) and "«" not in note.plain
            marked = [note.plain[s.start:s.end] for s in note.spans if "reverse" in str(s.style)]
            assert marked and all(word.lower() == "camhs" for word in marked)
        await pilot.press("escape")  # leaves the search box, clears the search
        await settled(pilot)
        assert grid.row_count == 60 and summary(screen) == "60 entries, newest first"


async def test_a_common_word_shows_the_newest_matches_ranked_then_every_match(
        demo_db, demo_store, monkeypatch):
    """The first page ranks only the newest matches; the ranking of all of them follows."""
    from sendtui.ui.screens.evidence import ranking

    ins = inspections.find(demo_store)
    best_first = [h.entry.id for h in ev.search(demo_store, ins.id, "plan*", limit=200)]
    monkeypatch.setattr(ranking, "RANK_FIRST", 3)
    pages = []
    first_page = ev.first_page
    monkeypatch.setattr(ranking.ev, "first_page",
                        lambda *a, **k: pages.append(first_page(*a, **k)) or pages[-1])
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await evidence_screen(pilot)
        grid = screen.query_one("#evidence", DataTable)
        await pilot.press("slash")  # pasted: typed key by key on a loaded machine, the
        app.focused.post_message(events.Paste("plan*"))  # search may run for "plan" too
        await until(pilot, lambda: row_keys(grid) == best_first)
        assert [len(hits) for hits, whole in pages if not whole] == [3]
        assert summary(screen) == f"{len(best_first)} of 60 entries match “plan*”, best first"


async def test_evidence_search_without_words_says_so(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test() as pilot:
        screen = await evidence_screen(pilot)
        await pilot.press("slash", "asterisk")
        message = screen.query_one("#evidence-message", Static)
        await until(pilot, lambda: message.display)
        assert shown(message) == "Nothing to search for in '*': give a word."
        assert screen.query_one("#evidence", DataTable).row_count == 60


async def test_a_search_too_broad_to_run_says_why(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test() as pilot:
        screen = await evidence_screen(pilot)
        await pilot.press("slash", "a", "asterisk")
        message = screen.query_one("#evidence-message", Static)
        await until(pilot, lambda: message.display)
        assert shown(message) == ("'a*' is too short to search for: give at least 2 letters "
                                  "before the *.")
        assert screen.query_one("#evidence", DataTable).row_count == 60


async def test_evidence_detail_shows_versions_after_an_edit(demo_db, demo_store):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await evidence_screen(pilot)
        first = screen.entries[0]
        await pilot.press("enter")
        await settled(pilot)
        detail = app.screen
        assert isinstance(detail, EvidenceDetail)
        versions = shown(detail.query_one("#detail-versions", Static))
        assert versions.startswith("1. Thu 3 Dec 16:10") and "2." not in versions
        await pilot.press("e")
        await settled(pilot)
        app.screen.query_one(TextArea).text = "CAMHS advice present in 2 of 6 relevant files."
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert app.screen is detail
        versions = shown(detail.query_one("#detail-versions", Static)).splitlines()
        assert len(versions) == 2 and versions[0].startswith("1. Thu 3 Dec 16:10")
        assert versions[1].endswith("CAMHS advice present in 2 of 6 relevant files.")
        assert shown(detail.query_one("#detail-text", Static)).startswith("CAMHS advice present")
        await pilot.press("escape")
        await settled(pilot)
        assert app.screen is screen
        assert rows(screen.query_one("#evidence", DataTable))[0]["Note"].startswith(
            "CAMHS advice present")
    assert [v.text for v in ev.versions(demo_store, first.id)][-1].startswith("CAMHS advice")


async def test_evidence_detail_hides_the_case_reference_until_r(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await evidence_screen(pilot)
        await pilot.press("down")  # the second newest has a case reference
        entry = screen.entries[1]
        assert entry.case_ref
        await pilot.press("enter")
        await settled(pilot)
        fields = app.screen.query_one("#detail-fields", Static)
        assert "Case ref   hidden — press r to reveal" in shown(fields)
        assert entry.case_ref not in shown(fields)
        await pilot.press("r")
        await settled(pilot)
        assert f"Case ref   {entry.case_ref}" in shown(fields)


async def test_evidence_r_reveals_case_references_then_hides_them(demo_db, demo_store):
    ins = inspections.find(demo_store)
    refs = {e.case_ref for e in evidence.all(demo_store, ins.id) if e.case_ref}
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(160, 80)) as pilot:
        screen = await evidence_screen(pilot)
        grid = screen.query_one("#evidence", DataTable)

        def on_screen() -> str:
            return "\n".join(table_on_screen(grid))

        assert not any(ref in on_screen() for ref in refs)
        assert "Jamie" not in on_screen() and "CYP-03's child-in-need plan" in on_screen()
        await pilot.press("slash", *"jamie")  # found by the real name, shown by pseudonym
        await until(pilot, lambda: len(screen.entries) == 1)  # after the debounce
        assert "Jamie" not in on_screen() + shown(screen.query_one("#evidence-detail"))
        assert "CYP-03" in shown(screen.query_one("#evidence-detail"))
        await pilot.press("escape")
        await settled(pilot)
        await pilot.press("r")
        await settled(pilot)
        assert summary(screen) == "60 entries, newest first · names and case refs SHOWN"
        assert {r["Ref"] for r in rows(grid)} - {""} == refs
        assert {r["By"] for r in rows(grid)} <= {"HM", "FG", "KM"}  # who captured each
        assert "Jamie Holt's child-in-need plan" in on_screen()
        await pilot.press("r")
        await settled(pilot)
        assert summary(screen) == "60 entries, newest first"
        assert not any(ref in on_screen() for ref in refs)
        assert "Jamie" not in on_screen()
        assert on_screen().count("[case ref hidden]") == len(
            [e for e in evidence.all(demo_store, ins.id) if e.case_ref])


async def test_evidence_delete_asks_then_undo_brings_it_back(demo_db, demo_store):
    ins = inspections.find(demo_store)
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test() as pilot:
        screen = await evidence_screen(pilot)
        grid = screen.query_one("#evidence", DataTable)
        gone = screen.entries[0]
        await pilot.press("d", "n")  # no: nothing changes
        await settled(pilot)
        assert grid.row_count == 60
        await pilot.press("d", "y")
        await settled(pilot)
        assert grid.row_count == 59 and gone.id not in row_keys(grid)
        assert summary(screen) == "59 entries, newest first"
        assert gone.id not in {e.id for e in evidence.all(demo_store, ins.id)}
        await pilot.press("u")
        await settled(pilot)
        assert grid.row_count == 60 and row_keys(grid)[0] == gone.id
        assert gone.id in {e.id for e in evidence.all(demo_store, ins.id)}


def test_evidence_detail_snapshot(snap_compare, demo_db):
    assert snap_compare(make_app(str(demo_db), today=DEMO_TODAY), terminal_size=(80, 24),
                        run_before=after("6", "down", "enter"))


async def test_evidence_loads_one_page_and_counts_the_rest_after(demo_db, monkeypatch):
    """On a big store only a page of rows is read; the counts follow from a thread."""
    from sendtui.ui.screens.evidence import reading as screen_module

    monkeypatch.setattr(screen_module, "SHOWN", 10)
    monkeypatch.setattr(screen_module, "SMALL", 10)  # 60 entries: a big store
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test() as pilot:
        screen = await evidence_screen(pilot)
        await app.workers.wait_for_complete()
        await settled(pilot)
        assert screen.query_one("#evidence", DataTable).row_count == 10
        assert summary(screen) == "60 entries, newest first · showing the newest 10"
        await press_until(pilot, "l", lambda: screen.filter.line == "B4")
        await app.workers.wait_for_complete()
        await settled(pilot)
        assert summary(screen) == "11 of 60 entries · line B4 · showing the newest 10"


async def test_a_big_store_without_a_filter_is_counted_once(demo_db, monkeypatch):
    """The entries and the entries matching no filter are the same number: one count."""
    from sendtui.store import evidence_browse
    from sendtui.ui.screens.evidence import reading as screen_module

    monkeypatch.setattr(screen_module, "SHOWN", 10)
    monkeypatch.setattr(screen_module, "SMALL", 10)  # 60 entries: a big store
    whole, real = [], evidence_browse.count
    monkeypatch.setattr(evidence_browse, "count", lambda store, ins_id, f=None, upto=None: (
        whole.append(f) if upto is None else None) or real(store, ins_id, f or Filter(), upto))
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test() as pilot:
        screen = await evidence_screen(pilot)
        await until(pilot, lambda: screen.facets is not None and not screen.facets.partial)
        await settled(pilot)
        assert summary(screen) == "60 entries, newest first · showing the newest 10"
        assert len(whole) == 1
        # the settings with evidence, read after the page, are there to cycle through
        await pilot.press("s")
        await settled(pilot)
        assert screen.filter.setting_id == screen.facets.settings[0][0]


async def test_a_store_gone_read_only_says_so_and_the_app_goes_on(demo_db, demo_store):
    """The store refuses writes mid-session (SQLite's query_only, as a read-only file
    would): the delete is not made, one clear notice says so, and the app keeps working."""
    from sqlalchemy import event

    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test() as pilot:
        screen = await evidence_screen(pilot)
        engine = app.store.engine
        engine.dispose()
        event.listen(engine, "connect", lambda conn, _: conn.execute("PRAGMA query_only=1"))
        await pilot.press("d", "y")
        await settled(pilot)
        notices = [n.message for n in app._notifications]
        assert any(n.startswith("Not saved:") and "readonly" in n for n in notices), notices
        assert app.is_running and screen.query_one("#evidence", DataTable).row_count == 60
        await pilot.press("6")  # still answering keys
        await settled(pilot)
        assert app.screen is screen


async def test_e_on_the_list_edits_the_highlighted_entry_and_u_takes_it_back(demo_db, demo_store):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await evidence_screen(pilot)
        second = screen.entries[1]
        await pilot.press("down", "e")
        await settled(pilot)
        editor = app.screen
        assert editor.query_one(TextArea).text == second.text
        editor.query_one(TextArea).text = "Corrected: the plan was reviewed in October."
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert app.screen is screen
        assert rows(screen.query_one("#evidence", DataTable))[1]["Note"] == (
            "Corrected: the plan was reviewed in October.")
        await pilot.press("u")
        await settled(pilot)
    ins = inspections.find(demo_store).id
    assert next(e for e in evidence.all(demo_store, ins) if e.id == second.id).text == second.text
