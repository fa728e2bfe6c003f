def test_demo_store_holds_the_demo(demo_store):
    ins = demo_store.find_inspection()
    counts = demo_store.counts(ins.id)
    assert ins.local_area == "Wealdshire"
    assert counts.events >= 25 and counts.evidence >= 40 and counts.people == 13
