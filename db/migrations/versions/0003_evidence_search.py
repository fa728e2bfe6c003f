"""full-text search over evidence (SQLite FTS5, kept in step by triggers)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from alembic import op


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

# Only the text is indexed: case references never reach the index or a snippet.
STATEMENTS = (
    "CREATE VIRTUAL TABLE evidence_fts USING fts5(text, content='evidence', "
    "content_rowid='rowid', tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER evidence_fts_insert AFTER INSERT ON evidence BEGIN "
    "INSERT INTO evidence_fts(rowid, text) VALUES (new.rowid, new.text); END",
    "CREATE TRIGGER evidence_fts_delete AFTER DELETE ON evidence BEGIN "
    "INSERT INTO evidence_fts(evidence_fts, rowid, text) VALUES ('delete', old.rowid, old.text); "
    "END",
    "CREATE TRIGGER evidence_fts_update AFTER UPDATE OF text ON evidence BEGIN "
    "INSERT INTO evidence_fts(evidence_fts, rowid, text) VALUES ('delete', old.rowid, old.text); "
    "INSERT INTO evidence_fts(rowid, text) VALUES (new.rowid, new.text); END",
    "INSERT INTO evidence_fts(evidence_fts) VALUES ('rebuild')",
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for statement in STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name in ("evidence_fts_insert", "evidence_fts_delete", "evidence_fts_update"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS evidence_fts")
