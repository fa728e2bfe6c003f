"""Evidence: logging it, searching it, the names marked sensitive and who took them out."""

from __future__ import annotations

import click

from sendtui.cli.common import Context, format_option, pass_context, show
from sendtui.cli.types import WholeNumber, given
from sendtui.domain.kinds import SOURCE_KINDS
from sendtui.output import emit


@click.group()
def evidence() -> None:
    """Log evidence against a line of enquiry."""


@evidence.command("add")
@click.option("--line", required=True, metavar="CODE")
@click.option("--source", required=True, type=click.Choice(list(SOURCE_KINDS)))
@click.option("--text", required=True)
@click.option("--setting", "setting_urn", callback=given, metavar="URN")
@click.option("--case-ref", callback=given, metavar="REF", help="A case reference (sensitive).")
@click.option("--at", "at", callback=given, metavar="DATETIME", help="YYYY-MM-DD HH:MM (default: now).")
@pass_context
def evidence_add(obj: Context, line: str, source: str, text: str, setting_urn: str | None,
                 case_ref: str | None, at: str | None) -> None:
    """Add an evidence entry; print its id."""
    from sendtui.config import load_profile
    from sendtui.domain.clock import parse_london, utc_now
    from sendtui.errors import InvalidInput
    from sendtui.records import EvidenceRow
    from sendtui.store.evidence import add as add_evidence

    if not text.strip():
        raise InvalidInput("the entry has no text")
    row = EvidenceRow(parse_london(at) if at else utc_now(), line.upper(), source, text,
                      setting_urn, case_ref, None, load_profile().author)
    click.echo(add_evidence(obj.store(), obj.inspection().id, [row]).ids[0])


@click.command()
@click.argument("query")
@format_option()
@click.option("--limit", type=WholeNumber(1, 1000), default=50, show_default=True)
@click.option("--include-sensitive", is_flag=True,
              help="Show names marked sensitive and case references in the text.")
@pass_context
def search(obj: Context, query: str, fmt: str, limit: int, include_sensitive: bool) -> None:
    """Full-text search over evidence: words, prefixes (foo*), "phrases"; best match first."""
    from sendtui.domain.clock import format_london
    from sendtui.domain.redaction import keep
    from sendtui.domain.search_query import fts_query
    from sendtui.store.evidence_search import first_page, snippet_shown
    from sendtui.store.week_reads import redactor

    fts_query(query)  # a query that cannot be searched is refused before the store is opened
    with obj.reads() as (read, ins):
        hits = first_page(read, ins.id, query, limit)[0]
        redact = keep if include_sensitive else redactor(read, ins.id).redact
    rows = [{"id": h.entry.id, "at": format_london(h.entry.at), "line": h.entry.line_code,
             "source": h.entry.source, "setting_urn": h.entry.setting_urn,
             "snippet": snippet_shown(redact, h.snippet), "text": redact(h.entry.text)} for h in hits]
    if include_sensitive:
        obj.record("search shown with names", f"{len(rows)} entries")
    show(rows, fmt, ["at", "line", "source", "snippet"], empty="No evidence matches.")


@click.group()
def names() -> None:
    """Children's and parents' names marked sensitive: exports show their pseudonyms."""


@names.command("add")
@click.argument("name")
@click.option("--pseudonym", metavar="LABEL", help="e.g. CYP-03 (default: the next free one).")
@click.option("--adult", is_flag=True,
              help="A parent or carer, not a child: the first name alone is then not "
                   "withheld unless --first-name.")
@click.option("--first-name/--no-first-name", "first_name", default=None,
              help="Also withhold the first name on its own (default: for a child).")
@pass_context
def names_add(obj: Context, name: str, pseudonym: str | None, adult: bool,
              first_name: bool | None) -> None:
    """Mark NAME sensitive; print its pseudonym."""
    from sendtui.store.names import add as add_protected_name

    click.echo(add_protected_name(obj.store(), obj.inspection().id, name, pseudonym,
                                  is_child=not adult, first_name=first_name).pseudonym)


@names.command("list")
@click.option("--include-sensitive", is_flag=True, help="Show the names, not only pseudonyms.")
@format_option()
@pass_context
def names_list(obj: Context, include_sensitive: bool, fmt: str) -> None:
    """The pseudonyms in use (and the names, when asked)."""
    from sendtui.store.names import all as protected_names

    rows = [{"pseudonym": p.pseudonym, "name": p.name if include_sensitive else "[withheld]",
             "child": p.is_child, "first_name": p.first_name}
            for p in protected_names(obj.store(), obj.inspection().id)]
    if include_sensitive:
        obj.record("names marked sensitive listed")
    emit(rows, fmt, ["pseudonym", "child", "first_name", "name"])


@names.command("remove")
@click.argument("pseudonym")
@pass_context
def names_remove(obj: Context, pseudonym: str) -> None:
    """Stop treating the name behind PSEUDONYM as sensitive."""
    from sendtui.store.names import remove as remove_protected_name

    remove_protected_name(obj.store(), obj.inspection().id, pseudonym)


@click.command()
@format_option()
@pass_context
def audit(obj: Context, fmt: str) -> None:
    """When names or case references left the store, from which laptop, to which file."""
    from sendtui.domain.clock import format_london
    from sendtui.store.audit import entries

    rows = [{"at": format_london(e.at), "laptop": e.laptop, "action": e.action, "detail": e.detail}
            for e in entries(obj.store(), obj.inspection().id)]
    show(rows, fmt, ["at", "laptop", "action", "detail"],
         empty="Nothing sensitive has left the store.")
