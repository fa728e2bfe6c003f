"""care of the data: erasure tombstones, a retention period, first-name matching of marked
names

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30
"""

from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # add_column, not batch: a batch copy of a table would drop the evidence FTS triggers
    op.add_column('inspection', sa.Column('retention_months', sa.Integer(), nullable=True))
    op.add_column('protected_name', sa.Column('is_child', sa.Boolean(), nullable=False,
                                              server_default=sa.true()))
    op.add_column('protected_name', sa.Column('match_first_name', sa.Boolean(),
                                              nullable=False, server_default=sa.true()))
    op.create_table(
        'erasure',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.Column('updated_by', sa.String(length=36), nullable=False),
        sa.Column('hlc', sa.String(length=40), nullable=False),
        sa.Column('deleted_at', sa.DateTime(), nullable=True),
        sa.Column('inspection_id', sa.String(length=36), nullable=False),
        sa.Column('table_name', sa.String(), nullable=False),
        sa.Column('row_id', sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_erasure_row', 'erasure', ['table_name', 'row_id'], unique=True)
    op.create_index('ix_erasure_inspection_id', 'erasure', ['inspection_id'])


def downgrade() -> None:
    op.drop_index('ix_erasure_inspection_id', table_name='erasure')
    op.drop_index('ix_erasure_row', table_name='erasure')
    op.drop_table('erasure')
    with op.batch_alter_table('protected_name', schema=None) as batch_op:
        batch_op.drop_column('match_first_name')
        batch_op.drop_column('is_child')
    with op.batch_alter_table('inspection', schema=None) as batch_op:
        batch_op.drop_column('retention_months')
