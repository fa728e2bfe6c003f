"""Bad values for each kind of argument the command line takes, as hypothesis strategies, and
an honest oracle for each: is this value valid (True), bad (False) or arguable (None)?"""

from __future__ import annotations

import datetime as dt
import math
import re

from hypothesis import strategies as st

ASCII_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
ASCII_TIME = re.compile(r"([01]?[0-9]|2[0-3]):([0-5][0-9])")
ASCII_INT = re.compile(r"[+-]?[0-9]+")
# Text a shell can pass: no NUL (argv cannot hold one), no lone surrogates.
TEXT = st.text(st.characters(exclude_characters="\x00", exclude_categories=("Cs",)),
               max_size=40)
ODD_DIGITS = ["²³⁴", "١٢", "０", "𝟓", "５", "٣"]

BAD_DATES = ["", " ", "2026-02-30", "2026-13-01", "2026-00-10", "0000-01-01", "9999-12-32",
             "2026/11/30", "30-11-2026", "2026-1-1", "２０２６-１１-３０", "2026-11-30T10:00",
             "yesterday", "-1", "1e9", "NaN", "10000-01-01", "2026-11-30 10:00", "20261130",
             "2026-W48-1", "+2026-11-30", "2026-11-3O", "99999999999999999999-01-01"]
BAD_TIMES = ["24:00", "9h", "09:60", "9:5", "0960", "25:00", "-1:00", "09:00:00", "٠٩:٠٠", "",
             "noon", "13pm", "0am", "7.30p", "09 00", "99:99", "23:59:60"]
BAD_NUMBERS = ["", "abc", "1.5", "1e3", "--5", "0x10", "5_000", "NaN", "inf", "-inf", "1e309",
               "99999999999999999999", "-99999999999999999999", "9" * 400, *ODD_DIGITS]
BAD_FLOATS = ["nan", "inf", "-inf", "1e309", "-1", "0", "abc", "", "1,3", "٣", "1e-320"]


EDGE_DATES = ["9999-12-31", "9999-12-30", "0001-01-01", "0001-01-02", "2026-12-25",
              "2026-03-29", "2027-02-28"]  # real dates where arithmetic may overflow


def dates():
    return st.one_of(st.sampled_from(BAD_DATES), st.sampled_from(EDGE_DATES), TEXT,
                     st.builds(lambda y, m, d: f"{y:04d}-{m:02d}-{d:02d}",
                               st.integers(0, 99999), st.integers(0, 99), st.integers(0, 99)))


def date_ok(text: str) -> bool | None:
    t = text.strip()
    if not ASCII_DATE.fullmatch(t):
        return False
    try:
        day = dt.date.fromisoformat(t)
    except ValueError:
        return False
    return True if 1900 <= day.year <= 2200 else None  # far dates: arithmetic may overflow


def times():
    return st.one_of(st.sampled_from(BAD_TIMES), TEXT.map(lambda s: s[:8]))


def time_ok(text: str) -> bool:
    return bool(ASCII_TIME.fullmatch(text.strip()))


def datetimes():
    return st.one_of(st.builds(lambda d, t: f"{d} {t}", dates(), st.sampled_from(["10:00"])),
                     st.builds(lambda t: f"2026-11-30 {t}", times()),
                     st.sampled_from(["2026-11-30", "2026-11-30 10:00 extra", "10:00",
                                      "2026-11-30T10:00", ""]))


def datetime_ok(text: str) -> bool | None:
    parts = text.strip().split()
    if len(parts) != 2:
        return False
    ok = date_ok(parts[0])
    return (ok and time_ok(parts[1])) if ok is not False else False


def numbers():
    return st.one_of(st.sampled_from(BAD_NUMBERS), st.integers(-10 ** 30, 10 ** 30).map(str))


def int_in(low: int, high: int, arguable: int | None = None):
    """An oracle: valid between low and high; arguable up to `arguable` (in size)."""
    def ok(text: str) -> bool | None:
        t = text.strip()
        try:
            n = int(t)
        except ValueError:
            return False
        if not ASCII_INT.fullmatch(t):
            return None  # '5_000', '١٢': Python reads them; a person would not write them
        if low <= n <= high:
            return True
        return None if arguable is not None and abs(n) <= arguable else False
    return ok


def floats():
    return st.one_of(st.sampled_from(BAD_FLOATS),
                     st.floats(allow_nan=True, allow_infinity=True).map(repr))


def positive_float_ok(text: str) -> bool | None:
    try:
        x = float(text)
    except ValueError:
        return False
    if not math.isfinite(x) or x <= 0:
        return False
    return True if x < 1e6 else None


def texts():
    return st.one_of(TEXT, st.sampled_from(["", " ", "\t", "x" * 100_000, "‮reversed",
                                            "line\nbreak", "-", "--help", "'; DROP TABLE x"]))


def one_of_choices(choices):
    def ok(text: str) -> bool:
        return text in choices
    return ok


def choices_bad(choices):
    return st.one_of(TEXT, st.sampled_from(["", " ", *(c.upper() for c in choices),
                                            *(c + " " for c in choices)]))


def member_of(known, strip=True, upper=False):
    def ok(text: str) -> bool:
        t = text.strip() if strip else text
        return (t.upper() if upper else t) in known
    return ok


def person_in(people):
    """A person: a name, or the unique start of one (case-insensitive); not nothing."""
    def ok(text: str) -> bool:
        t = text.strip().lower()
        starts = [p for p in people if p.lower().startswith(t)]
        return bool(t) and (t in {p.lower() for p in people} or len(starts) == 1)
    return ok


def urns():
    return st.one_of(st.sampled_from(["²³⁴", "abc", "-1", "0", "99999999999999999999",
                                      "１９０００１", "190001.0", "", "190099"]),
                     st.integers(-10 ** 25, 10 ** 25).map(str), TEXT)


def searches():
    return st.one_of(TEXT, st.sampled_from([
        '"unbalanced', 'a"b"c"', "NEAR(plan review)", "plan NEAR/3 review", "plan AND", "OR",
        "AND AND", "NOT plan", "text:plan", "case_ref:EHC", "{text}: plan", "^plan", "*", "a*",
        "plan*review", "(plan", "plan)", "-plan", "+plan", "plan:", ":", "\\", "'", "%", "_",
        "éèê", "🙂 plan", "ﷺ", "\u200b", "plan\u0301", "ＰＬＡＮ", "\x7f", "\t\r\n"]))


def search_ok(text: str) -> bool | None:
    """Any text may be searched; a flood of terms or a huge query may be refused."""
    return None
