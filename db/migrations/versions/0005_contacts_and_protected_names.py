"""setting contacts (telephone, head) for day sheets; names marked sensitive for redaction

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25
"""

from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('setting', schema=None) as batch_op:
        batch_op.add_column(sa.Column('phone', sa.String(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('head', sa.String(), nullable=False, server_default=''))
    op.create_table(
        'protected_name',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.Column('updated_by', sa.String(length=36), nullable=False),
        sa.Column('hlc', sa.String(length=40), nullable=False),
        sa.Column('deleted_at', sa.DateTime(), nullable=True),
        sa.Column('inspection_id', sa.String(), nullable=False),
        sa.Column('name', sa.String(), nullable=False),
        sa.Column('pseudonym', sa.String(), nullable=False),
        sa.ForeignKeyConstraint(['inspection_id'], ['inspection.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    with op.batch_alter_table('protected_name', schema=None) as batch_op:
        batch_op.create_index('ix_protected_name_inspection_id', ['inspection_id'], unique=False)


def downgrade() -> None:
    op.drop_table('protected_name')
    with op.batch_alter_table('setting', schema=None) as batch_op:
        batch_op.drop_column('head')
        batch_op.drop_column('phone')
