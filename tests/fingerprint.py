"""What a store holds, as one hash, on either engine: "nothing changed" checked the same way
on a SQLite file (its bytes) and a PostgreSQL database (every table's rows)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from sqlalchemy import create_engine, inspect


def fingerprint(target: str | Path) -> str:
    if "://" not in str(target):
        return hashlib.sha256(Path(target).read_bytes()).hexdigest()
    engine = create_engine(str(target))
    digest = hashlib.sha256()
    try:
        with engine.connect() as conn:
            for table in sorted(inspect(conn).get_table_names()):
                rows = conn.exec_driver_sql(f'SELECT * FROM "{table}"').fetchall()
                digest.update(f"{table}:{sorted(map(repr, rows))}".encode())
    finally:
        engine.dispose()
    return digest.hexdigest()
