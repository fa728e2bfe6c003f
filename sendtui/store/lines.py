"""Lines of enquiry: the framework's, and bespoke ones added, edited and retired."""

from __future__ import annotations

from sqlalchemy import func
from sqlmodel import Session, select

from sendtui.domain.keys import line_id
from sendtui.domain.lines import is_line_code, tidy_line
from sendtui.errors import InvalidInput
from sendtui.records import LineRecord
from sendtui.store import models as m
from sendtui.store.keys import natural
from sendtui.store.repo import Store
from sendtui.store.rows import live, live_row

GONE = "that line"


def all(store: Store, inspection_id: str,  # noqa: A001
        counted: bool = True) -> list[LineRecord]:
    """In the framework's order, each with its live evidence counted by source (unless not
    `counted`: a pass over the index, a few hundred ms at 1,000,000 entries)."""
    with store.session() as s:
        rows = s.exec(live(m.LineOfEnquiry, inspection_id)
                      .order_by(m.LineOfEnquiry.position, m.LineOfEnquiry.code)).all()
        counts = s.exec(counts_query(inspection_id)).all() if counted else []
        by_line: dict[str, dict[str, int]] = {}
        for line_id, source, n in counts:
            by_line.setdefault(line_id, {})[source] = n
        return [record(r, by_line.get(r.id, {})) for r in rows]


def counts_query(inspection_id: str):
    """Live entries per line and source: read from the index ix_evidence_counts alone."""
    return (select(m.Evidence.line_id, m.Evidence.source, func.count())
            .where(m.Evidence.inspection_id == inspection_id, m.Evidence.deleted_at.is_(None))
            .group_by(m.Evidence.line_id, m.Evidence.source))


def add(store: Store, inspection_id: str, code: str, title: str) -> LineRecord:
    """A bespoke line, after the others."""
    code, title = _checked(code, title)
    with store.session() as s:
        if _by_code(s, inspection_id, code):
            raise InvalidInput(f"line {code} already exists")
        last = s.exec(select(func.max(m.LineOfEnquiry.position)).where(
            m.LineOfEnquiry.inspection_id == inspection_id)).one() or 0
        row = store.insert(s, inspection_id, m.LineOfEnquiry(
            id=natural(s, m.LineOfEnquiry, line_id(inspection_id, code)),
            inspection_id=inspection_id, code=code, title=title, strand=code[0],
            is_bespoke=True, position=last + 1), f"line {code} added")
        return record(row, {})


def edit(store: Store, inspection_id: str, line_id: str, code: str, title: str) -> LineRecord:
    code, title = _checked(code, title)
    with store.session() as s:
        row = live_row(s, m.LineOfEnquiry, line_id, inspection_id, GONE)
        clash = _by_code(s, inspection_id, code)
        if clash and clash.id != line_id:
            raise InvalidInput(f"line {code} already exists")
        with store.change(s, inspection_id, row, f"line {code} edited"):
            row.code, row.title, row.strand = code, title, code[0]
        return record(row, {})


def remove(store: Store, inspection_id: str, line_id: str) -> None:
    """Retire a line: a tombstone; its evidence is kept."""
    with store.session() as s:
        row = live_row(s, m.LineOfEnquiry, line_id, inspection_id, GONE)
        store.tombstone(s, inspection_id, row, f"line {row.code} removed")


def record(r: m.LineOfEnquiry, by_source: dict[str, int]) -> LineRecord:
    return LineRecord(r.id, r.code, r.title, r.strand, r.is_bespoke, sum(by_source.values()),
                      dict(by_source))


def _checked(code: str, title: str) -> tuple[str, str]:
    code, title = tidy_line(code, title)
    if not is_line_code(code):
        raise InvalidInput("a line code is a letter then letters or digits, e.g. X1")
    if not title:
        raise InvalidInput("a line needs a title")
    return code, title


def _by_code(s: Session, inspection_id: str, code: str) -> m.LineOfEnquiry | None:
    return s.exec(live(m.LineOfEnquiry, inspection_id)
                  .where(func.upper(m.LineOfEnquiry.code) == code.upper())).first()
