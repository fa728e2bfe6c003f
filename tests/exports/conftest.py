"""What the export tests share: the demo's briefing with stable ids, golden files, DOCX text."""

from __future__ import annotations

import io
import os
import re
import zipfile
from pathlib import Path

import pytest

from sendtui.store import inspections
from sendtui.store.briefing import gather
from tests.conftest import DEMO_TODAY
from tests.exports.stable import stable_briefing

GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture
def briefing(demo_store):
    return stable_briefing(gather(demo_store, inspections.find(demo_store, None).id, DEMO_TODAY))


def matches_golden(name: str, data: bytes) -> bool:
    """Compare with golden/NAME; SENDTUI_UPDATE_GOLDEN=1 rewrites it first (a deliberate
    refresh, to be read by eye before committing)."""
    path = GOLDEN / name
    if os.environ.get("SENDTUI_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(data)
    return data == path.read_bytes()


def docx_text(data: bytes, every_part: bool = False) -> str:
    """The document's text, tags removed (with every_part: properties and relations too)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = [n for n in z.namelist() if n.endswith((".xml", ".rels"))] if every_part \
            else ["word/document.xml"]
        xml = " ".join(z.read(n).decode("utf-8") for n in names)
    return re.sub(r"<[^>]+>", "", xml)
