"""actions and the plan after the report: actions (keep-in-touch requests, team actions,
plan actions), the report's weaknesses, the plan's versions and report-backs to scrutiny

Revision ID: 0015
Revises: 0012
Create Date: 2026-12-10
"""

from alembic import op
import sqlalchemy as sa


revision = '0015'
down_revision = '0014'
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


def _owned(name: str, *columns, keys=()) -> None:
    op.create_table(
        name, *_tracked(), *columns,
        sa.ForeignKeyConstraint(['inspection_id'], ['inspection.id']),
        *(sa.ForeignKeyConstraint([column], [target]) for column, target in keys),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index(f'ix_{name}_inspection_id', name, ['inspection_id'], unique=False)


def upgrade() -> None:
    _owned('weakness',
           sa.Column('kind', sa.String(), nullable=False),
           sa.Column('title', sa.String(), nullable=False),
           sa.Column('position', sa.Integer(), nullable=False),
           sa.Column('verdict', sa.String(), nullable=False),
           sa.Column('verdict_on', sa.Date(), nullable=True))
    _owned('action',
           sa.Column('text', sa.String(), nullable=False),
           sa.Column('owner_id', sa.String(), nullable=True),
           sa.Column('due_at', sa.DateTime(), nullable=True),
           sa.Column('status', sa.String(), nullable=False),
           sa.Column('rag', sa.String(), nullable=False),
           sa.Column('event_id', sa.String(), nullable=True),
           sa.Column('evidence_id', sa.String(), nullable=True),
           sa.Column('weakness_id', sa.String(), nullable=True),
           sa.Column('created_at', sa.DateTime(), nullable=False),
           keys=[('owner_id', 'person.id'), ('event_id', 'event.id'),
                 ('evidence_id', 'evidence.id'), ('weakness_id', 'weakness.id')])
    op.create_index('ix_action_weakness_id', 'action', ['weakness_id'], unique=False)
    _owned('plan_version',
           sa.Column('kind', sa.String(), nullable=False),
           sa.Column('version', sa.String(), nullable=False),
           sa.Column('submitted_on', sa.Date(), nullable=True),
           sa.Column('decided_on', sa.Date(), nullable=True),
           sa.Column('fit', sa.Boolean(), nullable=True),
           sa.Column('resubmitted_on', sa.Date(), nullable=True),
           sa.Column('notes', sa.String(), nullable=False))
    _owned('report_back',
           sa.Column('on', sa.Date(), nullable=False),
           sa.Column('to', sa.String(), nullable=False),
           sa.Column('notes', sa.String(), nullable=False))


def downgrade() -> None:
    for name in ('report_back', 'plan_version', 'action', 'weakness'):
        op.drop_table(name)
