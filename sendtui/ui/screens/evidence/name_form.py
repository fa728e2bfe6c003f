"""Marking a name sensitive from the Marked names box (`a`): the name, and a pseudonym of the
user's own or the next CYP-NN."""

from __future__ import annotations

from textual.app import ComposeResult

from sendtui.errors import InvalidInput
from sendtui.ui.screens.common.form import FormScreen, Invalid, labelled


class MarkNameForm(FormScreen):
    """Marks the name itself on save (`store.names.add`, one undoable action); dismisses
    with the pseudonym given, or None."""

    HINT = ("enter: next field (marks the name from the last) · ctrl+s marks it · "
            "escape cancels")

    def __init__(self) -> None:
        super().__init__("Mark a name sensitive")

    def body(self) -> ComposeResult:
        yield from labelled("name", "Name (a child's or a parent's, as it is written)", "")
        yield from labelled("pseudonym", "Pseudonym (blank: the next CYP number)", "")

    def check(self) -> tuple[str, str]:
        values = self.values()
        name = " ".join(values["name"].split())
        if len(name) < 2:
            raise Invalid({"name": "Type the name to mark: at least two letters."})
        return name, values["pseudonym"].strip()

    def save(self, result: tuple[str, str]) -> None:
        from sendtui.store import names

        name, pseudonym = result
        try:
            marked = names.add(self.app.store, self.app.inspection.id, name, pseudonym or None)
        except InvalidInput as exc:
            self.say(str(exc).capitalize() + ".")
            return
        self.dismiss(marked.pseudonym)
