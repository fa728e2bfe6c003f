"""The hybrid clock's rules: never backwards, a received stamp is dominated, stamps sort as
text in the clock's order (old stamps too)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sendtui.domain import hlc

hexes = st.text("0123456789abcdef", min_size=8, max_size=8)
times = st.integers(0, 10**13)
stamps = st.builds(lambda t, d, f: str(hlc.Stamp(t, d, f)), times, hexes,
                   st.one_of(st.just(""), hexes))  # "" : a stamp written before file ids
# what a laptop lives through: its own writes, stamps received in merges, and a wall clock
# that jumps back and forth (NTP, a flat battery, a laptop set to the wrong year)
steps = st.lists(st.one_of(st.tuples(st.just("tick"), times),
                           st.tuples(st.just("receive"), times, stamps)), max_size=60)


@given(st.integers(0, 10**13), steps)
def test_the_clock_never_goes_backwards(start, history):
    last = start
    for step in history:
        now = (hlc.receive(last, step[2], step[1]) if step[0] == "receive"
               else hlc.tick(last, step[1]))
        assert now > last
        last = now


@given(times, stamps, times)
def test_what_is_received_is_dominated_by_every_later_stamp(last, remote, now_ms):
    after = hlc.receive(last, remote, now_ms)
    mine = hlc.make(hlc.tick(after, now_ms), "00000000")  # the smallest device sorts first
    assert mine > remote and hlc.compare(mine, remote) == 1
    assert after > hlc.parse(remote).time and after > last and after > now_ms


@given(times, times)
def test_a_tick_follows_the_wall_clock_when_it_is_ahead(last, now_ms):
    assert hlc.tick(last, now_ms) == max(last + 1, now_ms)


@given(stamps, stamps, stamps)
def test_stamps_are_totally_ordered_and_text_order_is_clock_order(a, b, c):
    assert hlc.compare(a, b) == (a > b) - (a < b) == -hlc.compare(b, a)
    assert (hlc.compare(a, b) == 0) == (a == b)
    if hlc.compare(a, b) <= 0 and hlc.compare(b, c) <= 0:
        assert hlc.compare(a, c) <= 0
    assert (hlc.parse(a) < hlc.parse(b)) == (a < b)


@given(stamps)
def test_a_stamp_reads_back_as_written(text):
    assert str(hlc.parse(text)) == text


def test_equal_times_are_ordered_by_device_then_by_file():
    assert hlc.make(5, "aaaaaaaa-1111", "ffffffff") < hlc.make(5, "bbbbbbbb-0000", "00000000")
    assert hlc.make(5, "aaaaaaaa", "11111111") < hlc.make(5, "aaaaaaaa", "22222222")
    old = "000000000000005-aaaaaaaa"  # before file ids: sorts first among its time and device
    assert old < hlc.make(5, "aaaaaaaa", "00000000") < hlc.make(6, "00000000")


@pytest.mark.parametrize("text", ["", "5-aaaaaaaa", "000000000000005-AAAAAAAA",
                                  "000000000000005-aaaaaaaa-", "000000000000005-aaaa",
                                  "0000000000000005-aaaaaaaa"])
def test_what_is_not_a_stamp_is_refused(text):
    with pytest.raises(ValueError):
        hlc.parse(text)


def test_a_clock_cannot_run_past_its_digits():
    with pytest.raises(ValueError):
        hlc.receive(0, hlc.Stamp(hlc.LARGEST, "aaaaaaaa"), 0)
