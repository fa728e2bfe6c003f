"""merge conflicts: an evidence text that lost to one written at the same time on another
laptop is kept as a version marked `conflict` until a person settles it

Revision ID: 0021
Revises: 0020
Create Date: 2026-11-30
"""

from alembic import op
import sqlalchemy as sa


revision = '0021'
down_revision = '0020'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # add_column, not batch: a batch copy of a table would drop the evidence FTS triggers
    op.add_column('evidence_version', sa.Column('conflict', sa.Boolean(), nullable=False,
                                                server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table('evidence_version', schema=None) as batch_op:
        batch_op.drop_column('conflict')
