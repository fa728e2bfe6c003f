"""Files the user names: where an export or a backup may go, what an import may read.

An output is a new file in a folder that exists, or an existing regular file replaced only
when asked; never a device, FIFO, socket, folder or symbolic link (looked at, not followed),
and no folder is ever made for it. It is written atomically: a temporary file beside it,
flushed to disk and renamed over it, so a refused or failed write leaves nothing behind.

An input is a regular file under a size cap, checked before it is opened (opening a FIFO
would wait for a writer forever; a device may never end) and read in chunks.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sendtui.errors import BadFile, FileRefused

MB = 1_000_000
INPUT_CAP = 200 * MB  # a GIAS extract of every establishment in England is about 60 MB
CHUNK = 1 << 20
REPLACE_HINT = "add --force to replace it"


def check_output(path: str | Path, force: bool, hint: str = REPLACE_HINT) -> Path:
    """`path` as a place to write: FileRefused (exit 2) unless it is new in a folder that
    exists, or an existing regular file and `force` is given."""
    path = Path(path).expanduser()
    try:
        found = os.lstat(path)
    except FileNotFoundError:
        _check_folder(path)
        return path
    except ValueError:  # a NUL byte
        raise FileRefused(f"{_p(path)} is not a path a file can have") from None
    except OSError as exc:
        raise FileRefused(f"cannot write {_p(path)}: {_why(exc)}") from None
    kind = what_it_is(found.st_mode)
    if kind == "a folder":
        raise FileRefused(f"{_p(path)} is a folder: give a file name")
    if kind:
        raise FileRefused(f"{_p(path)} is {kind}: give the path of a regular file")
    if not force:
        raise FileRefused(f"{_p(path)} already exists: {hint}")
    return path


@contextmanager
def atomic_output(path: str | Path, force: bool, hint: str = REPLACE_HINT) -> Iterator[Path]:
    """A temporary path beside `path` (mode 0600) to fill in the block; afterwards it is
    flushed to disk and renamed over `path`. Nothing is left behind when the block fails."""
    path = check_output(path, force, hint)
    try:
        fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise FileRefused(f"cannot write {_p(path)}: {_why(exc)}") from None
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        check_output(path, force, hint)  # the same answer as before, just before the rename
        _fsync(tmp)
        os.replace(tmp, path)
        _fsync_folder(path.parent)
    except OSError as exc:
        raise FileRefused(f"cannot write {_p(path)}: {_why(exc)}") from None
    finally:
        tmp.unlink(missing_ok=True)


def write_output(path: str | Path, data: bytes, force: bool,
                 hint: str = REPLACE_HINT) -> Path:
    """Write `data` to `path` atomically, mode 0600."""
    with atomic_output(path, force, hint) as tmp:
        tmp.write_bytes(data)
    return Path(path).expanduser()


def check_input(path: str | Path, cap: int = INPUT_CAP) -> os.stat_result:
    """`path` as a file to read: BadFile (exit 2) unless it is a regular file (a link to one
    will do) of at most `cap` bytes. Nothing is opened."""
    path = Path(path).expanduser()
    try:
        found = os.stat(path)
    except ValueError:  # a NUL byte
        raise BadFile(f"{_p(path)} is not a path a file can have") from None
    except OSError as exc:
        raise BadFile(f"cannot read {_p(path)}: {_why(exc)}") from None
    kind = what_it_is(found.st_mode)
    if kind:
        raise BadFile(f"{_p(path)} is {kind}, not a file to read")
    if found.st_size > cap:
        raise BadFile(f"{_p(path)} is {found.st_size / MB:,.0f} MB: files of up to "
                      f"{cap / MB:,.0f} MB can be read")
    return found


def read_input(path: str | Path, cap: int = INPUT_CAP) -> bytes:
    """The bytes of a regular file of at most `cap` bytes, read in chunks; BadFile otherwise
    (also when the file grows past the cap or is swapped for something else while read)."""
    path = Path(path).expanduser()
    checked = check_input(path, cap)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise BadFile(f"cannot read {_p(path)}: {_why(exc)}") from None
    with os.fdopen(fd, "rb") as f:
        opened = os.fstat(fd)
        if (opened.st_dev, opened.st_ino) != (checked.st_dev, checked.st_ino):
            raise BadFile(f"{_p(path)} changed while it was opened: try again")
        chunks, size = [], 0
        try:
            while chunk := f.read(CHUNK):
                size += len(chunk)
                if size > cap:
                    raise BadFile(f"{_p(path)} is over {cap / MB:,.0f} MB: files of up to "
                                  f"{cap / MB:,.0f} MB can be read")
                chunks.append(chunk)
        except OSError as exc:
            raise BadFile(f"cannot read {_p(path)}: {_why(exc)}") from None
    return b"".join(chunks)


def _check_folder(path: Path) -> None:
    folder = path.parent
    try:
        found = os.stat(folder)  # a linked folder is a folder
    except FileNotFoundError:
        raise FileRefused(f"there is no folder {_p(folder)}: make it first") from None
    except OSError as exc:
        raise FileRefused(f"cannot write in {_p(folder)}: {_why(exc)}") from None
    if not stat.S_ISDIR(found.st_mode):
        raise FileRefused(f"{_p(folder)} is not a folder")


def what_it_is(mode: int) -> str:
    """'' for a regular file, else what the path is, as a user would say it."""
    if stat.S_ISREG(mode):
        return ""
    if stat.S_ISLNK(mode):
        return "a symbolic link (it is not followed)"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def shown(path: str | Path) -> str:
    """A path the user gave, as a message names it (see `_p`)."""
    return _p(Path(path).expanduser())


def _p(path: Path) -> str:
    """A path for a one-line message: as typed, or quoted and cut short when it is long or
    holds a control character."""
    text = str(path)
    if text.isprintable() and len(text) <= 120:
        return text
    return repr(text if len(text) <= 120 else text[:120] + "…")


def _why(exc: OSError) -> str:
    return (exc.strerror or type(exc).__name__).lower()


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_folder(folder: Path) -> None:
    """The rename itself survives a power cut only once the folder is on disk."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # not possible on every system; the file itself is safe
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
