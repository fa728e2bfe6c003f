"""evidence drafts (the capture box, kept until saved); evidence listed newest first by index

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'evidence_draft',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.Column('updated_by', sa.String(length=36), nullable=False),
        sa.Column('hlc', sa.String(length=40), nullable=False),
        sa.Column('deleted_at', sa.DateTime(), nullable=True),
        sa.Column('inspection_id', sa.String(), nullable=False),
        sa.Column('fields', sa.String(), nullable=False),
        sa.ForeignKeyConstraint(['inspection_id'], ['inspection.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    with op.batch_alter_table('evidence_draft', schema=None) as batch_op:
        batch_op.create_index('ix_evidence_draft_inspection_id', ['inspection_id'], unique=False)
    with op.batch_alter_table('evidence', schema=None) as batch_op:
        batch_op.create_index('ix_evidence_inspection_at', ['inspection_id', 'at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('evidence', schema=None) as batch_op:
        batch_op.drop_index('ix_evidence_inspection_at')
    op.drop_table('evidence_draft')
