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


def test_the_revisions_read_from_file_names_are_alembics_chain():
    from alembic.script import ScriptDirectory

    from sendtui.store.migrate import migrations_folder
    from sendtui.store.revisions import all_revisions, head_revision

    scripts = ScriptDirectory(str(migrations_folder()))
    assert list(all_revisions()) == [s.revision for s in reversed(list(scripts.walk_revisions()))]
    assert head_revision() == scripts.get_current_head()
