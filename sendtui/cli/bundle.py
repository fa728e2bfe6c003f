"""Bundles for several laptops: one inspection in one file, encrypted unless --plain."""

from __future__ import annotations

from pathlib import Path

import click

from sendtui.cli.common import Context, pass_context
from sendtui.cli.types import PATH

SUMMARY = (("setting", "settings"), ("person", "people"), ("event", "events"),
           ("evidence", "evidence entries"), ("evidence_version", "versions"))


@click.group()
def bundle() -> None:
    """Several laptops, one inspection: bundles to carry between them."""


@bundle.command("export")
@click.option("-o", "output", required=True, type=PATH, metavar="FILE",
              help="Where to write: a new file, or an existing one with --force; never a "
                   "device, folder or link.")
@click.option("--force", is_flag=True, help="Replace FILE if it exists (a regular file only).")
@click.option("--passphrase-file", type=PATH, metavar="F",
              help="A file whose one line is the passphrase that encrypts the bundle.")
@click.option("--plain", is_flag=True,
              help="Write it unencrypted (it holds children's names and case references).")
@pass_context
def bundle_export(obj: Context, output: Path, force: bool, passphrase_file: Path | None,
                  plain: bool) -> None:
    """Everything this store knows about the inspection, as one encrypted file (mode 0600)."""
    from sendtui.errors import UserError
    from sendtui.exports.bundle import PLAIN_REFUSED, write_stream
    from sendtui.files import check_output
    from sendtui.importers.bundle import read_passphrase
    from sendtui.store.bundle_rows import stream

    if plain and passphrase_file is not None:
        raise UserError("--plain and --passphrase-file: give one of them")
    if not plain and passphrase_file is None:
        raise UserError(PLAIN_REFUSED)
    check_output(output, force)
    passphrase = read_passphrase(passphrase_file) if passphrase_file is not None else None
    store, inspection_id = obj.store(), obj.inspection().id
    done = write_stream(output, stream(store, inspection_id), passphrase, plain=plain,
                        force=force)
    how = "encrypted" if done.encrypted else "not encrypted"
    obj.record("bundle exported", f"{done.path.name} ({how})")
    click.echo(f"wrote {done.path} ({how}, {done.size:,} bytes): {_counted(done.counts)}")


def _counted(counts: dict[str, int]) -> str:
    parts = [f"{counts.get(table, 0):,} {words}" for table, words in SUMMARY]
    return f"{', '.join(parts)}; {sum(counts.values()):,} rows in {len(counts)} tables"


@bundle.command("import")
@click.argument("file", type=PATH)
@click.option("--passphrase-file", type=PATH, metavar="F",
              help="A file whose one line is the bundle's passphrase.")
@click.option("--preview", is_flag=True, help="Say what would arrive, and change nothing.")
@pass_context
def bundle_import(obj: Context, file: Path, passphrase_file: Path | None,
                  preview: bool) -> None:
    """Merge a bundle from another laptop: field by field, the later change wins; no
    evidence text is lost (two texts written at the same time are both kept, for review)."""
    from sendtui.importers.bundle import read_bundle, read_passphrase
    from sendtui.store.exchanged import merged
    from sendtui.store.merge import import_bundle
    from sendtui.store.merge_report import by_kind, said
    from sendtui.store.revisions import all_revisions

    passphrase = read_passphrase(passphrase_file) if passphrase_file is not None else None
    store = obj.store(create=not preview)  # a preview makes no store where there was none
    found = read_bundle(file, passphrase, all_revisions(), merged(store))
    arrived = import_bundle(store, found, preview=preview)
    verb = "would bring" if preview else "brought"
    click.echo(f"the bundle from {arrived.origin} {verb}: {said(arrived)}")
    for line in by_kind(arrived):
        click.echo(f"  {line}")
    for notice in arrived.notices:
        click.echo(f"sendtui: {notice}", err=True)
    if arrived.conflicts and not preview:
        click.echo("two texts of one entry written at the same time are both kept: settle "
                   "them on the Exchange screen (X)")

