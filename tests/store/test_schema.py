"""The migrations build exactly the tables the models describe."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import SQLModel

from sendtui.store.repo import Store


def test_migrations_match_the_models(tmp_path):
    store = Store.open(str(tmp_path / "s.db"))
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
    store.close()
    # the FTS index is made by hand in 0003 and has no model
    assert [d for d in diff if "evidence_fts" not in str(d)] == []
