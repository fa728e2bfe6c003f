"""Tracked children and sampled cases (2023 framework, week 2; BRIEF §2.4 and §7).

Inspectors track up to six children and sample cases on a theme. For each, known here by
pseudonym only, the nominated officer asks for consent, uploads the documents within about
two working days of selection and invites the professionals from education, health and
social care to the tracking meeting. These rules say when that is late or incomplete, in
words; the store refuses what they refuse.
"""

from __future__ import annotations

import datetime as dt

from sendtui.domain.calendar import ENGLAND, parse_date
from sendtui.domain.clock import DAY_ENDS, london_to_utc, parse_london, to_london
from sendtui.domain.phase_checks import MOST_TRACKED
from sendtui.domain.words import shown
from sendtui.errors import InvalidInput

KINDS = {"tracked": "Tracked child", "sampled": "Sampled case"}
# "" is "not asked yet"; `c` on the Children screen goes round in this order.
CONSENT = {"": "not asked", "asked": "asked", "given": "given", "refused": "refused"}
SECTORS = {"education": "education", "health": "health", "social-care": "social care"}
DOCUMENTS_WITHIN = 2  # working days after selection (house rule: "about two")


def documents_due(selected_on: dt.date, days: int = DOCUMENTS_WITHIN) -> dt.datetime:
    """17:00 London time on the `days`-th working day after selection (UTC)."""
    return london_to_utc(ENGLAND.add(selected_on, days), DAY_ENDS)


def parse_due(text: str) -> dt.datetime:
    """`YYYY-MM-DD HH:MM` in London, or a date alone (17:00 that day), as UTC."""
    text = text.strip()
    if len(text.split()) == 1:
        return london_to_utc(parse_date(text), DAY_ENDS)
    return parse_london(text)


def next_consent(consent: str) -> str:
    order = list(CONSENT)
    return order[(order.index(consent) + 1) % len(order)] if consent in order else "asked"


def parse_sectors(text: str) -> tuple[str, ...]:
    """"education, health" → ("education", "health"), in the order of SECTORS; "social care"
    and "social-care" alike. InvalidInput naming a word that is not a sector."""
    wanted = set()
    for word in text.replace(";", ",").split(","):
        slug = "-".join(word.strip().lower().split())
        if not slug:
            continue
        if slug not in SECTORS:
            raise InvalidInput(f"{shown(word.strip())} is not a sector: education, health or "
                               "social care")
        wanted.add(slug)
    return tuple(s for s in SECTORS if s in wanted)


def missing_sectors(sectors) -> list[str]:
    """The sectors with no professional invited, as words."""
    return [label for slug, label in SECTORS.items() if slug not in sectors]


def check_room(kind: str, tracked: list[str]) -> None:
    """A new tracked child fits only while fewer than six are tracked (`tracked`: their
    pseudonyms); sampled cases are not counted."""
    if kind not in KINDS:
        raise InvalidInput(f"{shown(kind)} is not a kind: tracked or sampled")
    if kind == "tracked" and len(tracked) >= MOST_TRACKED:
        raise InvalidInput(f"inspectors track up to {MOST_TRACKED} children and "
                           f"{', '.join(tracked)} are tracked already: add this one as a "
                           "sampled case, or remove a tracked child first")


def consent_missing(child) -> bool:
    """Consent is neither given nor refused yet."""
    return child.consent in ("", "asked")


def documents_outstanding(child) -> bool:
    """The documents are still to upload (not needed once consent is refused)."""
    return child.documents_uploaded is None and child.consent != "refused"


def is_overdue(child, now: dt.datetime) -> bool:
    """The documents were due before `now` and are not uploaded."""
    return documents_outstanding(child) and child.documents_due < now


def due_on(child, day: dt.date) -> bool:
    """The documents are due on this London day and not uploaded."""
    return documents_outstanding(child) and to_london(child.documents_due).date() == day


def problems(child, now: dt.datetime) -> list[str]:
    """What needs doing for this child, in words (never the child's identity)."""
    found = []
    if child.consent == "":
        found.append("consent not asked yet")
    elif child.consent == "asked":
        found.append("consent asked, not given yet")
    elif child.consent == "refused":
        found.append("consent refused: tell the lead inspector")
    if is_overdue(child, now):
        found.append(f"documents overdue (due {due_words(child.documents_due)})")
    missing = missing_sectors(child.sectors)
    if missing:
        found.append(f"no {' or '.join(missing)} professional to invite")
    return found


def due_words(due: dt.datetime) -> str:
    """'Mon 23 Nov 17:00' in London."""
    local = to_london(due)
    return f"{local:%a} {local.day} {local:%b %H:%M}"
