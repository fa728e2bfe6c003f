"""What a store remembers of its exchanges with other laptops (in `store_info`, never
shipped): when it last took a bundle from each, and that bundle's sha256 (a bundle merged
before is not merged again); and the laptops' names as bundles gave them.

    exchanges(store) -> [(laptop name, when)]     latest first
    merged(store) -> {sha256}                     the last bundle of each laptop
"""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session, select

from sendtui.domain.clock import utc_now
from sendtui.records.bundle import Manifest
from sendtui.store import models as m
from sendtui.store.identity import put_info
from sendtui.store.repo import Store

MERGED = "merged:"  # store_info key prefix: the sha256 of the last bundle merged from a laptop
EXCHANGED = "exchanged:"  # store_info key prefix: when this store last took a bundle from a laptop


def remember(s: Session, device_id: str, sha256: str) -> None:
    put_info(s, EXCHANGED + device_id, utc_now().isoformat())
    put_info(s, MERGED + device_id, sha256)


def exchanges(store: Store) -> list[tuple[str, dt.datetime]]:
    """When this store last took a bundle from each laptop: (its name, when), latest first."""
    with store.session() as s:
        rows = s.exec(select(m.StoreInfo).where(m.StoreInfo.key.startswith(EXCHANGED))).all()
        known = laptops(s)
    found = []
    for row in rows:
        device = row.key.removeprefix(EXCHANGED)
        try:
            found.append((named(known, device), dt.datetime.fromisoformat(row.value)))
        except ValueError:
            continue
    return sorted(found, key=lambda x: x[1], reverse=True)


def merged(store: Store) -> set[str]:
    """The sha256 of the last bundle merged from each laptop."""
    with store.session() as s:
        return {row.value for row in s.exec(select(m.StoreInfo).where(
            m.StoreInfo.key.startswith(MERGED))).all()}


def laptops(s: Session) -> dict[str, str]:
    """Every laptop this store knows: {device id: name}."""
    return {d.id: d.name for d in s.exec(select(m.DeviceRow)).all()}


def origin(s: Session, manifest: Manifest) -> str:
    """The laptop a bundle came from, by the name it gives itself."""
    return manifest.origin_name or named(laptops(s), manifest.origin)


def named(known: dict[str, str], device_id: str) -> str:
    return known.get(device_id) or f"laptop {device_id[:8]}"
