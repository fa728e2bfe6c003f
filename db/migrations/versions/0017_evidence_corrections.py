"""evidence corrections: each version says what changed besides the text ("line b5 → b3")

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-12
"""

from alembic import op
import sqlalchemy as sa


revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # add_column, not batch: a batch copy of a table would drop the evidence FTS triggers
    op.add_column('evidence_version', sa.Column('note', sa.String(), nullable=False,
                                                server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('evidence_version', schema=None) as batch_op:
        batch_op.drop_column('note')
