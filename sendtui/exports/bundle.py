"""Writing a bundle: one inspection's rows, sealed (domain.sealing), to a file of mode 0600.

    write_bundle(path, manifest, tables, passphrase, plain=False, force=False) -> Written

The rows come from the store (`store.bundle_rows`), handed in like every export's data. A
bundle carries children's names and case references: without a passphrase it is written only
when `plain` says so. The path is checked like every export's (`files.check_output`: a new
file, or an existing regular file with `force`) before anything is encoded.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sendtui.domain.sealing import seal
from sendtui.errors import ExportError
from sendtui.files import check_output, write_output
from sendtui.records.bundle import Manifest, TableRows, encode

PLAIN_REFUSED = ("a bundle holds children's names and case references: give a passphrase "
                 "(--passphrase-file), or --plain for an unencrypted file")


@dataclass(frozen=True)
class Written:
    path: Path
    size: int  # bytes
    counts: dict[str, int]  # rows per table
    encrypted: bool


def write_bundle(path: str | Path, manifest: Manifest, tables: tuple[TableRows, ...],
                 passphrase: str | None, plain: bool = False, force: bool = False) -> Written:
    if passphrase is None and not plain:
        raise ExportError(PLAIN_REFUSED)
    if passphrase is not None and not passphrase:
        raise ExportError("the passphrase is empty")
    check_output(path, force)  # refused before the work, not after
    manifest_bytes, payload = encode(manifest, tables)
    data = seal(manifest_bytes, payload, passphrase)
    written = write_output(path, data, force)
    return Written(written, len(data), {t.name: len(t.rows) for t in tables},
                   passphrase is not None)
