"""How a line of enquiry's code and title are written."""

import pytest

from sendtui.domain.lines import is_line_code, tidy_line


def test_codes_are_capitals_and_titles_one_line():
    assert tidy_line("  x1 ", "  Transition at\n19   to 25 ") == ("X1", "Transition at 19 to 25")


@pytest.mark.parametrize("code, ok", [
    ("A1", True), ("X12", True), ("B", True), ("ABCDE6", True),
    ("", False), ("1X", False), ("X-1", False), ("X 1", False), ("ABCDEF7", False),
])
def test_a_code_is_a_letter_then_letters_or_digits(code, ok):
    assert is_line_code(code) is ok
