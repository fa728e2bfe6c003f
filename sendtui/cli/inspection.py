"""Creating and listing inspections."""

from __future__ import annotations

import click

from sendtui.cli.common import Context, format_option, pass_context, warn
from sendtui.domain.frameworks import FRAMEWORKS
from sendtui.output import emit


@click.group()
def inspection() -> None:
    """Create and list inspections; set how long their evidence is kept."""


@inspection.command("new")
@click.option("--la", "local_area", required=True, metavar="NAME", help="The local area.")
@click.option("--framework", required=True, type=click.Choice(list(FRAMEWORKS)))
@click.option("--notified", required=True, metavar="DATE", help="Notification call date.")
@pass_context
def inspection_new(obj: Context, local_area: str, framework: str, notified: str) -> None:
    """Create an inspection with its key dates and lines; print its id."""
    from sendtui.domain.calendar import ENGLAND, parse_date
    from sendtui.domain.frameworks import get_framework, key_dates, timeline_warnings
    from sendtui.store import inspections

    day = parse_date(notified)
    if not ENGLAND.is_working_day(day):
        warn(f"{day:%a %d %b %Y} is not a working day")
    for warning in timeline_warnings(key_dates(get_framework(framework), day)):
        warn(warning)
    click.echo(inspections.create(obj.store(create=True), local_area, framework, day).id)


@inspection.command("list")
@format_option()
@pass_context
def inspection_list(obj: Context, fmt: str) -> None:
    """The inspections in the store."""
    from sendtui.store import inspections

    store = obj.store()
    rows = []
    for ins in inspections.all(store):
        on_site = next((k for k in inspections.key_dates(store, ins.id) if k.key == "on-site"),
                       None)
        rows.append({
            "id": ins.id, "local_area": ins.local_area, "framework": ins.framework,
            "notified": ins.notified.isoformat(),
            "on_site": on_site.date.isoformat() if on_site else None,
            "on_site_end": on_site.end.isoformat() if on_site and on_site.end else None,
        })
    emit(rows, fmt, ["id", "local_area", "framework", "notified", "on_site", "on_site_end"])


@inspection.command("retention")
@click.argument("months", metavar="MONTHS|none")
@pass_context
def inspection_retention(obj: Context, months: str) -> None:
    """Erase this inspection's evidence MONTHS after final feedback (0 or none: keep it).

    When the day comes, the dashboard says so; 'sendtui purge --yes' erases it."""
    from sendtui.domain.retention import months_from
    from sendtui.store import retention

    kept = retention.set_months(obj.store(), obj.inspection().id, months_from(months))
    if kept.months is None:
        click.echo("No retention period: the evidence is kept until you purge it.")
    elif kept.due is None:
        click.echo(f"The evidence is due for erasure {kept.months} months after final "
                   "feedback (the inspection has no final feedback date yet).")
    else:
        click.echo(f"The evidence is due for erasure {kept.months} months after final "
                   f"feedback: on {kept.due.isoformat()}.")
