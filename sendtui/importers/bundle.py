"""Reading a bundle, every byte verified, before anything of it reaches a store.

    read_bundle(path, passphrase, known_revisions) -> records.Bundle(manifest, tables)
    open_bundle(data, passphrase, known_revisions) -> records.Bundle    the same, of bytes
    read_passphrase(path) -> str

A file that is not a bundle, a newer format or schema, a wrong passphrase, a flipped bit or a
cut copy is one BadFile (exit 2) that names the file and never its content; nothing is
returned half-read. The merge that applies a bundle to a store comes after this.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from sendtui.domain.sealing import inflated, open_body
from sendtui.errors import BadFile
from sendtui.files import read_input, shown
from sendtui.records.bundle import Bundle, decode_chunks, read_manifest

BUNDLE_CAP = 1 << 30  # bytes on disk; sealing caps what it inflates to
PASSPHRASE_CAP = 1024


def read_bundle(path: str | Path, passphrase: str | None, known_revisions: Collection[str],
                merged: Collection[str] = ()) -> Bundle:
    """The bundle at `path`, opened with `passphrase` (None: a plain bundle), verified; its
    schema must be one this sendtui knows (`store.revisions.all_revisions()`). `merged`: the
    payloads' sha256 the store has merged already: such a bundle's rows are not decoded
    (`Bundle.read` is False): merging it again would change nothing."""
    return open_bundle(read_input(path, BUNDLE_CAP), passphrase, known_revisions, shown(path),
                       merged)


def open_bundle(data: bytes, passphrase: str | None, known_revisions: Collection[str],
                where: str = "the bundle", merged: Collection[str] = ()) -> Bundle:
    """`read_bundle` of bytes already read. The payload is decoded as it is inflated, a
    megabyte at a time (never whole): the body was authenticated before (sealed) or its
    checksum checked (plain), and nothing is returned before its sha256 is checked too."""
    opened = open_body(data, passphrase, where)
    if merged:
        facts = read_manifest(opened.manifest, where)  # authenticated with the body
        if facts.sha256 in merged and facts.schema in known_revisions:
            return Bundle(facts, (), read=False)
    bundle = decode_chunks(opened.manifest, inflated(opened.body, opened.payload_size, where),
                           where)
    if bundle.manifest.schema not in known_revisions:
        raise BadFile(f"{where} was made by a newer sendtui (store schema "
                      f"{_short(bundle.manifest.schema)}): update sendtui to read it")
    return bundle


def read_passphrase(path: str | Path) -> str:
    """The passphrase in a file: its one line (a final line break is not part of it), UTF-8,
    not blank; BadFile otherwise, without ever quoting it."""
    where = shown(path)
    data = read_input(path, PASSPHRASE_CAP)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BadFile(f"{where}: the passphrase file is not UTF-8 text") from None
    line = text.removesuffix("\n").removesuffix("\r")
    if "\n" in line or "\r" in line:
        raise BadFile(f"{where}: the passphrase file must hold one line")
    if not line.strip():
        raise BadFile(f"{where}: the passphrase file is empty")
    return line


def _short(text: str) -> str:
    return text[:12] if text.isprintable() else "unknown"
