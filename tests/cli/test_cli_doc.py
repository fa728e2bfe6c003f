"""docs/cli.md keeps step with the commands: every command and option of the click tree is
documented under its own heading, and every command or option documented there exists."""

from __future__ import annotations

import re
from pathlib import Path

import click

from sendtui import cli as cli_module
from sendtui.domain.frameworks import FRAMEWORKS
from sendtui.domain.kinds import AUDIENCES, EVENT_KINDS, SETTING_KINDS, SOURCE_KINDS

DOC = Path(__file__).resolve().parents[2] / "docs" / "cli.md"
DOMAIN = Path(cli_module.__file__).resolve().parents[1] / "domain"
# Documented, being built by other helpers of issue 14 at the same time: the lead empties
# this list when their branches are merged.
PENDING: set[str] = set()
HEADING = re.compile(r"^#{2,4} `sendtui(?: ([a-z -]+?))?`\s*$", re.M)
OPTION_CELL = re.compile(r"^\| `(-[-a-z]*)(?:[ =][^`]*)?`(?: / `(-[-a-z]*)`)?", re.M)


def tree(command: click.Command, path: str = "", ctx=None) -> dict[str, set[str]]:
    """Every command's path ('' for sendtui itself) and its option names, help left out."""
    ctx = ctx or click.Context(command, info_name="sendtui")
    options = {name for p in command.params if isinstance(p, click.Option)
               for name in (*p.opts, *p.secondary_opts)} - {"--help", "-h"}
    found = {path: options}
    if isinstance(command, click.Group):
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            found |= tree(sub, f"{path} {name}".strip(), click.Context(sub, info_name=name,
                                                                        parent=ctx))
    return found


def documented(text: str) -> dict[str, set[str]]:
    """Each command heading's path and the options in the table under it."""
    heads = list(HEADING.finditer(text))
    found = {}
    for head in heads:
        rest = text[head.end():]
        section = rest[:re.search(r"^#", rest, re.M).start()] if re.search(r"^#", rest,
                                                                            re.M) else rest
        found[head.group(1) or ""] = {name for m in OPTION_CELL.finditer(section)
                                      for name in m.groups() if name}
    return found


def mismatches(built: dict[str, set[str]], doc: dict[str, set[str]]) -> list[str]:
    groups = {path.rpartition(" ")[0] for path in built if " " in path}
    wrong = []
    for path, options in built.items():
        if path not in doc and (path not in groups or path == ""):
            wrong.append(f"undocumented command: sendtui {path}".strip())
            continue
        wrong += [f"undocumented option: sendtui {path} {o}".replace("  ", " ")
                  for o in sorted(options - doc.get(path, set()))]
    for path, options in doc.items():
        if path not in built:
            if path not in PENDING:
                wrong.append(f"documented but not built: sendtui {path}")
            continue
        wrong += [f"documented but not built: sendtui {path} {o}"
                  for o in sorted(options - built[path]) if f"{path} {o}" not in PENDING]
    return wrong


def test_every_command_and_option_is_documented_and_exists():
    assert mismatches(tree(cli_module.cli), documented(DOC.read_text())) == []


def test_a_new_command_without_its_page_fails(monkeypatch):
    monkeypatch.setitem(cli_module.COMMANDS, "frobnicate", "week:check")
    assert mismatches(tree(cli_module.cli), documented(DOC.read_text())) == [
        "undocumented command: sendtui frobnicate"]


def test_a_new_option_without_its_row_fails():
    built = tree(cli_module.cli)
    built["check"] = built["check"] | {"--since"}
    assert mismatches(built, documented(DOC.read_text())) == [
        "undocumented option: sendtui check --since"]


def test_a_documented_command_that_is_not_built_fails():
    doc = documented(DOC.read_text())
    doc["check again"] = set()
    assert mismatches(tree(cli_module.cli), doc) == [
        "documented but not built: sendtui check again"]


def test_pending_is_only_what_is_still_missing():
    built = tree(cli_module.cli)
    still_missing = {p for p in PENDING if p not in built and
                     p.rpartition(" ")[2] not in built.get(p.rpartition(" ")[0], set())}
    assert still_missing == PENDING, f"built now, remove from PENDING: {PENDING - still_missing}"


def test_every_slug_and_rule_is_in_the_vocabulary():
    text = DOC.read_text()
    slugs = [*FRAMEWORKS, *SETTING_KINDS, *EVENT_KINDS, *SOURCE_KINDS, *AUDIENCES]
    assert [s for s in slugs if f"`{s}`" not in text] == []
    source = "".join(p.read_text() for p in (DOMAIN / "schedule.py", DOMAIN / "phase_checks.py"))
    rules = set(re.findall(r'Problem\(\s*(?:ERROR|WARNING),\s*"([a-z-]+)"', source))
    rules |= set(re.findall(r'\(\s*"(coverage-[a-z-]+)", "[a-z-]+",', source))
    rules |= {"coverage-final-feedback"}
    assert len(rules) > 15
    assert sorted(r for r in rules if f"| `{r}` |" not in text) == []
