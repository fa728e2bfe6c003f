"""The vocabulary of the inspection: setting, event and source kinds, audiences, judgements.

Slugs are the command line's contract (docs/cli.md); labels are what the screens show.
"""

from __future__ import annotations

SETTING_KINDS: dict[str, str] = {
    "early-years": "Early years",
    "primary": "Primary",
    "secondary": "Secondary",
    "special": "Special school",
    "further-education": "Post-16",  # FE and sixth-form colleges, special post-16
    "independent": "Independent",
    "alternative-provision": "Alternative provision",
    "other": "Other",
}

# slug: (label, default minutes)
EVENT_KINDS: dict[str, tuple[str, int]] = {
    "visit": ("Setting visit", 180),
    "focus-group": ("Focus group", 75),
    "webinar": ("Parent/carer webinar", 60),
    "meeting": ("Meeting", 60),
    "case-file-review": ("Case file review", 150),
    "team-meeting": ("Team meeting", 45),
    "keep-in-touch": ("Keep-in-touch", 20),
    "final-feedback": ("Final feedback", 60),
    "set-up-meeting": ("Set-up meeting", 75),
    "tracking-meeting": ("Tracking meeting", 75),
    "case-sampling": ("Case sampling", 150),
    "leaders-meeting": ("Leaders' meeting", 60),
    "pcf-meeting": ("PCF meeting", 60),
    "other": ("Other", 60),
}

SOURCE_KINDS: dict[str, str] = {
    "document": "Document",
    "meeting": "Meeting",
    "focus-group": "Focus group",
    "visit": "Visit",
    "case-file": "Case file",
    "webinar": "Webinar",
    "survey": "Survey",
    "data": "Data",
    "tracking": "Tracking",
    "written-submission": "Written submission",  # parents' emails and letters
}

AUDIENCES: dict[str, str] = {
    "parents-carers": "Parents and carers",
    "children-young-people": "Children and young people",
    "sencos": "SENCOs",
    "headteachers": "Headteachers",
    "early-years": "Early years practitioners",
    "further-education": "FE staff",
    "health-practitioners": "Health practitioners",
    "social-care": "Social care practitioners",
    "caseworkers": "SEND caseworkers",
    "elected-members": "Elected members",
    "governors": "Governors",
}

JUDGEMENTS: dict[str, str] = {
    "strength": "Strength",
    "development": "Area for development",
    "concern": "Concern",
}

EVENT_STATUSES = ("planned", "confirmed", "cancelled")


def event_kind_label(slug: str) -> str:
    return EVENT_KINDS.get(slug, (slug, 0))[0]
