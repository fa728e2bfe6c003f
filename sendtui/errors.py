"""Every failure a user can meet, in one place: theirs to fix (exit 2) or the store's (exit 3).

This module imports nothing of sendtui, so every layer may raise these.
"""

from __future__ import annotations


class UserError(ValueError):
    """Input that cannot be used; the message is one line for the user; nothing was changed."""


class NotFound(UserError, LookupError):
    """A name, code or id the user gave matches nothing."""


class Ambiguous(UserError, LookupError):
    """A reference that matches more than one thing."""


class InvalidInput(UserError):
    """Input the store refuses."""


class CalendarError(UserError):
    """A date calculation that cannot be made."""


class TimeError(UserError):
    """A time that cannot be read, or a London time that does not exist."""


class FrameworkError(UserError):
    """An unknown framework or a key date it does not have."""


class QueryError(UserError):
    """A search that cannot be run."""


class BadFile(UserError):
    """A file that cannot be imported; the message names where."""


class ExportError(UserError):
    """A request that cannot be met (unknown person, empty range, file exists)."""


class FileRefused(UserError):
    """A path that cannot be written to (a device, a folder, a link, an existing file)."""


class ConfigError(UserError):
    """A settings file that cannot be read."""


class StoreError(Exception):
    """The store cannot be used; the message is one line for the user (exit 3)."""


def exit_code_for(exc: Exception) -> int | None:
    """The command line's exit code for an expected failure; None for a bug."""
    if isinstance(exc, StoreError):
        return 3
    if isinstance(exc, UserError):
        return 2
    return None
