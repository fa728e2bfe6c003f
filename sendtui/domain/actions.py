"""Actions: what someone must do by when. One model for the requests a lead inspector makes
at a keep-in-touch meeting, the team's own actions and the actions of the plan after the
report: text, owner, due, status, RAG (plan actions) and where it came from.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Protocol

from sendtui.domain.calendar import parse_date
from sendtui.domain.clock import DAY_ENDS, london_to_utc, parse_time, to_london
from sendtui.errors import InvalidInput

STATUSES = {"open": "Open", "in-progress": "In progress", "done": "Done",
            "dropped": "Dropped"}
FINISHED = ("done", "dropped")
RAGS = {"red": "Red", "amber": "Amber", "green": "Green"}  # "" : not rated
SOURCES = ("event", "evidence", "weakness")  # or none: a team action
LONGEST_TEXT = 500


class Due(Protocol):
    status: str
    due_at: dt.datetime | None


def is_overdue(item: Due, now: dt.datetime) -> bool:
    """Due before now and not finished (done or dropped actions are never overdue)."""
    return item.due_at is not None and item.status not in FINISHED and item.due_at < now


def is_due_today(item: Due, now: dt.datetime) -> bool:
    """Due later today (London) and not finished."""
    return (item.due_at is not None and item.status not in FINISHED
            and item.due_at >= now and to_london(item.due_at).date() == to_london(now).date())


def parse_due(text: str) -> dt.datetime | None:
    """`YYYY-MM-DD HH:MM` or `YYYY-MM-DD` (17:00) in London as a UTC instant; "" is none."""
    parts = text.strip().split()
    if not parts:
        return None
    if len(parts) > 2:
        raise InvalidInput("a due date is YYYY-MM-DD, or YYYY-MM-DD HH:MM")
    day = parse_date(parts[0])
    return london_to_utc(day, parse_time(parts[1]) if len(parts) == 2 else DAY_ENDS)


def format_due(due_at: dt.datetime | None) -> str:
    """As `parse_due` reads it: the time left out when it is the date-only 17:00."""
    if due_at is None:
        return ""
    local = to_london(due_at)
    return f"{local:%Y-%m-%d}" if local.time() == DAY_ENDS else f"{local:%Y-%m-%d %H:%M}"


def tidy_text(text: str) -> str:
    """One line of words; refused when empty or too long."""
    tidy = " ".join(text.split())
    if not tidy:
        raise InvalidInput("an action needs its text: what is to be done")
    if len(tidy) > LONGEST_TEXT:
        raise InvalidInput(f"an action is at most {LONGEST_TEXT} characters")
    return tidy


def check_status(status: str) -> str:
    if status not in STATUSES:
        raise InvalidInput(f"an action's status is one of {', '.join(STATUSES)}")
    return status


def check_rag(rag: str) -> str:
    rag = rag.strip().lower()
    if rag and rag not in RAGS:
        raise InvalidInput("a RAG rating is red, amber, green or none")
    return rag


def source_of(event_id: str | None, evidence_id: str | None,
              weakness_id: str | None) -> tuple[str, str] | None:
    """(kind, id) of where an action came from, or None; at most one source."""
    given = [(k, v) for k, v in zip(SOURCES, (event_id, evidence_id, weakness_id)) if v]
    if len(given) > 1:
        raise InvalidInput("an action comes from one event, evidence entry or weakness")
    return given[0] if given else None


def next_status(status: str) -> str:
    """The status the tick key gives: open → done, in progress → done, done → open."""
    return "open" if status in FINISHED else "done"


@dataclass(frozen=True)
class Progress:
    done: int
    total: int  # dropped actions count neither here nor in done
    rag: dict[str, int]  # red/amber/green/"" -> count among live actions
    overdue: int

    def words(self) -> str:
        rated = ", ".join(f"{self.rag[k]} {k}" for k in RAGS if self.rag.get(k))
        text = f"{self.done}/{self.total} done"
        text += f" · {rated}" if rated else ""
        return text + (f" · {self.overdue} overdue" if self.overdue else "")


def progress(actions: list, now: dt.datetime) -> Progress:
    """Done out of total (dropped ones left out), RAG counts and overdue, of some actions."""
    kept = [a for a in actions if a.status != "dropped"]
    rag = Counter(a.rag for a in kept)
    return Progress(sum(a.status == "done" for a in kept), len(kept),
                    {k: rag.get(k, 0) for k in (*RAGS, "")},
                    sum(is_overdue(a, now) for a in kept))
