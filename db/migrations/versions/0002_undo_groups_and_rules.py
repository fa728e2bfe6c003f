"""undo groups and per-inspection planning rules

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('change', schema=None) as batch_op:
        batch_op.add_column(sa.Column('group_id', sa.String(length=36), nullable=False,
                                      server_default=''))
        batch_op.add_column(sa.Column('seq', sa.Integer(), nullable=False, server_default='0'))
        batch_op.create_index('ix_change_group_id', ['group_id'], unique=False)
    with op.batch_alter_table('inspection', schema=None) as batch_op:
        batch_op.add_column(sa.Column('rules', sa.String(), nullable=False, server_default='{}'))
    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.create_index('ix_event_start', ['start'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.drop_index('ix_event_start')
    with op.batch_alter_table('inspection', schema=None) as batch_op:
        batch_op.drop_column('rules')
    with op.batch_alter_table('change', schema=None) as batch_op:
        batch_op.drop_index('ix_change_group_id')
        batch_op.drop_column('seq')
        batch_op.drop_column('group_id')
