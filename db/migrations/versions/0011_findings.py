"""findings: a statement against a line of enquiry, and the evidence entries backing it

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07
"""

from alembic import op
import sqlalchemy as sa


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def _tracked() -> list[sa.Column]:
    return [
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.Column('updated_by', sa.String(length=36), nullable=False),
        sa.Column('hlc', sa.String(length=40), nullable=False),
        sa.Column('deleted_at', sa.DateTime(), nullable=True),
        sa.Column('inspection_id', sa.String(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        'finding', *_tracked(),
        sa.Column('line_id', sa.String(), nullable=False),
        sa.Column('text', sa.String(), nullable=False),
        sa.Column('polarity', sa.String(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['inspection_id'], ['inspection.id']),
        sa.ForeignKeyConstraint(['line_id'], ['line_of_enquiry.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_finding_inspection_id', 'finding', ['inspection_id'], unique=False)
    op.create_index('ix_finding_line_id', 'finding', ['line_id'], unique=False)
    op.create_table(
        'finding_evidence', *_tracked(),
        sa.Column('finding_id', sa.String(), nullable=False),
        sa.Column('evidence_id', sa.String(), nullable=False),
        sa.ForeignKeyConstraint(['inspection_id'], ['inspection.id']),
        sa.ForeignKeyConstraint(['finding_id'], ['finding.id']),
        sa.ForeignKeyConstraint(['evidence_id'], ['evidence.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    for column in ('inspection_id', 'finding_id', 'evidence_id'):
        op.create_index(f'ix_finding_evidence_{column}', 'finding_evidence', [column],
                        unique=False)


def downgrade() -> None:
    op.drop_table('finding_evidence')
    op.drop_table('finding')
