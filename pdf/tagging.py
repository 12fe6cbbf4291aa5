"""Tagged PDF from reportlab's platypus: marked content while it draws, the structure tree after.

reportlab (open source) writes no logical structure. `Tagging` wraps the flowables of a story
so that each draws inside a marked-content sequence `/Tag <</MCID n>> BDC … EMC` (ISO 32000-1,
14.6) and records which structure element owns it; page decoration draws as `/Artifact`
(14.8.2.2). Tables are tagged cell by cell through reportlab's table render callback. After
`build()`, `finish()` adds with pypdf what PDF/UA-1 (ISO 14289-1, 7.1, 7.2, 7.18.3) asks of the
document: the structure tree with its ParentTree (14.7.4.4), /StructParents and /Tabs /S on
every page, /MarkInfo, /Lang, /ViewerPreferences /DisplayDocTitle and the XMP dc:title.

    tags = Tagging()
    story = [tags.h1(Paragraph(...)), tags.p(Paragraph(...)),
             tags.table(rows, header_rows=1), tags.figure(drawing, alt=...)]
    document.build(story, onFirstPage=tags.artifact(footer), onLaterPages=tags.artifact(footer))
    pdf = tags.finish(buffer.getvalue(), title=..., language="de")

Reading order is structure order: an element joins its parent when its first content is drawn,
which is the order platypus lays the story out. Only standard structure types are used, so the
structure tree needs no /RoleMap.
"""

import io
from dataclasses import dataclass, field
from typing import NamedTuple
from xml.sax.saxutils import escape

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    NumberObject,
    TextStringObject,
)
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from .fonts import REGULAR


class MarkedContent(NamedTuple):
    page: int  # 1-based, as reportlab counts
    mcid: int


@dataclass(eq=False)
class Element:
    """A structure element (ISO 32000-1, 14.7.2) and the content or elements it holds."""

    type: str
    parent: "Element | None" = None
    alt: str | None = None
    attributes: dict[str, str] = field(default_factory=dict)  # Table attributes, 14.8.5.7
    bbox: tuple[float, float, float, float] | None = None
    kids: list["Element | MarkedContent"] = field(default_factory=list)
    attached: bool = False

    def attach(self) -> None:
        """Join the parent when the first content is drawn, so kids are in reading order."""
        if self.parent is not None and not self.attached:
            self.parent.attach()
            self.parent.kids.append(self)
        self.attached = True


ARTIFACT = "/Artifact <</Type /Pagination>> BDC"
LAYOUT_ARTIFACT = "/Artifact <</Type /Layout>> BDC"
END = "EMC"


class Tagging:
    """Collects the structure of one document while platypus draws it."""

    def __init__(self):
        self.root = Element("Document")
        self._next_mcid: dict[int, int] = {}

    # --- the story -------------------------------------------------------------------------

    def h1(self, flowable: Flowable) -> Flowable:
        return _Marked(flowable, Element("H1", self.root), self)

    def h2(self, flowable: Flowable) -> Flowable:
        return _Marked(flowable, Element("H2", self.root), self)

    def p(self, flowable: Flowable) -> Flowable:
        return _Marked(flowable, Element("P", self.root), self)

    def figure(self, flowable: Flowable, *, alt: str) -> Flowable:
        return _Marked(flowable, Element("Figure", self.root, alt=alt), self)

    def table(self, rows: list[list], *, header_rows: int = 0, header_columns: int = 0, **kwargs):
        """A reportlab Table whose cells are TH (the first rows and columns) or TD."""
        tagger = _TableTagger(self, Element("Table", self.root), header_rows, header_columns)
        return Table(rows, renderCB=tagger, **kwargs)

    def facts(self, rows, *, label_style, value_style):
        """Label/value pairs ruled one per line, the labels as row headers (TH, Scope Row) for
        a screen reader. A row is (label, value) or (label, value, style of the value)."""
        table = self.table(
            [
                [
                    Paragraph(escape(label), label_style),
                    Paragraph(escape(value), style[0] if style else value_style),
                ]
                for label, value, *style in rows
            ],
            header_columns=1,
            colWidths=[5.5 * cm, 11 * cm],
        )
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), REGULAR),  # reportlab sets it per cell
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.25, "#888888"),
                ]
            )
        )
        return table

    def artifact(self, on_page):
        """Wrap an onPage callback (headers, footers, page numbers) as pagination artifact."""

        def draw(canvas, document):
            canvas.addLiteral(ARTIFACT)
            on_page(canvas, document)
            canvas.addLiteral(END)

        return draw

    # --- while drawing ---------------------------------------------------------------------

    def begin(self, canvas, element: Element) -> None:
        element.attach()
        page = canvas.getPageNumber()
        mcid = self._next_mcid.get(page, 0)
        self._next_mcid[page] = mcid + 1
        element.kids.append(MarkedContent(page, mcid))
        canvas.addLiteral(f"/{element.type} <</MCID {mcid}>> BDC")

    # --- after build() ---------------------------------------------------------------------

    def finish(self, pdf: bytes, *, title: str, language: str) -> bytes:
        """The PDF reportlab wrote, with structure tree and document-level accessibility keys."""
        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
        writer.pdf_header = b"%PDF-1.7"
        pages = [page.indirect_reference for page in writer.pages]
        owners: dict[int, dict[int, object]] = {}  # page index -> MCID -> structure element

        tree = DictionaryObject({NameObject("/Type"): NameObject("/StructTreeRoot")})
        tree_ref = writer._add_object(tree)

        def add(element: Element, parent_ref) -> object:
            node = DictionaryObject(
                {
                    NameObject("/Type"): NameObject("/StructElem"),
                    NameObject("/S"): NameObject(f"/{element.type}"),
                    NameObject("/P"): parent_ref,
                }
            )
            ref = writer._add_object(node)
            kids = ArrayObject()
            for kid in element.kids:
                if isinstance(kid, Element):
                    kids.append(add(kid, ref))
                    continue
                page = pages[kid.page - 1]
                kids.append(
                    DictionaryObject(
                        {
                            NameObject("/Type"): NameObject("/MCR"),
                            NameObject("/Pg"): page,
                            NameObject("/MCID"): NumberObject(kid.mcid),
                        }
                    )
                )
                node.setdefault(NameObject("/Pg"), page)
                owners.setdefault(kid.page - 1, {})[kid.mcid] = ref
            node[NameObject("/K")] = kids
            if element.alt is not None:
                node[NameObject("/Alt")] = TextStringObject(element.alt)
            attributes = {
                NameObject(f"/{k}"): NameObject(f"/{v}") for k, v in element.attributes.items()
            }
            if attributes:
                attributes[NameObject("/O")] = NameObject("/Table")
            if element.bbox is not None:
                attributes[NameObject("/O")] = NameObject("/Layout")
                attributes[NameObject("/BBox")] = ArrayObject(FloatObject(v) for v in element.bbox)
            if attributes:
                node[NameObject("/A")] = DictionaryObject(attributes)
            return ref

        tree[NameObject("/K")] = ArrayObject([add(self.root, tree_ref)])
        nums = ArrayObject()
        for index, page in enumerate(writer.pages):
            page[NameObject("/StructParents")] = NumberObject(index)
            page[NameObject("/Tabs")] = NameObject("/S")
            mcids = owners.get(index, {})
            # The array is indexed by MCID (14.7.4.4): order by MCID, not by tree order.
            assert sorted(mcids) == list(range(len(mcids))), "every MCID needs an element"
            ordered = ArrayObject(mcids[mcid] for mcid in range(len(mcids)))
            nums += [NumberObject(index), writer._add_object(ordered)]
        tree[NameObject("/ParentTree")] = DictionaryObject({NameObject("/Nums"): nums})
        tree[NameObject("/ParentTreeNextKey")] = NumberObject(len(pages))

        catalog = writer.root_object
        catalog[NameObject("/StructTreeRoot")] = tree_ref
        catalog[NameObject("/MarkInfo")] = DictionaryObject(
            {NameObject("/Marked"): BooleanObject(True)}
        )
        catalog[NameObject("/Lang")] = TextStringObject(language)
        catalog[NameObject("/ViewerPreferences")] = DictionaryObject(
            {NameObject("/DisplayDocTitle"): BooleanObject(True)}
        )
        catalog[NameObject("/Metadata")] = writer._add_object(_xmp(title, language))
        writer.add_metadata({"/Title": title})
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()


class _Marked(Flowable):
    """A flowable that draws as marked content of `element`, also after platypus splits it."""

    def __init__(self, flowable: Flowable, element: Element, tagging: Tagging):
        super().__init__()
        self.flowable, self.element, self.tagging = flowable, element, tagging

    def wrapOn(self, canv, availWidth, availHeight):
        self.width, self.height = self.flowable.wrapOn(canv, availWidth, availHeight)
        return self.width, self.height

    def wrap(self, availWidth, availHeight):
        self.width, self.height = self.flowable.wrap(availWidth, availHeight)
        return self.width, self.height

    def splitOn(self, canv, availWidth, availHeight):
        parts = self.flowable.splitOn(canv, availWidth, availHeight)
        return [_Marked(part, self.element, self.tagging) for part in parts]

    def split(self, availWidth, availHeight):
        parts = self.flowable.split(availWidth, availHeight)
        return [_Marked(part, self.element, self.tagging) for part in parts]

    def drawOn(self, canvas, x, y, _sW=0):
        self.tagging.begin(canvas, self.element)
        if self.element.type == "Figure":
            left = self.flowable._hAlignAdjust(x, _sW)
            self.element.bbox = (left, y, left + self.width, y + self.height)
        self.flowable.drawOn(canvas, x, y, _sW)
        canvas.addLiteral(END)

    def getSpaceBefore(self):
        return self.flowable.getSpaceBefore()

    def getSpaceAfter(self):
        return self.flowable.getSpaceAfter()

    def getKeepWithNext(self):
        return self.flowable.getKeepWithNext()

    def identity(self, maxLen=None):
        return self.flowable.identity(maxLen)


class _TableTagger:
    """reportlab's table render callback: Table > TR > TH/TD, rules and backgrounds as artifacts.

    A table split over pages stays one Table element; the header rows platypus repeats on
    the following pages are drawn as artifacts, so a screen reader hears them once.
    """

    def __init__(self, tagging: Tagging, element: Element, header_rows: int, header_columns: int):
        self.tagging, self.element = tagging, element
        self.header_rows, self.header_columns = header_rows, header_columns
        self.parts_drawn = 0
        self.row: Element | None = None

    def __call__(self, table: Table, event: str, *args) -> None:
        canvas = table.canv
        if event == "startTable":
            self.parts_drawn += 1
        elif event in ("startBG", "startLines"):
            canvas.addLiteral(LAYOUT_ARTIFACT)
        elif event in ("endBG", "endLines", "endCell"):
            canvas.addLiteral(END)
        elif event == "startRow":
            repeated = self.parts_drawn > 1 and args[0] < table.repeatRows
            self.row = None if repeated else Element("TR", self.element)
        elif event == "startCell":
            row, column = args[:2]
            if self.row is None:
                canvas.addLiteral(ARTIFACT)
            elif (header_row := row < self.header_rows and self.parts_drawn == 1) or (
                column < self.header_columns
            ):
                scope = "Column" if header_row else "Row"
                self.tagging.begin(canvas, Element("TH", self.row, attributes={"Scope": scope}))
            else:
                self.tagging.begin(canvas, Element("TD", self.row))


XMP = """<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
   <dc:language><rdf:Bag><rdf:li>{language}</rdf:li></rdf:Bag></dc:language>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""


def _xmp(title: str, language: str) -> DecodedStreamObject:
    """The XMP metadata stream; PDF/UA-1 (7.1) wants the title in dc:title. Uncompressed, as
    XMP readers that do not parse PDF expect."""
    stream = DecodedStreamObject()
    stream.set_data(XMP.format(title=escape(title), language=escape(language)).encode("utf-8"))
    stream[NameObject("/Type")] = NameObject("/Metadata")
    stream[NameObject("/Subtype")] = NameObject("/XML")
    return stream
