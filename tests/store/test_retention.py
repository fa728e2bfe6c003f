import datetime as dt

import pytest

from sendtui.errors import InvalidInput
from sendtui.store import inspections, retention, undo

BOTH_ENGINES = True  # each test on SQLite and on PostgreSQL (tests/conftest.py)


def test_retention_is_set_undone_and_due_after_final_feedback(demo_store):
    ins = inspections.find(demo_store).id
    assert retention.get(demo_store, ins) == retention.Retention(None, None)
    assert retention.set_months(demo_store, ins, 6) == retention.Retention(6, dt.date(2027, 6, 4))
    inspections.set_key_date(demo_store, ins, "final-feedback", dt.date(2026, 12, 11))
    assert retention.get(demo_store, ins).due == dt.date(2027, 6, 11)  # follows the date
    undo.undo(demo_store, ins)
    assert retention.get(demo_store, ins).due == dt.date(2027, 6, 4)
    assert undo.undo(demo_store, ins) == "retention set to 6 months"
    assert retention.get(demo_store, ins).months is None
    with pytest.raises(InvalidInput):
        retention.set_months(demo_store, ins, 500)
