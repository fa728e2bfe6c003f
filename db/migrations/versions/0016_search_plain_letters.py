"""search finds Łukasz by "lukasz": evidence.text_plain holds the text with the letters no
diacritics rule takes apart spelled plainly (ł, ø, ß, æ, œ, đ, ð, þ, ı), '' when that is the
text itself; the full-text index covers both columns

Revision ID: 0016
Revises: 0015
Create Date: 2026-11-30
"""

from alembic import op
import sqlalchemy as sa

from sendtui.domain.matching import plain_spelling


revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None

TRIGGERS = ("evidence_fts_insert", "evidence_fts_delete", "evidence_fts_update")


def _index(columns: tuple[str, ...]) -> tuple[str, ...]:
    """The index over `columns` of evidence and the triggers that keep it in step."""
    cols = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    delete = (f"INSERT INTO evidence_fts(evidence_fts, rowid, {cols}) "
              f"VALUES ('delete', old.rowid, {old}); ")
    insert = f"INSERT INTO evidence_fts(rowid, {cols}) VALUES (new.rowid, {new}); "
    return (
        f"CREATE VIRTUAL TABLE evidence_fts USING fts5({cols}, content='evidence', "
        "content_rowid='rowid', tokenize='porter unicode61 remove_diacritics 2')",
        f"CREATE TRIGGER evidence_fts_insert AFTER INSERT ON evidence BEGIN {insert}END",
        f"CREATE TRIGGER evidence_fts_delete AFTER DELETE ON evidence BEGIN {delete}END",
        f"CREATE TRIGGER evidence_fts_update AFTER UPDATE OF {cols} ON evidence BEGIN "
        f"{delete}{insert}END",
        "INSERT INTO evidence_fts(evidence_fts) VALUES ('rebuild')",
    )


def _drop_index() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS evidence_fts")


def upgrade() -> None:
    op.add_column('evidence', sa.Column('text_plain', sa.String(), nullable=False,
                                        server_default=''))
    bind = op.get_bind()
    rows = bind.execute(sa.text("SELECT id, text FROM evidence")).all()
    spelled = [{"id": i, "plain": plain_spelling(t)} for i, t in rows if plain_spelling(t)]
    if spelled:
        bind.execute(sa.text("UPDATE evidence SET text_plain = :plain WHERE id = :id"), spelled)
    if bind.dialect.name != "sqlite":
        return
    _drop_index()
    for statement in _index(("text", "text_plain")):
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _drop_index()
        for statement in _index(("text",)):
            op.execute(statement)
    op.drop_column('evidence', 'text_plain')
