"""no sample of free text in PostgreSQL's planner statistics: the columns that may hold
someone's words (and the text expressions of indexes) get statistics target 0, and what was
sampled of them before is deleted where this user may (see sendtui/store/server_statistics.py);
on SQLite nothing changes (its statistics, sqlite_stat1, hold counts, not values)

Revision ID: 0023
Revises: 0022
Create Date: 2026-11-30
"""

from alembic import op

from sendtui.store.server_statistics import unsampled

revision = '0023'
down_revision = '0022'
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        unsampled(op.get_bind())


def downgrade() -> None:
    pass  # a statistics target is no part of the schema a downgrade must give back
