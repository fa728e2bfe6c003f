"""Emails and UK phone numbers: both end up in calendar invitations, so one rule says which
are usable. The person form refuses what this rule finds; an import warns and keeps the row."""

from __future__ import annotations

import re

EXAMPLE_EMAIL = "jo.bloggs@example.org"
EXAMPLE_PHONE = "01632 960001"
SEPARATORS = re.compile(r"[\s\-()]")  # what people put between the digits of a number
DIGITS = re.compile(r"[0-9]+")  # ASCII only


def email_problem(email: str) -> str | None:
    """What is wrong with the email ('' is no email: nothing wrong), or None."""
    if not email:
        return None
    local, _, domain = email.partition("@")
    dotted = "." in domain.strip(".")
    if "@" in domain or not local or not dotted or any(c.isspace() for c in email):
        return f"an email needs a name, an @ and a domain, e.g. {EXAMPLE_EMAIL}"
    return None


def phone_problem(phone: str) -> str | None:
    """What is wrong with the UK phone number ('' is no number: nothing wrong), or None.

    Usable: 10 or 11 digits starting 0, or the same after +44 (with or without the (0)),
    spaces, dashes and brackets allowed between them."""
    if not phone.strip():
        return None
    digits = SEPARATORS.sub("", phone)
    if digits.startswith("+44"):
        digits = "0" + digits[3:].removeprefix("0")
    if not DIGITS.fullmatch(digits) or not digits.startswith("0") or len(digits) not in (10, 11):
        return f"a UK phone number has 10 or 11 digits starting 0 or +44, e.g. {EXAMPLE_PHONE}"
    return None


def contact_problems(email: str, phone: str) -> dict[str, str]:
    """What is wrong with a person's email and phone, by field ({} when nothing is)."""
    found = {"email": email_problem(email), "phone": phone_problem(phone)}
    return {field: problem for field, problem in found.items() if problem}
