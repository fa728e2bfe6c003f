"""Records as rows for `sendtui list` (JSON keys are the contract in docs/cli.md)."""

from __future__ import annotations

from sendtui.domain.clock import format_london

# What `list` redacts unless --include-sensitive (and audits when it is given).
SENSITIVE = ("events", "evidence", "actions", "children")
KINDS = ("settings", "people", "events", "lines", "evidence", "actions", "children")


def text_shown(store, inspection_id: str, include_sensitive: bool):
    """Free text as printed: marked names and case references withheld unless asked for."""
    from sendtui.domain.redaction import keep
    from sendtui.store.names import redactor

    if include_sensitive:
        return keep
    return redactor(store, inspection_id).redact


def rows(store, inspection_id: str, what: str, include_sensitive: bool = False):
    from sendtui.store import events, evidence, lines, people, settings

    if what == "settings":
        return ([{"urn": s.urn, "name": s.name, "kind": s.kind, "postcode": s.postcode,
                  "status": s.status, "easting": s.easting, "northing": s.northing,
                  "id": s.id, "base": s.is_base, "located_by": s.located_by}
                 for s in settings.all(store, inspection_id)],
                ["urn", "name", "kind", "postcode", "status", "easting", "northing"])
    if what == "people":
        return ([{"name": p.name, "role": p.role, "organisation": p.organisation,
                  "email": p.email, "phone": p.phone, "team": p.is_team}
                 for p in people.all(store, inspection_id)],
                ["name", "role", "organisation", "email", "phone", "team"])
    if what == "events":
        redact = text_shown(store, inspection_id, include_sensitive)
        return ([{"id": e.id, "kind": e.kind, "title": redact(e.title),
                  "start": format_london(e.start), "end": format_london(e.end),
                  "setting_urn": e.setting_urn, "people": [redact(p) for p in e.people],
                  "location": redact(e.location), "notes": redact(e.notes),
                  "status": e.status}
                 for e in events.all(store, inspection_id)],
                ["id", "kind", "title", "start", "end", "setting_urn", "people", "status"])
    if what in ("actions", "children"):
        return trackers(store, inspection_id, what, text_shown(store, inspection_id,
                                                               include_sensitive))
    if what == "lines":
        return ([{"code": line.code, "title": line.title, "evidence": line.evidence_count,
                  "bespoke": line.is_bespoke} for line in lines.all(store, inspection_id)],
                ["code", "evidence", "bespoke", "title"])
    columns = ["id", "at", "line", "source", "setting_urn", "text"]
    entries = []
    redact = text_shown(store, inspection_id, include_sensitive)
    for e in evidence.all(store, inspection_id):
        row = {"id": e.id, "line": e.line_code, "source": e.source, "text": redact(e.text),
               "setting_urn": e.setting_urn, "at": format_london(e.at), "judgement": e.judgement}
        if include_sensitive:
            row["case_ref"] = e.case_ref
        entries.append(row)
    if include_sensitive:
        columns.insert(5, "case_ref")
    return entries, columns


def trackers(store, inspection_id: str, what: str, redact):
    """Actions, and tracked children and sampled cases (by pseudonym: a name or case
    reference is never listed, only revealed on the Children screen)."""
    from sendtui.store import actions, tracked

    if what == "actions":
        return ([{"id": a.id, "text": redact(a.text), "owner": a.owner,
                  "due": format_london(a.due_at) if a.due_at else None, "status": a.status,
                  "rag": a.rag, "source": a.source, "from": redact(a.source_title)}
                 for a in actions.all(store, inspection_id)],
                ["id", "text", "owner", "due", "status", "rag", "source"])
    return ([{"id": c.id, "pseudonym": c.pseudonym, "kind": c.kind,
              "selected_on": c.selected_on.isoformat(), "consent": c.consent or "not asked",
              "documents_due": format_london(c.documents_due),
              "documents_in": c.documents_uploaded.isoformat() if c.documents_uploaded else None,
              "sectors": list(c.sectors), "meeting": redact(c.event_title)}
             for c in tracked.all(store, inspection_id)],
            ["pseudonym", "kind", "selected_on", "consent", "documents_due", "documents_in",
             "sectors"])
