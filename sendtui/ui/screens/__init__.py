"""One screen per task; SCREENS maps the names the number keys use."""

from sendtui.ui.screens.area.people import PeopleScreen
from sendtui.ui.screens.area.settings import SettingsScreen
from sendtui.ui.screens.evidence import EvidenceScreen
from sendtui.ui.screens.lines.lines import LinesScreen
from sendtui.ui.screens.start.dashboard import DashboardScreen
from sendtui.ui.screens.week.week import WeekScreen

SCREENS = {
    "dashboard": DashboardScreen,
    "week": WeekScreen,
    "settings": SettingsScreen,
    "people": PeopleScreen,
    "lines": LinesScreen,
    "evidence": EvidenceScreen,
}
