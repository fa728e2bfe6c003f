"""One screen per task; SCREENS maps the names the number keys use."""

from sendtui.ui.screens.dashboard import DashboardScreen
from sendtui.ui.screens.evidence import EvidenceScreen
from sendtui.ui.screens.lines import LinesScreen
from sendtui.ui.screens.people import PeopleScreen
from sendtui.ui.screens.settings import SettingsScreen
from sendtui.ui.screens.week import WeekScreen

SCREENS = {
    "dashboard": DashboardScreen,
    "week": WeekScreen,
    "settings": SettingsScreen,
    "people": PeopleScreen,
    "lines": LinesScreen,
    "evidence": EvidenceScreen,
}
