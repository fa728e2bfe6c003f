"""The form for a place GIAS does not list: a health site, a private nursery or childminder,
a short-breaks base, the inspection's base room."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Label, Select

from sendtui.domain.kinds import SETTING_KINDS
from sendtui.domain.places import place_problems
from sendtui.domain.words import sentence
from sendtui.ui.screens.common.form import FormScreen, Invalid, labelled

YES, NO = {"yes", "y"}, {"no", "n"}


class PlaceForm(FormScreen):
    """The result: the keyword arguments of `store.places.add`."""

    def __init__(self) -> None:
        super().__init__("Add a place not in GIAS")

    def body(self) -> ComposeResult:
        yield from labelled("name", "Name, e.g. Oak Lodge child development centre", "")
        yield Label("Kind (a health, CAMHS or social care site is Other)", id="kind-label")
        yield Select([(label, slug) for slug, label in SETTING_KINDS.items()], value="other",
                     allow_blank=False, id="kind", compact=True)
        for key, text, value in [
                ("postcode", "Postcode (puts it on the map without a grid reference)", ""),
                ("easting", "Easting in metres (optional)", ""),
                ("northing", "Northing in metres (optional)", ""),
                ("base", "This is our base room? yes or no", "no")]:
            yield from labelled(key, text, value)

    def check(self) -> dict:
        values = self.values()
        kind = self.query_one("#kind", Select).value
        problems = {key: sentence(text) for key, text in place_problems(
            values["name"], kind, values["postcode"], values["easting"],
            values["northing"]).items()}
        base = values["base"].strip().lower()
        if base not in YES | NO:
            problems["base"] = "Say yes or no: is this the inspection's base room?"
        if problems:
            raise Invalid(problems)
        return {"name": values["name"], "kind": kind, "postcode": values["postcode"],
                "easting": values["easting"], "northing": values["northing"],
                "is_base": base in YES}
