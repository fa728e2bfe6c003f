"""Two laptops for the Exchange screen's tests: the demo store the app opens (this laptop)
and Kwame's laptop, a store of its own with another device, filled from this one's bundle."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from sqlmodel import select

from sendtui.config import Device
from sendtui.exports.bundle import write_bundle
from sendtui.importers.bundle import read_bundle
from sendtui.store import evidence_corrections as ec
from sendtui.store import inspections, merge
from sendtui.store.merge_report import Arrived
from sendtui.store import models as m
from sendtui.store.bundle_rows import bundle_rows, manifest_of
from sendtui.store.db import open_store
from sendtui.store.repo import Store
from sendtui.store.revisions import all_revisions

KWAME = Device("bbbbbbbb-0000-4000-8000-000000000002", "Kwame's laptop")
PASSPHRASE = "blue kettle on the stairs"
HERE_TEXT = "SENCO said the EHC plan reviews are late at this school (here)."
KWAMES_TEXT = "SENCO said the annual reviews are mostly on time (Kwame)."


def laptop(path: Path, device: Device = KWAME) -> Store:
    opened = open_store(str(path))
    return Store(opened.engine, opened, device)


def save_bundle(store: Store, path: Path, passphrase: str | None = PASSPHRASE) -> Path:
    ins_id = inspections.find(store).id
    tables = bundle_rows(store, ins_id)
    write_bundle(path, manifest_of(store, ins_id, tables), tables, passphrase,
                 plain=passphrase is None)
    return path


def take_in(store: Store, path: Path, passphrase: str | None = PASSPHRASE) -> Arrived:
    return merge.import_bundle(store, read_bundle(path, passphrase, all_revisions()))


def first_entry(store: Store) -> str:
    with store.session() as s:
        return s.exec(select(m.Evidence.id).where(m.Evidence.deleted_at.is_(None))
                      .order_by(m.Evidence.text)).first()  # the same entry every run


def rewrite(store: Store, evidence_id: str, text: str) -> None:
    ins_id = inspections.find(store).id
    now = ec.current(store, ins_id, evidence_id)
    ec.correct(store, ins_id, evidence_id, dataclasses.replace(now, text=text))


def entry_text(path: Path, evidence_id: str) -> str:
    store = Store.open(str(path))
    try:
        with store.session() as s:
            return s.get(m.Evidence, evidence_id).text
    finally:
        store.close()


def kwames_laptop(demo_db: Path, folder: Path, conflict: bool = False) -> tuple[Path, str]:
    """Kwame's bundle (encrypted with PASSPHRASE) after Kwame rewrote the first entry's
    text; with `conflict`, this laptop rewrote it too and has taken the bundle in (one
    conflict to settle). (the bundle's path, the entry's id)"""
    here = Store.open(str(demo_db))
    kwame = laptop(folder / "kwame.db")
    try:
        take_in(kwame, save_bundle(here, folder / "from-here.sendtui-bundle"))
        entry = first_entry(here)
        rewrite(kwame, entry, KWAMES_TEXT)
        bundle = save_bundle(kwame, folder / "from-kwame.sendtui-bundle")
        if conflict:
            rewrite(here, entry, HERE_TEXT)
            take_in(here, bundle)
        return bundle, entry
    finally:
        kwame.close()
        here.close()
