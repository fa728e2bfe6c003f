"""What the DOCX and HTML exports share: a document stamped with the data's time, not the
clock's, so the same data gives the same bytes."""

from __future__ import annotations

import datetime as dt
import html
import io
import re
import zipfile

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.opc.pkgwriter import PackageWriter
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from lxml.etree import SubElement

# python-docx spends ~0.1 ms of Python on each paragraph, run and cell it adds (3,000 evidence
# entries took 1.5 s); the elements below are made with lxml directly, the same XML it writes.
W = {tag: qn(f"w:{tag}") for tag in ("p", "pPr", "pStyle", "val", "r", "rPr", "b", "i", "t", "tab",
                                     "br", "tr", "tc", "tcPr", "tcW", "type", "w", "sectPr",
                                     "gridCol")}
PRESERVE = qn("xml:space")
BREAKS = re.compile(r"(\t|\r|\n)")


def new_docx(title: str, as_of: dt.datetime) -> DocxDocument:
    doc = Document()
    props = doc.core_properties
    props.title, props.author, props.last_modified_by = title, "sendtui", "sendtui"
    props.comments = ""
    props.revision = 1
    stamp = as_of.astimezone(dt.timezone.utc).replace(tzinfo=None, microsecond=0)
    props.created = props.modified = props.last_printed = stamp
    doc.styles["Normal"].font.size = Pt(10)
    section = doc.sections[0]  # A4 landscape: day sheets have 6 columns, triangulation 12
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    return doc


def docx_bytes(doc: DocxDocument, as_of: dt.datetime) -> bytes:
    """The saved document with every zip entry dated from the data (zip keeps local time).
    python-docx's own package writer, writing into a zip of ours: doc.save() dates each
    entry with the clock, and zipping its zip again cost a second compression."""
    stamp = max(as_of.astimezone(dt.timezone.utc), dt.datetime(1980, 1, 1, tzinfo=dt.timezone.utc))
    package = doc.part.package
    for part in package.parts:
        part.before_marshal()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zipf:
        dated = _DatedZip(zipf, stamp.timetuple()[:6])
        PackageWriter._write_content_types_stream(dated, package.parts)
        PackageWriter._write_pkg_rels(dated, package.rels)
        PackageWriter._write_parts(dated, package.parts)
    return out.getvalue()


class _DatedZip:
    """Where python-docx's package writer writes its parts: one zip entry each, dated."""

    def __init__(self, zipf: zipfile.ZipFile, date_time: tuple) -> None:
        self.zipf, self.date_time = zipf, date_time

    def write(self, pack_uri, blob: bytes) -> None:
        entry = zipfile.ZipInfo(pack_uri.membername, date_time=self.date_time)
        entry.compress_type = zipfile.ZIP_DEFLATED
        entry.external_attr = 0o600 << 16
        self.zipf.writestr(entry, blob)


def docx_table(doc: DocxDocument, header: list[str], rows: list[list[str]]):
    """A plain grid table with a bold header row."""
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    tbl = table._tbl
    widths = [col.get(W["w"]) for col in tbl.tblGrid.iterchildren(W["gridCol"])]
    for row in rows:  # as table.add_row() then cell.text = text, each cell
        tr = SubElement(tbl, W["tr"])
        for i, width in enumerate(widths):
            tc = SubElement(tr, W["tc"])
            SubElement(SubElement(tc, W["tcPr"]), W["tcW"], {W["type"]: "dxa", W["w"]: width})
            p = SubElement(tc, W["p"])
            if i < len(row):
                _run(p, row[i])
    return table


def docx_heading(doc: DocxDocument, text: str, level: int) -> None:
    """As doc.add_heading(text, level)."""
    style = doc.styles["Title" if level == 0 else f"Heading {level}"].style_id
    p = _paragraph(doc)
    SubElement(SubElement(p, W["pPr"]), W["pStyle"], {W["val"]: style})
    if text:
        _run(p, text)


def docx_paragraph(doc: DocxDocument, *runs: tuple[str, str]) -> None:
    """A paragraph of runs, each (text, "" or "bold" or "italic"): as doc.add_paragraph() then
    add_run(text) for each."""
    p = _paragraph(doc)
    for text, style in runs:
        _run(p, text, style)


def _paragraph(doc: DocxDocument):
    """An empty paragraph at the end of the body, before its section properties. python-docx
    looks for them from the start of the body, paragraph after paragraph, each time."""
    body = doc.element.body
    p = body.makeelement(W["p"], {})
    last = body[-1]  # from the end (len(body) too would count every paragraph)
    if last.tag == W["sectPr"]:
        last.addprevious(p)
    else:
        body.append(p)
    return p


def _run(p, text: str, style: str = "") -> None:
    """A run as python-docx writes it: tabs and line breaks as elements, text in w:t."""
    r = SubElement(p, W["r"])
    if style:
        SubElement(SubElement(r, W["rPr"]), W[style[0]])
    for piece in BREAKS.split(text):
        if piece == "\t":
            SubElement(r, W["tab"])
        elif piece in ("\r", "\n"):
            SubElement(r, W["br"])
        elif piece:
            t = SubElement(r, W["t"])
            t.text = piece
            if len(piece.strip()) < len(piece):
                t.set(PRESERVE, "preserve")


def html_table(header: list[str], rows: list[list[str]]) -> str:
    """A plain table: a header row, then the rows, every cell escaped."""
    head = "".join(f"<th>{esc(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>\n"
                   for row in rows)
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}</tbody>\n</table>\n"


def esc(text: str | None) -> str:
    return html.escape(text or "", quote=True)


PRINT_CSS = """
body { font-family: system-ui, "Segoe UI", Arial, sans-serif; font-size: 11pt; color: #111;
       margin: 1.5em; line-height: 1.35; }
h1 { font-size: 18pt; margin: 0 0 .2em; } h2 { font-size: 14pt; margin: 1em 0 .3em; }
h3 { font-size: 12pt; margin: .8em 0 .2em; }
table { border-collapse: collapse; width: 100%; margin: .4em 0 1em; }
th, td { border: 1px solid #888; padding: .25em .4em; text-align: left; vertical-align: top;
         overflow-wrap: break-word; }
th { background: #e8e8e8; } tr { break-inside: avoid; page-break-inside: avoid; }
.meta { color: #444; font-size: 9.5pt; } .warn { font-weight: bold; }
.notice { border: 2px solid #111; padding: .4em .6em; margin: .6em 0; }
.page { break-after: page; page-break-after: always; }
.page:last-child { break-after: auto; page-break-after: auto; }
@media print { body { margin: 0; font-size: 10pt; } @page { size: A4 landscape; margin: 12mm; }
               th { background: none; } a { color: inherit; text-decoration: none; } }
"""


def html_page(title: str, body: str) -> str:
    """One self-contained page (styles inline, nothing fetched), printable one day a page."""
    return ("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{esc(title)}</title>\n<style>{PRINT_CSS}</style>\n</head>\n<body>\n"
            f"{body}</body>\n</html>\n")
