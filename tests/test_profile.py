"""The laptop's user (profile.toml): read, written safely, never a broken file."""

from __future__ import annotations

import tomllib

import pytest

from sendtui.config import Profile, load_profile, profile_file, save_profile
from sendtui.errors import ConfigError, InvalidInput


def test_no_profile_file_is_an_empty_profile_not_yet_asked(tmp_path):
    assert load_profile(tmp_path / "none.toml") == Profile()


@pytest.mark.parametrize("name", ['Siân "Sid" O’Neill', "C:\\Users\\x", "Łukasz # not a comment"])
def test_what_is_saved_reads_back_the_same(tmp_path, name):
    path = tmp_path / "sub" / "profile.toml"
    save_profile(Profile(name, "HMI [lead]"), path)
    assert load_profile(path) == Profile(name, "HMI [lead]", True)
    assert tomllib.loads(path.read_text("utf-8"))["profile"]["name"] == name


def test_skipping_the_question_is_remembered_without_a_name(tmp_path):
    path = tmp_path / "profile.toml"
    save_profile(Profile(asked=True), path)
    assert load_profile(path) == Profile("", "", True)


def test_the_author_names_the_role_when_given():
    assert Profile("Priya Shah", "Lead HMI").author == "Priya Shah (Lead HMI)"
    assert Profile("Priya Shah").author == "Priya Shah" and Profile().author == ""


def test_a_name_on_two_lines_is_refused_and_nothing_written(tmp_path):
    path = tmp_path / "profile.toml"
    with pytest.raises(InvalidInput):
        save_profile(Profile("Priya\nShah", ""), path)
    assert not path.exists()


def test_a_broken_profile_file_is_said_not_a_traceback(tmp_path):
    path = tmp_path / "profile.toml"
    path.write_text("[profile]\nname = 3\n")
    with pytest.raises(ConfigError, match=r"\[profile\]"):
        load_profile(path)


def test_the_profile_lives_beside_config_toml_in_the_config_folder():
    assert profile_file().parent.name == "sendtui" and profile_file().name == "profile.toml"
