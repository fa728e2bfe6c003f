"""evidence search on PostgreSQL: a generated tsvector column `evidence.search` over text and
text_plain (accents taken off and words split at - . / @ + _ by translate(), the English
stemmer without stop words, as SQLite's porter tokenizer reads them) and a GIN index; on
SQLite nothing changes (FTS5, 0003/0016)

Revision ID: 0022
Revises: 0021
Create Date: 2026-11-30
"""

from alembic import op

from sendtui.store.dialects import CONFIG, FOLD_FROM, FOLD_TO

revision = '0022'
down_revision = '0021'
branch_labels = None
depends_on = None

# The `sendtui` configuration: english's parser and mappings, its stemmer without stop words
# (the porter tokenizer has none: "the", "after" and "under" are found on both engines).
STATEMENTS = (
    f"CREATE TEXT SEARCH DICTIONARY {CONFIG}_stem (TEMPLATE = snowball, Language = english)",
    f"CREATE TEXT SEARCH CONFIGURATION {CONFIG} (COPY = english)",
    (f"ALTER TEXT SEARCH CONFIGURATION {CONFIG} ALTER MAPPING REPLACE english_stem "
     f"WITH {CONFIG}_stem"),
    # two vectors joined: a phrase never runs from text into text_plain
    (f"ALTER TABLE evidence ADD COLUMN search tsvector GENERATED ALWAYS AS ("
     f"to_tsvector('{CONFIG}'::regconfig, translate(text, '{FOLD_FROM}', '{FOLD_TO}')) || "
     f"to_tsvector('{CONFIG}'::regconfig, translate(text_plain, '{FOLD_FROM}', '{FOLD_TO}')))"
     " STORED"),
    "CREATE INDEX ix_evidence_search ON evidence USING gin (search)",
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for statement in STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX IF EXISTS ix_evidence_search")
    op.execute("ALTER TABLE evidence DROP COLUMN IF EXISTS search")
    op.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIG}")
    op.execute(f"DROP TEXT SEARCH DICTIONARY IF EXISTS {CONFIG}_stem")
