"""The area's settings from GIAS and the places added by hand: counts per kind, a kind
filter, search, shortlist and visits, a place added (a health site, a nursery, the base room)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.reactive import reactive
from textual.widgets import Input

from sendtui.domain.kinds import SETTING_KINDS
from sendtui.domain.words import sentence
from sendtui.errors import InvalidInput, NotFound
from sendtui.records import SettingRecord
from sendtui.store import places, settings
from sendtui.ui.screens.area.place_form import PlaceForm
from sendtui.ui.screens.area.setting_rows import cells, describe, matches
from sendtui.ui.screens.common.columns import Column, fill
from sendtui.ui.screens.common.copy import copy_binding
from sendtui.ui.screens.common.list_screen import ListScreen, clear_search_binding, search_binding

COLUMNS = [Column("URN", 6), Column("Name", 16), Column("Kind", 10), Column("Postcode", 8),
           Column("Status", 4), Column("Marks", 11)]
MARK_WORDS = {"shortlisted": ("shortlisted", "taken off the shortlist"),
              "visited": ("marked visited", "no longer marked visited")}


class SettingsScreen(ListScreen):
    HEADING = "Settings"
    TABLE = "settings"
    COPIES = "setting"
    EMPTY = ("No settings yet: press i to import the GIAS extract, or a to add a place by "
             "hand.")
    BINDINGS = [
        search_binding("settings", "Find settings by name, URN or postcode as you type"),
        Binding("k", "next_kind", "Kind", id="settings-kind",
                tooltip="Show the next kind of setting; after the last, all kinds"),
        Binding("s", "mark('shortlisted')", "Shortlist", id="settings-shortlist",
                tooltip="Put the setting on the shortlist for visits, or take it off"),
        Binding("v", "mark('visited')", "Visited", id="settings-visited",
                tooltip="Mark the setting visited by hand, or not (a visit in the week that "
                        "has ended shows it visited anyway)"),
        Binding("b", "base", "Base", id="settings-base",
                tooltip="Make the setting the inspection's base room (travel is checked to "
                        "and from it), or not"),
        Binding("a", "add_place", "Add", id="settings-add-place",
                tooltip="Add a place GIAS does not list: a health or CAMHS site, a private "
                        "nursery or childminder, a short-breaks base, the base room"),
        Binding("i", "import_settings", "Import", id="settings-import", show=False,
                tooltip="Import the area's settings from a GIAS extract (a preview first)"),
        clear_search_binding("settings"),
        copy_binding("setting"),
    ]

    kind = reactive("", init=False)  # the kind of setting shown; "" shows every kind

    def __init__(self) -> None:
        super().__init__()
        self.settings: list[SettingRecord] = []
        self.shown: list[SettingRecord] = []

    def above_table(self) -> ComposeResult:
        yield self.search_box("/ searches names, URNs and postcodes")

    def listed(self) -> list[SettingRecord]:
        return self.shown

    def is_empty(self) -> bool:
        return not self.settings

    def read_in_thread(self) -> list[SettingRecord]:
        return settings.all(self.store, self.inspection.id, now=self.app.now())

    def loaded(self, data: list[SettingRecord], select: str | None = None) -> None:
        self.settings = data
        self.show(select)

    def show(self, select: str | None = None) -> None:
        """The table as filtered now, the cursor on `select`, else kept on the same setting
        if it is shown."""
        keep = self.selected()
        self.shown = [s for s in self.settings if matches(s, self.kind, self.search)]
        area = self.inspection.local_area
        every = {s.id: cells(s, area) for s in self.settings}
        self.width_shown = self.app.size.width
        fill(self.table, COLUMNS, [(s.id, every[s.id]) for s in self.shown], self.width_shown,
             sizing=list(every.values()))
        self.put_cursor(select or (keep.id if keep else None))
        self.show_summary()
        self.show_detail()

    def summary(self) -> str:
        counts = {k: sum(s.kind == k for s in self.settings) for k in SETTING_KINDS}
        by_kind = " · ".join(f"{SETTING_KINDS[k]} {n}" for k, n in counts.items() if n)
        what = SETTING_KINDS.get(self.kind, "all kinds")
        if self.search.strip():
            what += f" matching “{self.search.strip()}”"
        marks = (f"★ shortlisted {sum(s.shortlisted for s in self.settings)} · "
                 f"✓ visited {sum(s.is_visited for s in self.settings)}")
        return (f"{len(self.settings)} settings: {by_kind}\n"
                f"Showing {what}: {len(self.shown) or 'none'} of {len(self.settings)} · {marks}")

    def describe(self, setting: SettingRecord) -> str:
        return describe(setting, self.inspection.local_area)

    # --- keys -------------------------------------------------------------------------------

    @on(Input.Changed, "#settings-search")
    def _searched(self) -> None:
        self.show()
        self.refresh_bindings()

    @on(Input.Submitted, "#settings-search")
    def _search_done(self) -> None:
        self.table.focus()

    def action_clear_search(self) -> None:
        self.query_one("#settings-search", Input).value = ""
        self.table.focus()

    def action_next_kind(self) -> None:
        kinds = ["", *(k for k in SETTING_KINDS if any(s.kind == k for s in self.settings))]
        self.kind = kinds[(kinds.index(self.kind) + 1) % len(kinds)] if self.kind in kinds else ""

    def watch_kind(self) -> None:
        self.show()

    def action_mark(self, mark: str) -> None:
        setting = self.selected()
        if setting is None:
            self.app.bell()
            return
        if mark == "visited" and setting.visit_ended and not setting.visited:
            self.notify(f"{setting.name} shows as visited because its visit in the week has "
                        "ended: cancel or move the visit to take the mark off.")
            return
        marked = not getattr(setting, mark)
        try:
            settings.mark(self.store, self.inspection.id, setting.id, **{mark: marked})
        except NotFound as exc:  # removed meanwhile, e.g. by a merge
            self.notify(f"{setting.name}: {exc}.", severity="error")
        else:
            words = MARK_WORDS[mark][0 if marked else 1]
            still = " (still visited: its visit in the week has ended)" \
                if mark == "visited" and setting.visit_ended else ""
            self.notify(f"{setting.name} {words}{still}.")
        self.refresh_data()

    def action_base(self) -> None:
        setting = self.selected()
        if setting is None:
            self.app.bell()
            return
        try:
            places.make_base(self.store, self.inspection.id, setting.id, not setting.is_base)
        except NotFound as exc:
            self.notify(f"{setting.name}: {exc}.", severity="error")
        else:
            self.notify(f"{setting.name} is {'no longer ' if setting.is_base else ''}the base "
                        "room (u undoes).")
        self.refresh_data()

    def action_import_settings(self) -> None:
        from sendtui.ui.screens.setup.imports import open_import

        open_import(self.app, "settings")

    def action_add_place(self) -> None:
        def save(details: dict | None) -> None:
            if not details:
                return
            try:
                added = places.add(self.store, self.inspection.id, **details)
            except InvalidInput as exc:
                self.notify(sentence(str(exc)), severity="error")
                return
            self.kind = ""  # show every kind, so the new place is in the list
            self.query_one("#settings-search", Input).value = ""
            self.refresh_data(select=added.id)
            self.notify(f"{added.name} added" + (" as the base room." if added.is_base else "."))

        self.app.push_screen(PlaceForm(), save)
