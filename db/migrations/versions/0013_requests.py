"""requests: the information the inspectors asked the area for, with owner, due and status

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-08
"""

from alembic import op
import sqlalchemy as sa


revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'info_request',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.Column('updated_by', sa.String(length=36), nullable=False),
        sa.Column('hlc', sa.String(length=40), nullable=False),
        sa.Column('deleted_at', sa.DateTime(), nullable=True),
        sa.Column('inspection_id', sa.String(), nullable=False),
        sa.Column('title', sa.String(), nullable=False),
        sa.Column('kind', sa.String(), nullable=False),
        sa.Column('owner_id', sa.String(), nullable=True),
        sa.Column('due_at', sa.DateTime(), nullable=True),
        sa.Column('due_anchor', sa.String(), nullable=False),
        sa.Column('due_days', sa.Integer(), nullable=False),
        sa.Column('due_time', sa.String(), nullable=False),
        sa.Column('status', sa.String(), nullable=False),
        sa.Column('reason', sa.String(), nullable=False),
        sa.Column('where', sa.String(), nullable=False),
        sa.Column('notes', sa.String(), nullable=False),
        sa.ForeignKeyConstraint(['inspection_id'], ['inspection.id']),
        sa.ForeignKeyConstraint(['owner_id'], ['person.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_info_request_inspection_id', 'info_request', ['inspection_id'],
                    unique=False)


def downgrade() -> None:
    op.drop_table('info_request')
