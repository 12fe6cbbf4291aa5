"""Read a PDF back with pypdf and report what tagged PDF (ISO 32000-1, 14.7-14.8) and PDF/UA-1
(ISO 14289-1) ask of it, as plain values for the tests to assert on."""

import io
from collections import Counter
from functools import cached_property

from pypdf import PdfReader
from pypdf.generic import ContentStream

# Operators that put marks on the page: text showing, path painting, XObjects, shadings.
PAINTING = {b"Tj", b"TJ", b"'", b'"', b"S", b"s", b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*"}
PAINTING |= {b"Do", b"sh", b"BI"}


class TaggedPdf:
    def __init__(self, data: bytes):
        self.reader = PdfReader(io.BytesIO(data))
        self.catalog = self.reader.trailer["/Root"]
        self._page_index = {
            page.indirect_reference.idnum: index for index, page in enumerate(self.reader.pages)
        }

    @property
    def lang(self) -> str | None:
        return self.catalog.get("/Lang")

    @property
    def title(self) -> str | None:
        return self.reader.metadata.title

    @property
    def xmp_title(self) -> str | None:
        return self.reader.xmp_metadata.dc_title.get("x-default")

    @property
    def display_doc_title(self) -> bool:
        return bool(self.catalog.get("/ViewerPreferences", {}).get("/DisplayDocTitle"))

    @property
    def marked(self) -> bool:
        return bool(self.catalog.get("/MarkInfo", {}).get("/Marked"))

    @property
    def pages_with_tab_order_and_struct_parents(self) -> list[bool]:
        return [
            page.get("/Tabs") == "/S" and "/StructParents" in page for page in self.reader.pages
        ]

    # --- structure tree ----------------------------------------------------------------------

    @cached_property
    def _structure(self) -> tuple[list[tuple[int, dict]], dict[tuple[int, int], dict]]:
        """Elements depth-first as (depth, element), and the element owning each (page, MCID)."""
        elements, owners = [], {}

        def walk(node, depth):
            node = node.get_object()
            elements.append((depth, node))
            kids = node.get("/K", [])
            kids = kids if isinstance(kids, list) else [kids]
            for kid in kids:
                if isinstance(kid, int):
                    owners[self._page_of(node), kid] = node
                    continue
                kid = kid.get_object()
                if kid.get("/Type") == "/MCR":
                    owners[self._page_of(kid), kid["/MCID"]] = node
                else:
                    assert kid["/P"].get_object() is node or kid["/P"].get_object() == node
                    walk(kid, depth + 1)

        root = self.catalog["/StructTreeRoot"].get_object()
        kids = root["/K"]
        for kid in kids if isinstance(kids, list) else [kids]:
            walk(kid, 0)
        return elements, owners

    def _page_of(self, node) -> int:
        return self._page_index[node.raw_get("/Pg").idnum]

    @property
    def structure_types(self) -> list[str]:
        return [element["/S"][1:] for _, element in self._structure[0]]

    def elements_of_type(self, kind: str) -> list[dict]:
        return [element for _, element in self._structure[0] if element["/S"] == f"/{kind}"]

    @property
    def structure_mcids(self) -> set[tuple[int, int]]:
        return set(self._structure[1])

    @property
    def parent_tree_mismatches(self) -> list[tuple[int, int]]:
        """(page, MCID) whose ParentTree entry is not the element that references it."""
        nums = self.catalog["/StructTreeRoot"]["/ParentTree"]["/Nums"]
        parent_tree = {nums[i]: nums[i + 1].get_object() for i in range(0, len(nums), 2)}
        wrong = []
        for (page, mcid), owner in self._structure[1].items():
            key = self.reader.pages[page]["/StructParents"]
            entry = parent_tree[key][mcid].get_object()
            if entry is not owner and entry != owner:
                wrong.append((page, mcid))
        return wrong

    # --- page content ------------------------------------------------------------------------

    @cached_property
    def _content(self) -> tuple[Counter, list[str], list[str]]:
        """MCIDs marked in the content streams (counted), painting operators outside tagged
        or artifact content, and MCIDs nested inside other MCIDs."""
        mcids, untagged, nested = Counter(), [], []
        for index, page in enumerate(self.reader.pages):
            stack = []  # per open marked-content sequence: "tagged", "artifact" or "other"
            for operands, operator in ContentStream(page.get_contents(), self.reader).operations:
                if operator in (b"BDC", b"BMC"):
                    tag = operands[0]
                    properties = operands[1] if operator == b"BDC" else {}
                    if tag == "/Artifact":
                        stack.append("artifact")
                    elif "/MCID" in properties:
                        if "tagged" in stack:
                            nested.append(f"page {index} MCID {properties['/MCID']}")
                        mcids[index, properties["/MCID"]] += 1
                        stack.append("tagged")
                    else:
                        stack.append("other")
                elif operator == b"EMC":
                    stack.pop()
                elif operator in PAINTING and not {"tagged", "artifact"} & set(stack):
                    untagged.append(f"page {index}: {operator.decode()} {operands!r:.60}")
            assert not stack, f"page {index} ends inside marked content"
        return mcids, untagged, nested

    @property
    def content_mcids(self) -> set[tuple[int, int]]:
        return set(self._content[0])

    @property
    def duplicate_mcids(self) -> list[tuple[int, int]]:
        return [key for key, count in self._content[0].items() if count > 1]

    @property
    def untagged_painting(self) -> list[str]:
        return self._content[1]

    @property
    def nested_mcids(self) -> list[str]:
        return self._content[2]

    # --- fonts and text ----------------------------------------------------------------------

    @property
    def fonts(self) -> dict[str, bool]:
        """Every font used on a page (by name), and whether its program is embedded."""
        fonts = {}
        for page in self.reader.pages:
            for font in page["/Resources"].get("/Font", {}).values():
                font = font.get_object()
                descriptor_of = (
                    font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
                )
                descriptor = descriptor_of.get("/FontDescriptor", {})
                descriptor = descriptor.get_object() if descriptor else {}
                name = str(font["/BaseFont"])[1:].split("+")[-1]  # without the subset tag
                fonts[name] = any(
                    key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")
                )
        return fonts

    @property
    def text(self) -> str:
        return "\n".join(page.extract_text() for page in self.reader.pages)

    @property
    def flat_text(self) -> str:
        """The text with every run of white space (line breaks too) as one space."""
        return " ".join(self.text.split())
