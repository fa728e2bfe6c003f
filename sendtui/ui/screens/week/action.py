"""`t` on the week: an action from the event under the cursor (a keep-in-touch meeting's
request, most often), with its owner and due; it shows on the Plan screen (9)."""

from __future__ import annotations

from sendtui.store import actions
from sendtui.ui.screens.plan.forms import ActionForm


class ActionFromEvent:
    """Mixed into WeekScreen (with EventChanges: `_event_or_say`, `_write`)."""

    def action_add_action(self) -> None:
        event = self._event_or_say("add an action from")
        if event is None:
            return
        store, inspection_id = self.store, self.inspection.id

        def add(details: dict) -> None:
            actions.add(store, inspection_id, event_id=event.id, **details)

        def save(details) -> None:
            if details:
                self._write(lambda: add(details),
                            "Action added: 9 shows the plan's actions (u undoes).", event.id)

        self.app.push_screen(ActionForm(f"An action from “{event.title}”", self.people,
                                        full=False), save)
