"""Findings in the evidence summary and the briefing pack: under their line, with their
security in words and the entries contradicting them; their text redacted as entries are."""

from __future__ import annotations

from dataclasses import replace

import pytest

from sendtui.exports import ExportRequest, render
from sendtui.store import findings, inspections, lines
from sendtui.store.briefing import gather
from tests.conftest import DEMO_TODAY
from tests.exports.conftest import docx_text
from tests.exports.stable import stable_briefing

STATEMENT = "Jamie Holt's plan (EHC-3107) leaves social care out."
HEAD = "Concern · secure: 4 entries from 3 source kinds · 2 contradicting"
REDACTED = "CYP-03's plan ([case ref withheld]) leaves social care out."
STRENGTH = "Plans are co-produced with young people."


@pytest.fixture
def briefing(demo_store):
    """B4 (EHC plans) with a concern backed by two case files, a visit and the LA's audit,
    which the two strengths on B4 contradict; and a strength on B1 with no backing."""
    ins = inspections.find(demo_store, None).id
    by_code = {x.code: x for x in lines.all(demo_store, ins)}
    on_b4 = findings.entries_on(demo_store, ins, by_code["B4"].id)
    chosen = [e.id for e in on_b4 if e.judgement != "strength" and (
        e.case_ref in ("EHC-3107", "EHC-2318") or e.setting_urn == "190018"
        or e.source == "document")]
    assert len(chosen) == 4
    findings.add(demo_store, ins, by_code["B4"].id, STATEMENT, "concern", chosen)
    findings.add(demo_store, ins, by_code["B1"].id, STRENGTH, "strength")
    return stable_briefing(gather(demo_store, ins, DEMO_TODAY))


def export(briefing, kind: str, fmt: str, include_sensitive: bool = False) -> str:
    data = render(briefing, ExportRequest(kind, fmt, include_sensitive=include_sensitive))
    return docx_text(data) if fmt == "docx" else data.decode("utf-8")


def test_markdown_lists_findings_under_their_line_before_the_entries(briefing):
    md = export(briefing, "evidence", "md")
    b4 = md.split("### B4 — ")[1].split("\n### ")[0]
    findings_part, entries_part = b4.split("#### Entries")
    assert f"- **{HEAD}**\n  {REDACTED}" in findings_part
    contra = [x for x in findings_part.splitlines() if "Contradicting:" in x]
    assert len(contra) == 2 and all(x.startswith("  - Contradicting: ") for x in contra)
    assert "the health section was current" in contra[0] and "Strength" in contra[0]
    assert "EHC-2440" not in md and "[case ref withheld]" in contra[0]
    assert "A strong plan" in contra[1]
    assert "Jamie Holt" not in md and "EHC-3107" not in md
    assert "A strong plan" in entries_part  # the entries are still all listed
    b1 = md.split("### B1 — ")[1].split("\n### ")[0]
    [on_b1] = [f for f in briefing.findings if f.line_code == "B1"]
    against_b1 = len(on_b1.contradicting)  # B1's areas for development
    assert against_b1 == 3
    assert (f"- **Strength · no evidence: 0 entries from 0 source kinds · {against_b1} "
            f"contradicting**\n  {STRENGTH}") in b1
    b2 = md.split("### B2 — ")[1].split("\n### ")[0]
    assert "#### Findings" not in b2  # a line without findings reads as before


def test_the_threshold_of_the_export_sets_security(briefing):
    md = export(replace(briefing, threshold=4), "evidence", "md")
    assert "Concern · corroborated: 4 entries from 3 source kinds · 2 contradicting" in md


@pytest.mark.parametrize("kind,fmt", [("evidence", "docx"), ("pack", "html"),
                                      ("pack", "docx")])
def test_other_formats_and_the_pack_carry_findings_redacted(briefing, kind, fmt):
    text = export(briefing, kind, fmt)
    assert HEAD in text
    said = REDACTED.replace("'", "&#x27;") if fmt == "html" else REDACTED
    assert said in text
    assert "Jamie Holt" not in text and "EHC-3107" not in text and "EHC-2440" not in text
    assert text.count("Contradicting: ") == 2 + 3  # B4's concern, B1's strength
    assert STRENGTH in text


@pytest.mark.parametrize("kind,fmt", [("evidence", "md"), ("pack", "html")])
def test_finding_text_kept_when_sensitive_data_is_included(briefing, kind, fmt):
    text = export(briefing, kind, fmt, include_sensitive=True)
    assert "Jamie Holt" in text and "EHC-3107" in text and "EHC-2440" in text


def test_the_csv_names_on_each_entry_the_findings_it_backs_or_contradicts(briefing):
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(export(briefing, "evidence", "csv").lstrip("\ufeff"))))
    b4 = [r for r in rows if r["line"] == "B4"]
    backs = [r for r in b4 if r["findings"].startswith("backs: ")]
    assert len(backs) == 4
    assert {r["findings"] for r in backs} == {f"backs: {REDACTED} (secure)"}
    against = [r for r in b4 if r["findings"].startswith("contradicts: ")]
    assert len(against) == 2 and all(r["judgement"] == "Strength" for r in against)
    assert sum("contradicts: " + STRENGTH in r["findings"] for r in rows) == 3
    assert not any("Jamie Holt" in r["findings"] or "EHC-3107" in r["findings"] for r in rows)
    assert [r["findings"] for r in rows if r["line"] == "B2"] == [""] * len(
        [r for r in rows if r["line"] == "B2"])
