"""GIAS establishment type and phase → setting kind (BRIEF §5)."""

import csv

import pytest

from sendtui.domain.gias import setting_kind
from tests.conftest import FIXTURES

# URN: (kind, is_specialist) as BRIEF §5 maps the fixture's establishments.
EXPECTED = {
    "190001": ("primary", False),                 # Community school, Primary
    "190002": ("primary", False),                 # Voluntary aided school, Primary
    "190003": ("primary", False),                 # Academy sponsor led, Primary
    "190004": ("primary", False),
    "190005": ("secondary", False),               # Academy converter, Secondary
    "190006": ("secondary", False),               # Community school, Secondary
    "190007": ("secondary", False),               # Academy converter, All-through
    "190008": ("primary", False),                 # Community school, Middle deemed primary
    "190009": ("early-years", False),             # Local authority nursery school
    "190010": ("special", False),                 # Community special school
    "190011": ("special", False),                 # Academy special converter
    "190012": ("independent", True),              # Non-maintained special school
    "190013": ("independent", False),             # Other independent school
    "190014": ("independent", True),              # Other independent special school
    "190015": ("further-education", False),       # Further education, Not applicable
    "190016": ("further-education", False),       # Sixth form centres, 16 plus
    "190017": ("further-education", False),       # Special post 16 institution
    "190018": ("alternative-provision", False),   # Pupil referral unit
    "190019": ("primary", False),                 # closed, but still a primary school
    "190020": (None, False),                      # Children's centre: not a setting
    "190021": ("primary", False),                 # another LA's primary school
    "190022": ("primary", False),
}


def fixture_rows():
    with (FIXTURES / "gias_wealdshire.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def kind_of(row):
    low, high = row["StatutoryLowAge"], row["StatutoryHighAge"]
    return setting_kind(row["TypeOfEstablishment (name)"], row["PhaseOfEducation (name)"],
                        int(low) if low else None, int(high) if high else None)


@pytest.mark.parametrize("row", fixture_rows(), ids=lambda r: r["URN"])
def test_fixture_types_map_as_the_brief_says(row):
    result = kind_of(row)
    assert (result.kind, result.is_specialist) == EXPECTED[row["URN"]]
    assert result.known


def test_every_fixture_row_is_covered():
    assert {row["URN"] for row in fixture_rows()} == set(EXPECTED)


@pytest.mark.parametrize("type_name", [
    "LA nursery school", "Local authority nursery school", "la NURSERY school",
    "  Local  authority nursery school ",
])
def test_drifted_wording_and_case_still_match(type_name):
    result = setting_kind(type_name, "Not applicable")
    assert result.kind == "early-years" and result.known


def test_case_does_not_matter():
    assert setting_kind("COMMUNITY SPECIAL SCHOOL", "not applicable").kind == "special"
    assert setting_kind("community school", "SECONDARY").kind == "secondary"


def test_phase_nursery_makes_any_type_early_years():
    assert setting_kind("Academy converter", "Nursery").kind == "early-years"
    assert setting_kind("Community school", "nursery").kind == "early-years"


@pytest.mark.parametrize("low, high, kind", [
    (2, 5, "early-years"),
    (4, 11, "primary"),
    (11, 16, "secondary"),
    (4, 18, "secondary"),
    (16, 19, "further-education"),
])
def test_mainstream_with_phase_not_applicable_goes_by_age(low, high, kind):
    assert setting_kind("Community school", "Not applicable", low, high).kind == kind


def test_mainstream_with_no_phase_and_no_ages_is_other():
    result = setting_kind("Academy converter", "Not applicable")
    assert result.kind == "other" and not result.known


def test_secondary_only_types():
    assert setting_kind("University technical college", "Not applicable").kind == "secondary"
    assert setting_kind("Studio schools", "Secondary").kind == "secondary"


def test_unknown_type_falls_back_to_other():
    result = setting_kind("Floating school", "Primary")
    assert result.kind == "other"
    assert result.known is False
    assert "Floating school" in result.reason


@pytest.mark.parametrize("type_name", [
    "Welsh establishment", "British schools overseas", "Offshore schools"])
def test_not_visitable_types(type_name):
    result = setting_kind(type_name, "Primary")
    assert result.kind is None
    assert "not visitable" in result.reason


@pytest.mark.parametrize("type_name", ["Secure units", "Online provider", "Miscellaneous"])
def test_other_types(type_name):
    result = setting_kind(type_name, "Not applicable")
    assert result.kind == "other" and result.known


def test_a_non_maintained_special_school_is_not_called_independent():
    from sendtui.domain.gias import specialist_label

    assert specialist_label(" Non-maintained  special school") == "Non-maintained special school"
    assert specialist_label("Other independent special school") == "Independent special school"
