"""A small disk that fills, and a store that turns read-only.

As root: a tmpfs of a few megabytes (it fills for real, and is remounted read-only between
commands). A running program keeps its open files writable through any remount or chmod, so
"read-only mid-session" is made the way a filesystem that goes read-only under a program is
felt by it: its open descriptors on the store are swapped for read-only ones (writes fail), and
the files and folder are chmod 0400/0500 with root's permission override dropped (new opens
are read-only). Without root: no mount; the file-size limit (RLIMIT_FSIZE) is the full disk.
"""

from __future__ import annotations

import ctypes
import os
import subprocess
from contextlib import contextmanager
from pathlib import Path

CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER = 1, 2, 3


def is_root() -> bool:
    return os.geteuid() == 0


def _mount(*args: str) -> bool:
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


@contextmanager
def small_disk(folder: Path, size: int):
    """`folder` on a tmpfs of `size` bytes; yields how ("tmpfs" or "RLIMIT_FSIZE")."""
    folder.mkdir(parents=True, exist_ok=True)
    mounted = is_root() and _mount("-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs",
                                   str(folder))
    try:
        yield "tmpfs" if mounted else "RLIMIT_FSIZE"
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def grow(folder: Path, size: int) -> None:
    """Space returns: the tmpfs made bigger."""
    _mount("-o", f"remount,size={size}", str(folder))


def fill(path: Path, room: int | None = None) -> None:
    """Write a filler file until the disk is full, or until `room` bytes are left. Only ever
    on the campaign's own tmpfs."""
    stat = os.statvfs(path.parent)
    free = stat.f_bavail * stat.f_frsize
    want = free if room is None else max(0, free - room)
    with path.open("ab") as fh:
        try:
            while want > 0:
                n = min(want, 1 << 16)
                fh.write(b"\0" * n)
                fh.flush()
                want -= n
        except OSError:
            pass


READ_ONLY = {"remount": None, "file": (0o400, 0o700), "folder": (0o600, 0o500),
             "both": (0o400, 0o500)}


@contextmanager
def read_only_between_commands(folder: Path, files: list[Path], way: str):
    """No program has the store open: the tmpfs remounted read-only (root), or the file, the
    folder or both chmod'ed (the children must then run without root's override)."""
    if way == "remount":
        if not (is_root() and _mount("-o", "remount,ro", str(folder))):
            way = "both"
    if way != "remount":
        set_modes(folder, files, *READ_ONLY[way])
    try:
        yield {"remount": "tmpfs remounted ro", "file": "file chmod 0400",
               "folder": "folder chmod 0500", "both": "file 0400, folder 0500"}[way]
    finally:
        if way == "remount":
            _mount("-o", "remount,rw", str(folder))
        set_modes(folder, files, 0o600, 0o700)


def set_modes(folder: Path, files: list[Path], file_mode: int, folder_mode: int) -> None:
    for path in files:
        if path.exists():
            path.chmod(file_mode)
    folder.chmod(folder_mode)


def file_limit(size: int):
    """A child's setup: no file it writes may grow past `size` bytes (EFBIG, a full disk)."""
    def setup() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))

    return setup


class _Header(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]


class _Data(ctypes.Structure):
    _fields_ = [("effective", ctypes.c_uint32), ("permitted", ctypes.c_uint32),
                ("inheritable", ctypes.c_uint32)]


def drop_root_override() -> None:
    """This process as root without the power to ignore file permissions (so chmod 0400 on a
    root-owned file stops it writing); nothing to do for other users."""
    if not is_root():
        return
    libc = ctypes.CDLL(None, use_errno=True)
    header = _Header(0x20080522, 0)  # _LINUX_CAPABILITY_VERSION_3
    data = (_Data * 2)()
    if libc.capget(ctypes.byref(header), data) != 0:
        raise OSError(ctypes.get_errno(), "capget")
    mask = ~((1 << CAP_DAC_OVERRIDE) | (1 << CAP_DAC_READ_SEARCH) | (1 << CAP_FOWNER))
    data[0].effective &= mask
    data[0].permitted &= mask
    if libc.capset(ctypes.byref(header), data) != 0:
        raise OSError(ctypes.get_errno(), "capset")
