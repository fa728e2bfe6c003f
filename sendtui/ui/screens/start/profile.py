"""Who uses this laptop (name and role): the author of the evidence captured on it. Kept in
the config folder (profile.toml), not in the store; asked once at first run, then `U`."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Input, Static

from sendtui.config import Profile, load_profile, save_profile
from sendtui.errors import ConfigError, InvalidInput
from sendtui.ui.screens.common.form import FormScreen, Invalid, labelled


class ProfileScreen(FormScreen):
    """Dismisses with the saved Profile, or None (escape)."""

    def __init__(self, profile: Profile, first_run: bool = False) -> None:
        super().__init__("Who is using this laptop?" if first_run else "Your profile")
        self.profile = profile
        self.first_run = first_run
        if first_run:
            self.HINT = ("enter: next field (saves from the last) · ctrl+s saves · escape: "
                         "not now (U asks again)")

    def body(self) -> ComposeResult:
        yield Static("Each evidence entry you capture records your name and role (By), in "
                     "the list and in exports. It is kept on this laptop, not in the store.",
                     classes="hint", markup=False)
        yield from labelled("name", "Name", self.profile.name)
        yield from labelled("role", "Role", self.profile.role)

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()

    def check(self) -> Profile:
        from sendtui.domain.words import plain_name, sentence

        values = self.values()
        errors = {}
        fields = {}
        for key, what in (("name", "the name"), ("role", "the role")):
            try:
                fields[key] = plain_name(values[key], what)
            except InvalidInput as exc:
                errors[key] = sentence(str(exc))
        if not errors and not fields["name"]:
            errors["name"] = "Give your name (escape if not now)."
        if errors:
            raise Invalid(errors)
        return Profile(fields["name"], fields["role"], True)

    def save(self, profile: Profile) -> None:
        try:
            save_profile(profile)
        except (ConfigError, InvalidInput, OSError) as exc:
            self.say(f"Not saved: {exc}")
            return
        self.dismiss(profile)


def ask_once(app) -> None:
    """At first run (no profile yet, never asked): the question, once. Escape skips it and
    it is not asked again; `U` opens the profile any time."""
    try:
        profile = load_profile()
    except ConfigError:
        return  # a broken file is the user's to mend: said when they open the profile
    if profile.asked or profile.name:
        return

    def answered(saved: Profile | None) -> None:
        if saved is None:
            try:
                save_profile(Profile(asked=True))
            except (ConfigError, OSError):
                pass  # asked again next time: nothing is lost
            app.notify("Not now: U sets your name and role whenever you like.")
        else:
            app.notify(f"Evidence you capture is now by {saved.author}.")

    app.push_screen(ProfileScreen(profile, first_run=True), answered)


def open_profile(app) -> None:
    """The profile form (`U`, or the palette's Profile)."""
    try:
        profile = load_profile()
    except ConfigError as exc:
        app.notify(f"{exc}: saving writes a new one.", severity="warning")
        profile = Profile()

    def saved(new: Profile | None) -> None:
        if new is not None:
            app.notify(f"Profile saved: evidence you capture is by {new.author}.")

    app.push_screen(ProfileScreen(profile), saved)
