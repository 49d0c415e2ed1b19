"""Render a Vietnamese administrative document (văn bản hành chính) to .docx bytes.

The layout follows Appendix I of Decree 30/2020/NĐ-CP (Nghị định về công tác văn
thư): A4 portrait, margins top/bottom 20-25 mm, left 30-35 mm, right 15-20 mm,
Times New Roman, and per-element sizes and styles (issuing-body block top left,
national title and motto top right, number under the issuing body, place and
date under the motto, centred title, justified body, "Nơi nhận" bottom left,
signature block bottom right, page number centred in the top margin and not
shown on the first page).

The module knows nothing about the portal: callers build an :class:`AdminDocument`
(text already worded and numbered, e.g. "I.", "1.", "a)") and call
:func:`render_docx`, which returns the bytes of the .docx file.

Three properties are guaranteed and tested:

* **Draft marking.** ``draft_notice`` is printed in a box above everything else;
  with ``header_text`` and/or ``watermark`` every page also carries a header line
  and a diagonal watermark (used for DEMO builds).
* **Reproducibility.** The same input gives byte-identical output: core
  properties come from the caller, the template's thumbnail is dropped, and the
  zip container is rewritten with fixed entry dates and attributes.
* **Hostile text is literal.** All text goes through :func:`clean_text` and then
  through python-docx's run API, so markup, formulas and control characters are
  written as characters, never interpreted; characters XML 1.0 cannot carry are
  replaced by a visible U+FFFD.

Everything is drawn with python-docx objects and its ``OxmlElement`` helper,
except the watermark, which python-docx has no API for; that single element is
hand-built VML (see :func:`_watermark_pict`).
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import io
import re
import unicodedata
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, Union

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import Table as DocxTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run

__all__ = [
    "AdminDocument",
    "Block",
    "BulletList",
    "Heading",
    "PageSetup",
    "Paragraph",
    "Table",
    "clean_text",
    "render_docx",
]

FONT_NAME = "Times New Roman"

# Sizes in points, from Appendix I of Decree 30/2020/NĐ-CP (section V, the
# table of type sizes). Where the decree gives a range we take the value that
# lets the standard strings fit the two-column header on A4 with the default
# margins (the national title at 13 pt is ~96 mm wide and would wrap).
NATIONAL_TITLE_PT = 12  # "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM": upper, 12-13, bold
MOTTO_PT = 13  # "Độc lập - Tự do - Hạnh phúc": 13-14, bold; one size above the title line
BODY_NAME_PT = 12  # parent body (regular) and issuing body (bold): upper, 12-13
NUMBER_PT = 13  # "Số: .../BC-SNV": 13, regular
PLACE_DATE_PT = 13  # "Gia Lai, ngày ... tháng ... năm ...": 13-14, italic
TITLE_PT = 14  # document type "BÁO CÁO" and summary line: 13-14, bold
SIGNATURE_PT = 14  # authority, title, signer name: 13-14, bold
RECIPIENTS_LABEL_PT = 12  # "Nơi nhận:": 12, bold italic
RECIPIENTS_ITEM_PT = 11  # recipient list: 11, regular
PAGE_NUMBER_PT = 13  # page number: 13-14, regular, centred in the top margin
TABLE_PT = 12  # the decree sets no table size; 12 keeps a 5-column table readable
DRAFT_NOTICE_PT = 11  # not a decree element; small enough to fit one line
HEADER_TEXT_PT = 9

# Body paragraph metrics: first-line indent 1-1.27 cm, at least 6 pt between
# paragraphs, line spacing between single and 1.5 lines.
FIRST_LINE_INDENT_MM = 10.0
PARAGRAPH_SPACE_AFTER_PT = 6
BODY_LINE_SPACING = 1.15

# Rules ("đường kẻ ngang, nét liền") as fractions of the text line above them.
ISSUING_RULE_FRACTION = 0.5  # decree: 1/3 to 1/2 of the issuing body's name
TITLE_RULE_FRACTION = 0.4  # decree: 1/3 to 1/2 of the summary line
RULE_WIDTH_EIGHTHS = 6  # 0.75 pt line
RULE_GAP_PT = 4  # space between a text line and the rule under it

# Header (top) table cell side padding. Word's default is 1.9 mm a side; we use
# 0.5 mm so the standard strings fit on one line each.
HEADER_CELL_PAD_MM = 0.5
# Blank lines left for the handwritten signature and the seal.
SIGNATURE_SPACE_LINES = 4

REPLACEMENT_CHAR = "\ufffd"


# --------------------------------------------------------------------------
# Input model
# --------------------------------------------------------------------------


def _as_text_tuple(value: Sequence[str], what: str) -> tuple[str, ...]:
    if isinstance(value, str):
        # A bare string is a sequence of characters: almost certainly a caller bug.
        raise TypeError(f"{what} must be a sequence of strings, not a string")
    items = tuple(value)
    for item in items:
        if not isinstance(item, str):
            raise TypeError(f"{what} must contain strings, got {type(item).__name__}")
    return items


def _require_str(value: object, what: str) -> None:
    if not isinstance(value, str):
        raise TypeError(f"{what} must be a string, got {type(value).__name__}")


@dataclass(frozen=True)
class Heading:
    """A numbered heading. The caller writes the number into ``text`` ("I. ...").

    Level 1 is rendered bold, level 2 bold, level 3 bold italic; all at body size.
    """

    level: Literal[1, 2, 3]
    text: str

    def __post_init__(self) -> None:
        if self.level not in (1, 2, 3):
            raise ValueError(f"heading level must be 1, 2 or 3, got {self.level!r}")
        _require_str(self.text, "Heading.text")


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph: justified, first line indented. ``\\n`` becomes a line break."""

    text: str
    italic: bool = False
    bold: bool = False

    def __post_init__(self) -> None:
        _require_str(self.text, "Paragraph.text")


ColumnAlign = Literal["left", "center", "right"]


@dataclass(frozen=True)
class Table:
    """A grid table with a bold header row that repeats on every page.

    ``column_widths_mm`` defaults to equal columns; widths that add up to more
    than the text width are scaled down proportionally. ``column_align``
    defaults to left for every column.
    """

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    column_widths_mm: tuple[float, ...] | None = None
    column_align: tuple[ColumnAlign, ...] | None = None

    def __post_init__(self) -> None:
        headers = _as_text_tuple(self.headers, "Table.headers")
        if not headers:
            raise ValueError("a table needs at least one column")
        rows = tuple(_as_text_tuple(r, "Table row") for r in self.rows)
        for i, row in enumerate(rows):
            if len(row) != len(headers):
                raise ValueError(
                    f"table row {i} has {len(row)} cells, the header has {len(headers)}"
                )
        object.__setattr__(self, "headers", headers)
        object.__setattr__(self, "rows", rows)
        if self.column_widths_mm is not None:
            widths = tuple(float(w) for w in self.column_widths_mm)
            if len(widths) != len(headers) or any(w <= 0 for w in widths):
                raise ValueError("column_widths_mm needs one positive width per column")
            object.__setattr__(self, "column_widths_mm", widths)
        if self.column_align is not None:
            aligns = tuple(self.column_align)
            if len(aligns) != len(headers) or any(
                a not in ("left", "center", "right") for a in aligns
            ):
                raise ValueError("column_align needs one of left/center/right per column")
            object.__setattr__(self, "column_align", aligns)


@dataclass(frozen=True)
class BulletList:
    """Items rendered as dash lines ("- item"), the usual style in Vietnamese documents."""

    items: tuple[str, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "items", _as_text_tuple(self.items, "BulletList.items"))


Block = Union[Heading, Paragraph, Table, BulletList]


# Margin ranges from Appendix I, section I.3 ("Định lề trang").
MARGIN_RANGES_MM: dict[str, tuple[float, float]] = {
    "top_mm": (20.0, 25.0),
    "bottom_mm": (20.0, 25.0),
    "left_mm": (30.0, 35.0),
    "right_mm": (15.0, 20.0),
}


@dataclass(frozen=True)
class PageSetup:
    """A4 portrait margins in millimetres; each must lie in the decree's range."""

    top_mm: float = 20.0
    bottom_mm: float = 20.0
    left_mm: float = 30.0
    right_mm: float = 15.0

    def __post_init__(self) -> None:
        for name, (low, high) in MARGIN_RANGES_MM.items():
            value = getattr(self, name)
            if not low <= value <= high:
                raise ValueError(f"{name}={value} is outside Decree 30's {low}-{high} mm")

    @property
    def text_width_mm(self) -> float:
        return 210.0 - self.left_mm - self.right_mm


@dataclass(frozen=True)
class AdminDocument:
    """Everything needed to render one administrative document.

    Text fields are printed as given (after :func:`clean_text`), so the caller
    decides case and wording: ``issuing_body="SỞ NỘI VỤ"``,
    ``number_field="Số:      /BC-SNV"``, ``signature_authority="KT. GIÁM ĐỐC"``,
    ``signature_title="PHÓ GIÁM ĐỐC"``. Empty ``signature_title``/``signer_name``
    leave those lines blank for the clerk. ``created`` sets both the created and
    modified core properties; a naive datetime is taken as UTC (python-docx
    would otherwise use the machine's time zone, breaking reproducibility).
    """

    parent_body: str
    issuing_body: str
    number_field: str
    place_date_field: str
    title: str
    subtitle: str
    blocks: tuple[Block, ...]
    recipients: tuple[str, ...]
    signature_authority: str
    signature_title: str
    signer_name: str
    draft_notice: str
    created: dt.datetime
    author: str = "partracker"
    watermark: str | None = None
    header_text: str | None = None
    national_title: str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    motto: str = "Độc lập - Tự do - Hạnh phúc"
    recipients_label: str = "Nơi nhận:"
    page: PageSetup = field(default_factory=PageSetup)
    body_pt: Literal[13, 14] = 14
    language: str = "vi-VN"

    def __post_init__(self) -> None:
        for name in (
            "parent_body",
            "issuing_body",
            "number_field",
            "place_date_field",
            "title",
            "subtitle",
            "signature_authority",
            "signature_title",
            "signer_name",
            "draft_notice",
            "author",
            "national_title",
            "motto",
            "recipients_label",
            "language",
        ):
            _require_str(getattr(self, name), f"AdminDocument.{name}")
        for name in ("watermark", "header_text"):
            value = getattr(self, name)
            if value is not None:
                _require_str(value, f"AdminDocument.{name}")
        blocks = tuple(self.blocks)
        for block in blocks:
            if not isinstance(block, (Heading, Paragraph, Table, BulletList)):
                raise TypeError(f"unknown block type {type(block).__name__}")
        object.__setattr__(self, "blocks", blocks)
        object.__setattr__(
            self, "recipients", _as_text_tuple(self.recipients, "AdminDocument.recipients")
        )
        if not isinstance(self.created, dt.datetime):
            raise TypeError("AdminDocument.created must be a datetime")
        if self.body_pt not in (13, 14):
            raise ValueError("body_pt must be 13 or 14 (Decree 30)")


# --------------------------------------------------------------------------
# Text cleaning
# --------------------------------------------------------------------------

# Characters XML 1.0 cannot carry (C0 controls except tab/LF/CR, lone
# surrogates, U+FFFE/U+FFFF), C1 controls (legal in XML but never meaningful in
# report text, and some readers choke on them) and the bidirectional override
# and isolate controls (they can make a printed line read differently from its
# stored text, which an official draft must not allow).
_UNWANTED = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff"
    "\u202a-\u202e\u2066-\u2069]"
)


def clean_text(text: str) -> str:
    """Return ``text`` made safe to print literally in a .docx.

    * CRLF, CR, U+2028 and U+2029 become ``\\n`` (rendered as a line break);
    * tab is kept (rendered as a tab);
    * characters XML 1.0 cannot carry, C1 controls and bidi overrides become
      U+FFFD, so the reader sees that something was there;
    * the result is NFC-normalised, so Vietnamese letters typed with combining
      marks print as the precomposed letters Times New Roman draws best.

    Nothing else changes: ``<script>``, ``**bold**`` and ``=1+1`` stay as they are.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    text = _UNWANTED.sub(REPLACEMENT_CHAR, text)
    return unicodedata.normalize("NFC", text)


# --------------------------------------------------------------------------
# Approximate text widths (for rule lengths and watermark proportions)
# --------------------------------------------------------------------------

# Advance widths in 1/1000 em of the Times Roman / Times Bold core metrics,
# which Times New Roman and Liberation Serif match. Only used to size the short
# rules under the header lines, so a letter's base glyph (without Vietnamese
# marks) is close enough.
_REGULAR_WIDTHS = dict(
    zip(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
        (
            722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889,
            722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611,
            444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778,
            500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444,
        ),
    )
)
_BOLD_WIDTHS = dict(
    zip(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
        (
            722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944,
            722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667,
            500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833,
            556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444,
        ),
    )
)
_COMMON_WIDTHS = {" ": 250, "-": 333, ".": 250, ",": 250, ":": 278, "/": 278}


def _text_width_mm(text: str, size_pt: float, bold: bool) -> float:
    """Approximate printed width of the longest line of ``text`` in millimetres."""
    table = _BOLD_WIDTHS if bold else _REGULAR_WIDTHS
    widest = 0
    for line in text.split("\n"):
        units = 0
        for ch in line:
            base = unicodedata.normalize("NFD", ch)[0]
            if base in ("Đ", "đ"):
                base = "D" if base == "Đ" else "d"
            units += table.get(base, _COMMON_WIDTHS.get(base, 500))
        widest = max(widest, units)
    return widest / 1000 * size_pt * 25.4 / 72


# --------------------------------------------------------------------------
# Low-level formatting helpers (python-docx API plus OxmlElement where it has none)
# --------------------------------------------------------------------------


def _set_run_font(
    run: Run, size_pt: float, *, bold: bool = False, italic: bool = False
) -> None:
    """Give a run explicit Times New Roman, size and style.

    Direct formatting on every run (besides the Normal style) means every
    reader, and a clerk copying text elsewhere, sees exactly the decree's values.
    A new run receives a copy of the properties made once per (size, bold,
    italic): the same XML, without python-docx's per-attribute work.
    """
    if run._r.rPr is None:
        run._r.insert(0, copy.deepcopy(_run_properties(size_pt, bold, italic)))
        return
    _format_run(run, size_pt, bold=bold, italic=italic)


@functools.lru_cache(maxsize=None)
def _run_properties(size_pt: float, bold: bool, italic: bool) -> Any:
    scratch = Document().add_paragraph().add_run()
    _format_run(scratch, size_pt, bold=bold, italic=italic)
    return scratch._r.rPr


def _format_run(run: Run, size_pt: float, *, bold: bool, italic: bool) -> None:
    run.font.name = FONT_NAME
    # python-docx sets only the ascii/hAnsi slots; set East Asian and complex
    # script too so no character falls back to a theme font.
    rfonts = run._r.get_or_add_rPr().get_or_add_rFonts()
    rfonts.set(qn("w:eastAsia"), FONT_NAME)
    rfonts.set(qn("w:cs"), FONT_NAME)
    run.font.size = Pt(size_pt)
    run.font.bold = bold
    run.font.italic = italic


def _add_text(
    paragraph: DocxParagraph,
    text: str,
    size_pt: float,
    *,
    bold: bool = False,
    italic: bool = False,
) -> Run:
    # run.text turns "\n" into <w:br/> and "\t" into <w:tab/>; everything else
    # becomes a literal <w:t> character, escaped by lxml.
    run = paragraph.add_run(clean_text(text))
    _set_run_font(run, size_pt, bold=bold, italic=italic)
    return run


def _tight(paragraph: DocxParagraph, align: WD_ALIGN_PARAGRAPH) -> None:
    """Single-spaced, no space around: for the header and signature blocks (a new paragraph gets a copy of the properties)."""
    if paragraph._p.pPr is None:
        paragraph._p.insert(0, copy.deepcopy(_tight_properties(align)))
        return
    _format_tight(paragraph, align)


@functools.lru_cache(maxsize=None)
def _tight_properties(align: WD_ALIGN_PARAGRAPH) -> Any:
    scratch = Document().add_paragraph()
    _format_tight(scratch, align)
    return scratch._p.pPr


def _format_tight(paragraph: DocxParagraph, align: WD_ALIGN_PARAGRAPH) -> None:
    fmt = paragraph.paragraph_format
    fmt.alignment = align
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.line_spacing = 1.0
    fmt.first_line_indent = Mm(0)


def _set_paragraph_border(paragraph: DocxParagraph, sides: Sequence[str]) -> None:
    """Draw single 0.75 pt lines on the given sides of a paragraph (w:pBdr)."""
    p_pr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    for side in ("top", "left", "bottom", "right"):  # schema order
        if side not in sides:
            continue
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "single")
        edge.set(qn("w:sz"), str(RULE_WIDTH_EIGHTHS))
        edge.set(qn("w:space"), "1")
        edge.set(qn("w:color"), "000000")
        borders.append(edge)
    # pBdr must come before spacing/ind/jc in pPr; python-docx's CT_PPr knows
    # the sequence, so insert through its ordered-insert helper.
    p_pr.insert_element_before(
        borders,
        "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
        "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN",
        "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
        "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
        "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
        "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
    )


def _add_rule(container: _Cell | DocxDocument, length_mm: float, box_mm: float) -> None:
    """Add a centred horizontal rule ``length_mm`` long inside a box ``box_mm`` wide.

    Drawn as the top border of an empty 1 pt-high paragraph whose indents make
    it exactly as long as the rule: this survives editing and every reader
    renders it, unlike a floating drawing shape, and unlike underlining it can
    be shorter than the text above it as the decree asks.
    """
    length_mm = max(5.0, min(length_mm, box_mm))
    side = (box_mm - length_mm) / 2
    paragraph = container.add_paragraph()
    _tight(paragraph, WD_ALIGN_PARAGRAPH.CENTER)
    fmt = paragraph.paragraph_format
    fmt.left_indent = Mm(side)
    fmt.right_indent = Mm(side)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(1)
    # A few points of air so the rule reads as a rule, not as an underline.
    fmt.space_before = Pt(RULE_GAP_PT)
    _set_paragraph_border(paragraph, ("top",))


def _cell_paragraph(cell: _Cell) -> DocxParagraph:
    """The first paragraph of a fresh cell (Word requires one), else a new one."""
    first = cell.paragraphs[0]
    if len(cell.paragraphs) == 1 and not first.runs and not first.text:
        return first
    return cell.add_paragraph()


# tblPr children have a fixed schema order; Word rejects files that break it.
_TBLPR_AFTER_CELLMAR = ("w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange")


def _fix_table_layout(table: DocxTable, widths_mm: Sequence[float]) -> None:
    """Pin column widths: Word reads w:tcW, LibreOffice reads w:gridCol; set both."""
    table.autofit = False  # python-docx writes <w:tblLayout w:type="fixed"/>
    # A new python-docx table always has <w:tblW w:type="auto" w:w="0"/>; give
    # it the real total so readers do not stretch the table to the margins.
    tbl_w = table._tbl.tblPr.find(qn("w:tblW"))
    tbl_w.set(qn("w:type"), "dxa")
    tbl_w.set(qn("w:w"), str(round(sum(widths_mm) / 25.4 * 1440)))
    for column, width in zip(table.columns, widths_mm):
        column.width = Mm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm):
            cell.width = Mm(width)


def _set_cell_margins(table: DocxTable, side_mm: float) -> None:
    """Left/right cell padding for the whole table (w:tblCellMar)."""
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:w"), str(round(side_mm / 25.4 * 1440)))
        edge.set(qn("w:type"), "dxa")
        margins.append(edge)
    table._tbl.tblPr.insert_element_before(margins, *_TBLPR_AFTER_CELLMAR)


def _mark_header_row(table: DocxTable) -> None:
    """Repeat the first row at the top of each page (w:tblHeader)."""
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:tblHeader"))


def _keep_rows_whole(table: DocxTable) -> None:
    """Do not split a row across pages (w:cantSplit)."""
    for row in table.rows:
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def _set_outline_level(paragraph: DocxParagraph, level: int) -> None:
    """Give a heading an outline level so Word's navigation pane lists it."""
    outline = OxmlElement("w:outlineLvl")
    outline.set(qn("w:val"), str(level - 1))
    paragraph._p.get_or_add_pPr().append(outline)


def _add_page_number_field(paragraph: DocxParagraph, size_pt: float) -> None:
    """Append a PAGE field; readers compute its value when they lay the page out."""
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    fld.append(run)
    paragraph._p.append(fld)
    placeholder = Run(run, paragraph)
    placeholder.text = "1"
    _set_run_font(placeholder, size_pt)


# VML namespaces are not in python-docx's nsmap, so the fragment declares them.
_WATERMARK_TEMPLATE = (
    '<w:pict xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    ' xmlns:v="urn:schemas-microsoft-com:vml"'
    ' xmlns:o="urn:schemas-microsoft-com:office:office">'
    '<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800"'
    ' path="m@7,l@8,m@5,21600l@6,21600e">'
    "<v:formulas>"
    '<v:f eqn="sum #0 0 10800"/><v:f eqn="prod #0 2 1"/><v:f eqn="sum 21600 0 @1"/>'
    '<v:f eqn="sum 0 0 @2"/><v:f eqn="sum 21600 0 @3"/><v:f eqn="if @0 @3 0"/>'
    '<v:f eqn="if @0 21600 @1"/><v:f eqn="if @0 0 @2"/><v:f eqn="if @0 @4 21600"/>'
    '<v:f eqn="mid @5 @6"/><v:f eqn="mid @8 @5"/><v:f eqn="mid @7 @8"/>'
    '<v:f eqn="mid @6 @7"/><v:f eqn="sum @6 0 @5"/>'
    "</v:formulas>"
    '<v:path textpathok="t" o:connecttype="custom"'
    ' o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800"'
    ' o:connectangles="270,180,90,0"/>'
    '<v:textpath on="t" fitshape="t"/>'
    '<o:lock v:ext="edit" text="t" shapetype="t"/>'
    "</v:shapetype>"
    '<v:shape type="#_x0000_t136" o:allowincell="f" fillcolor="#d9d9d9" stroked="f">'
    '<v:fill opacity=".5"/>'
    '<v:textpath style="font-family:&quot;Times New Roman&quot;;font-size:1pt"/>'
    "</v:shape>"
    "</w:pict>"
)


def _watermark_pict(text: str, shape_id: str, width_mm: float) -> object:
    """Build the VML text-path shape Word itself writes for a text watermark.

    python-docx has no watermark API, and a header-anchored VML shape is the
    form Word produces ("Design > Watermark") and LibreOffice imports as a
    watermark, so this is the one hand-built element in the module. The template
    is a constant; the caller's text is set as an attribute through lxml, which
    escapes it, so no data is ever spliced into XML source.
    """
    pict = parse_xml(_WATERMARK_TEMPLATE)
    v_ns = "urn:schemas-microsoft-com:vml"
    o_ns = "urn:schemas-microsoft-com:office:office"
    shape = pict.find(f"{{{v_ns}}}shape")
    # The text stretches to fill the shape (fitshape), so give the shape the
    # text's own proportions; otherwise short words come out tall and narrow.
    em_width = max(_text_width_mm(text, 1.0, True) / (25.4 / 72), 1.0)
    height_mm = max(width_mm / em_width * 1.1, 8.0)
    shape.set("id", shape_id)
    shape.set(f"{{{o_ns}}}spid", f"_x0000_s{2049 + int(shape_id.rsplit('_', 1)[-1])}")
    shape.set(
        "style",
        "position:absolute;margin-left:0;margin-top:0;"
        f"width:{width_mm / 25.4 * 72:.1f}pt;height:{height_mm / 25.4 * 72:.1f}pt;"
        "rotation:315;z-index:-251657216;"
        "mso-position-horizontal:center;mso-position-horizontal-relative:margin;"
        "mso-position-vertical:center;mso-position-vertical-relative:margin",
    )
    shape.find(f"{{{v_ns}}}textpath").set("string", text)
    return pict


# --------------------------------------------------------------------------
# Document sections
# --------------------------------------------------------------------------


def _setup_styles(document: DocxDocument, spec: AdminDocument) -> None:
    """Normal style = Times New Roman at body size, Vietnamese proofing language.

    Text the clerk types later picks these up; rendered text also carries
    direct formatting (see :func:`_set_run_font`).
    """
    normal = document.styles["Normal"]
    normal.font.name = FONT_NAME
    normal.font.size = Pt(spec.body_pt)
    r_pr = normal.element.get_or_add_rPr()
    rfonts = r_pr.get_or_add_rFonts()
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(slot), FONT_NAME)
    lang = r_pr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        r_pr.append(lang)
    lang.set(qn("w:val"), clean_text(spec.language))
    # Theme colours in the template's styles are not black; the decree says black.
    normal.font.color.rgb = RGBColor(0, 0, 0)


def _setup_settings(document: DocxDocument) -> None:
    """Do not stretch a justified line that ends in a manual line break.

    Data text may contain newlines, which become line breaks; by default Word
    and LibreOffice justify the line before such a break across the full width
    ("Dòng           thứ           nhất"). This compatibility switch, which
    both honour, keeps those lines natural.
    """
    settings = document.settings.element
    compat = settings.find(qn("w:compat"))
    if compat is None:
        compat = OxmlElement("w:compat")
        settings.append(compat)
    # w:compat's boolean switches come before its w:compatSetting children.
    compat.insert(0, OxmlElement("w:doNotExpandShiftReturn"))


def _setup_page(document: DocxDocument, spec: AdminDocument) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width = Mm(210)
    section.page_height = Mm(297)
    section.top_margin = Mm(spec.page.top_mm)
    section.bottom_margin = Mm(spec.page.bottom_mm)
    section.left_margin = Mm(spec.page.left_mm)
    section.right_margin = Mm(spec.page.right_mm)
    # Page number and any DEMO line sit in the top margin, above the body.
    section.header_distance = Mm(8)
    section.footer_distance = Mm(8)
    section.gutter = Mm(0)


def _setup_headers(document: DocxDocument, spec: AdminDocument) -> None:
    """Page number centred in the top margin from page 2 on; DEMO marks on all pages."""
    section = document.sections[0]
    # Decree: page numbers are not shown on the first page.
    section.different_first_page_header_footer = True
    width_mm = spec.page.text_width_mm
    headers = (("first", section.first_page_header), ("default", section.header))
    for index, (kind, header) in enumerate(headers, start=1):
        header.is_linked_to_previous = False
        paragraph = header.paragraphs[0]
        _tight(paragraph, WD_ALIGN_PARAGRAPH.CENTER)
        if kind == "default":
            _add_page_number_field(paragraph, PAGE_NUMBER_PT)
        if spec.header_text:
            line = paragraph if kind == "first" else header.add_paragraph()
            _tight(line, WD_ALIGN_PARAGRAPH.CENTER)
            run = _add_text(line, spec.header_text, HEADER_TEXT_PT, bold=True)
            run.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
        if spec.watermark:
            holder = header.paragraphs[-1].add_run()
            _set_run_font(holder, HEADER_TEXT_PT)  # keep every run Times New Roman
            holder._r.append(
                _watermark_pict(
                    clean_text(spec.watermark),
                    f"PowerPlusWaterMarkObject_{index}",
                    min(width_mm, 150.0),
                )
            )


def _add_draft_notice(document: DocxDocument, spec: AdminDocument) -> None:
    """A boxed notice above the header block: this is a draft, not the report."""
    if not spec.draft_notice:
        return
    paragraph = document.add_paragraph()  # the template's body is empty: this is first
    _tight(paragraph, WD_ALIGN_PARAGRAPH.CENTER)
    paragraph.paragraph_format.space_after = Pt(8)
    _set_paragraph_border(paragraph, ("top", "left", "bottom", "right"))
    _add_text(paragraph, spec.draft_notice, DRAFT_NOTICE_PT, bold=True, italic=True)


def _header_columns_mm(spec: AdminDocument) -> tuple[float, float]:
    """Split the text width so the national title fits on one line at the right."""
    text_width = spec.page.text_width_mm
    right = _text_width_mm(clean_text(spec.national_title), NATIONAL_TITLE_PT, True)
    right = min(right + 2 * HEADER_CELL_PAD_MM + 3.0, text_width * 0.62)
    return text_width - right, right


def _add_header_block(document: DocxDocument, spec: AdminDocument) -> None:
    """Issuing body (left) and national title + motto (right), then number and date.

    A borderless 2x2 table is how Word users lay this out: the two blocks stay
    side by side and each line is centred in its own column.
    """
    left_mm, right_mm = _header_columns_mm(spec)
    table = document.add_table(rows=2, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _fix_table_layout(table, (left_mm, right_mm))
    _set_cell_margins(table, HEADER_CELL_PAD_MM)
    inner_left = left_mm - 2 * HEADER_CELL_PAD_MM
    inner_right = right_mm - 2 * HEADER_CELL_PAD_MM

    body_cell = table.cell(0, 0)
    if spec.parent_body:
        p = _cell_paragraph(body_cell)
        _tight(p, WD_ALIGN_PARAGRAPH.CENTER)
        _add_text(p, spec.parent_body, BODY_NAME_PT)
    p = _cell_paragraph(body_cell)
    _tight(p, WD_ALIGN_PARAGRAPH.CENTER)
    _add_text(p, spec.issuing_body, BODY_NAME_PT, bold=True)
    issuing_width = _text_width_mm(clean_text(spec.issuing_body), BODY_NAME_PT, True)
    _add_rule(body_cell, issuing_width * ISSUING_RULE_FRACTION, inner_left)

    motto_cell = table.cell(0, 1)
    p = _cell_paragraph(motto_cell)
    _tight(p, WD_ALIGN_PARAGRAPH.CENTER)
    _add_text(p, spec.national_title, NATIONAL_TITLE_PT, bold=True)
    p = _cell_paragraph(motto_cell)
    _tight(p, WD_ALIGN_PARAGRAPH.CENTER)
    _add_text(p, spec.motto, MOTTO_PT, bold=True)
    # Decree: the rule under the motto is as long as the motto line.
    _add_rule(motto_cell, _text_width_mm(clean_text(spec.motto), MOTTO_PT, True), inner_right)

    number_cell = table.cell(1, 0)
    p = _cell_paragraph(number_cell)
    _tight(p, WD_ALIGN_PARAGRAPH.CENTER)
    p.paragraph_format.space_before = Pt(6)
    _add_text(p, spec.number_field, NUMBER_PT)

    date_cell = table.cell(1, 1)
    p = _cell_paragraph(date_cell)
    _tight(p, WD_ALIGN_PARAGRAPH.CENTER)
    p.paragraph_format.space_before = Pt(6)
    _add_text(p, spec.place_date_field, PLACE_DATE_PT, italic=True)

    for row in table.rows:
        for cell in row.cells:
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP


def _add_title(document: DocxDocument, spec: AdminDocument) -> None:
    """Document type (upper, bold) and summary line (bold), centred, rule below."""
    p = document.add_paragraph()
    _tight(p, WD_ALIGN_PARAGRAPH.CENTER)
    p.paragraph_format.space_before = Pt(18)
    p.paragraph_format.keep_with_next = True
    _add_text(p, spec.title, TITLE_PT, bold=True)
    if spec.subtitle:
        p = document.add_paragraph()
        _tight(p, WD_ALIGN_PARAGRAPH.CENTER)
        p.paragraph_format.keep_with_next = True
        _add_text(p, spec.subtitle, TITLE_PT, bold=True)
        text_width = spec.page.text_width_mm
        line_width = min(_text_width_mm(clean_text(spec.subtitle), TITLE_PT, True), text_width)
        _add_rule(document, line_width * TITLE_RULE_FRACTION, text_width)
    spacer = document.add_paragraph()
    _tight(spacer, WD_ALIGN_PARAGRAPH.CENTER)
    spacer.paragraph_format.space_after = Pt(6)


def _body_format(paragraph: DocxParagraph) -> None:
    """Justified, first line indented, 6 pt after, 1.15 lines (Decree 30 body text)."""
    fmt = paragraph.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt.first_line_indent = Mm(FIRST_LINE_INDENT_MM)
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(PARAGRAPH_SPACE_AFTER_PT)
    fmt.line_spacing = BODY_LINE_SPACING


def _add_heading(document: DocxDocument, block: Heading, size_pt: float) -> None:
    p = document.add_paragraph()
    _body_format(p)
    p.paragraph_format.keep_with_next = True  # never strand a heading at a page foot
    _set_outline_level(p, block.level)
    _add_text(p, block.text, size_pt, bold=True, italic=block.level == 3)


def _add_body_paragraph(document: DocxDocument, block: Paragraph, size_pt: float) -> None:
    p = document.add_paragraph()
    _body_format(p)
    _add_text(p, block.text, size_pt, bold=block.bold, italic=block.italic)


def _add_bullets(document: DocxDocument, block: BulletList, size_pt: float) -> None:
    # Plain "- " text rather than Word list numbering: it is what the decree's
    # samples show and it survives copy-paste into any other editor unchanged.
    for item in block.items:
        p = document.add_paragraph()
        _body_format(p)
        _add_text(p, "- " + item, size_pt)


_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
}


def _add_table(document: DocxDocument, block: Table, text_width_mm: float) -> None:
    columns = len(block.headers)
    widths = block.column_widths_mm or tuple(text_width_mm / columns for _ in range(columns))
    total = sum(widths)
    if total > text_width_mm:
        widths = tuple(w * text_width_mm / total for w in widths)
    aligns = block.column_align or tuple("left" for _ in range(columns))

    table = document.add_table(rows=1 + len(block.rows), cols=columns)
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _fix_table_layout(table, widths)
    _keep_rows_whole(table)  # before tblHeader: trPr wants cantSplit first
    _mark_header_row(table)

    # Row by row: ``table.cell(r, c)`` walks the whole table on every call (quadratic in its size).
    rows = iter(table.rows)
    for cell, text in zip(next(rows).cells, block.headers):
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        p = _cell_paragraph(cell)
        _tight(p, WD_ALIGN_PARAGRAPH.CENTER)
        _add_text(p, text, TABLE_PT, bold=True)
    for table_row, row in zip(rows, block.rows):
        for index, (cell, text) in enumerate(zip(table_row.cells, row)):
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            p = _cell_paragraph(cell)
            _tight(p, _ALIGN[aligns[index]])
            _add_text(p, text, TABLE_PT)
    # A paragraph after the table keeps the next table or heading from fusing with it.
    after = document.add_paragraph()
    _tight(after, WD_ALIGN_PARAGRAPH.LEFT)
    after.paragraph_format.space_after = Pt(PARAGRAPH_SPACE_AFTER_PT)


def _add_closing_block(document: DocxDocument, spec: AdminDocument) -> None:
    """"Nơi nhận" (left, level with the authority line) and signature (right)."""
    text_width = spec.page.text_width_mm
    left_mm = text_width * 0.45
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _fix_table_layout(table, (left_mm, text_width - left_mm))
    _set_cell_margins(table, HEADER_CELL_PAD_MM)
    _keep_rows_whole(table)

    recipients = table.cell(0, 0)
    p = _cell_paragraph(recipients)
    _tight(p, WD_ALIGN_PARAGRAPH.LEFT)
    _add_text(p, spec.recipients_label, RECIPIENTS_LABEL_PT, bold=True, italic=True)
    for item in spec.recipients:
        p = recipients.add_paragraph()
        _tight(p, WD_ALIGN_PARAGRAPH.LEFT)
        _add_text(p, "- " + item, RECIPIENTS_ITEM_PT)

    signature = table.cell(0, 1)
    p = _cell_paragraph(signature)
    _tight(p, WD_ALIGN_PARAGRAPH.CENTER)
    _add_text(p, spec.signature_authority, SIGNATURE_PT, bold=True)
    if spec.signature_title:
        p = signature.add_paragraph()
        _tight(p, WD_ALIGN_PARAGRAPH.CENTER)
        _add_text(p, spec.signature_title, SIGNATURE_PT, bold=True)
    for _ in range(SIGNATURE_SPACE_LINES):
        p = signature.add_paragraph()
        _tight(p, WD_ALIGN_PARAGRAPH.CENTER)
        _add_text(p, "", SIGNATURE_PT)
    p = signature.add_paragraph()
    _tight(p, WD_ALIGN_PARAGRAPH.CENTER)
    _add_text(p, spec.signer_name, SIGNATURE_PT, bold=True)

    for cell in (recipients, signature):
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP


def _set_core_properties(document: DocxDocument, spec: AdminDocument) -> None:
    created = spec.created
    if created.tzinfo is None:
        created = created.replace(tzinfo=dt.timezone.utc)
    props = document.core_properties
    props.author = clean_text(spec.author)
    props.last_modified_by = clean_text(spec.author)
    props.title = clean_text(" ".join(s for s in (spec.title, spec.subtitle) if s))
    props.subject = clean_text(spec.issuing_body)
    props.comments = clean_text(spec.draft_notice)
    props.keywords = ""
    props.category = ""
    props.revision = 1
    props.created = created
    props.modified = created
    props.last_printed = created


def _drop_template_thumbnail(document: DocxDocument) -> None:
    """Remove the template's thumbnail image: it shows a blank page, not this document."""
    rels = document.part.package.rels
    for r_id, rel in list(rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del rels[r_id]


# Zip entry timestamp: the earliest date the zip format can store, so nothing
# about the build time or time zone leaks into the file.
_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def _normalise_zip(data: bytes) -> bytes:
    """Rewrite the package with fixed entry dates and attributes, in the same order.

    python-docx writes each part with ``ZipFile.writestr(name, blob)``, which
    stamps the current local time on every entry, so two saves differ. Parts
    keep python-docx's order ([Content_Types].xml first, as OPC readers expect).
    """
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=_ZIP_EPOCH)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 0
            entry.external_attr = 0
            target.writestr(entry, source.read(info.filename), compresslevel=9)
    return out.getvalue()


@functools.lru_cache(maxsize=64)
def render_docx(spec: AdminDocument) -> bytes:
    """Render ``spec`` and return the .docx file's bytes.

    Output is byte-identical for equal input on the same library versions
    (python-docx, lxml, zlib). The spec is plain frozen data, so an equal
    spec is not rendered twice (under ``mkdocs serve``, a saved report
    re-renders only the drafts it changes).
    """
    document = Document()
    _drop_template_thumbnail(document)
    _setup_styles(document, spec)
    _setup_settings(document)
    _setup_page(document, spec)
    _setup_headers(document, spec)
    _add_draft_notice(document, spec)
    _add_header_block(document, spec)
    _add_title(document, spec)
    text_width = spec.page.text_width_mm
    for block in spec.blocks:
        if isinstance(block, Heading):
            _add_heading(document, block, spec.body_pt)
        elif isinstance(block, Paragraph):
            _add_body_paragraph(document, block, spec.body_pt)
        elif isinstance(block, Table):
            _add_table(document, block, text_width)
        else:
            _add_bullets(document, block, spec.body_pt)
    _add_closing_block(document, spec)
    _set_core_properties(document, spec)
    buffer = io.BytesIO()
    document.save(buffer)
    return _normalise_zip(buffer.getvalue())
