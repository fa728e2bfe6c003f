"""The plan after the report: the weaknesses the report named (2016: significant weaknesses;
2023: areas for priority action and areas for improvement), each with its actions; the
plan's versions (WSOA, APP, priority action plan) with their fitness decisions; the verdict
of a revisit or monitoring inspection per weakness; and the report-backs to scrutiny.

The words for a weakness are the framework's own judgement wording (templates.py): the
"concern" judgement names what must be put right first, the "development" one the rest.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sendtui.domain.actions import Progress, progress
from sendtui.domain.frameworks import FRAMEWORKS
from sendtui.errors import InvalidInput

PRIORITY, IMPROVEMENT = "priority", "improvement"
WEAKNESS_KINDS = {PRIORITY: "concern", IMPROVEMENT: "development"}  # -> judgement slug
# A revisit or a monitoring inspection looks again at the weaknesses of the report before
# it: their words are that report's framework's.
WORDS_FROM = {"revisit": "2016", "2023-monitoring": "2023"}
PLAN_KINDS = {"wsoa": "Written statement of action (WSOA)",
              "app": "Accelerated progress plan (APP)",
              "priority-action-plan": "Priority action plan"}
PLAN_SHORT = {"wsoa": "WSOA", "app": "APP", "priority-action-plan": "Priority action plan"}
FIRST_PLAN = {"2016": "wsoa", "revisit": "app", "2023": "priority-action-plan",
              "2023-monitoring": "priority-action-plan"}
VERDICTS = {"sufficient": "Sufficient progress", "not-sufficient": "Not sufficient progress"}
VERDICT_SHORT = {"sufficient": "Sufficient", "not-sufficient": "Insufficient"}
LONGEST_TITLE = 200
LONGEST_NOTE = 1000


def weakness_label(framework: str, kind: str) -> str:
    """"Significant weakness" (2016), "Area for priority action" or "Area for improvement"
    (2023): the framework's judgement wording for the kind."""
    slug = WORDS_FROM.get(framework, framework)
    words = dict(FRAMEWORKS[slug].judgements) if slug in FRAMEWORKS else {}
    judgement = WEAKNESS_KINDS.get(kind, "concern")
    return words.get(judgement, "Weakness")


def weakness_kinds(framework: str) -> dict[str, str]:
    """The kinds of weakness this framework's report names, with their words. A 2016 report
    names significant weaknesses only."""
    slug = WORDS_FROM.get(framework, framework)
    kinds = (PRIORITY,) if slug == "2016" else (PRIORITY, IMPROVEMENT)
    return {k: weakness_label(framework, k) for k in kinds}


def check_kind(framework: str, kind: str) -> str:
    if kind not in weakness_kinds(framework):
        raise InvalidInput(f"a weakness here is one of {', '.join(weakness_kinds(framework))}")
    return kind


def check_plan_kind(kind: str) -> str:
    if kind not in PLAN_KINDS:
        raise InvalidInput(f"a plan is one of {', '.join(PLAN_KINDS)}")
    return kind


def check_verdict(verdict: str) -> str:
    if verdict and verdict not in VERDICTS:
        raise InvalidInput("a verdict is sufficient, not-sufficient or none")
    return verdict


def tidy_title(text: str, what: str = "a weakness") -> str:
    tidy = " ".join(text.split())
    if not tidy:
        raise InvalidInput(f"{what} needs a title")
    if len(tidy) > LONGEST_TITLE:
        raise InvalidInput(f"{what}'s title is at most {LONGEST_TITLE} characters")
    return tidy


def tidy_note(text: str) -> str:
    tidy = text.strip()
    if len(tidy) > LONGEST_NOTE:
        raise InvalidInput(f"a note is at most {LONGEST_NOTE} characters")
    return tidy


def check_version_dates(submitted: dt.date | None, decided: dt.date | None,
                        resubmitted: dt.date | None) -> None:
    """A fitness decision follows the submission, a resubmission the decision."""
    if decided and submitted and decided < submitted:
        raise InvalidInput("the fitness decision comes after the plan was submitted")
    if resubmitted and decided and resubmitted < decided:
        raise InvalidInput("a plan is resubmitted after the fitness decision")
    if resubmitted and not decided:
        raise InvalidInput("a plan is resubmitted only after a fitness decision")


def fitness_short(decided: dt.date | None, fit: bool | None) -> str:
    return "Awaited" if decided is None else "Fit" if fit else "Not fit"


def fitness_words(decided: dt.date | None, fit: bool | None) -> str:
    if decided is None:
        return "awaiting a fitness decision"
    return "fit for purpose" if fit else "not fit for purpose"


@dataclass(frozen=True)
class WeaknessProgress:
    title: str
    label: str  # the framework's word for it
    progress: Progress
    verdict: str  # "", or a key of VERDICTS


def summary(weaknesses: list, framework: str, now: dt.datetime) -> list[WeaknessProgress]:
    """Per weakness (each with `.title`, `.kind`, `.verdict`, `.actions`): its progress."""
    return [WeaknessProgress(w.title, weakness_label(framework, w.kind),
                             progress(list(w.actions), now), w.verdict) for w in weaknesses]
