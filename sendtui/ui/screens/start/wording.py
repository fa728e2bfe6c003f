"""This inspection's outcome wording and the intervals that follow each outcome (W on the
dashboard): the template's by default, edited here when the covering letter says otherwise."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from sendtui.domain.frameworks import Framework
from sendtui.domain.outcomes import unit, wording_problems
from sendtui.domain.template_parts import REPORT
from sendtui.domain.words import sentence
from sendtui.ui.screens.common.form import FormScreen, Invalid, labelled


def label_field(code: str) -> str:
    return f"label-{code}"


def interval_field(code: str, key: str) -> str:
    return f"every-{code}-{key}"


class WordingForm(FormScreen):
    """Dismisses with (labels, intervals) for `store.outcomes.reword`; None when cancelled."""

    SCROLLS = True
    BOX = "form wide-form"

    def __init__(self, framework: Framework):
        super().__init__("Outcome wording and what follows")
        self.framework = framework

    def body(self) -> ComposeResult:
        yield Static("This inspection's own copy: the template is not changed, and the "
                     "dates that follow are recomputed. “The report”: the day the final report was "
                     "received, else published.", classes="hint", markup=False)
        for o in self.framework.outcomes:
            yield from labelled(label_field(o.code), f"Outcome {o.code}", o.label)
            for rule in o.follows:
                yield from labelled(interval_field(o.code, rule.key),
                                    f"  {rule.label}: {unit(rule)} after "
                                    f"{self.anchor_words(rule.anchor)}",
                                    str(rule.months or rule.offset))

    def anchor_words(self, anchor: str) -> str:
        if anchor == REPORT:
            return "the report"
        rules = (*self.framework.rules, *(r for o in self.framework.outcomes for r in o.follows))
        return next((r.label for r in rules if r.key == anchor), anchor)

    def check(self) -> tuple[dict[str, str], dict[tuple[str, str], str]]:
        values = self.values()
        labels = {o.code: values[label_field(o.code)] for o in self.framework.outcomes}
        intervals = {(o.code, r.key): values[interval_field(o.code, r.key)]
                     for o in self.framework.outcomes for r in o.follows}
        errors = wording_problems(self.framework, labels, intervals)
        if errors:
            raise Invalid({label_field(code) if not key else interval_field(code, key):
                           sentence(text) for (code, key), text in errors.items()})
        return labels, intervals
