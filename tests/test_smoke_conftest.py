from sendtui.store import inspections


def test_demo_store_holds_the_demo(demo_store):
    ins = inspections.find(demo_store)
    counts = inspections.counts(demo_store, ins.id)
    assert ins.local_area == "Wealdshire"
    assert counts.events >= 25 and counts.evidence >= 40 and counts.people == 14
