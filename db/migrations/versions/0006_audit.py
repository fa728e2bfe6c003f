"""audit log: every time identities leave the store (a sensitive export, names shown)

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25
"""

from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'audit',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.Column('updated_by', sa.String(length=36), nullable=False),
        sa.Column('hlc', sa.String(length=40), nullable=False),
        sa.Column('deleted_at', sa.DateTime(), nullable=True),
        sa.Column('inspection_id', sa.String(), nullable=False),
        sa.Column('action', sa.String(), nullable=False),
        sa.Column('detail', sa.String(), nullable=False),
        sa.ForeignKeyConstraint(['inspection_id'], ['inspection.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    with op.batch_alter_table('audit', schema=None) as batch_op:
        batch_op.create_index('ix_audit_inspection_id', ['inspection_id'], unique=False)


def downgrade() -> None:
    op.drop_table('audit')
