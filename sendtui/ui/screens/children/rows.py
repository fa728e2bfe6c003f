"""How a tracked child or sampled case reads on the Children screen: its row and, under the
table, its details, problems and evidence. Free text goes through the redactor unless the
child's identity is shown."""

from __future__ import annotations

import datetime as dt

from sendtui.domain import tracking as rules
from sendtui.domain.clock import to_london, utc_now
from sendtui.domain.dates import clock, day, short_day
from sendtui.domain.redaction import Redact
from sendtui.records import Identity, TrackedChildRecord
from sendtui.ui.screens.common.columns import Column

# The day a child was picked is in the details too: its column goes first when narrow.
COLUMNS = [Column("Child", 6), Column("Kind", 7), Column("Picked", 6, optional=True),
           Column("Consent", 9), Column("Docs due", 11), Column("Docs in", 6),
           Column("Invite", 6), Column("Meeting", 12)]
DOCS_DUE = "Docs due"
LATE = "LATE "  # overdue is said in words as well as in red
SHORT_SECTORS = {"education": "E", "health": "H", "social-care": "SC"}


def now_at(today: dt.date) -> dt.datetime:
    """Now, or 09:00 London on the app's day when the clock was moved (SENDTUI_TODAY)."""
    from sendtui.domain.clock import london_to_utc, london_today

    return utc_now() if today == london_today() else london_to_utc(today, dt.time(9))


def when(instant: dt.datetime) -> str:
    """'23 Nov 17:00' in London."""
    local = to_london(instant)
    return f"{local.day} {local:%b} {clock(instant)}"


def due_cell(due: dt.datetime) -> str:
    """'23 Nov' when due at the usual 17:00, else '23 Nov 12:00'."""
    local = to_london(due)
    return f"{local.day} {local:%b}" + ("" if local.time() == rules.DAY_ENDS
                                        else f" {clock(due)}")


def cells(c: TrackedChildRecord, now: dt.datetime) -> list[str]:
    due = due_cell(c.documents_due)
    return [c.pseudonym, c.kind, f"{c.selected_on.day} {c.selected_on:%b}",
            rules.CONSENT[c.consent], (LATE + due) if rules.is_overdue(c, now) else due,
            f"{c.documents_uploaded.day} {c.documents_uploaded:%b}"
            if c.documents_uploaded else "—",
            " ".join(SHORT_SECTORS[s] for s in c.sectors) or "none",
            when(c.event_start) if c.event_start else "—"]


def describe(c: TrackedChildRecord, now: dt.datetime, redact: Redact,
             identity: Identity | None) -> str:
    """Six lines: the child, its documents and meeting, whom to invite, its problems, its
    evidence (newest first), its identity (shown or how to show it)."""
    by = f" by {redact(c.consent_by)}" if c.consent_by and c.consent in ("given", "refused") \
        else ""
    uploaded = f"uploaded {short_day(c.documents_uploaded)}" if c.documents_uploaded \
        else "not uploaded"
    meeting = (f"{redact(c.event_title)}, {short_day(to_london(c.event_start).date())} "
               f"{clock(c.event_start)}" if c.event_start else "no tracking meeting linked")
    invite = ", ".join(rules.SECTORS[s] for s in c.sectors) or "no sector yet"
    if c.professionals:
        invite += f" — {redact(c.professionals)}"
    problems = rules.problems(c, now)
    return "\n".join([
        f"{c.pseudonym} · {rules.KINDS[c.kind].lower()} · selected {day(c.selected_on)} · "
        f"consent {rules.CONSENT[c.consent]}{by}",
        f"Documents due {rules.due_words(c.documents_due)}, {uploaded} · {meeting}",
        f"Invite: {invite}",
        f"Problems: {'; '.join(problems)}" if problems else "No problems.",
        evidence_line(c, redact),
        identity_line(identity)])


def evidence_line(c: TrackedChildRecord, redact: Redact) -> str:
    if not c.entries:
        return "Evidence: none yet (n captures an entry for this child)"
    newest = c.entries[0]
    text = " ".join(redact(newest.text).split())
    count = f"{len(c.entries)} entr{'y' if len(c.entries) == 1 else 'ies'}"
    return f"Evidence: {count}, newest {when(newest.at)} {newest.line_code}: {text}"


def identity_line(identity: Identity | None) -> str:
    if identity is None:
        return "Name and case ref withheld: r shows them (the audit log notes it)"
    born = f" · born {day(identity.born)}" if identity.born else ""
    ref = f" · case ref {identity.case_ref}" if identity.case_ref else ""
    return f"SHOWN: {identity.name}{born}{ref} (r hides)"
