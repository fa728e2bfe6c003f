"""Findings on the Lines screen: a row under their line in the triangulation table (their
backing counted per source kind, their security in words), the highlighted one in full, and
the keys that add, edit and remove them (`FindingKeys`, mixed into the screen)."""

from __future__ import annotations

from rich.text import Text

from sendtui.domain import findings as rules
from sendtui.domain.clock import when
from sendtui.domain.kinds import JUDGEMENTS, SOURCE_KINDS
from sendtui.errors import InvalidInput, NotFound
from sendtui.records.findings import FindingRecord
from sendtui.store import findings

MARKS = {
    rules.Security.NONE: "✖", rules.Security.SINGLE: "▲", rules.Security.CORROBORATED: "▲",
    rules.Security.SECURE: "✓",
}
UNDER = " └"  # in the code column: the row belongs to the line above


def is_finding(thing) -> bool:
    return isinstance(thing, FindingRecord)


def by_source(finding: FindingRecord) -> dict[str, int]:
    counts: dict[str, int] = {}
    for source in finding.sources:
        counts[source] = counts.get(source, 0) + 1
    return counts


def security_cell(finding: FindingRecord, threshold: int) -> str:
    security = rules.security(finding.sources, threshold)
    return f"{MARKS[security]} {security}"


def entries(n: int) -> str:
    return f"{n} entr{'y' if n == 1 else 'ies'}"


def title_cell(finding: FindingRecord) -> str:
    """Polarity, backing and contradictions first (the statement may end in an ellipsis)."""
    against = len(finding.contradicting)
    parts = [JUDGEMENTS.get(finding.polarity, finding.polarity), entries(len(finding.backing))]
    if against:
        parts.append(f"{against} contradicting")
    return " · ".join(parts) + ": " + " ".join(finding.text.split())


def row(finding: FindingRecord, kinds: list[str], threshold: int) -> list[Text]:
    counts = by_source(finding)
    return [Text(UNDER),
            *(Text(str(counts[k]) if counts.get(k) else "·", justify="right") for k in kinds),
            Text(str(len(counts)), justify="center"),
            Text(security_cell(finding, threshold)),
            Text(title_cell(finding), no_wrap=True, overflow="ellipsis")]


def describe(finding: FindingRecord, threshold: int) -> str:
    """Three lines: how secure it is, what contradicts it, the statement (it may be cut:
    the form shows it whole)."""
    kinds = len(by_source(finding))
    head = (f"{finding.line_code} · {JUDGEMENTS.get(finding.polarity, '')} · "
            f"{rules.security(finding.sources, threshold)}: {entries(len(finding.backing))}, "
            f"{kinds} kind{'' if kinds == 1 else 's'}")
    missing = threshold - kinds
    if missing > 0:
        head += f", {missing} short of secure"
    against = "; ".join(f"{SOURCE_KINDS.get(e.source, e.source)} {when(e.at)}"
                        for e in finding.contradicting)
    return "\n".join([head, f"Contradicting: {against}" if against
                      else "Nothing contradicts it.", " ".join(finding.text.split())])


class FindingKeys:
    """`f` adds a finding on the highlighted line; the screen's `e` and `d` call
    `_edit_finding` and `_remove_finding` when a finding is highlighted."""

    def action_add_finding(self) -> None:
        from sendtui.ui.screens.lines.finding_form import FindingForm

        thing = self.selected()
        if thing is None:
            return
        line = self._line_of(thing)

        def save(result) -> None:
            if result:
                self._write_finding(lambda: findings.add(
                    self.store, self.inspection.id, line.id, *result),
                    f"Finding added on line {line.code}.")

        self.app.push_screen(FindingForm(line), save)

    def _edit_finding(self, finding) -> None:
        from sendtui.ui.screens.lines.finding_form import FindingForm

        def save(result) -> None:
            if result:
                self._write_finding(lambda: findings.edit(
                    self.store, self.inspection.id, finding.id, *result) or finding.id,
                    f"Finding on line {finding.line_code} saved.")

        self.app.push_screen(FindingForm(self._line_of(finding), finding), save)

    def _remove_finding(self, finding) -> None:
        from sendtui.ui.screens.common.confirm import ConfirmScreen

        def confirmed(yes: bool) -> None:
            if yes:
                self._write_finding(lambda: findings.remove(
                    self.store, self.inspection.id, finding.id) or finding.line_id,
                    f"Finding removed from line {finding.line_code}.")

        self.app.push_screen(ConfirmScreen(
            f"Remove this finding on line {finding.line_code}? Its evidence is kept."),
            confirmed)

    def _line_of(self, thing):
        if not is_finding(thing):
            return thing
        return next(line for line in self.lines if line.id == thing.line_id)

    def _write_finding(self, change, said: str) -> None:
        """`change` returns the id of the row the cursor goes to."""
        try:
            select = change()
        except (InvalidInput, NotFound) as exc:
            self.notify(str(exc), severity="error")
            return
        self.refresh_data(select=select)
        self.notify(said)
