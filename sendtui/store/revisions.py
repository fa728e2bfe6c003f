"""The schema revisions this sendtui knows, read from the migration scripts' file names:
alembic (with mako and pygments, ~60 ms) is imported only when a store must be upgraded."""

from __future__ import annotations

from functools import cache

from sendtui.config import shipped_data


@cache
def all_revisions() -> tuple[str, ...]:
    """Oldest first: `0001_initial_schema.py` is revision 0001 (tests/store/test_schema.py
    checks that alembic walks the same chain)."""
    scripts = (shipped_data() / "migrations" / "versions").glob("[0-9][0-9][0-9][0-9]_*.py")
    return tuple(sorted(p.name[:4] for p in scripts))


def head_revision() -> str:
    return all_revisions()[-1]


def known_revisions() -> set[str]:
    return set(all_revisions())
