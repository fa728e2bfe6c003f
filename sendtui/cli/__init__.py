"""The command line: parse, call the store and the domain, print. Contract: docs/cli.md.

Each module holds one group of commands, named in COMMANDS below and imported only when one
of its commands runs (or for --help); commands import the store, the exports and the app only
when they run. `sendtui` alone opens the app without loading any command module.
"""

from __future__ import annotations

import sys
from importlib import import_module

import click

from sendtui.cli.common import Context

COMMANDS = {  # name: module:function in sendtui.cli
    "run": "maintenance:run", "demo": "maintenance:demo", "doctor": "maintenance:doctor",
    "backup": "maintenance:backup", "workdays": "dates:workdays", "timeline": "dates:timeline",
    "inspection": "inspection:inspection", "import": "area:import_", "list": "area:list_",
    "places": "area:places",
    "check": "week:check", "rules": "week:rules_", "evidence": "evidence:evidence",
    "search": "evidence:search", "names": "evidence:names", "audit": "evidence:audit",
    "export": "export:export", "erase": "erasure:erase", "purge": "erasure:purge",
    "requests": "requests:requests", "bundle": "bundle:bundle",
}


class SendtuiGroup(click.Group):
    """Turns expected failures into one line on stderr and the contract's exit code."""

    def list_commands(self, ctx) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx, name: str):
        if name not in COMMANDS:
            return None
        module, _, function = COMMANDS[name].partition(":")
        return getattr(import_module(f"sendtui.cli.{module}"), function)

    def invoke(self, ctx):
        from sendtui.errors import exit_code_for

        try:
            done = super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            _close(ctx)
            raise
        except Exception as exc:  # noqa: BLE001 - mapped or re-raised below
            code = exit_code_for(exc)
            if code is None and isinstance(ctx.obj, Context):
                exc = ctx.obj.store_trouble(exc)  # a damaged store, not a bug?
                code = exit_code_for(exc)
            if code is None:
                _close(ctx)
                raise
            if isinstance(ctx.obj, Context):
                ctx.obj.failed()
            click.echo(f"sendtui: {one_line(str(exc))}", err=True)
            ctx.exit(code)
        if isinstance(ctx.obj, Context):
            ctx.obj.tell()
            ctx.obj.close()
        return done


def _close(ctx: click.Context) -> None:
    if isinstance(ctx.obj, Context):
        ctx.obj.close()


def one_line(message: str, limit: int = 300) -> str:
    """A message as the contract wants it: one line (a file name or a value may hold a line
    break), and short: a long one keeps its start and its end."""
    text = " ".join(message.split())
    if len(text) <= limit:
        return text
    half = limit // 2  # the reason is often at the end, after a long path
    return f"{text[:half]}…{text[-half:]}"


@click.group(cls=SendtuiGroup, invoke_without_command=True,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", "db", metavar="TARGET", help="SQLite file or SQLAlchemy URL "
              "(default: $SENDTUI_DB, else sendtui.db in the user data folder).")
@click.option("--inspection", "inspection_ref", metavar="REF",
              help="Inspection id or unique prefix of its local area.")
@click.version_option(package_name="sendtui")
@click.pass_context
def cli(ctx: click.Context, db: str | None, inspection_ref: str | None) -> None:
    """sendtui: the fieldwork of a local area SEND inspection, in a terminal."""
    from sendtui.config import load_closures
    from sendtui.domain.calendar import use_local_closures

    ctx.obj = Context(db, inspection_ref)
    use_local_closures(load_closures())  # the user's closure days count in every date
    if ctx.invoked_subcommand is None:
        from sendtui.cli.maintenance import open_app

        open_app(ctx.obj)


# click 8.2+: a group called without its command (older clicks print the help, exit 0)
NO_ARGS = getattr(click.exceptions, "NoArgsIsHelpError", ())


def main() -> None:
    """The console script: click's usage errors too become one line on stderr (exit 2)."""
    try:
        code = cli.main(prog_name="sendtui", standalone_mode=False)
    except NO_ARGS as exc:  # `sendtui export`: which one?
        group = exc.ctx.command if exc.ctx else cli
        names = ", ".join(sorted(group.list_commands(exc.ctx)) if exc.ctx else COMMANDS)
        path = exc.ctx.command_path if exc.ctx else "sendtui"
        click.echo(f"sendtui: {path.removeprefix('sendtui ')} needs a command: {names} "
                   f"(see '{path} --help')", err=True)
        code = exc.exit_code
    except click.ClickException as exc:
        click.echo(f"sendtui: {one_line(exc.format_message())} (see 'sendtui --help')",
                   err=True)
        code = exc.exit_code
    except click.Abort:
        click.echo("sendtui: stopped", err=True)
        code = 1
    sys.exit(code if isinstance(code, int) else 0)
