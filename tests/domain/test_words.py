"""Messages from below the UI read as sentences on screen."""

import pytest

from sendtui.domain.words import sentence


@pytest.mark.parametrize("message, shown", [
    ("a person needs a name", "A person needs a name."),
    ("  that line no longer exists ", "That line no longer exists."),
    ("not a date: '2026-13-01'.", "Not a date: '2026-13-01'."),
    ("x", "X."),
    ("", ""),
    ("   ", ""),
])
def test_a_message_becomes_a_sentence(message, shown):
    assert sentence(message) == shown
