"""Emails and UK phone numbers an invitation can use: one rule for the form and imports."""

import pytest

from sendtui.domain.contacts import contact_problems, email_problem, phone_problem


@pytest.mark.parametrize("email", [
    "", "helen.marsden@ofsted.example.gov.uk", "chair@wealdshirepcf.example.org",
    "o'brien+send@example.co.uk",
])
def test_usable_emails(email):
    assert email_problem(email) is None


@pytest.mark.parametrize("email", [
    "priya.example.org",        # no @
    "priya@",                   # no domain
    "@example.org",             # no name
    "priya@example",            # a domain without a dot
    "priya@.org",               # only a dot
    "priya shah@example.org",   # a space
    "priya@@example.org",       # two @
    "priya@example.org\t",      # a tab
])
def test_unusable_emails(email):
    assert email_problem(email) == ("an email needs a name, an @ and a domain, "
                                    "e.g. jo.bloggs@example.org")


@pytest.mark.parametrize("phone", [
    "", "   ", "01632 960001", "020 7946 0000", "0113 496 0000", "07700 900123",
    "01632960001", "(01632) 960-001", "+44 7700 900123", "+44 (0)20 7946 0000",
    "+447700900123", "0800 123456",  # ten digits
])
def test_usable_uk_phones(phone):
    assert phone_problem(phone) is None


@pytest.mark.parametrize("phone", [
    "01632 9604",           # too short
    "01632 960001 2",       # too long
    "1632 960001",          # no leading 0
    "+33 1 23 45 67 89",    # not the UK
    "07700 9OO123",         # letters
    "ext 4410",
    "０１６３２ ９６０００１",  # full-width digits
])
def test_unusable_uk_phones(phone):
    assert phone_problem(phone) == ("a UK phone number has 10 or 11 digits starting 0 or "
                                    "+44, e.g. 01632 960001")


def test_contact_problems_by_field():
    assert contact_problems("helen@example.org", "07700 900112") == {}
    assert set(contact_problems("helen", "12")) == {"email", "phone"}
