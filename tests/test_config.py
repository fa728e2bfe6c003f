import pytest

from sendtui.config import default_db_target, load_keymap
from sendtui.errors import ConfigError


def test_keymap_overrides_come_from_the_keys_table(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('[keys]\nadd-line = "A"\nhelp = "f1,question_mark"\n')
    assert load_keymap(path) == {"add-line": "A", "help": "f1,question_mark"}


def test_no_config_file_means_no_overrides(tmp_path):
    assert load_keymap(tmp_path / "missing.toml") == {}


@pytest.mark.parametrize("text", ["[keys\n", "[keys]\nadd-line = 3\n", "keys = 'x'\n"])
def test_a_broken_config_file_is_named(tmp_path, text):
    path = tmp_path / "config.toml"
    path.write_text(text)
    with pytest.raises(ConfigError, match="config.toml"):
        load_keymap(path)


def test_default_store_is_in_the_data_folder_unless_sendtui_db(monkeypatch, tmp_path):
    assert default_db_target().endswith("sendtui/sendtui.db")
    monkeypatch.setenv("SENDTUI_DB", str(tmp_path / "x.db"))
    assert default_db_target() == str(tmp_path / "x.db")
