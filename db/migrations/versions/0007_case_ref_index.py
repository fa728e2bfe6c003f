"""an index of the case references in use: the redactor reads them each time the capture box
opens, which was a scan of every entry (165 ms on 100,000)

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25
"""

from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_evidence_case_ref', 'evidence', ['inspection_id', 'case_ref'],
                    unique=False, sqlite_where=sa.text('case_ref IS NOT NULL'),
                    postgresql_where=sa.text('case_ref IS NOT NULL'))


def downgrade() -> None:
    op.drop_index('ix_evidence_case_ref', table_name='evidence')
