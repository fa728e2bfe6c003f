"""tracked children and sampled cases (2023): the tracked_child table, a tracked child's
identity on its protected_name row (case_ref, born), and evidence captured against one

Revision ID: 0014
Revises: 0012
Create Date: 2026-12-10
"""

from alembic import op
import sqlalchemy as sa


revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'tracked_child',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.Column('updated_by', sa.String(length=36), nullable=False),
        sa.Column('hlc', sa.String(length=40), nullable=False),
        sa.Column('deleted_at', sa.DateTime(), nullable=True),
        sa.Column('inspection_id', sa.String(), nullable=False),
        sa.Column('kind', sa.String(), nullable=False),
        sa.Column('pseudonym', sa.String(), nullable=False),
        sa.Column('name_id', sa.String(), nullable=False),
        sa.Column('selected_on', sa.Date(), nullable=False),
        sa.Column('consent', sa.String(), nullable=False),
        sa.Column('consent_by', sa.String(), nullable=False),
        sa.Column('documents_due', sa.DateTime(), nullable=False),
        sa.Column('documents_uploaded', sa.Date(), nullable=True),
        sa.Column('sectors', sa.String(), nullable=False),
        sa.Column('professionals', sa.String(), nullable=False),
        sa.Column('event_id', sa.String(), nullable=True),
        sa.ForeignKeyConstraint(['inspection_id'], ['inspection.id']),
        sa.ForeignKeyConstraint(['name_id'], ['protected_name.id']),
        sa.ForeignKeyConstraint(['event_id'], ['event.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_tracked_child_inspection_id', 'tracked_child', ['inspection_id'],
                    unique=False)
    op.create_index('ix_tracked_child_name_id', 'tracked_child', ['name_id'], unique=False)
    # add_column, not batch: a batch copy of evidence would drop its FTS triggers
    op.add_column('protected_name', sa.Column('case_ref', sa.String(), nullable=True))
    op.add_column('protected_name', sa.Column('born', sa.Date(), nullable=True))
    op.add_column('evidence', sa.Column('tracked_child_id', sa.String(), nullable=True))
    op.create_index('ix_evidence_tracked_child_id', 'evidence', ['tracked_child_id'],
                    unique=False)


def downgrade() -> None:
    op.drop_index('ix_evidence_tracked_child_id', table_name='evidence')
    op.drop_column('evidence', 'tracked_child_id')
    op.drop_column('protected_name', 'born')
    op.drop_column('protected_name', 'case_ref')
    op.drop_table('tracked_child')
