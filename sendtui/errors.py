"""Which failures are the user's to fix (exit 2) and which mean the store is unusable (3)."""

from __future__ import annotations


def exit_code_for(exc: Exception) -> int | None:
    from sendtui.domain.calendar import CalendarError
    from sendtui.domain.clock import TimeError
    from sendtui.domain.frameworks import FrameworkError
    from sendtui.domain.search_query import QueryError
    from sendtui.exports import ExportError
    from sendtui.importers.csvfile import BadFile
    from sendtui.store.db import StoreError
    from sendtui.store.repo import Ambiguous, InvalidInput, NotFound

    if isinstance(exc, StoreError):
        return 3
    if isinstance(exc, (CalendarError, TimeError, FrameworkError, BadFile, NotFound, Ambiguous,
                        InvalidInput, QueryError, ExportError)):
        return 2
    from sqlalchemy.exc import DatabaseError, OperationalError

    if isinstance(exc, (OperationalError, DatabaseError)):
        return 3
    return None
