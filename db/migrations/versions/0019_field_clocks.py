"""field clocks: when each field of a row was last written, and by which laptop

Existing rows get a clock per field from the row's own stamp (its hlc, its laptop).

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-14
"""

from alembic import op
import sqlalchemy as sa


revision = '0019'
down_revision = '0018'
branch_labels = None
depends_on = None

BOOKKEEPING = {'id', 'updated_at', 'updated_by', 'hlc', 'text_plain'}  # text_plain: from text
UNCLOCKED = {'change', 'evidence_draft', 'erasure'}  # never leave the laptop, or never change


def upgrade() -> None:
    op.create_table(
        'field_clock',
        sa.Column('table_name', sa.String(), nullable=False),
        sa.Column('row_id', sa.String(length=36), nullable=False),
        sa.Column('field', sa.String(), nullable=False),
        sa.Column('hlc', sa.String(length=40), nullable=False),
        sa.Column('device_id', sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint('table_name', 'row_id', 'field'),
    )
    bind = op.get_bind()
    found = sa.inspect(bind)
    for table in found.get_table_names():
        columns = [c['name'] for c in found.get_columns(table)]
        if table in UNCLOCKED or 'hlc' not in columns or 'id' not in columns:
            continue
        for field in (c for c in columns if c not in BOOKKEEPING):
            bind.execute(sa.text(
                f'INSERT INTO field_clock (table_name, row_id, field, hlc, device_id) '
                f'SELECT :table, id, :field, hlc, updated_by FROM "{table}"'),
                {'table': table, 'field': field})


def downgrade() -> None:
    op.drop_table('field_clock')
