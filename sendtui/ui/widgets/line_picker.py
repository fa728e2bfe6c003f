"""A line of enquiry found by its code or words: type 'b5' or 'local offer', enter picks."""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message

from sendtui.domain.matching import fold
from sendtui.records import LineRecord
from sendtui.ui.widgets.pickers import TypeAhead


def line_label(line: LineRecord) -> str:
    return f"{line.code} {line.title}"


class LinePicker(TypeAhead):
    """One line of enquiry, found by its code or words (e.g. 'b5' or 'local offer')."""

    BINDINGS = [Binding("backspace", "unpick", "Clear line", id="line-clear")]
    PLACEHOLDER = "type a code or words, e.g. b5 or local offer"

    class Changed(Message):
        def __init__(self, picker: "LinePicker", code: str | None) -> None:
            super().__init__()
            self.picker = picker
            self.code = code

        @property
        def control(self) -> "LinePicker":
            return self.picker

    def __init__(self, lines: list[LineRecord], code: str | None = None,
                 id: str | None = None) -> None:
        super().__init__(id=id)
        self.offer(lines, code)

    def offer(self, lines: list[LineRecord], code: str | None = None) -> None:
        """The lines to find from and the one picked (a screen's data, once loaded)."""
        self.lines = lines
        self.by_code = {line.code.upper(): line for line in lines}
        self.code = code.upper() if code and code.upper() in self.by_code else None
        if self.is_mounted:
            self.query_input.placeholder = self.hint()
            self._show_picked()

    def on_mount(self) -> None:  # TypeAhead's on_mount runs too (Textual calls each)
        self.query_input.placeholder = self.hint()

    def hint(self) -> str:
        """The placeholder, with a code and words of the open inspection's own lines: "b5 or
        local offer" under the 2016 framework, "e1 or needs are" under 2023."""
        if not self.lines or "B5" in self.by_code:
            return self.PLACEHOLDER
        line = self.lines[0]
        words = " ".join(line.title.lower().split()[:2])
        return f"type a code or words, e.g. {line.code.lower()} or {words}"

    @property
    def line(self) -> LineRecord | None:
        return self.by_code.get(self.code) if self.code else None

    def candidates(self, query: str) -> list[tuple[str, str]]:
        query = fold(query)
        words = query.split()
        found = [line for line in self.lines
                 if all(w in fold(f"{line.code} {line.title}") for w in words)]
        found.sort(key=lambda line: not line.code.lower().startswith(query))
        return [(line.code.upper(), line_label(line)) for line in found]

    def pick(self, value_id: str) -> None:
        self.code = value_id
        self.post_message(self.Changed(self, value_id))

    def unpick(self) -> bool:
        if self.code is None:
            return False
        self.code = None
        self.post_message(self.Changed(self, None))
        return True

    def picked_text(self) -> str:
        return line_label(self.line) if self.line else ""
