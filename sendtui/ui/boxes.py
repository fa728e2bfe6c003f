"""The app's keys that open a box over whatever screen is up: help, capture, export,
import, the exchange with other laptops, the marked names, the profile, the inspection switcher; and the theme. Each box is
imported when first asked for (the first frame paints before the store modules load)."""

from __future__ import annotations


class OpensBoxes:
    """Mixed into SendApp."""

    def action_help(self) -> None:
        from sendtui.ui.screens.common.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.pop_screen()
            return
        self.push_screen(HelpScreen(self.screen))

    def action_capture(self) -> None:
        from sendtui.ui.screens.evidence.capture_open import open_capture

        open_capture(self)

    def action_switch_inspection(self) -> None:
        """The inspection switcher. Not from a form or a box (they are modal: the app's keys
        do not reach them), so switching never closes a form with changes."""
        from sendtui.ui.screens.start.switcher import InspectionSwitcher

        if self.store is None:  # the store failed to open: nothing to list
            self.bell()
            return
        self.push_screen(InspectionSwitcher())

    def action_export(self) -> None:
        from sendtui.ui.screens.export import open_export

        open_export(self)

    def action_import_files(self) -> None:
        from sendtui.ui.screens.setup.imports import open_import

        open_import(self)

    def action_exchange(self) -> None:
        from sendtui.ui.screens.exchange.screen import ExchangeScreen

        if self.inspection is None:
            self.bell()
            return
        if not isinstance(self.screen, ExchangeScreen):
            self.push_screen(ExchangeScreen())

    def action_marked_names(self) -> None:
        from sendtui.ui.screens.evidence.names import MarkedNamesScreen

        self.push_screen(MarkedNamesScreen())

    def action_profile(self) -> None:
        from sendtui.ui.screens.start.profile import ProfileScreen, open_profile

        if not isinstance(self.screen, ProfileScreen):
            open_profile(self)

    def ask_profile_once(self) -> None:
        from sendtui.ui.screens.start.profile import ask_once

        ask_once(self)

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.theme == "textual-dark" else "textual-dark"
