"""One screen per task; SCREENS maps the names the number keys use to where each screen is,
so that a screen's module (and the store modules it reads) loads when it is first shown."""

from __future__ import annotations

from importlib import import_module

SCREENS = {
    "dashboard": "sendtui.ui.screens.start.dashboard:DashboardScreen",
    "week": "sendtui.ui.screens.week.week:WeekScreen",
    "settings": "sendtui.ui.screens.area.settings:SettingsScreen",
    "people": "sendtui.ui.screens.area.people:PeopleScreen",
    "lines": "sendtui.ui.screens.lines.lines:LinesScreen",
    "evidence": "sendtui.ui.screens.evidence:EvidenceScreen",
    "requests": "sendtui.ui.screens.requests.requests:RequestsScreen",
    "children": "sendtui.ui.screens.children.children:ChildrenScreen",
    "plan": "sendtui.ui.screens.plan.plan:PlanScreen",
}


def screen_class(name: str) -> type:
    module, _, cls = SCREENS[name].partition(":")
    return getattr(import_module(module), cls)
