"""The migrations build exactly the tables the models describe."""

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import SQLModel

from sendtui.store.repo import Store


# expression indexes (upper(code)) cannot be reflected on SQLite: the next test reads them
@pytest.mark.filterwarnings("ignore:.*expression-based index")
def test_migrations_match_the_models(tmp_path):
    store = Store.open(str(tmp_path / "s.db"))
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
    store.close()
    # the FTS index is made by hand in 0003 and has no model
    assert [d for d in diff if "evidence_fts" not in str(d)] == []


def test_the_revisions_read_from_file_names_are_alembics_chain():
    from alembic.script import ScriptDirectory

    from sendtui.store.migrate import migrations_folder
    from sendtui.store.revisions import all_revisions, head_revision

    scripts = ScriptDirectory(str(migrations_folder()))
    assert list(all_revisions()) == [s.revision for s in reversed(list(scripts.walk_revisions()))]
    assert head_revision() == scripts.get_current_head()


def test_the_expression_indexes_are_the_models(tmp_path):
    """Alembic cannot compare an index over upper(code) on SQLite: read them back here."""
    from sqlalchemy.dialects import sqlite
    from sqlalchemy.schema import CreateIndex

    store = Store.open(str(tmp_path / "s.db"))
    with store.plain_reads() as rows:
        made = dict(rows("SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                         "AND sql IS NOT NULL", ()))
    store.close()
    wanted = {ix.name: str(CreateIndex(ix).compile(dialect=sqlite.dialect()))
              for table in SQLModel.metadata.tables.values() for ix in table.indexes
              if ix.dialect_options["sqlite"]["where"] is not None and ix.unique}
    assert wanted, "no live unique index in the models"
    for name, sql in wanted.items():
        assert _flat(made.get(name, "")) == _flat(sql), name


def _flat(sql: str) -> str:
    return " ".join(sql.replace('"', "").replace("(", " ( ").split()).lower()
