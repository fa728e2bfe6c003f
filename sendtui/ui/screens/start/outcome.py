"""What the report said (O on the dashboard): the outcome as the framework has it, and the
days the final report was received and published. The dates that follow are the store's."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from sendtui.domain.calendar import parse_date
from sendtui.domain.frameworks import Framework
from sendtui.domain.outcomes import Recorded
from sendtui.domain.words import sentence
from sendtui.errors import UserError
from sendtui.ui.screens.common.form import FormScreen, Invalid, labelled

YES, NO = ("yes", "y"), ("no", "n")


class OutcomeForm(FormScreen):
    """Dismisses with the keyword arguments of `store.outcomes.record`; None when cancelled."""

    def __init__(self, framework: Framework, now: Recorded, received, published):
        super().__init__("What the report said")
        self.framework, self.now = framework, now
        self.received, self.published = received, published

    def body(self) -> ComposeResult:
        slug = self.framework.slug
        if slug == "2023":
            yield Static("\n".join(f"{o.code}  {o.label}" for o in self.framework.outcomes),
                         classes="hint", markup=False)
            yield from labelled("outcome", "Outcome (1, 2 or 3)", self.now.outcome or "")
        elif slug == "2016":
            now = {"wsoa": "yes", "no-wsoa": "no"}.get(self.now.outcome or "", "")
            yield from labelled("wsoa", "Written statement of action required? (yes/no)", now)
        elif slug == "revisit":
            verdicts = dict(self.now.verdicts)
            for line in self.framework.lines:
                now = {True: "yes", False: "no"}.get(verdicts.get(line.code), "")
                yield from labelled(f"verdict-{line.code}",
                                    f"{line.code}: sufficient progress? (yes/no)", now)
        yield from labelled("received", "Final report received (YYYY-MM-DD)",
                            self.received.isoformat() if self.received else "")
        yield from labelled("published", "Published (YYYY-MM-DD)",
                            self.published.isoformat() if self.published else "")

    def check(self) -> dict:
        values, errors, result = self.values(), {}, {}
        for key in ("received", "published"):
            try:
                result[key] = parse_date(values[key]) if values[key].strip() else None
            except UserError as exc:
                errors[key] = sentence(str(exc))
        if "outcome" in values and values["outcome"].strip():
            result["outcome"] = values["outcome"].strip()
        if "wsoa" in values:
            result["wsoa"] = _yes_no(values["wsoa"], "wsoa", errors)
        verdicts = {key.removeprefix("verdict-"): _yes_no(text, key, errors)
                    for key, text in values.items() if key.startswith("verdict-")}
        if any(v is not None for v in verdicts.values()):
            if None in verdicts.values():
                errors[""] = "Give a verdict for every weakness."
            result["verdicts"] = verdicts
        if errors:
            raise Invalid(errors)
        return result


def _yes_no(text: str, key: str, errors: dict) -> bool | None:
    answer = text.strip().lower()
    if answer in YES:
        return True
    if answer in NO:
        return False
    if answer:
        errors[key] = "Answer yes or no."
    return None
