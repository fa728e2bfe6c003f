"""outcomes: what the report said (the 2023 outcome, a 2016 WSOA, a revisit's verdicts) and
the template parts an inspection keeps (outcome labels and the intervals that follow them)

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01
"""

from alembic import op
import sqlalchemy as sa


revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # add_column, not batch: a batch copy of a table would drop the evidence FTS triggers.
    # An inspection made before this keeps '' as its template: the framework's own is used.
    op.add_column('inspection', sa.Column('outcome', sa.String(), nullable=False,
                                          server_default='{}'))
    op.add_column('inspection', sa.Column('template', sa.String(), nullable=False,
                                          server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('inspection', schema=None) as batch_op:
        batch_op.drop_column('template')
        batch_op.drop_column('outcome')
