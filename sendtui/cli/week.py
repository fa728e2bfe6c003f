"""The week's plan: its problems and the rules the checks use."""

from __future__ import annotations

import click

from sendtui.cli.common import Context, format_option, pass_context, show
from sendtui.cli.types import Decimal, WholeNumber


@click.command()
@format_option()
@click.option("--include-sensitive", is_flag=True,
              help="Show names marked sensitive and case references in event titles "
                   "(withheld by default); the audit log notes it.")
@pass_context
def check(obj: Context, fmt: str, include_sensitive: bool) -> None:
    """Every problem in the schedule; exit 1 if any is an error."""
    from sendtui.domain.redaction import keep
    from sendtui.store import week_reads

    with obj.reads() as (rows, ins):
        found = week_reads.week(rows, ins).problems
        redact = keep if include_sensitive else week_reads.redactor(rows, ins.id).redact
    if include_sensitive:
        obj.record("problems listed with names and case references")
    show([{**p.as_json(), "message": redact(p.message)} for p in found], fmt,
         ["severity", "rule", "message"], empty="No problems found.")
    if any(p.severity == "error" for p in found):
        raise click.exceptions.Exit(1)


@click.command("rules")
@click.option("--day-start", metavar="HH:MM", help="Working day starts (default 08:00).")
@click.option("--day-end", metavar="HH:MM", help="Working day ends (default 18:00).")
@click.option("--road-factor", type=Decimal(), help="Road distance / straight line (default 1.3).")
@click.option("--speed", "speed_kmh", type=Decimal(), help="Average speed in km/h (default 30).")
@click.option("--buffer", "buffer_minutes", type=WholeNumber(), help="Minutes to park and sign in "
              "(default 10).")
@pass_context
def rules_(obj: Context, day_start, day_end, road_factor, speed_kmh, buffer_minutes) -> None:
    """Show or change the planning rules the checks use (hours, travel assumptions)."""
    from sendtui.domain.clock import parse_time
    from sendtui.store.planning import rules, set_rules

    ins = obj.inspection()
    changes = {"day_start": day_start and parse_time(day_start).isoformat("minutes"),
               "day_end": day_end and parse_time(day_end).isoformat("minutes"),
               "road_factor": road_factor, "speed_kmh": speed_kmh,
               "buffer_minutes": buffer_minutes}
    if any(v is not None for v in changes.values()):
        current = set_rules(obj.store(), ins.id, **changes)
    else:
        current = rules(obj.store(), ins.id)
    t = current.travel
    click.echo(f"working hours  {current.day_start:%H:%M}–{current.day_end:%H:%M}\n"
               f"travel         straight line × {t.road_factor:g} road factor at "
               f"{t.speed_kmh:g} km/h + {t.buffer_minutes} min buffer")
