"""Alembic environment: the app passes an open connection in config.attributes, already
inside the one transaction the whole upgrade runs in (see sendtui.store.migrate)."""

from alembic import context
from sqlmodel import SQLModel

import sendtui.store.models  # noqa: F401  (registers the tables)

config = context.config
target_metadata = SQLModel.metadata


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:  # the alembic command line: the same single transaction
        with _engine(config.get_main_option("sqlalchemy.url")).connect() as conn:
            with conn.begin():
                _run(conn)
    else:
        _run(connection)


def _engine(url: str):
    from pathlib import Path

    from sqlalchemy import create_engine, make_url

    from sendtui.store.engines import sqlite_engine

    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return sqlite_engine(Path(parsed.database), migrating=True)
    return create_engine(url)


def _run(connection) -> None:
    sqlite = connection.dialect.name == "sqlite"
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=sqlite,
        # on SQLite too: the migration engine sends BEGIN itself (pysqlite would not)
        transactional_ddl=True,
        user_module_prefix="sqlmodel.sql.sqltypes.",
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
