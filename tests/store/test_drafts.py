from sendtui.store import inspections
from sendtui.store.drafts import discard_draft, latest_draft, save_draft
from sendtui.store.repo import Store


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
