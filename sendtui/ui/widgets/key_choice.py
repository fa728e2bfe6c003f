"""One of a few options, each chosen by one key while focused: a source kind, a judgement.

The keys are bindings with ids (`source-visit`, `judgement-concern`), so config.toml can
change them and `?` lists them; the widget shows each option with its key as bound now.
"""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widget import Widget

from sendtui.domain.kinds import JUDGEMENTS, SOURCE_KINDS

SOURCE_KEYS = {"d": "document", "m": "meeting", "f": "focus-group", "v": "visit",
               "c": "case-file", "w": "webinar", "s": "survey", "a": "data",
               "t": "tracking", "e": "written-submission"}
JUDGEMENT_KEYS = {"1": "strength", "2": "development", "3": "concern"}


def choice_bindings(prefix: str, keys: dict[str, str], labels: dict[str, str]) -> list[Binding]:
    """A binding per option: `key` chooses `slug`, id `prefix-slug`, described by its label."""
    return [Binding(key, f"choose('{slug}')", labels[slug], id=f"{prefix}-{slug}", show=False)
            for key, slug in keys.items()]


class KeyChoice(Widget, can_focus=True):
    """The options in a row, the chosen one in reverse. Subclasses give the keys and labels."""

    DEFAULT_CSS = "KeyChoice { height: auto; }"
    PREFIX = ""  # of the binding ids
    KEYS: dict[str, str] = {}  # key -> slug, in the order shown
    LABELS: dict[str, str] = {}  # slug -> label

    class Changed(Message):
        def __init__(self, choice: "KeyChoice", value: str | None) -> None:
            super().__init__()
            self.choice = choice
            self.value = value

        @property
        def control(self) -> "KeyChoice":
            return self.choice

    def __init__(self, value: str | None = None, id: str | None = None) -> None:
        super().__init__(id=id)
        self.value = value if value in self.KEYS.values() else None
        self.width_given = 0  # by the last Resize (content_size would map the whole screen)

    def key_of(self, slug: str, default: str) -> str:
        """The key that chooses `slug` now: the default, or the one config.toml gives."""
        overrides = getattr(self.app, "key_overrides", None) or {}
        key = overrides.get(f"{self.PREFIX}-{slug}", default).split(",")[0].strip()
        return self.app.get_key_display(Binding(key, ""))

    def render(self) -> Text:
        items = []
        for key, slug in self.KEYS.items():
            key, label = self.key_of(slug, key), self.LABELS[slug]
            if slug == self.value:
                items.append(Text(f" {key} {label} ✓ ", style="reverse bold"))
            else:
                items.append(Text.assemble((key, "bold"), f" {label}"))
        if self.value is None:
            items.append(Text("(none chosen)", style="dim"))
        return self._packed(items)

    def _packed(self, items: list[Text]) -> Text:
        """Packed by hand so that no option is split across two lines."""
        width = self.width_given or 10_000
        text, used = Text(), 0
        for item in items:
            if used and used + 2 + item.cell_len > width:
                text.append("\n")
                used = 0
            elif used:
                text.append("  ")
                used += 2
            text.append_text(item)
            used += item.cell_len
        return text

    def on_resize(self, event) -> None:
        self.width_given = event.size.width
        self.refresh(layout=True)

    def on_key(self, event) -> None:
        # A stray letter or digit here must not quit or change screen: only the bound ones pass.
        if (event.character and event.character.isalnum()
                and event.key not in self.screen.active_bindings):
            self.app.bell()
            event.stop()
            event.prevent_default()

    def action_choose(self, slug: str) -> None:
        self.choose(slug or None)

    def choose(self, value: str | None) -> None:
        if value != self.value:
            self.value = value
            self.refresh(layout=True)
            self.post_message(self.Changed(self, value))


class SourceChoice(KeyChoice):
    """The kind of source, by one key: d m f v c w s a t e."""

    PREFIX = "source"
    KEYS = SOURCE_KEYS
    LABELS = SOURCE_KINDS
    BINDINGS = choice_bindings("source", SOURCE_KEYS, SOURCE_KINDS)


class JudgementChoice(KeyChoice):
    """Strength, area for development or concern by 1 2 3; 0 or backspace clears it."""

    PREFIX = "judgement"
    KEYS = JUDGEMENT_KEYS
    LABELS = JUDGEMENTS
    BINDINGS = [*choice_bindings("judgement", JUDGEMENT_KEYS, JUDGEMENTS),
                Binding("0,backspace,delete", "choose('')", "No judgement",
                        id="judgement-clear", show=False)]
