import datetime as dt

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


@pytest.mark.parametrize("nested", ["[" * 5000 + "]" * 5000, "{a=" * 5000 + "1" + "}" * 5000])
def test_a_config_nested_too_deeply_is_named_not_a_crash(tmp_path, nested):
    path = tmp_path / "config.toml"
    path.write_text(f"[keys]\nadd-line = {nested}\n")
    with pytest.raises(ConfigError, match="config.toml: nested too deeply"):
        load_keymap(path)


def test_a_config_file_too_big_to_be_one_is_refused(tmp_path):
    path = tmp_path / "config.toml"
    path.write_bytes(b"#" * 2_000_000)
    with pytest.raises(ConfigError, match="files of up to 1 MB"):
        load_keymap(path)


@pytest.mark.parametrize("text", ["x", "2026-13-01", "9999-99-99", " "])
def test_a_bad_sendtui_today_is_named(monkeypatch, text):
    from sendtui.config import today

    monkeypatch.setenv("SENDTUI_TODAY", text)
    with pytest.raises(ConfigError, match="SENDTUI_TODAY is not a date"):
        today()


def test_a_config_saved_with_a_byte_order_mark_is_read(tmp_path):
    path = tmp_path / "config.toml"
    path.write_bytes("\ufeff[keys]\nadd-line = \"A\"\n".encode())
    assert load_keymap(path) == {"add-line": "A"}


def test_closure_days_come_from_the_calendar_table(tmp_path):
    from sendtui.config import load_closures

    path = tmp_path / "config.toml"
    path.write_text("[calendar]\nclosures = [2026-12-24, \"2026-12-31\"]\n")
    assert load_closures(path) == {dt.date(2026, 12, 24): "Closure",
                                   dt.date(2026, 12, 31): "Closure"}
    path.write_text('[calendar.closures]\n2026-12-24 = "Council closure"\n')
    assert load_closures(path) == {dt.date(2026, 12, 24): "Council closure"}


@pytest.mark.parametrize("text", ['[calendar]\nclosures = ["24/12/2026"]\n',
                                  "[calendar]\nclosures = 3\n",
                                  "[calendar]\nclosures = [2026-12-24T10:00:00]\n"])
def test_a_closure_that_is_not_a_date_is_refused(tmp_path, text):
    from sendtui.config import load_closures

    path = tmp_path / "config.toml"
    path.write_text(text)
    with pytest.raises(ConfigError, match="closures are dates"):
        load_closures(path)
