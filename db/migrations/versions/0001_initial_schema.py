"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-25
"""

from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('inspection',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=36), nullable=False),
    sa.Column('hlc', sa.String(length=40), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('local_area', sa.String(), nullable=False),
    sa.Column('framework', sa.String(), nullable=False),
    sa.Column('notified', sa.Date(), nullable=False),
    sa.Column('published', sa.Date(), nullable=True),
    sa.Column('last_opened_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('inspection', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_inspection_local_area'), ['local_area'], unique=False)

    op.create_table('store_info',
    sa.Column('key', sa.String(), nullable=False),
    sa.Column('value', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    op.create_table('change',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=36), nullable=False),
    sa.Column('hlc', sa.String(length=40), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('inspection_id', sa.String(), nullable=False),
    sa.Column('table_name', sa.String(), nullable=False),
    sa.Column('row_id', sa.String(), nullable=False),
    sa.Column('before', sa.String(), nullable=True),
    sa.Column('after', sa.String(), nullable=True),
    sa.Column('summary', sa.String(), nullable=False),
    sa.Column('undone', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['inspection_id'], ['inspection.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('change', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_change_inspection_id'), ['inspection_id'], unique=False)

    op.create_table('key_date',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=36), nullable=False),
    sa.Column('hlc', sa.String(length=40), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('inspection_id', sa.String(), nullable=False),
    sa.Column('key', sa.String(), nullable=False),
    sa.Column('label', sa.String(), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('end', sa.Date(), nullable=True),
    sa.Column('rule', sa.String(), nullable=False),
    sa.Column('edited', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['inspection_id'], ['inspection.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('key_date', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_key_date_inspection_id'), ['inspection_id'], unique=False)

    op.create_table('line_of_enquiry',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=36), nullable=False),
    sa.Column('hlc', sa.String(length=40), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('inspection_id', sa.String(), nullable=False),
    sa.Column('code', sa.String(), nullable=False),
    sa.Column('title', sa.String(), nullable=False),
    sa.Column('strand', sa.String(), nullable=False),
    sa.Column('is_bespoke', sa.Boolean(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['inspection_id'], ['inspection.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('line_of_enquiry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_line_of_enquiry_inspection_id'), ['inspection_id'], unique=False)

    op.create_table('person',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=36), nullable=False),
    sa.Column('hlc', sa.String(length=40), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('inspection_id', sa.String(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('role', sa.String(), nullable=False),
    sa.Column('organisation', sa.String(), nullable=False),
    sa.Column('email', sa.String(), nullable=False),
    sa.Column('phone', sa.String(), nullable=False),
    sa.Column('is_team', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['inspection_id'], ['inspection.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_inspection_id'), ['inspection_id'], unique=False)

    op.create_table('setting',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=36), nullable=False),
    sa.Column('hlc', sa.String(length=40), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('inspection_id', sa.String(), nullable=False),
    sa.Column('urn', sa.String(), nullable=True),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('kind', sa.String(), nullable=False),
    sa.Column('gias_type', sa.String(), nullable=False),
    sa.Column('phase', sa.String(), nullable=False),
    sa.Column('status', sa.String(), nullable=False),
    sa.Column('la_name', sa.String(), nullable=False),
    sa.Column('address', sa.String(), nullable=False),
    sa.Column('postcode', sa.String(), nullable=False),
    sa.Column('easting', sa.Integer(), nullable=True),
    sa.Column('northing', sa.Integer(), nullable=True),
    sa.Column('is_specialist', sa.Boolean(), nullable=False),
    sa.Column('out_of_area', sa.Boolean(), nullable=False),
    sa.Column('shortlisted', sa.Boolean(), nullable=False),
    sa.Column('visited', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['inspection_id'], ['inspection.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('inspection_id', 'urn')
    )
    with op.batch_alter_table('setting', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_setting_inspection_id'), ['inspection_id'], unique=False)

    op.create_table('availability',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=36), nullable=False),
    sa.Column('hlc', sa.String(length=40), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('person_id', sa.String(), nullable=False),
    sa.Column('start', sa.DateTime(), nullable=False),
    sa.Column('end', sa.DateTime(), nullable=False),
    sa.Column('reason', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('availability', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_availability_person_id'), ['person_id'], unique=False)

    op.create_table('event',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=36), nullable=False),
    sa.Column('hlc', sa.String(length=40), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('inspection_id', sa.String(), nullable=False),
    sa.Column('kind', sa.String(), nullable=False),
    sa.Column('title', sa.String(), nullable=False),
    sa.Column('start', sa.DateTime(), nullable=False),
    sa.Column('end', sa.DateTime(), nullable=False),
    sa.Column('setting_id', sa.String(), nullable=True),
    sa.Column('audience', sa.String(), nullable=True),
    sa.Column('location', sa.String(), nullable=False),
    sa.Column('notes', sa.String(), nullable=False),
    sa.Column('status', sa.String(), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['inspection_id'], ['inspection.id'], ),
    sa.ForeignKeyConstraint(['setting_id'], ['setting.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_inspection_id'), ['inspection_id'], unique=False)

    op.create_table('event_person',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=36), nullable=False),
    sa.Column('hlc', sa.String(length=40), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('event_id', sa.String(), nullable=False),
    sa.Column('person_id', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], ),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('event_person', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_person_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_person_person_id'), ['person_id'], unique=False)

    op.create_table('evidence',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=36), nullable=False),
    sa.Column('hlc', sa.String(length=40), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('inspection_id', sa.String(), nullable=False),
    sa.Column('line_id', sa.String(), nullable=False),
    sa.Column('source', sa.String(), nullable=False),
    sa.Column('text', sa.String(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('setting_id', sa.String(), nullable=True),
    sa.Column('event_id', sa.String(), nullable=True),
    sa.Column('case_ref', sa.String(), nullable=True),
    sa.Column('judgement', sa.String(), nullable=True),
    sa.Column('author', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], ),
    sa.ForeignKeyConstraint(['inspection_id'], ['inspection.id'], ),
    sa.ForeignKeyConstraint(['line_id'], ['line_of_enquiry.id'], ),
    sa.ForeignKeyConstraint(['setting_id'], ['setting.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('evidence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_evidence_inspection_id'), ['inspection_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_evidence_line_id'), ['line_id'], unique=False)

    op.create_table('evidence_version',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=36), nullable=False),
    sa.Column('hlc', sa.String(length=40), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('evidence_id', sa.String(), nullable=False),
    sa.Column('text', sa.String(), nullable=False),
    sa.Column('saved_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['evidence_id'], ['evidence.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('evidence_version', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_evidence_version_evidence_id'), ['evidence_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('evidence_version', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_evidence_version_evidence_id'))

    op.drop_table('evidence_version')
    with op.batch_alter_table('evidence', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_evidence_line_id'))
        batch_op.drop_index(batch_op.f('ix_evidence_inspection_id'))

    op.drop_table('evidence')
    with op.batch_alter_table('event_person', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_person_person_id'))
        batch_op.drop_index(batch_op.f('ix_event_person_event_id'))

    op.drop_table('event_person')
    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_inspection_id'))

    op.drop_table('event')
    with op.batch_alter_table('availability', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_availability_person_id'))

    op.drop_table('availability')
    with op.batch_alter_table('setting', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_setting_inspection_id'))

    op.drop_table('setting')
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_inspection_id'))

    op.drop_table('person')
    with op.batch_alter_table('line_of_enquiry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_line_of_enquiry_inspection_id'))

    op.drop_table('line_of_enquiry')
    with op.batch_alter_table('key_date', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_key_date_inspection_id'))

    op.drop_table('key_date')
    with op.batch_alter_table('change', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_change_inspection_id'))

    op.drop_table('change')
    op.drop_table('store_info')
    with op.batch_alter_table('inspection', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_inspection_local_area'))

    op.drop_table('inspection')
