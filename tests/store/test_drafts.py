from sqlmodel import select

from sendtui.store import inspections
from sendtui.store.drafts import discard_draft, latest_draft, save_draft
from sendtui.store.repo import Store

BOTH_ENGINES = True  # each test on SQLite and on PostgreSQL (tests/conftest.py)


def test_a_draft_survives_reopening_the_store_until_discarded(demo_db):
    store = Store.open(str(demo_db))
    ins = inspections.find(store)
    assert latest_draft(store, ins.id) is None
    draft = save_draft(store, ins.id, {"text": "Parents said"})
    assert save_draft(store, ins.id, {"text": "Parents said the wait", "line": "B3"}, draft) == draft
    store.close()
    store = Store.open(str(demo_db))
    assert latest_draft(store, ins.id) == (draft, {"line": "B3", "text": "Parents said the wait"})
    discard_draft(store, draft)
    assert latest_draft(store, ins.id) is None
    store.close()


def test_a_draft_thrown_away_or_saved_leaves_no_row(demo_store):
    """Not a tombstone: nothing can bring it back and its text is not kept."""
    import datetime as dt

    from sendtui.records import EvidenceRow
    from sendtui.store import evidence
    from sendtui.store import models as m

    ins = inspections.find(demo_store).id
    with demo_store.session() as s:  # an earlier version kept thrown-away drafts
        demo_store.insert(s, None, m.EvidenceDraft(inspection_id=ins, fields='{"text": "old"}',
                                                   deleted_at=dt.datetime.now(dt.timezone.utc)))
    thrown = save_draft(demo_store, ins, {"text": "Thrown away"})
    discard_draft(demo_store, thrown)
    saved = save_draft(demo_store, ins, {"text": "Saved"})
    row = EvidenceRow(dt.datetime.now(dt.timezone.utc), "A1", "meeting", "Saved", None, None,
                      None, "")
    evidence.add(demo_store, ins, [row], draft_id=saved)
    with demo_store.session() as s:
        assert s.exec(select(m.EvidenceDraft)).all() == []
        assert s.exec(select(m.Change).where(m.Change.table_name == "evidence_draft")).all() == []
