"""natural keys: unique over live rows (line code, person name, key date, marked name and
pseudonym, event_person pair) and the alias table (a row that lost to another)

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-14

Until now the app checked these keys in code only, so an old store may hold duplicates
(unlikely: two windows at once). Before each index is made, the duplicates among live rows
are settled the way a merge settles them: the smallest id is kept (the same choice on every
laptop), each other row becomes a tombstone, the references to it point at the kept one and
an `alias` row says so. Marked names are kept apart: two names with one pseudonym are two
children, so the later gets a new pseudonym instead. Only indexes are made: no table is
copied (a copy drops the evidence FTS triggers; a copy of a parent table fails on foreign
keys).
"""

import datetime as dt
import re
import time

from alembic import op
import sqlalchemy as sa


revision = '0020'
down_revision = '0019'
branch_labels = None
depends_on = None

LIVE = 'deleted_at IS NULL'
# (index, table, key columns or expressions), in the order duplicates are settled: people
# before event_person, whose pairs a person's rewrite may double
INDEXES = (
    ('ix_line_of_enquiry_code_live', 'line_of_enquiry', ('inspection_id', 'upper(code)')),
    ('ix_person_name_live', 'person', ('inspection_id', 'lower(name)')),
    ('ix_key_date_key_live', 'key_date', ('inspection_id', 'key')),
    ('ix_protected_name_name_live', 'protected_name', ('inspection_id', 'lower(name)')),
    ('ix_event_person_pair_live', 'event_person', ('event_id', 'person_id')),
    ('ix_protected_name_pseudonym_live', 'protected_name',
     ('inspection_id', 'lower(pseudonym)')),
)
# who refers to a row of each table, as the schema stands at 0017
REFERENCES = {
    'line_of_enquiry': (('evidence', 'line_id'), ('finding', 'line_id')),
    'person': (('availability', 'person_id'), ('event_person', 'person_id'),
               ('action', 'owner_id'), ('info_request', 'owner_id')),
    'protected_name': (('tracked_child', 'name_id'),),
    'key_date': (),
    'event_person': (),
}
PSEUDONYM = re.compile(r'CYP-([0-9]+)$')


def upgrade() -> None:
    op.create_table(
        'alias',
        sa.Column('table_name', sa.String(), nullable=False),
        sa.Column('lost_id', sa.String(length=36), nullable=False),
        sa.Column('kept_id', sa.String(length=36), nullable=False),
        sa.Column('inspection_id', sa.String(length=36), nullable=False),
        sa.Column('at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('table_name', 'lost_id'),
    )
    op.create_index('ix_alias_kept_id', 'alias', ['kept_id'], unique=False)
    op.create_index('ix_alias_inspection_id', 'alias', ['inspection_id'], unique=False)
    conn = op.get_bind()
    stamp = _stamp(conn)
    for name, table, columns in INDEXES:
        if name == 'ix_protected_name_pseudonym_live':
            _renumber(conn, stamp)
        else:
            _settle(conn, stamp, table, columns)
        op.create_index(name, table, [sa.text(c) if '(' in c else c for c in columns],
                        unique=True, sqlite_where=sa.text(LIVE), postgresql_where=sa.text(LIVE))


def downgrade() -> None:
    for name, table, _ in reversed(INDEXES):
        op.drop_index(name, table_name=table)
    op.drop_index('ix_alias_inspection_id', table_name='alias')
    op.drop_index('ix_alias_kept_id', table_name='alias')
    op.drop_table('alias')


def _stamp(conn) -> dict:
    """updated_at, updated_by and hlc for the rows this migration changes."""
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    device = conn.execute(sa.text(
        "SELECT value FROM store_info WHERE key = 'device_id'")).scalar() or ''
    return {'now': now.strftime('%Y-%m-%d %H:%M:%S.%f'), 'by': device,
            'hlc': f'{int(time.time() * 1000):015d}-{device[:8]}'}


def _live_rows(conn, table: str, columns: tuple[str, ...]) -> list:
    """(id, inspection_id, key...) of the live rows, smallest id first."""
    if table == 'event_person':
        return conn.execute(sa.text(
            'SELECT ep.id, e.inspection_id, ep.event_id, ep.person_id FROM event_person ep '
            'JOIN event e ON e.id = ep.event_id WHERE ep.deleted_at IS NULL ORDER BY ep.id'
        )).all()
    return conn.execute(sa.text(
        f'SELECT id, inspection_id, {", ".join(columns)} FROM {table} '
        f'WHERE {LIVE} ORDER BY id')).all()


def _settle(conn, stamp: dict, table: str, columns: tuple[str, ...]) -> None:
    kept: dict[tuple, str] = {}
    for row_id, inspection_id, *key in _live_rows(conn, table, columns):
        first = kept.setdefault(tuple(key), row_id)
        if first != row_id:
            _merge(conn, stamp, table, inspection_id, row_id, first)


def _merge(conn, stamp: dict, table: str, inspection_id: str, lost: str, kept: str) -> None:
    values = dict(stamp, lost=lost, kept=kept, table=table, inspection=inspection_id)
    conn.execute(sa.text(
        'INSERT INTO alias (table_name, lost_id, kept_id, inspection_id, at) '
        'VALUES (:table, :lost, :kept, :inspection, :now)'), values)
    for referring, column in REFERENCES[table]:
        conn.execute(sa.text(
            f'UPDATE "{referring}" SET {column} = :kept, updated_at = :now, '
            f'updated_by = :by, hlc = :hlc WHERE {column} = :lost'), values)
    conn.execute(sa.text(
        f'UPDATE {table} SET deleted_at = :now, updated_at = :now, updated_by = :by, '
        'hlc = :hlc WHERE id = :lost'), values)


def _renumber(conn, stamp: dict) -> None:
    """Two marked names with one pseudonym: the smaller id keeps it, the other gets the next
    CYP-NN never given in its inspection (its tracked child's row follows)."""
    given: dict[str, set[str]] = {}
    for inspection_id, pseudonym in conn.execute(sa.text(
            'SELECT inspection_id, pseudonym FROM protected_name')):
        given.setdefault(inspection_id, set()).add(pseudonym.upper())
    seen: set[tuple] = set()
    for row_id, inspection_id, key in _live_rows(
            conn, 'protected_name', ('lower(pseudonym)',)):
        if (inspection_id, key) not in seen:
            seen.add((inspection_id, key))
            continue
        used = [int(f.group(1)) for p in given[inspection_id] if (f := PSEUDONYM.match(p))]
        fresh = f'CYP-{max(used, default=0) + 1:02d}'
        given[inspection_id].add(fresh)
        values = dict(stamp, id=row_id, fresh=fresh)
        for table, column in (('protected_name', 'id'), ('tracked_child', 'name_id')):
            conn.execute(sa.text(
                f'UPDATE {table} SET pseudonym = :fresh, updated_at = :now, updated_by = :by, '
                f'hlc = :hlc WHERE {column} = :id'), values)
