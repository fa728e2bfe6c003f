"""The rules an event keeps, whichever face it is typed in (each face words them its own way)."""

from __future__ import annotations

import datetime as dt

from sendtui.domain.kinds import event_kind_label

CLOSED_STATUSES = frozenset({"closed", "proposed to open"})  # GIAS establishment statuses


def visitable(status: str) -> bool:
    """A setting can be visited unless it is closed or not open yet."""
    return " ".join(status.split()).lower() not in CLOSED_STATUSES


def needs_setting(kind: str) -> bool:
    """A visit is always to a setting; other events may have one or not."""
    return kind == "visit"


def ends_after_start(start: dt.datetime, end: dt.datetime) -> bool:
    return end > start


# A visit's title says where: the setting's name without the words every school has.
LONG_WORDS = (("Church of England", "CofE"), ("C of E", "CofE"), ("Roman Catholic", "RC"),
              ("Voluntary Aided ", ""), ("Voluntary Controlled ", ""))
PHASE_WORDS = {"primary", "infant", "infants", "junior", "nursery", "first", "middle"}


def short_name(name: str) -> str:
    """"St Mary's Church of England Primary School" → "St Mary's CofE Primary";
    "Castle Hill School" and "Hollins Park Academy" stay as they are."""
    short = " ".join(name.split())
    for long, abbreviation in LONG_WORDS:
        short = _replace_words(short, long, abbreviation)
    words = short.split()
    if len(words) > 2 and words[-1].lower() == "school" and words[-2].lower() in PHASE_WORDS:
        words = words[:-1]
    return " ".join(words)


def _replace_words(text: str, long: str, abbreviation: str) -> str:
    at = text.lower().find(long.lower())
    while at >= 0:
        text = text[:at] + abbreviation + text[at + len(long):]
        at = text.lower().find(long.lower(), at + len(abbreviation) or 1)
    return " ".join(text.split())


def follows_setting(kind: str, title: str, setting_name: str | None) -> bool:
    """True while a visit's title is the default one (blank, the kind's label as stored
    before titles said where, or the setting's short name): it follows the setting."""
    said = " ".join(title.split()).lower()
    defaults = {"", event_kind_label(kind).lower()}
    if kind == "visit" and setting_name:
        defaults.add(short_name(setting_name).lower())
    return said in defaults


def title_of(kind: str, title: str, setting_name: str | None) -> str:
    """The title every face shows and every export writes: a visit's default title is its
    setting's short name ("Ashby Brook Primary", not "Setting visit"); a typed one is kept."""
    if kind == "visit" and setting_name and follows_setting(kind, title, setting_name):
        return short_name(setting_name)
    return " ".join(title.split()) or event_kind_label(kind)
