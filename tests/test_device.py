"""This laptop's identity (device.toml): made once, kept, never silently replaced."""

from __future__ import annotations

import os
import socket
import tomllib
import uuid

import pytest
from click.testing import CliRunner

from sendtui.cli import cli
from sendtui.config import Device, Profile, device_file, load_device
from sendtui.errors import ConfigError

SOME_ID = "5f0c6a52-8d7e-4b1e-9a4e-2f1d3c0b9e77"


@pytest.fixture
def fresh():
    """A laptop that has never run sendtui (the suite's own device.toml removed)."""
    device_file().unlink()
    return device_file()


def test_the_identity_is_made_once_and_then_read_back(fresh):
    first = load_device()
    assert fresh.is_file() and load_device() == first
    assert uuid.UUID(first.id).version == 4 and first.name == ""
    written = tomllib.loads(fresh.read_text("utf-8"))["device"]
    assert written == {"id": first.id, "name": ""}
    assert oct(fresh.stat().st_mode & 0o777) == "0o600"
    assert [p.name for p in fresh.parent.iterdir() if p.name.startswith(".device")] == []


def test_a_file_made_meanwhile_by_another_process_wins(fresh, monkeypatch):
    theirs = str(uuid.uuid4())

    def racing_link(tmp, path):
        path.write_text(f'[device]\nid = "{theirs}"\nname = ""\n')
        raise FileExistsError(path)

    monkeypatch.setattr("sendtui.config._link_new", racing_link)
    assert load_device().id == theirs


@pytest.mark.parametrize("text", ["[device\n", "[device]\nid = \"laptop-1\"\n", "x = 1\n",
                                  f"[device]\nid = \"{SOME_ID}\"\nname = 3\n",
                                  f"[device]\nid = \"{SOME_ID}\"\nname = \"\\u001b[31mX\"\n"])
def test_a_broken_file_is_a_one_line_error_and_is_left_as_it_is(text):
    device_file().write_text(text)
    with pytest.raises(ConfigError) as caught:
        load_device()
    message = str(caught.value)
    assert str(device_file()) in message and "\n" not in message
    assert device_file().read_text() == text


def test_a_command_with_a_broken_identity_says_so_in_one_line_and_changes_nothing(
        tmp_path, demo_db):
    device_file().write_text("[device]\nid = \"not-a-uuid\"\n")
    before = demo_db.read_bytes()
    for argv in (["--db", str(tmp_path / "s.db"), "demo"], ["--db", str(demo_db), "inspection", "list"]):
        result = CliRunner().invoke(cli, argv)
        assert result.exit_code == 2, result.output
        assert result.stderr.startswith("sendtui: ") and result.stderr.count("\n") == 1
        assert "remove the file to start afresh" in result.stderr
    assert not (tmp_path / "s.db").exists() and demo_db.read_bytes() == before


def test_the_name_shown_to_other_laptops():
    assert Device(str(uuid.uuid4()), "Kwame's laptop").label() == "Kwame's laptop"
    unnamed = Device(str(uuid.uuid4()))
    assert unnamed.label(Profile("Priya Shah", "HMI")) == "Priya Shah's laptop"
    assert unnamed.label(Profile()) == (socket.gethostname() or "This laptop")


def test_the_identity_lives_in_the_config_folder():
    assert device_file().parent == (
        __import__("pathlib").Path(os.environ["XDG_CONFIG_HOME"]) / "sendtui")
