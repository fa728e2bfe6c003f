"""Opening a PostgreSQL database safely: another program's database and a newer schema are
refused in one line with nothing made; two clients opening a new database at once migrate
it once; the password is never shown; a missing driver and `backup` say what to do."""

from __future__ import annotations

import threading

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, make_url

from sendtui.cli import cli
from sendtui.errors import StoreError
from sendtui.store import db
from sendtui.store.db import open_store
from sendtui.store.revisions import head_revision


def run(target: str, *args: str):
    return CliRunner().invoke(cli, ["--db", target, *args])


def one_line(result, code: int) -> str:
    assert result.exit_code == code, (result.stdout, result.stderr, result.exception)
    assert isinstance(result.exception, SystemExit)
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("sendtui: "), result.stderr
    return lines[0]


def with_password(url: str) -> str:
    return make_url(url).set(password="Zq7-sekret").render_as_string(hide_password=False)


def execute(url: str, *statements: str) -> list:
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            found = [conn.exec_driver_sql(s) for s in statements]
            return [r.fetchall() if r.returns_rows else None for r in found]
    finally:
        engine.dispose()


def tables(url: str) -> set[str]:
    return {name for (name,) in execute(
        url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")[0]}


def test_another_programs_database_is_refused_and_nothing_is_made(pg_blank):
    execute(pg_blank, "CREATE TABLE customer (id int PRIMARY KEY, name text)")
    line = one_line(run(pg_blank, "demo", "--no-open"), 3)
    assert "other tables" in line and "no sendtui store" in line
    assert tables(pg_blank) == {"customer"}


def test_another_programs_alembic_revision_is_not_taken_for_a_newer_sendtui(pg_blank):
    execute(pg_blank, "CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY)",
            "INSERT INTO alembic_version VALUES ('3f2a9c1b7d')", "CREATE TABLE orders (id int)")
    line = one_line(run(pg_blank, "demo", "--no-open"), 3)
    assert "other tables and no sendtui store" in line
    assert tables(pg_blank) == {"alembic_version", "orders"}


def test_an_empty_database_is_made_a_store_only_by_a_command_that_creates(pg_blank):
    assert "holds no sendtui store" in one_line(run(pg_blank, "list", "settings"), 3)
    assert tables(pg_blank) == set()
    assert run(pg_blank, "demo", "--no-open").exit_code == 0
    assert "inspection" in tables(pg_blank)


def test_a_newer_schema_is_refused_in_one_line_and_left_as_it_was(pg_database):
    execute(pg_database, "UPDATE alembic_version SET version_num = '9999'")
    line = one_line(run(pg_database, "list", "settings"), 3)
    assert "newer schema" in line and "upgrade sendtui" in line
    assert execute(pg_database, "SELECT version_num FROM alembic_version")[0] == [("9999",)]


def test_two_clients_opening_a_new_database_at_once_migrate_it_once(pg_blank):
    errors, start = [], threading.Barrier(2)

    def client():
        start.wait()
        try:
            open_store(pg_blank).engine.dispose()
        except Exception as exc:  # noqa: BLE001 - the test reports it
            errors.append(exc)

    clients = [threading.Thread(target=client) for _ in range(2)]
    for c in clients:
        c.start()
    for c in clients:
        c.join(60)
    assert errors == []
    assert execute(pg_blank, "SELECT version_num FROM alembic_version")[0] == [
        (head_revision(),)]


def test_doctor_and_a_refusal_never_show_the_password(pg_database, pg_blank):
    result = run(with_password(pg_database), "doctor")
    assert result.exit_code == 0, result.stderr
    assert "Zq7-sekret" not in result.stdout and "***" in result.stdout
    execute(pg_blank, "CREATE TABLE customer (id int)")
    line = one_line(run(with_password(pg_blank), "doctor"), 3)
    assert "Zq7-sekret" not in line and "***" in line


def test_without_psycopg_a_server_target_says_how_to_install_it(monkeypatch):
    def no_driver(*args, **kwargs):
        raise ImportError("No module named 'psycopg'", name="psycopg")

    monkeypatch.setattr(db, "create_engine", no_driver)
    line = one_line(run("postgresql+psycopg://ada:Zq7-sekret@db.example/sendtui", "doctor"), 3)
    assert "pip install 'sendtui[postgres]'" in line and "Zq7-sekret" not in line
    with pytest.raises(StoreError, match=r"sendtui\[postgres\]"):
        open_store("postgresql://ada@db.example/sendtui")


def test_a_plain_postgresql_url_uses_psycopg(pg_database):
    plain = make_url(pg_database).set(drivername="postgresql").render_as_string()
    assert plain.startswith("postgresql://")
    opened = open_store(plain, create=False)
    assert opened.engine.dialect.driver == "psycopg"
    opened.engine.dispose()


def test_backup_of_a_server_database_gives_the_pg_dump_command(pg_database, tmp_path,
                                                               monkeypatch):
    monkeypatch.chdir(tmp_path)
    line = one_line(run(with_password(pg_database), "backup", "-o", "office.dump"), 2)
    url = make_url(pg_database).set(drivername="postgresql").render_as_string()
    assert line.endswith(f"pg_dump --format=custom --password --file=office.dump '{url}'")
    assert "Zq7-sekret" not in line and not (tmp_path / "office.dump").exists()
