"""Files for briefings: calendars, day sheets, the briefing pack, evidence summaries and the
plan after the report.

Every export is a pure function of a `Briefing` (read from the store in one go) and an
`ExportRequest`: same data, same bytes. `write` puts the bytes in place atomically; `run`
does a whole export (gather, render, write, audit) for the command line and the app.
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path

from sendtui.errors import ExportError
from sendtui.files import write_output

FORMATS: dict[str, tuple[str, ...]] = {
    "ics": ("ics",),
    "schedule": ("csv", "md", "html", "docx"),
    "evidence": ("md", "csv", "docx"),
    "pack": ("html", "docx"),
    "plan": ("docx", "csv", "md"),
}
LABELS = {"ics": "Calendar (.ics)", "schedule": "Day sheets", "evidence": "Evidence summary",
          "pack": "Briefing pack", "plan": "Plan after the report"}


@dataclass(frozen=True)
class ExportRequest:
    what: str  # a key of FORMATS
    fmt: str
    person: str | None = None  # a name or the start of one
    start: dt.date | None = None
    end: dt.date | None = None
    include_sensitive: bool = False
    with_deadlines: bool = False  # ics: requests, actions and the plan's dates as to-dos

    def __post_init__(self):
        if self.what not in FORMATS:
            raise ExportError(f"unknown export {self.what!r}: choose from {', '.join(FORMATS)}")
        if self.fmt not in FORMATS[self.what]:
            raise ExportError(f"{self.what} exports are {', '.join(FORMATS[self.what])}, "
                              f"not {self.fmt!r}")
        if self.start and self.end and self.end < self.start:
            raise ExportError(f"the range ends ({self.end}) before it starts ({self.start})")


def render(briefing, request: ExportRequest) -> bytes:
    """The file's bytes for this request."""
    from sendtui.exports import calendar, evidence_summary, pack, plan, sheets

    renderers = {"ics": calendar.render, "schedule": sheets.render,
                 "evidence": evidence_summary.render, "pack": pack.render,
                 "plan": plan.render}
    return renderers[request.what](briefing, request)


def default_name(inspection_area: str, request: ExportRequest) -> str:
    """A file name with no personal data in it: area, what, range or person-free."""
    area = "".join(c if c.isalnum() else "-" for c in inspection_area.lower()).strip("-")
    when = f"-{request.start:%Y%m%d}" if request.start else ""
    if request.end and request.end != request.start:
        when += f"-{request.end:%Y%m%d}"
    return f"{area}-{request.what}{when}.{request.fmt}"


def write(target: str | Path, data: bytes, overwrite: bool = False) -> Path | None:
    """Write atomically with mode 0600 (exports may name people); '-' writes to stdout.
    An existing regular file is replaced only when `overwrite` is true; a device, FIFO,
    socket, folder or link never is (see `sendtui.files`)."""
    if str(target) == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return None
    return write_output(target, data, force=overwrite)


# Last: runner.py imports the names above.
from sendtui.exports.runner import Exported, run  # noqa: E402, F401 - re-exported
