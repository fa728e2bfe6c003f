"""What the capture box needs, what it warns about, and how it writes the entry."""

from __future__ import annotations

import datetime as dt

from sendtui.domain.redaction import CASE_REF, Redactor

NEEDS = {"line": "a line of enquiry", "source": "a source", "text": "the text"}


FIELDS = ("text", "line", "source", "setting", "case_ref", "judgement", "tracked_child",
          "event")
# the source an event's kind gives the evidence taken at it
SOURCE_OF_EVENT = {"visit": "visit", "focus-group": "focus-group", "webinar": "webinar",
                   "meeting": "meeting", "leaders-meeting": "meeting", "pcf-meeting": "meeting",
                   "set-up-meeting": "meeting", "case-file-review": "case-file",
                   "case-sampling": "case-file", "tracking-meeting": "tracking"}


def start_fields(draft: dict[str, str], setting_id: str | None,
                 tracked_child: str | None = None, event=None) -> dict[str, str]:
    """The fields to start from: the draft's, else what the screen points at (the event
    under the week's cursor: its setting, the source its kind gives, the event itself; the
    setting highlighted), else the setting now. Opened on a tracked child: against that
    child, the source `tracking` unless the draft has one."""
    fields = {key: draft.get(key, "") for key in FIELDS}
    if not restored(fields):
        fields["setting"] = setting_id or ""
        if event is not None:
            fields["event"] = event.id
            fields["source"] = SOURCE_OF_EVENT.get(event.kind, "")
    if tracked_child:
        fields["tracked_child"] = tracked_child
        fields["source"] = fields["source"] or "tracking"
    return fields


def restored(draft: dict[str, str]) -> bool:
    return any(value.strip() for value in draft.values())


def happening_now(events, now: dt.datetime) -> str | None:
    """The setting of an event going on at `now` (not a cancelled one), if any."""
    return next((e.setting_id for e in events if e.start <= now < e.end
                 and e.status != "cancelled" and e.setting_id), None)


def with_typed(draft_text: str, typed: str) -> str:
    """The draft's text, then what was typed while it loaded on a line of its own."""
    return "\n".join(text for text in (draft_text, typed) if text)


def problems(fields: dict[str, str]) -> dict[str, str]:
    errors = {}
    if not fields["text"].strip():
        errors["text"] = "Write what you saw, read or heard."
    if not fields["line"]:
        errors["line"] = "Pick a line of enquiry: type its code or words, then enter."
    if not fields["source"]:
        errors["source"] = "Choose a source: d m f v c w s or a while Source is focused."
    return errors


def not_saved(keys: list[str]) -> str:
    """"Not saved: it needs a line of enquiry and a source." (line, source, text in order)."""
    missing = [NEEDS[key] for key in NEEDS if key in keys]
    return f"Not saved: it needs {and_(missing)}." if missing else ""


def sensitive_warning(redactor: Redactor, text: str) -> str:
    """A marked name or a case reference in the free text, said by pseudonym only."""
    found = redactor.mentions(text)
    names = [x for x in found if x != CASE_REF]
    parts = []
    if names:
        parts.append(f"The text names {and_(names)}: write the pseudonym instead.")
    if CASE_REF in found:
        parts.append("The text holds a case reference: put it in Case ref instead.")
    return " ".join(parts)


def author() -> str:
    """Who captures on this laptop (the profile), "" when not given or unreadable."""
    from sendtui.config import load_profile
    from sendtui.errors import ConfigError

    try:
        return load_profile().author
    except ConfigError:
        return ""


def save_entry(store, inspection_id: str, fields: dict[str, str], setting,
               draft_id: str | None, at: dt.datetime, by: str = "") -> None:
    """The entry and the end of its draft, all or nothing; LookupError when refused."""
    from sendtui.records import EvidenceRow
    from sendtui.store.evidence import add as add_evidence

    entry = EvidenceRow(
        at=at, line=fields["line"], source=fields["source"],
        text=fields["text"].strip(), setting_urn=setting.urn if setting else None,
        case_ref=fields["case_ref"].strip() or None, judgement=fields["judgement"] or None,
        author=by, setting_id=setting.id if setting else None,
        tracked_child_id=fields.get("tracked_child") or None,
        event_id=fields.get("event") or None)
    add_evidence(store, inspection_id, [entry], draft_id=draft_id)


def save_draft(store, inspection_id: str, fields: dict[str, str],
               draft_id: str | None) -> str:
    from sendtui.store import drafts

    return drafts.save_draft(store, inspection_id, fields, draft_id)


def and_(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
