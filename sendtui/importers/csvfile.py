"""Reading CSV files as users and GIAS make them: UTF-8 (BOM or not) or cp1252, any newline."""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from sendtui.domain.words import shown
from sendtui.errors import BadFile
from sendtui.files import read_input


DIGITS = re.compile(r"[0-9]+")  # ASCII only: str.isdigit() takes "²³⁴" and int() "１２"


@dataclass(frozen=True)
class CsvRow:
    number: int  # the row's line in the file, the header being line 1
    values: dict[str, str]  # by column name in lower case
    spelled: dict[str, str] = field(default_factory=dict, compare=False)  # lower → as in file

    def get(self, column: str) -> str:
        return (self.values.get(column) or "").strip()

    def header(self, column: str) -> str:
        """The column's name as the file spells it, for messages."""
        return self.spelled.get(column, column)


def decode(data: bytes, name: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise BadFile(f"{name}: UTF-16 text is not supported; save the file as UTF-8 CSV")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        row = data.count(b"\n", 0, exc.start) + 1
        raise BadFile(f"{name}: row {row}: not UTF-8 or Windows-1252 text "
                      f"(byte {exc.start})") from None


def read_rows(path: Path, required: tuple[str, ...]) -> tuple[list[str], list[CsvRow]]:
    """Header and rows; BadFile for a missing column, a bad quote or a ragged row."""
    name = path.name
    data = read_input(path)
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise BadFile(f"{name}: not a text file")
    reader = csv.reader(io.StringIO(decode(data, name), newline=""), strict=True)
    try:
        header = [h.strip() for h in next(reader, [])]
        if not any(header):
            raise BadFile(f"{name}: the file is empty")
        lower = {h.lower(): h for h in header}
        missing = [c for c in required if c.lower() not in lower]
        if missing:
            raise BadFile(f"{name}: row 1: missing column {', '.join(missing)}")
        twice = [h for h, n in Counter(h.lower() for h in header if h).items() if n > 1]
        if twice:  # which of the two would be meant?
            raise BadFile(f"{name}: row 1: column {shown(lower[twice[0]])} appears twice: "
                          "keep one")
        rows = []
        for values in reader:
            number = reader.line_num
            if not any(v.strip() for v in values):
                continue
            if len(values) != len(header):
                raise BadFile(f"{name}: row {number}: {len(values)} fields, "
                              f"the header has {len(header)}")
            rows.append(CsvRow(number, {h.lower(): v for h, v in zip(header, values)}, lower))
    except csv.Error as exc:
        raise BadFile(f"{name}: row {reader.line_num}: {exc}") from None
    return header, rows
