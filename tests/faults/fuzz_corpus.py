"""The fuzz corpus: every command and option the command line has (read from click, so a new
option is fuzzed too) and those the contract promises, each given bad values; special paths;
`--db` targets; import files; config files; environment variables; search queries.

Hypothesis draws the values with a fixed seed (`derandomize`), so a corpus is the same from
run to run; each case says whether its input is bad, valid, or arguable ("either")."""

from __future__ import annotations

from dataclasses import dataclass, field

import click
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.faults import fuzz_inputs as fi
from tests.faults import fuzz_values as fv


@dataclass
class Case:
    group: str
    args: list[str]
    expect: str  # "bad", "valid" or "either"
    why: str = ""  # what is bad about it
    env: dict[str, str] = field(default_factory=dict)
    setups: list = field(default_factory=list)
    tui: bool = False  # run the app (headless) rather than a command
    demo_db: bool = True  # given --db (the demo copy) unless it names its own store
    must_say: bool | None = None  # the app must show a message (tui)

    def key(self) -> str:
        return repr((self.args, sorted(self.env.items()), self.setups, self.tui))


@dataclass(frozen=True)
class Facts:
    """What the demo store holds, for the oracles."""
    lines: frozenset[str]
    urns: frozenset[str]
    people: frozenset[str]
    evidence_id: str
    event_id: str


VALID = {"date": "2026-11-30", "datetime": "2026-11-30 10:00", "time": "09:00", "int": "5",
         "float": "1.3", "line": "B5", "urn": "190001", "person": "Helen Marsden",
         "ref": "Wealdshire", "text": "Fuzz text", "evtext": "Seen the plan.", "search": "plan",
         "out": "{out}/x", "infile": "{files}/in.csv", "pseudonym": "CYP-01"}
SKIP = {("run",)}  # it opens the app (demo is run with --no-open)


def expect_of(ok: bool | None) -> str:
    return {True: "valid", False: "bad", None: "either"}[ok]


def leaves(group: click.Group, path=()):
    for name in sorted(group.list_commands(None)):  # the top group loads its commands lazily
        command = group.get_command(None, name)
        if isinstance(command, click.Group):
            yield from leaves(command, path + (name,))
        elif path + (name,) not in SKIP:
            yield path + (name,), command


def kind_of(param: click.Parameter) -> str:
    """What a parameter takes, from its click type and its name."""
    if isinstance(param.type, click.Choice):
        return "choice"
    if isinstance(param.type, click.types.IntParamType):
        return "int"
    if isinstance(param.type, click.types.FloatParamType):
        return "float"
    name = param.name or ""
    if name in ("output",):
        return "out"
    if name in ("file",) or isinstance(param.type, click.Path):
        return "infile"
    for kind, names in (("date", ("notified", "published", "start", "end", "day", "date")),
                        ("datetime", ("at", "due")), ("time", ("day_start", "day_end")),
                        ("urn", ("setting_urn",)), ("line", ("line",)),
                        ("person", ("person", "owner")), ("search", ("query",)),
                        ("evtext", ("text",))):
        if name in names:
            return kind
    if name == "pseudonym" and isinstance(param, click.Argument):
        return "pseudonym"  # one to remove: must exist
    return "text"


def strategy(kind: str, param: click.Parameter, facts: Facts):
    """Bad values (hypothesis) and their oracle, for a parameter."""
    if kind == "choice":
        choices = list(param.type.choices)
        return fv.choices_bad(choices), fv.one_of_choices(choices)
    if kind == "int":
        low = getattr(param.type, "min", None)
        high = getattr(param.type, "max", None)
        if param.name == "n":  # working days: any number whose date exists
            return fv.numbers(), fv.int_in(-100_000, 100_000, 2_500_000)
        return fv.numbers(), fv.int_in(low if low is not None else 0,
                                       high if high is not None else 10 ** 6, 2 ** 63 - 1)
    table = {
        "float": (fv.floats(), fv.positive_float_ok),
        "date": (fv.dates(), fv.date_ok),
        "datetime": (fv.datetimes(), fv.datetime_ok),
        "time": (fv.times(), fv.time_ok),
        "urn": (fv.urns(), fv.member_of(facts.urns)),
        "line": (st.one_of(fv.TEXT, st.sampled_from(["Z9", "", "A0", "B55", " "])),
                 fv.member_of(facts.lines, upper=True)),
        "person": (st.one_of(fv.TEXT, st.sampled_from(["", "Nobody Here"])),
                   fv.person_in(facts.people)),
        "pseudonym": (st.one_of(fv.TEXT, st.sampled_from(["CYP-99", ""])), lambda _: False),
        "search": (fv.searches(), fv.search_ok),
        "evtext": (fv.texts(), lambda t: False if not t.strip() else None),
        "text": (fv.texts(), lambda t: None),
    }
    return table[kind]


def build(path, command: click.Command, given: dict[str, str] | None = None) -> list[str]:
    """The command's argv: `given` values, required parameters valid, outputs in {out}."""
    given = given or {}
    args = list(path) + (["--no-open"] if path == ("demo",) else [])
    for param in command.params:
        if param.name in given:
            value = given[param.name]
        elif param.required:
            kind = kind_of(param)
            value = (list(param.type.choices)[0] if kind == "choice" else VALID.get(kind, "x"))
            if kind == "out":
                value += "." + {"ics": "ics", "schedule": "csv", "evidence": "md",
                                "pack": "html"}.get(path[-1], "out")
        else:
            continue
        args += [value] if isinstance(param, click.Argument) else [param.opts[0], value]
    return args


@st.composite
def option_cases(draw, commands, facts: Facts):
    """One parameter of one command given a bad value; the rest valid."""
    path, command = draw(st.sampled_from(commands))
    params = [p for p in command.params if not getattr(p, "is_flag", False)
              and kind_of(p) not in ("infile", "out")]
    if not params:
        return None
    param = draw(st.sampled_from(params))
    kind = kind_of(param)
    values, ok = strategy(kind, param, facts)
    value = draw(values)
    return Case("options", build(path, command, {param.name: value}), expect_of(ok(value)),
                f"{kind} {param.name}={value[:60]!r}")


def drawn(strategy_, n: int) -> list:
    """`n` examples of a strategy, the same every run."""
    found: list = []

    @settings(max_examples=n, derandomize=True, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck), deadline=None)
    @given(strategy_)
    def collect(x):
        found.append(x)

    collect()
    return found


# --- the corpus ----------------------------------------------------------------------------

# Commands the contract (CLI.md) names that this version may not have yet: any of these
# inputs is bad whether the command exists (a bad value) or not (an unknown command).
CONTRACT = [
    ["timeline", "--framework", "2023", "--notified", "2026-11-23", "--outcome", "7"],
    ["timeline", "--framework", "2023", "--notified", "2026-11-23", "--outcome", "²"],
    ["timeline", "--framework", "2023-monitoring", "--notified", "2026-02-30"],
    ["demo", "--no-open", "--framework", "1999"],
    ["requests", "list", "--status", "lost"], ["requests", "list", "--format", "xml"],
    ["requests", "add", "--title", ""], ["requests", "add", "--title", "x", "--due", "2026-02-30"],
    ["requests", "add", "--title", "x", "--due", "tomorrow 25:00"],
    ["requests", "done", "no-such-id"], ["requests", "done", ""],
    ["requests", "import", "{files}/d"],
    ["places", "add", "--name", ""],
    ["places", "add", "--name", "x", "--easting", "99999999999999999999", "--northing", "1"],
    ["places", "add", "--name", "x", "--easting", "-1e309", "--northing", "nan"],
    ["places", "add", "--name", "x", "--easting", "１２", "--northing", "3"],
    ["places", "add", "--name", "x", "--postcode", "\u202e1AA"],
    ["bundle", "export", "-o", "{out}/b.bundle"],
    ["bundle", "export", "-o", "{files}/d", "--plain"],
    ["bundle", "export", "-o", "{out}/b", "--passphrase-file", "{files}/fifo"],
    ["bundle", "import", "{files}/fifo"], ["bundle", "import", "{files}/d"],
    ["bundle", "import", "{files}/garbage.db"],
    ["erase", "evidence", "no-such-id"], ["erase", "evidence", ""],
    ["erase", "event", "no-such-id"], ["erase", "name", "Nobody Marked"],
    ["erase", "name", ""], ["erase", "evidence"],
    ["purge"], ["purge", "--yes", "extra"],
]
CONTRACT_SETUP = [fi.Setup("fifo", "fifo"), fi.Setup("dir", "d"),
                  fi.Setup("store", "garbage.db", "garbage")]
TODAY = ["x", "", " ", "2026-02-30", "9999-12-31", "0001-01-01", "２０２６-１１-２５",
         "2026-11-25T10:00", "1e9", "-1"]
CREATING = ({"inspection", "new"}, {"demo"}, {"import"})


def corpus(facts: Facts, full: bool) -> list[Case]:
    from sendtui.cli import cli

    commands = list(leaves(cli))
    n = 1 if full else 0.25
    cases = [c for c in drawn(option_cases(commands, facts), int(700 * n)) if c]
    cases += [Case("contract", a, "bad", "a contract command given a bad value", setups=list(
        CONTRACT_SETUP)) for a in CONTRACT]
    cases += outputs(commands) + inputs(full) + dbs(facts, int(120 * n)) + imports(int(400 * n))
    cases += environment() + searches(int(80 * n)) + tui_cases()
    seen, unique = set(), []
    for case in cases:
        if case.key() not in seen:
            seen.add(case.key())
            unique.append(case)
    return unique


def outputs(commands) -> list[Case]:
    cases = []
    for path, command in commands:
        out = next((p for p in command.params if kind_of(p) == "out"), None)
        if out is None:
            continue
        for target, setups, ok in fi.special_outputs():
            cases.append(Case("outputs", build(path, command, {out.name: target}),
                              expect_of(ok), f"-o {target}", setups=setups))
    return cases


def inputs(full: bool) -> list[Case]:
    specials = fi.special_inputs() + ([fi.huge_input()] if full else [])
    return [Case("inputs", ["import", what, target], "bad", f"import {what} {target}",
                 setups=setups)
            for what in ("settings", "people", "schedule") for target, setups in specials]


def dbs(facts: Facts, flips: int) -> list[Case]:
    commands = [["list", "lines"], ["evidence", "add", "--line", "B5", "--source", "document",
                                    "--text", "x"], ["doctor"], ["search", "plan"],
                ["inspection", "new", "--la", "Newshire", "--framework", "2016",
                 "--notified", "2026-11-23"], ["demo", "--no-open"]]
    cases = []
    for target, setups, kind in fi.db_targets():
        for args in commands:
            cases.append(Case("db", ["--db", target, *args], db_expect(target, kind, args),
                              f"--db {kind}", setups=setups))
        cases.append(Case("db", ["list", "lines"], db_expect(target, kind, ["list"]),
                          f"SENDTUI_DB {kind}", env={"SENDTUI_DB": target}, setups=setups))
    for positions in drawn(fi.bit_flips(), flips):
        for args in (["list", "evidence", "--format", "json"], ["search", "plan"],
                     ["evidence", "add", "--line", "B5", "--source", "document", "--text", "x"]):
            cases.append(Case("db", ["--db", "{files}/flipped.db", *args], "either",
                              f"a store with bits flipped at {positions}",
                              setups=[fi.Setup("store", "flipped.db", ("flip", positions))]))
    return cases


def db_expect(target: str, kind: str, args: list[str]) -> str:
    """Only a creating command may make a store of an empty or missing file (or an empty
    SQLite file marked as ours); a read-only URL may be read; a -wal or -journal that is not
    SQLite's may be ignored, as SQLite does; nothing else can be used."""
    creating = args[0] in ("inspection", "demo")
    if kind in ("empty", "missing", "no-tables") and creating:
        return "valid" if kind != "no-tables" else "either"
    if kind == "foreign-empty" and creating:
        return "either"
    if "mode=ro" in target and args[0] in ("list", "doctor", "search"):
        return "either"
    if kind in ("wal-garbage", "journal-garbage"):
        return "either"
    return "bad"


def imports(n: int) -> list[Case]:
    cases = []
    for kind, mutation, data, ok in drawn(fi.import_files(), n):
        cases.append(Case("imports", ["import", kind, "{files}/in.csv"], expect_of(ok),
                          f"{kind} CSV: {mutation}", setups=[fi.Setup("file", "in.csv", data)]))
    return cases


def environment() -> list[Case]:
    exports = [["export", "schedule", "--format", "csv", "-o", "{out}/s.csv"],
               ["export", "ics", "-o", "{out}/c.ics"],
               ["export", "pack", "--format", "html", "-o", "{out}/p.html"]]
    cases = [Case("env", args, "bad" if fv.date_ok(day) is False else "either",
                  f"SENDTUI_TODAY={day!r}", env={"SENDTUI_TODAY": day})
             for day in TODAY for args in exports]
    for name, setups in (("a file", [fi.Setup("file", "datafile", b"x")]),
                         ("a FIFO", [fi.Setup("fifo", "datafile")]),
                         ("a device", [fi.Setup("device", "datafile", "dev-full")])):
        cases.append(Case("env", ["--db", "", "list", "lines"], "bad",
                          f"--db '' with XDG_DATA_HOME {name}",
                          env={"XDG_DATA_HOME": "{files}/datafile"}, setups=setups))
        cases.append(Case("env", ["list", "lines"], "bad", f"XDG_DATA_HOME is {name}",
                          env={"XDG_DATA_HOME": "{files}/datafile"}, setups=setups,
                          demo_db=False))
    for columns in ("abc", "-5", "99999999999", "0"):
        cases.append(Case("env", ["list", "events"], "valid", f"COLUMNS={columns}",
                          env={"COLUMNS": columns}))
    cases.append(Case("env", ["list", "evidence"], "valid", "LANG=C",
                      env={"LANG": "C", "LC_ALL": "C"}))
    return cases


def searches(n: int) -> list[Case]:
    cases = [Case("search", ["search", q], "either", f"search {q[:40]!r}")
             for q in drawn(fv.searches(), n)]
    floods = {"2,000 a* terms": " ".join(["a*"] * 2000), "100,000 characters": "plan " * 20000,
              "5,000 OR terms": " OR ".join(["plan"] * 5000),
              "2,000 phrases": " ".join(['"a b"'] * 2000)}
    cases += [Case("search", ["search", q], "bad", f"search: {what}")
              for what, q in floods.items()]
    return cases


def tui_cases() -> list[Case]:
    cases = []
    for what, content, say in fi.configs():
        setups = content if isinstance(content, list) else [
            fi.Setup("file", "config/sendtui/config.toml", content)]
        cases.append(Case("tui", [], "bad", f"config.toml: {what}", tui=True, must_say=say,
                          env={"XDG_CONFIG_HOME": "{files}/config"}, setups=setups))
    for day in ("x", "2026-02-30", "２０２６-１１-２５"):
        cases.append(Case("tui", [], "bad", f"SENDTUI_TODAY={day!r}", tui=True, must_say=True,
                          env={"SENDTUI_TODAY": day}))
    for target, setups, kind in fi.db_targets():
        if kind in ("garbage", "empty-alembic", "folder", "fifo", "newer", "truncated", "url"):
            cases.append(Case("tui", [target], "bad", f"the app on --db {kind} {target[:30]}",
                              tui=True, must_say="mode=ro" not in target or None,
                              setups=setups))
    return cases
