"""The conflicts list: evidence entries whose text was changed on two laptops at the same
time. The merge keeps the later text on the entry and the other as a version marked
`conflict` (`store.merge_fixes.keep_lost_texts`); a person settles each one here.

    open_conflicts(store, inspection_id) -> [Conflict]
    settle(store, inspection_id, version_id, keep, text=None) -> what was done, in words

`keep`: "entry" (the entry's text stays), "other" (the other text becomes the entry's),
"both" (the two, one after the other) or "edited" (`text`, typed from the two). A changed
text is saved as a correction (a new version); the conflict mark is a field like any, so a
settlement travels to the other laptops in the next bundle. `u` undoes it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sqlmodel import select

from sendtui.errors import InvalidInput, NotFound
from sendtui.store import field_clocks
from sendtui.store import models as m
from sendtui.store.evidence_corrections import correct, current_in
from sendtui.store.repo import Store
from sendtui.store.rows import live_row

KEEPS = ("entry", "other", "both", "edited")
SAID = {"entry": "kept the entry's text", "other": "kept the other text",
        "both": "kept both texts", "edited": "saved the text as edited"}


@dataclass(frozen=True)
class Conflict:
    version_id: str
    evidence_id: str
    line: str  # the entry's line of enquiry, by code
    entry_text: str  # the text the entry holds now (the later one)
    other_text: str  # the text that lost, kept as the version
    note: str  # "written on Kwame's laptop"
    saved_at: dt.datetime  # when the other text was written


def open_conflicts(store: Store, inspection_id: str) -> list[Conflict]:
    with store.session() as s:
        rows = s.exec(select(m.EvidenceVersion, m.Evidence, m.LineOfEnquiry)
                      .join(m.Evidence, m.Evidence.id == m.EvidenceVersion.evidence_id)
                      .join(m.LineOfEnquiry, m.LineOfEnquiry.id == m.Evidence.line_id)
                      .where(m.Evidence.inspection_id == inspection_id,
                             m.Evidence.deleted_at.is_(None),
                             m.EvidenceVersion.deleted_at.is_(None),
                             m.EvidenceVersion.conflict.is_(True))
                      .order_by(m.EvidenceVersion.saved_at, m.EvidenceVersion.id)).all()
        laptops = {d.id: d.name for d in s.exec(select(m.DeviceRow)).all()}
        return [Conflict(v.id, e.id, line.code, e.text, v.text, _written_on(s, v, laptops),
                         v.saved_at) for v, e, line in rows]


def _written_on(s, version: m.EvidenceVersion, laptops: dict[str, str]) -> str:
    clocks = field_clocks.of_row(s, "evidence_version", version.id)
    _, device = field_clocks.clock_of(clocks, "text", (version.hlc, version.updated_by))
    return f"written on {laptops.get(device) or 'another laptop'}"


def settle(store: Store, inspection_id: str, version_id: str, keep: str,
           text: str | None = None) -> str:
    """Settle one conflict (see the module's docstring); NotFound when it was settled or
    its entry removed meanwhile, InvalidInput for an empty edited text."""
    if keep not in KEEPS:
        raise InvalidInput(f"keep one of: {', '.join(KEEPS)}")
    if keep == "edited" and not (text or "").strip():
        raise InvalidInput("the entry needs some text")
    with store.session() as s:
        version = s.get(m.EvidenceVersion, version_id)
        if version is None or not version.conflict or version.deleted_at is not None:
            raise NotFound("that conflict has been settled already")
        entry = live_row(s, m.Evidence, version.evidence_id, inspection_id,
                         "that evidence entry")
        chosen = {"entry": entry.text, "other": version.text,
                  "both": f"{entry.text}\n\n{version.text}", "edited": text}[keep]
        if chosen != entry.text:
            correct(store, inspection_id, entry.id, replace(current_in(s, entry), text=chosen))
        with store.change(s, inspection_id, version, "settled a conflict"):
            version.conflict = False
    return SAID[keep]
