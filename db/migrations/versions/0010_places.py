"""places beyond GIAS: the base room, how a hand-added place was located, and the postcode
points of the imported GIAS file

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01
"""

from alembic import op
import sqlalchemy as sa


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # add_column, not batch: a batch copy of a table would drop the evidence FTS triggers
    op.add_column('setting', sa.Column('is_base', sa.Boolean(), nullable=False,
                                       server_default=sa.false()))
    op.add_column('setting', sa.Column('located_by', sa.String(), nullable=False,
                                       server_default=''))
    op.create_table(
        'postcode_point',
        sa.Column('inspection_id', sa.String(length=36), nullable=False),
        sa.Column('code', sa.String(length=8), nullable=False),
        sa.Column('easting', sa.Integer(), nullable=False),
        sa.Column('northing', sa.Integer(), nullable=False),
        sa.Column('establishments', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['inspection_id'], ['inspection.id']),
        sa.PrimaryKeyConstraint('inspection_id', 'code'),
    )


def downgrade() -> None:
    op.drop_table('postcode_point')
    with op.batch_alter_table('setting', schema=None) as batch_op:
        batch_op.drop_column('located_by')
        batch_op.drop_column('is_base')
