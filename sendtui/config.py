"""Where things live: the default store, the shipped data folder. No I/O at import."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from sendtui.errors import BadFile, ConfigError
from sendtui.files import MB, read_input

APP_NAME = "sendtui"
DB_ENV = "SENDTUI_DB"
TODAY_ENV = "SENDTUI_TODAY"  # pretend today is this date (demos, screenshots, rehearsals)
CONFIG_CAP = 1 * MB


def data_folder() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def default_db_target() -> str:
    """`$SENDTUI_DB`, else sendtui.db in the user data folder."""
    return os.environ.get(DB_ENV) or str(data_folder() / "sendtui.db")


def today_pretended() -> bool:
    """Whether "today" is set by `$SENDTUI_TODAY` (a rehearsal: its morning, not the clock)."""
    return os.environ.get(TODAY_ENV) is not None


def today():
    """`$SENDTUI_TODAY` (YYYY-MM-DD; set but empty is a mistake), else today in London."""
    import datetime as dt

    from sendtui.domain.clock import london_today

    text = os.environ.get(TODAY_ENV)
    if text is None:
        return london_today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ConfigError(f"{TODAY_ENV} is not a date: give YYYY-MM-DD, or unset it") from None


def shipped_data() -> Path:
    """The `db/` folder: inside the wheel as sendtui/db, or beside the package in a checkout."""
    inside = Path(__file__).parent / "db"
    return inside if inside.is_dir() else Path(__file__).parent.parent / "db"


def config_file() -> Path:
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False) / "config.toml"


def profile_file() -> Path:
    """Who uses this laptop: beside config.toml, written by the app (config.toml is the
    user's own, never rewritten)."""
    return config_file().with_name("profile.toml")


@dataclass(frozen=True)
class Profile:
    """The laptop's user: the author of the evidence captured on it."""

    name: str = ""
    role: str = ""
    asked: bool = False  # the first-run question was shown (answered or skipped)

    @property
    def author(self) -> str:
        """What an entry records: "Priya Shah (HMI)", "Priya Shah", or "" when not given."""
        if not self.name:
            return ""
        return f"{self.name} ({self.role})" if self.role else self.name


def load_profile(path: Path | None = None) -> Profile:
    """The `[profile]` table of profile.toml (an empty profile when there is none)."""
    path = path or profile_file()
    table = _read(path).get("profile", {})
    if not isinstance(table, dict):
        table = {"name": None}
    name, role, asked = table.get("name", ""), table.get("role", ""), table.get("asked", False)
    if not (isinstance(name, str) and isinstance(role, str) and isinstance(asked, bool)):
        raise ConfigError(f"{path}: [profile] holds name = \"…\", role = \"…\", asked = true")
    return Profile(" ".join(name.split()), " ".join(role.split()), asked)


def save_profile(profile: Profile, path: Path | None = None) -> Path:
    """Write profile.toml (the folder made if need be), atomically; InvalidInput when the
    name or role is not one line of plain text."""
    from sendtui.domain.words import plain_name
    from sendtui.files import write_output

    path = path or profile_file()
    name, role = plain_name(profile.name, "the name"), plain_name(profile.role, "the role")
    text = (f"# Who uses this laptop: written by sendtui (Profile, key U)\n[profile]\n"
            f"name = {_toml_string(name)}\nrole = {_toml_string(role)}\n"
            f"asked = {'true' if profile.asked or name else 'false'}\n")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"{path.parent}: {_one_line(exc)}") from None
    return write_output(path, text.encode("utf-8"), force=True)


def device_file() -> Path:
    """This laptop's identity: beside profile.toml, written once by the app."""
    return config_file().with_name("device.toml")


@dataclass(frozen=True)
class Device:
    """This laptop, as every store it writes and every other laptop knows it.

    It lives in the config folder, not in a store, so that a copied store or a restored
    backup does not carry it off: two laptops never share an id, and one laptop keeps its
    own across all its store files. `name` is empty until the user gives one; `label` then
    says "<profile name>'s laptop", or the computer's name."""

    id: str
    name: str = ""

    def label(self, profile: Profile | None = None) -> str:
        import socket

        if self.name:
            return self.name
        try:
            who = (profile or load_profile()).name
        except ConfigError:  # the profile's own problem is told where it is used
            who = ""
        return f"{who}'s laptop" if who else (socket.gethostname().strip() or "This laptop")[:80]


def load_device(path: Path | None = None) -> Device:
    """This laptop's identity from device.toml, made (once) when there is none.

    A file that cannot be read is a ConfigError, never replaced: the id is what this
    laptop's earlier changes, its undo and other laptops know it by, so a new one would
    quietly split one laptop into two. The message says how to start afresh instead."""
    import uuid

    from sendtui.domain.words import plain_name
    from sendtui.errors import InvalidInput

    path = path or device_file()
    if not path.exists():
        return _made_device(path, Device(str(uuid.uuid4())))
    table = _read(path).get("device")
    fix = f"{path}: [device] holds id = \"<uuid>\", name = \"…\" (remove the file to start afresh)"
    if not isinstance(table, dict):
        raise ConfigError(fix)
    ident, name = table.get("id"), table.get("name", "")
    try:
        ident = str(uuid.UUID(ident)) if isinstance(ident, str) else None
    except ValueError:
        ident = None
    if ident is None or not isinstance(name, str):
        raise ConfigError(fix)
    try:
        return Device(ident, plain_name(name, "the laptop's name"))
    except InvalidInput as exc:
        raise ConfigError(f"{path}: {exc}") from None


def _made_device(path: Path, device: Device) -> Device:
    """Write device.toml unless another process just did (then theirs is this laptop's)."""
    import os
    import tempfile

    text = ("# This laptop, as other laptops see its changes: written once by sendtui.\n"
            "# Keep the id; the name may be changed (empty: \"<your name>'s laptop\").\n"
            f"[device]\nid = {_toml_string(device.id)}\nname = {_toml_string(device.name)}\n")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".device-", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(text.encode("utf-8"))
                fh.flush()
                os.fsync(fh.fileno())
            _link_new(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except FileExistsError:
        return load_device(path)
    except OSError as exc:
        raise ConfigError(f"{path}: {_one_line(exc)}") from None
    return device


def _link_new(tmp: str, path: Path) -> None:
    """Put the written file at `path` unless one is there (FileExistsError)."""
    import os

    try:
        os.link(tmp, path)  # never over another's, even one made a moment ago
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links: the small race is accepted
        if path.exists():
            raise FileExistsError(path) from None
        os.replace(tmp, path)


def _toml_string(text: str) -> str:
    """A TOML basic string: JSON's escapes are TOML's (\\", \\\\, \\uXXXX)."""
    import json

    return json.dumps(text, ensure_ascii=False)


def load_keymap(path: Path | None = None) -> dict[str, str]:
    """Key overrides from the `[keys]` table: binding id = "key[,key]"."""
    path = path or config_file()
    keys = _read(path).get("keys", {})
    if not isinstance(keys, dict) or not all(isinstance(v, str) for v in keys.values()):
        raise ConfigError(f"{path}: [keys] maps binding ids to key names, e.g. add-line = \"A\"")
    return keys


def load_closures(path: Path | None = None):
    """The user's own closure days from `[calendar] closures`: a list of dates
    (`closures = [2026-12-24, 2026-12-31]`) or a table of date = name. Working days skip
    them, as they skip bank holidays."""
    import datetime as dt

    path = path or config_file()
    closures = _read(path).get("calendar", {}).get("closures", [])
    if isinstance(closures, list):
        closures = {day: "Closure" for day in closures}
    if not isinstance(closures, dict):
        closures = {None: None}
    days = {}
    for day, name in closures.items():
        try:
            day = day if isinstance(day, dt.date) else dt.date.fromisoformat(day)
        except (TypeError, ValueError):
            day = None
        if type(day) is not dt.date or not isinstance(name, str):
            raise ConfigError(f"{path}: [calendar] closures are dates, e.g. closures = "
                              "[2026-12-24, 2026-12-31]")
        days[day] = name.strip() or "Closure"
    return days


def _read(path: Path) -> dict:
    """The config file as a table (empty when there is none)."""
    import tomllib

    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(read_input(path, CONFIG_CAP).decode("utf-8-sig"))
    except BadFile as exc:
        raise ConfigError(str(exc)) from None
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: {_one_line(exc)}") from None
    except RecursionError:
        raise ConfigError(f"{path}: nested too deeply to read") from None
    return data


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())
