"""Where output may go and what input may be read (`sendtui.files`): regular files only,
links never followed, no folder made, atomic writes, a size cap on reading."""

from __future__ import annotations

import os
import socket
import stat

import pytest

from sendtui.errors import BadFile, FileRefused
from sendtui.files import atomic_output, check_input, check_output, read_input, write_output


def test_a_new_file_in_a_folder_that_exists_is_written_private(tmp_path):
    path = write_output(tmp_path / "out.csv", b"a,b\n", force=False)
    assert path.read_bytes() == b"a,b\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert os.listdir(tmp_path) == ["out.csv"]  # no temporary file left


def test_an_existing_file_is_replaced_only_with_force(tmp_path):
    mine = tmp_path / "mine.txt"
    mine.write_text("mine")
    with pytest.raises(FileRefused, match="already exists: add --force"):
        write_output(mine, b"new", force=False)
    assert mine.read_text() == "mine"
    write_output(mine, b"new", force=True)
    assert mine.read_bytes() == b"new"


def test_a_missing_folder_is_refused_and_not_made(tmp_path):
    with pytest.raises(FileRefused, match="there is no folder"):
        write_output(tmp_path / "nope" / "deeper" / "x.md", b"x", force=True)
    assert os.listdir(tmp_path) == []


def test_a_symbolic_link_is_never_followed_nor_replaced(tmp_path):
    target = tmp_path / "target.txt"
    target.write_text("kept")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    dangling = tmp_path / "dangling.txt"
    dangling.symlink_to(tmp_path / "nowhere.txt")
    for path in (link, dangling):
        with pytest.raises(FileRefused, match="symbolic link"):
            write_output(path, b"x", force=True)
        assert path.is_symlink()
    assert target.read_text() == "kept" and not (tmp_path / "nowhere.txt").exists()


def test_a_folder_fifo_socket_or_device_is_refused(tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(tmp_path / "sock"))
    try:
        for path, kind in ((tmp_path, "a folder"), (fifo, "a FIFO"),
                           (tmp_path / "sock", "a socket"), ("/dev/null", "a device")):
            with pytest.raises(FileRefused, match=kind):
                check_output(path, force=True)
    finally:
        sock.close()
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_failed_write_leaves_nothing_and_the_old_file_intact(tmp_path):
    old = tmp_path / "old.db"
    old.write_text("old")
    with pytest.raises(RuntimeError), atomic_output(old, force=True) as tmp:
        tmp.write_text("half")
        raise RuntimeError("disk gone")
    assert old.read_text() == "old" and os.listdir(tmp_path) == ["old.db"]


@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="Linux /proc")
def test_a_folder_that_refuses_writing_is_one_clear_refusal():
    with pytest.raises(FileRefused, match="cannot write /proc/self/status"):
        write_output("/proc/self/status", b"x", force=True)


def test_inputs_are_regular_files_and_a_fifo_is_never_opened(tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)  # opening it would wait for a writer forever
    for path, kind in ((fifo, "a FIFO"), ("/dev/zero", "a device"), (tmp_path, "a folder")):
        with pytest.raises(BadFile, match=kind):
            read_input(path)
    with pytest.raises(BadFile, match="cannot read"):
        check_input(tmp_path / "missing.csv")


def test_inputs_over_the_cap_are_refused_with_the_size(tmp_path):
    big = tmp_path / "big.csv"
    big.write_bytes(b"x" * 3_000_001)
    with pytest.raises(BadFile, match="3 MB: files of up to 2 MB"):
        read_input(big, cap=2_000_000)
    link = tmp_path / "link.csv"
    link.symlink_to(big)  # a link to a regular file is read
    assert len(read_input(link, cap=4_000_000)) == 3_000_001
