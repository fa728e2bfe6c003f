"""What bad inputs are made of besides arguments: import files (GIAS, people, schedule CSVs
broken in the ways files break), special paths (devices, FIFOs, sockets, folders, symlinks,
/proc), `--db` targets that are not a store, and config files. Each is a `Setup`: made in the
case's folder just before the command runs."""

from __future__ import annotations

import os
import socket
import sqlite3
import stat
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from hypothesis import strategies as st

from tests.faults.spawn import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "gias_wealdshire.csv"
DEMO = ROOT / "db" / "demo"
DEVICES = {"dev-zero": (1, 5), "dev-full": (1, 7), "dev-null": (1, 3), "dev-urandom": (1, 9)}


@dataclass(frozen=True)
class Setup:
    kind: str  # file, dir, fifo, socket, device, symlink, store, sparse
    name: str  # in the case's files folder
    payload: object = None  # bytes for a file; target for a symlink; variant for a store


def make(setup: Setup, files: Path, demo: Path) -> None:
    path = files / setup.name
    path.parent.mkdir(parents=True, exist_ok=True)
    if setup.kind == "file":
        path.write_bytes(setup.payload)
    elif setup.kind == "dir":
        path.mkdir(exist_ok=True)
    elif setup.kind == "fifo":
        os.mkfifo(path)
    elif setup.kind == "socket":
        with closing(socket.socket(socket.AF_UNIX)) as sock:
            sock.bind(str(path))
    elif setup.kind == "device":
        _device(path, setup.payload)
    elif setup.kind == "symlink":
        os.symlink(str(setup.payload).replace("{files}", str(files)), path)
    elif setup.kind == "sparse":
        with path.open("wb") as fh:
            fh.truncate(setup.payload)
    elif setup.kind == "store":
        store_variant(path, setup.payload, demo)


def _device(path: Path, which: str) -> None:
    """Our own device node (root), else a symlink to the real one: as root the real /dev
    must not be handed to a command that might replace it."""
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(*DEVICES[which]))
    except PermissionError:
        os.symlink(f"/dev/{which[4:]}", path)


# --- special paths -----------------------------------------------------------------------

def special_outputs() -> list[tuple[str, list[Setup], bool | None]]:
    """(path, what to make, valid?) for `-o`: only a new path (or stdout) is surely valid."""
    return [
        ("{files}/d", [Setup("dir", "d")], False),
        ("{files}/fifo", [Setup("fifo", "fifo")], False),
        ("{files}/sock", [Setup("socket", "sock")], False),
        *((f"{{files}}/{dev}", [Setup("device", dev, dev)], False) for dev in DEVICES),
        ("{files}/link", [Setup("symlink", "link", "{files}/target.txt")], False),
        ("{files}/link", [Setup("file", "target.txt", b"keep me\n"),
                          Setup("symlink", "link", "{files}/target.txt")], False),
        ("{files}/devlink", [Setup("device", "dev-full", "dev-full"),
                             Setup("symlink", "devlink", "{files}/dev-full")], False),
        ("{files}/loop", [Setup("symlink", "loop", "{files}/loop")], False),
        ("{files}/missing/folder/x", [], False),
        ("/proc/self/status", [], False),
        ("/proc/self/cmdline", [], False),
        ("{files}/d/", [Setup("dir", "d")], False),
        ("", [], False),
        ("{files}/existing.txt", [Setup("file", "existing.txt", b"keep me\n")], None),
        ("{out}/new-file", [], True),
        ("-", [], None),
    ]


def special_inputs() -> list[tuple[str, list[Setup]]]:
    """Paths no import may read: all bad."""
    return [
        ("{files}/d", [Setup("dir", "d")]),
        ("{files}/fifo", [Setup("fifo", "fifo")]),
        ("{files}/sock", [Setup("socket", "sock")]),
        *((f"{{files}}/{dev}", [Setup("device", dev, dev)]) for dev in DEVICES),
        ("{files}/zerolink", [Setup("device", "dev-zero", "dev-zero"),
                              Setup("symlink", "zerolink", "{files}/dev-zero")]),
        ("{files}/loop", [Setup("symlink", "loop", "{files}/loop")]),
        ("{files}/dangling", [Setup("symlink", "dangling", "{files}/nothing")]),
        ("{files}/missing.csv", []),
        ("{files}/missing/x.csv", []),
        ("/proc/self/status", []),
        ("/proc/self/mem", []),
        ("/proc/self/environ", []),
        ("", []),
        ("{files}/empty.csv", [Setup("file", "empty.csv", b"")]),
    ]


def huge_input() -> tuple[str, list[Setup]]:
    """Over the 200 MB cap (sparse: it costs no disk)."""
    return ("{files}/huge.csv", [Setup("sparse", "huge.csv", 210 << 20)])


# --- --db targets ------------------------------------------------------------------------

STORE_VARIANTS = ("empty", "text", "garbage", "header-only", "truncated", "empty-alembic",
                  "newer", "foreign", "foreign-empty", "no-app-id", "wal-garbage",
                  "journal-garbage", "no-tables")


def db_targets() -> list[tuple[str, list[Setup], str]]:
    """(target, what to make, its kind): every one is a store no command may use, except an
    empty file or a missing one, which only a creating command may turn into a store."""
    stores = [(f"{{files}}/{v}.db", [Setup("store", f"{v}.db", v)], v) for v in STORE_VARIANTS]
    return [
        *stores,
        ("", [], "empty string"),
        ("{files}/d", [Setup("dir", "d")], "folder"),
        ("{files}/d/", [Setup("dir", "d")], "folder/"),
        ("{files}/fifo", [Setup("fifo", "fifo")], "fifo"),
        ("{files}/sock", [Setup("socket", "sock")], "socket"),
        ("{files}/dev-zero", [Setup("device", "dev-zero", "dev-zero")], "device"),
        ("{files}/dev-full", [Setup("device", "dev-full", "dev-full")], "device"),
        ("{files}/dev-null", [Setup("device", "dev-null", "dev-null")], "device"),
        ("/proc/self/status", [], "proc"),
        ("{files}/loop", [Setup("symlink", "loop", "{files}/loop")], "symlink loop"),
        ("{files}/missing/x.db", [], "missing"),
        ("sqlite://", [], "url"),
        ("sqlite:///:memory:", [], "url"),
        ("sqlite:///file:{db}?mode=ro&uri=true", [], "url"),
        ("sqlite:///{db}?mode=ro", [], "url"),
        ("postgresql+psycopg://u:p@127.0.0.1:1/x", [], "url"),
        ("postgresql://u@127.0.0.1:1/x", [], "url"),
        ("mysql+pymysql://u@127.0.0.1:1/x", [], "url"),
        ("oracle://u@h/x", [], "url"),
        ("nosuchdriver://x/y", [], "url"),
        ("sqlite+nosuch:///{files}/x.db", [], "url"),
        ("http://example.invalid/store.db", [], "url"),
        ("://", [], "url"),
        ("sqlite:////proc/self/status", [], "url"),
    ]


def store_variant(path: Path, variant: str, demo: Path) -> None:
    if variant in ("empty", "text", "garbage", "header-only"):
        path.write_bytes({"empty": b"", "text": b"not a database\n" * 10,
                          "garbage": bytes(range(256)) * 64,
                          "header-only": b"SQLite format 3\x00" + b"\0" * 84}[variant])
        return
    if variant == "truncated":
        data = demo.read_bytes()
        path.write_bytes(data[: len(data) // 2])
        return
    if variant in ("foreign", "foreign-empty", "no-tables"):
        with closing(sqlite3.connect(path)) as conn:
            if variant == "foreign":
                conn.execute("CREATE TABLE notes (x)")
                conn.execute("INSERT INTO notes VALUES ('theirs')")
            elif variant == "no-tables":
                conn.execute("PRAGMA application_id=1397050948")
            conn.execute("PRAGMA user_version=1")
            conn.commit()
        return
    path.write_bytes(demo.read_bytes())
    if isinstance(variant, tuple):  # ("flip", positions)
        flip(path, variant[1])
        return
    if variant == "wal-garbage":
        path.with_name(path.name + "-wal").write_bytes(b"\x37\x7f\x06\x82" + b"junk" * 2000)
        return
    if variant == "journal-garbage":
        path.with_name(path.name + "-journal").write_bytes(b"\xd9\xd5\x05\xf9" + b"junk" * 2000)
        return
    sql = {"empty-alembic": "DELETE FROM alembic_version",
           "newer": "UPDATE alembic_version SET version_num = '9999'",
           "no-app-id": "PRAGMA application_id=0"}[variant]
    with closing(sqlite3.connect(path)) as conn:
        conn.execute(sql)
        conn.commit()
        conn.execute("PRAGMA journal_mode=DELETE")


def bit_flips():
    """A copy of the demo store with bits flipped (positions drawn): anywhere, or in its
    first pages (the header and the schema), where a flip is likeliest to pass a check."""
    anywhere = st.lists(st.integers(800, 3_000_000), min_size=1, max_size=16)
    early = st.lists(st.integers(800, 8 * 4096 * 8), min_size=1, max_size=4)
    return st.one_of(anywhere, early)


def flip(path: Path, positions: list[int]) -> None:
    data = bytearray(path.read_bytes())
    for bit in positions:
        byte = bit % len(data)
        data[byte] ^= 1 << (bit % 8)
    path.write_bytes(bytes(data))


# --- import files ------------------------------------------------------------------------

def _base(kind: str) -> list[list[str]]:
    import csv

    source = {"settings": FIXTURE, "people": DEMO / "people.csv",
              "schedule": DEMO / "schedule.csv"}[kind]
    rows = list(csv.reader(source.read_text(encoding="utf-8").splitlines()))
    if kind == "people":
        rows = [r[:5] for r in rows]  # the contract's columns
    return rows[:6]


def _csv(rows: list[list[str]]) -> str:
    import csv
    import io

    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


# Each mutation: (name, valid?) and how it changes (rows, text, bytes).
MUTATIONS = {
    "duplicate header": False, "missing column": False, "utf-16": False,
    "utf-16 without BOM": False, "utf-32": False, "ebcdic": False, "not cp1252": False,
    "NUL in a cell": False, "NUL late": False, "huge field": False, "10k columns": False,
    "10k columns everywhere": None, "unbalanced quote": False, "ragged row": False,
    "binary line": False, "empty": False, "bom only": False, "header only": None,
    "cr newlines": None, "bad cell": False, "utf-8 bom": True, "cp1252": True,
    "blank lines": True,
}
# The columns an import cannot do without (the rest may be optional).
REQUIRED = {"settings": {"urn", "establishmentname", "typeofestablishment (name)",
                         "establishmentstatus (name)", "la (name)"},
            "people": {"name"}, "schedule": {"date", "start", "end", "kind", "title"}}
BAD_CELLS = {
    "settings": [("URN", ["²³⁴", "abc", "", "-5", "1e5", "１９０００１"]),
                 ("Easting", ["99999999999999999999", "1.5", "east", "-99999999999999999999"]),
                 ("Northing", ["99999999999999999999", "n"]),
                 ("StatutoryLowAge", ["99999999999999999999", "four"])],
    "people": [("name", ["", " "])],
    "schedule": [("date", ["2026-02-30", "tomorrow", "", "30/11/2026", "9999-99-99"]),
                 ("start", ["25:00", "", "9.00", "٠٩:٠٠"]), ("end", ["08:00", "24:01"]),
                 ("kind", ["party", ""]), ("title", [""]),
                 ("setting_urn", ["999999", "²³⁴"])],
}


@st.composite
def import_files(draw):
    """(kind, mutation, bytes, valid?) for `import settings|people|schedule`."""
    kind = draw(st.sampled_from(["settings", "people", "schedule"]))
    mutation = draw(st.sampled_from(sorted(MUTATIONS)))
    rows = _base(kind)
    valid = MUTATIONS[mutation]
    label = mutation
    if mutation == "duplicate header":
        at = draw(st.integers(0, len(rows[0]) - 1))
        rows[0][(at + 1) % len(rows[0])] = rows[0][at]
        label += f" {rows[0][at]!r}"
    elif mutation == "missing column":
        at = draw(st.integers(0, len(rows[0]) - 1))
        valid = False if rows[0][at].lower() in REQUIRED[kind] else None
        label += f" {rows[0][at]!r}"
        rows[0][at] = rows[0][at] + "_renamed"
    elif mutation == "huge field":
        rows[1][draw(st.integers(0, len(rows[1]) - 1))] = "x" * draw(st.integers(140_000,
                                                                                 600_000))
    elif mutation == "10k columns":
        rows[0] += [f"extra{i}" for i in range(10_000)]
    elif mutation == "10k columns everywhere":
        rows = [r + [f"e{i}" for i in range(10_000)] for r in rows]
    elif mutation == "ragged row":
        rows[2] = rows[2] + ["one", "too", "many"]
    elif mutation == "bad cell":
        column, values = draw(st.sampled_from(BAD_CELLS[kind]))
        header = [h.lower() for h in rows[0]]
        value = draw(st.sampled_from(values))
        rows[1][header.index(column.lower())] = value
        label += f" {column}={value!r}"
    return kind, label, _encode(mutation, _csv(rows), draw), valid


def _encode(mutation: str, text: str, draw) -> bytes:
    if mutation == "utf-16":
        return text.encode("utf-16")
    if mutation == "utf-16 without BOM":
        return text.encode("utf-16-le")
    if mutation == "utf-32":
        return text.encode("utf-32")
    if mutation == "ebcdic":
        return text.encode("cp500")
    if mutation == "not cp1252":
        return text.encode("utf-8") + b"\x81\x8d\x8f\x90\x9d\r\n"
    if mutation == "utf-8 bom":
        return text.encode("utf-8-sig")
    if mutation == "cp1252":
        return text.replace("School", "Schöol").encode("cp1252")
    data = text.encode("utf-8")
    if mutation == "NUL in a cell":
        at = draw(st.integers(0, len(data) - 1))
        return data[:at] + b"\x00" + data[at:]
    if mutation == "NUL late":
        return data + b"x" * 5000 + b"\x00,\x00\r\n"
    if mutation == "unbalanced quote":
        return data + b'"never closed,\r\n'
    if mutation == "binary line":
        return data + bytes(draw(st.binary(min_size=20, max_size=200))) + b"\r\n"
    if mutation == "empty":
        return b""
    if mutation == "bom only":
        return b"\xef\xbb\xbf"
    if mutation == "header only":
        return data.split(b"\r\n")[0] + b"\r\n"
    if mutation == "cr newlines":
        return data.replace(b"\r\n", b"\r")
    if mutation == "blank lines":
        return data.replace(b"\r\n", b"\r\n\r\n")
    return data


# --- config files ------------------------------------------------------------------------

def configs() -> list[tuple[str, list[Setup] | bytes, bool]]:
    """(what, the config.toml bytes or setups, must the app say it ignored them?)."""
    deep_tables = "[" + ".".join(["a"] * 5000) + "]\nx = 1\n"
    deep_arrays = "keys = " + "[" * 5000 + "]" * 5000 + "\n"
    deep_inline = "keys = " + "{a = " * 3000 + "1" + "}" * 3000 + "\n"
    return [
        ("5,000 nested tables", deep_tables.encode(), False),
        ("5,000 nested arrays", deep_arrays.encode(), True),
        ("3,000 nested inline tables", deep_inline.encode(), True),
        ("binary", bytes(range(256)) * 40, True),
        ("UTF-16", '[keys]\nquit = "x"\n'.encode("utf-16"), True),
        ("keys is a number", b"keys = 5\n", True),
        ("keys is a string", b'keys = "x"\n', True),
        ("a key bound to a number", b"[keys]\nquit = 5\n", True),
        ("a key bound to a table", b"[keys.quit]\nx = 1\n", True),
        ("not TOML", b"[keys\nquit = \n", True),
        ("duplicate key", b'[keys]\nquit = "x"\nquit = "y"\n', True),
        ("an empty key", b'[keys]\nquit = ""\n', None),
        ("an unknown binding", b'[keys]\nno-such-binding = "x"\n', None),
        ("a nonsense key name", b'[keys]\nquit = "ctrl+alt+shift+nonsense+++"\n', None),
        ("NUL", b'[keys]\nquit = "\x00"\n', True),
        ("10 MB", b"# " + b"x" * (10 << 20) + b"\n", None),
        ("a folder", [Setup("dir", "config/sendtui/config.toml")], None),
        ("a FIFO", [Setup("fifo", "config/sendtui/config.toml")], None),
        ("a device", [Setup("device", "config/sendtui/config.toml", "dev-zero")], None),
        ("a symlink loop", [Setup("symlink", "config/sendtui/config.toml",
                                  "{files}/config/sendtui/config.toml")], None),
    ]
