"""Ids made from natural keys: the same on every laptop, in every version of sendtui."""

import uuid

from sendtui.domain import keys

INSPECTION = "0b6f1c1e-0000-4000-8000-000000000017"


def test_the_ids_never_change_between_versions():
    # stores in the field hold these: a changed namespace or spelling would split rows
    assert keys.line_id(INSPECTION, "b5") == "b669d375-b0ec-5c55-8446-1b8668831290"
    assert keys.demo_inspection_id("2023") == "60603caf-2430-5177-811f-e74201e68d5a"


def test_a_key_is_read_as_the_store_compares_it():
    assert keys.line_id(INSPECTION, " b5") == keys.line_id(INSPECTION, "B5")
    assert keys.person_id(INSPECTION, "Jo  Smith") == keys.person_id(INSPECTION, "jo smith")
    assert keys.setting_id(INSPECTION, "100001") != keys.setting_id(INSPECTION, "100002")


def test_kinds_and_parts_never_run_into_each_other():
    assert keys.natural_id("line", "ab", "c") != keys.natural_id("line", "a", "bc")
    assert keys.key_date_id(INSPECTION, "E1") != keys.line_id(INSPECTION, "E1")
    assert uuid.UUID(keys.event_person_id("e", "p")).version == 5
