"""Every Markdown export ends with exactly one newline, whatever its last line holds."""

from __future__ import annotations

from dataclasses import replace

import pytest

from sendtui.exports import FORMATS, ExportRequest, render

MARKDOWN = [what for what, formats in FORMATS.items() if "md" in formats]


@pytest.mark.parametrize("what", MARKDOWN)
@pytest.mark.parametrize("sensitive", [False, True])
def test_ends_with_one_newline(briefing, what, sensitive):
    data = render(briefing, ExportRequest(what, "md", include_sensitive=sensitive))
    assert data.endswith(b"\n") and not data.endswith(b"\n\n")


def test_entries_ending_in_blank_lines_still_end_the_file_once(briefing):
    trailing = replace(briefing, evidence=tuple(replace(e, text=e.text + "\n  \n\n")
                                                for e in briefing.evidence))
    data = render(trailing, ExportRequest("evidence", "md"))
    assert data.endswith(b"\n") and not data.endswith(b"\n\n")


def test_an_empty_schedule_ends_once(briefing):
    data = render(replace(briefing, events=()), ExportRequest("schedule", "md"))
    assert data.endswith(b"\n") and not data.endswith(b"\n\n")
