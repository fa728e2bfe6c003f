"""The four framework templates as data: phases, the event kinds of each phase, lines of
enquiry, judgement wording, outcomes and the dates that follow them.

Sources (`notes` and `Outcome.source` repeat them where a rule comes from):
- BRIEF §2.3 (2016: Ofsted/CQC slides 2017, "within 70 working days of receiving the final
  report"; Leicestershire 2020); §2.4 and §8.
- GOV.UK "Area SEND inspections: framework and handbook", updated 6 June 2025 ("H25"): the
  three-week model and the table of full inspection outcomes with what follows each
  (outcome wording as quoted by South Gloucestershire PCF, Sept 2025: monitoring inspection
  "usually 18 months from the date when the local area partnership receives its final full
  inspection report"; full inspection "usually within 3 years"; every area at least once in
  5 years). Paragraph numbers were not retrievable offline: check before relying on them.
- GOV.UK "Area SEND inspections: support and challenge following inspection", 16 May 2023
  ("SC23"): DfE and NHS England support and challenge rising across the 3 outcomes.
- Answer to PQ 6435, 27 May 2021: an APP's progress review "within at least 6 months" of the
  revisit report.
"""

from __future__ import annotations

from sendtui.domain.kinds import EVENT_KINDS
from sendtui.domain.template_parts import (
    NOTIFIED, PUBLISHED, RECEIVED, REPORT, DateRule, Framework, Line, Outcome, Phase)


def _lines(strand_rows: str) -> tuple[Line, ...]:
    rows = (r.split("|") for r in strand_rows.strip().splitlines())
    return tuple(Line(code.strip(), title.strip(), code.strip()[0]) for code, title in rows)


LINES_2016 = _lines("""
A1|Identification and assessment data set a baseline for targets across education, health, care and therapy
A2|The same data drives joint commissioning, forecasts demand and puts provision in place
A3|It shapes the planning of teaching and other support
A4|It is used to judge whether support works
B1|Engagement and co-production with children, young people and parents/carers
B2|Coordinated assessment across agencies; clear roles and accountability in joint commissioning
B3|Satisfaction of parents/carers and children and young people
B4|Suitability of EHC plans, including alignment with child-in-need and child-protection plans
B5|Local offer: development, accessibility, currency
B6|Planning suits children and young people on SEN support, not only those with plans
C1|Outcomes across education, health and care
C2|Accuracy of leaders' judgement of the area's impact
C3|The area understands its own effectiveness, including for particular groups
""")

LINES_2023 = _lines("""
E1|Needs are identified accurately and assessed in a timely and effective way
E2|Children, young people and families participate in decisions about their plans
E3|Children and young people receive the right help at the right time
E4|Children and young people are well prepared for their next steps and achieve strong outcomes
E5|Children and young people are valued, visible and included in their communities
L1|Leaders have an ambitious, shared strategy, informed by an accurate view of the area
L2|Leaders commission services jointly to meet needs and improve outcomes
L3|Leaders hold partners to account and evaluate the impact of their work
L4|Leaders oversee the quality of alternative provision
""")

LINES_REVISIT = _lines("""
W1|Progress against the first significant weakness in the written statement of action
W2|Progress against the second significant weakness in the written statement of action
""")

LINES_MONITORING = _lines("""
P1|Action taken on the first area for priority action
P2|Action taken on the second area for priority action
""")

ALL_VISITABLE = ("early-years", "primary", "secondary", "special", "further-education",
                 "independent", "alternative-provision")
CORE_AUDIENCES = ("parents-carers", "children-young-people", "sencos", "health-practitioners")

# 2016 and the revisit keep every event to the on-site days, as their week always did. In
# 2023 tracking and case sampling may run on into week 3; a meeting, keep-in-touch or the
# team meeting belongs to no phase: any day of the three weeks.
EVERY_KIND = tuple(EVENT_KINDS)
ON_SITE_KINDS_2023 = ("visit", "focus-group", "leaders-meeting", "pcf-meeting",
                      "case-file-review", "final-feedback", "tracking-meeting", "case-sampling")

NOTIFIED_RULE = DateRule("notified", "Notification call (day 1)", NOTIFIED)
PUBLISHED_RULE = DateRule("published", "Letter published", PUBLISHED)
RECEIVED_RULE = DateRule("report-received", "Final report received", RECEIVED)

# --- 2016 ----------------------------------------------------------------------------------

ON_SITE_2016 = DateRule("on-site", "On site (days 6–10)", NOTIFIED, offset=5, span=5)
WSOA_DUE = DateRule("wsoa-due", "Written statement of action due", REPORT, offset=70)
WSOA_REVIEW = DateRule("wsoa-review-due", "WSOA fitness decision due", "wsoa-due", offset=10)
WSOA_RESUBMIT = DateRule("wsoa-resubmission-due", "WSOA resubmission (if unfit)",
                         "wsoa-review-due", offset=20)
REVISIT_WINDOW = DateRule("revisit-window", "Revisit (about 18 months after acceptance)",
                          "wsoa-review-due", months=18)
FRAMEWORK_2016 = Framework(
    "2016", "Local area SEND inspection (2016)",
    rules=(NOTIFIED_RULE, ON_SITE_2016,
           DateRule("final-feedback", "Final feedback (day 10)", NOTIFIED, offset=9),
           RECEIVED_RULE, PUBLISHED_RULE),
    lines=LINES_2016, expected_setting_kinds=ALL_VISITABLE, expected_audiences=CORE_AUDIENCES,
    notes="Visits and focus groups on days 6–9; day 10 holds final feedback (BRIEF §2.3). "
          "WSOA due 70 working days after the final report is received, publication when "
          "that is unknown (2017 slides: 'within 70 working days of receiving the final "
          "report'); fitness decision +10; resubmission +20; revisit about 18 months after "
          "acceptance (BRIEF §2.3.6–7).",
    phases=(Phase("notice", "Notice (days 1–5)",
                  DateRule("notice", "Notice (days 1–5)", NOTIFIED, span=5)),
            Phase("on-site", "On site (days 6–10)", ON_SITE_2016,
                  kinds=EVERY_KIND)),
    judgements=(("strength", "Strength"), ("development", "Area for development"),
                ("concern", "Significant weakness")),
    outcomes=(
        Outcome("wsoa", "Written statement of action required",
                (WSOA_DUE, WSOA_REVIEW, WSOA_RESUBMIT, REVISIT_WINDOW), "BRIEF §2.3.6–7"),
        Outcome("no-wsoa", "No written statement of action", (), "BRIEF §2.3.4"),
    ),
    pending=(WSOA_DUE, WSOA_REVIEW),
    outcome_question="Was a written statement of action required?",
)

# --- 2023 and its monitoring inspection ----------------------------------------------------

SET_UP = DateRule("set-up", "Week 1: set-up and data request", NOTIFIED, span=5)
TRACKING = DateRule("tracking", "Week 2: tracking and case sampling", NOTIFIED, offset=5, span=5)
ON_SITE_2023 = DateRule("on-site", "Week 3: on-site fieldwork ending in final feedback",
                        NOTIFIED, offset=10, span=5)
SURVEYS = DateRule("surveys", "Surveys open (weeks 1–2)", NOTIFIED, span=10)  # to children
# and young people, parents and carers, and practitioners (H25; BRIEF §2.4)
PHASES_2023 = (
    Phase("set-up", SET_UP.label, SET_UP, kinds=("set-up-meeting",)),
    Phase("tracking", TRACKING.label, TRACKING, kinds=("tracking-meeting", "case-sampling")),
    Phase("on-site", ON_SITE_2023.label, ON_SITE_2023, kinds=ON_SITE_KINDS_2023),
)
JUDGEMENTS_2023 = (("strength", "Strength"), ("development", "Area for improvement"),
                   ("concern", "Area for priority action"))
OUTCOMES_SOURCE = ("H25, table of full inspection outcomes and subsequent activity "
                   "(June 2025 wording); SC23")
STRATEGIC_PLAN = DateRule("strategic-plan-update", "Strategic plan updated", REPORT, offset=30)
PRIORITY_PLAN = DateRule("priority-action-plan", "Priority action plan due", REPORT, offset=30)
MONITORING = DateRule("monitoring-inspection", "Monitoring inspection (about 18 months)", REPORT, months=18)


def _next_full(years: int, how: str = "usually within") -> DateRule:
    return DateRule("next-full-inspection", f"Next full inspection ({how} {years} years)",
                    REPORT, months=12 * years)


FRAMEWORK_2023 = Framework(
    "2023", "Area SEND inspection (2023)",
    rules=(DateRule("notified", "Notification (Monday)", NOTIFIED), SET_UP, SURVEYS, TRACKING,
           ON_SITE_2023, DateRule("final-feedback", "Final feedback", NOTIFIED, offset=14),
           RECEIVED_RULE, DateRule("published", "Report published", PUBLISHED)),
    lines=LINES_2023, expected_setting_kinds=ALL_VISITABLE, expected_audiences=CORE_AUDIENCES,
    notes="Notification on a Monday, then about three weeks (H25, 'the inspection model'; "
          "BRIEF §2.4): week 1 set-up and data request, surveys to children and young people, "
          "parents and carers and practitioners; week 2 tracking and case sampling; week 3 "
          "on-site fieldwork ending in final feedback. Offsets are a template: edit the key "
          "dates to match the notification letter. Plan deadlines (30 working days) are a "
          "template default not confirmed from the handbook's text: check the covering "
          "letter.",
    phases=PHASES_2023, judgements=JUDGEMENTS_2023,
    outcomes=(
        Outcome("1", "The local area partnership's SEND arrangements typically lead to "
                "positive experiences and outcomes for children and young people with SEND. "
                "The local area partnership is taking action where improvements are needed.",
                (_next_full(5),), OUTCOMES_SOURCE),
        Outcome("2", "The local area partnership's arrangements lead to inconsistent "
                "experiences and outcomes for children and young people with SEND. The local "
                "area partnership must work jointly to make improvements.",
                (STRATEGIC_PLAN, _next_full(3)), OUTCOMES_SOURCE),
        Outcome("3", "There are widespread and/or systemic failings leading to significant "
                "concerns about the experiences and outcomes of children and young people "
                "with SEND, which the local area partnership must address urgently.",
                (PRIORITY_PLAN, STRATEGIC_PLAN, MONITORING, _next_full(3)), OUTCOMES_SOURCE),
    ),
    pending=(DateRule("monitoring-inspection", "Monitoring inspection if outcome 3 (about)",
                      REPORT, months=18), _next_full(5, "at the latest")),
    outcome_question="Which outcome did the report give?",
)

FRAMEWORK_2023_MONITORING = Framework(
    "2023-monitoring", "Monitoring inspection after a 2023 outcome 3",
    rules=(DateRule("notified", "Notification (Monday)", NOTIFIED), SET_UP, TRACKING,
           ON_SITE_2023, DateRule("final-feedback", "Final feedback", NOTIFIED, offset=14),
           RECEIVED_RULE, DateRule("published", "Report published", PUBLISHED)),
    lines=LINES_MONITORING, expected_setting_kinds=ALL_VISITABLE,
    expected_audiences=CORE_AUDIENCES,
    notes="Usually 18 months after a full inspection with outcome 3; it looks at the action "
          "taken on the areas for priority action (H25). The three weeks mirror the full "
          "inspection: edit the key dates to match the notification letter.",
    phases=PHASES_2023, judgements=JUDGEMENTS_2023,
)

# --- 2016 revisit --------------------------------------------------------------------------

ON_SITE_REVISIT = DateRule("on-site", "On site (revisit: 2–4 days)", NOTIFIED, offset=10, span=3)
FRAMEWORK_REVISIT = Framework(
    "revisit", "Revisit of a written statement of action (2016)",
    rules=(DateRule("notified", "Notification call", NOTIFIED), ON_SITE_REVISIT,
           DateRule("final-feedback", "Final feedback (last day on site)", "on-site",
                    at_end=True),
           RECEIVED_RULE, PUBLISHED_RULE),
    lines=LINES_REVISIT,
    notes="10 working days' notice, 2–4 days on site depending on the number of weaknesses "
          "(edit the on-site dates: final feedback follows the last day), a letter about 33 "
          "days later (BRIEF §2.3.7). Per weakness: sufficient progress or not; not: an "
          "Accelerated Progress Plan monitored by the DfE (BRIEF §8; PQ 6435, 2021).",
    phases=(Phase("notice", "Notice (10 working days)",
                  DateRule("notice", "Notice (10 working days)", NOTIFIED, span=10)),
            Phase("on-site", ON_SITE_REVISIT.label, ON_SITE_REVISIT,
                  kinds=EVERY_KIND)),
    judgements=(("strength", "Progress"), ("development", "Area for development"),
                ("concern", "Concern")),
    outcomes=(
        Outcome("sufficient", "Sufficient progress in every significant weakness", (),
                "BRIEF §8"),
        Outcome("app", "Not sufficient progress in at least one weakness: an Accelerated "
                "Progress Plan (APP)",
                (DateRule("app-review", "APP progress review (about 6 months)", PUBLISHED, months=6),),
                "BRIEF §8; PQ 6435 (27 May 2021)"),
    ),
    outcome_question="Did every weakness show sufficient progress?",
)

TEMPLATES = (FRAMEWORK_2016, FRAMEWORK_2023, FRAMEWORK_REVISIT, FRAMEWORK_2023_MONITORING)
