"""Opening the app, the demo, and care of the store."""

from __future__ import annotations

from pathlib import Path

import click

from sendtui.cli.common import Context, pass_context
from sendtui.cli.types import PATH


def open_app(obj: Context, remember: bool = True) -> None:
    """A config file (or $SENDTUI_TODAY) that cannot be read stops here, in one line (exit 2), before the
    terminal is taken over. `remember`: the inspection the app opens on becomes the one the
    commands act on (the last opened)."""
    from sendtui.config import load_keymap, today
    from sendtui.ui.app import make_app

    keys = load_keymap()
    today()  # a $SENDTUI_TODAY that is not a date
    obj.tell()
    make_app(obj.target(), obj.inspection_ref, key_overrides=keys, remember=remember).run()


@click.command()
@pass_context
def run(obj: Context) -> None:
    """Open the app on the store."""
    open_app(obj)


@click.command()
@click.option("--no-open", is_flag=True, help="Add the demo but do not open the app.")
@click.option("--framework", type=click.Choice(["2023", "2016"]), default="2023",
              show_default=True, help="The demo of that framework (sendtui.demo: "
                                      "DEMO_FRAMEWORKS).")
@pass_context
def demo(obj: Context, no_open: bool, framework: str) -> None:
    """Add the demo inspection of a framework (if not there yet) and open it. Beside another
    inspection, the commands go on acting on the one they did."""
    from sendtui.demo import add_demo

    ins, added = add_demo(obj.store(create=True), framework)
    current = _current(obj)
    verb = "Added" if added else "Already there:"
    click.echo(f"{verb} the {ins.framework} demo inspection {ins.local_area} ({ins.id})"
               f"{_still_acting_on(obj, ins, current)}", err=not no_open)
    if not no_open:
        obj.store().close()
        obj.inspection_ref = ins.id
        open_app(obj, remember=current is not None and current.id == ins.id)


def _current(obj: Context):
    """The inspection the commands act on when none is named (None: several, none opened)."""
    from sendtui.errors import UserError
    from sendtui.store import inspections

    try:
        return inspections.find(obj.store())
    except UserError:
        return None


def _still_acting_on(obj: Context, demo, current) -> str:
    """'; commands still act on …' when the demo is not the inspection they act on."""
    from sendtui.cli.common import named, ref_for
    from sendtui.store import inspections

    if current is not None and current.id == demo.id:
        return ""
    ref = ref_for(demo, inspections.all(obj.store()))
    if current is None:
        return f"; commands need --inspection to choose one (the demo: --inspection {ref})"
    return f"; commands still act on {named(current)}: use --inspection {ref} for the demo"


@click.command()
@pass_context
def doctor(obj: Context) -> None:
    """Store location, schema version, counts, integrity, and the copies beside it."""
    from sendtui.store.maintenance import diagnose

    for key, value in diagnose(obj.store(), obj.target()).items():
        click.echo(f"{key:<22}  {value}")


@click.command()
@click.option("-o", "output", type=PATH, metavar="FILE",
              help="Where to write the copy: a new file in a folder that exists, or an "
                   "existing one with --force (default: beside the store).")
@click.option("--force", is_flag=True, help="Replace FILE if it exists (a regular file only).")
@pass_context
def backup(obj: Context, output: Path | None, force: bool) -> None:
    """A consistent copy of the store, safe while the app is running."""
    from sendtui.files import check_output
    from sendtui.store.maintenance import backup_to

    if output is not None:
        check_output(output, force)  # refused before the store is opened
    click.echo(backup_to(obj.store(), obj.target(), output, force))
