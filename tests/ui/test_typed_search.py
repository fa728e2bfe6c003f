"""What is typed in the Settings search and the pickers finds names whatever their accents,
case and apostrophes ("sian" finds Siân, "St Mary's" finds St Mary’s)."""

import pytest

from sendtui.records import LineRecord, PersonRecord, SettingRecord
from sendtui.ui.screens.area.setting_rows import matches
from sendtui.ui.widgets.line_picker import LinePicker
from sendtui.ui.widgets.pickers import PeoplePicker, SettingPicker

SETTINGS = [SettingRecord("s1", "100001", "St Mary’s CE Primary School", "primary", "WD1 2AB"),
            SettingRecord("s2", "100002", "Ysgol Glan Gŵyr", "primary", "WD3 4CD"),
            SettingRecord("s3", "100003", "Meadowbank School", "special", "WD6 4PP")]
PEOPLE = [PersonRecord("p1", "Siân Jones", "Head of SEND", "Wealdshire"),
          PersonRecord("p2", "Łukasz Nowak", "Data officer", "Wealdshire"),
          PersonRecord("p3", "Priya Shah", "HMI", "Ofsted", is_team=True)]


@pytest.mark.parametrize("typed, found", [
    ("St Mary's", ["s1"]), ("st marys", ["s1"]), ("ST MARY’S", ["s1"]), ("st mary`s", ["s1"]),
    ("glan gwyr", ["s2"]), ("wd64pp", ["s3"]), ("100002", ["s2"]), ("", ["s1", "s2", "s3"]),
])
def test_the_settings_search(typed, found):
    assert [s.id for s in SETTINGS if matches(s, "", typed)] == found


@pytest.mark.parametrize("typed, found", [("sian", ["p1"]), ("lukasz", ["p2"]),
                                          ("wealdshire", ["p1", "p2"]), ("siobhan", [])])
def test_the_people_picker(typed, found):
    picker = PeoplePicker(PEOPLE)
    assert [i for i, _ in picker.candidates(typed)] == found


def test_the_setting_picker():
    picker = SettingPicker(SETTINGS)
    assert [i for i, _ in picker.candidates("st mary's")] == ["s1"]


def test_the_line_picker():
    lines = [LineRecord("l1", "E1", "Children’s voice is heard", "e", False),
             LineRecord("l2", "E2", "Écoles and settings work together", "e", False)]
    picker = LinePicker(lines)
    assert [c for c, _ in picker.candidates("children's")] == ["E1"]
    assert [c for c, _ in picker.candidates("ecoles")] == ["E2"]
