"""The fonts of Sensi's PDFs, embedded.

PDF/UA-1 (ISO 14289-1, 7.21.4.1) requires every font to be embedded, and reportlab never embeds
its standard 14 fonts (Helvetica and friends). DejaVu Sans covers German and English and comes
with Debian's fonts-dejavu-core, which bin/install-system-deps installs.
"""

import functools
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.lib.styles import StyleSheet1, getSampleStyleSheet
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
BOLD_ITALIC = "DejaVuSans-BoldOblique"
MONO = "DejaVuSansMono"

# The standard fonts reportlab's sample styles name, and what Sensi sets them in instead.
REPLACING = {
    "Helvetica": REGULAR,
    "Helvetica-Bold": BOLD,
    "Helvetica-Oblique": ITALIC,
    "Helvetica-BoldOblique": BOLD_ITALIC,
    "Courier": MONO,
}


@functools.cache
def register_fonts() -> None:
    """Make the DejaVu fonts known to reportlab (once per process)."""
    for name in (REGULAR, BOLD, ITALIC, BOLD_ITALIC, MONO):
        path = FONT_DIR / f"{name}.ttf"
        if not path.exists():
            raise FileNotFoundError(
                f"{path} is missing: install Debian's fonts-dejavu-core (bin/install-system-deps)"
            )
        pdfmetrics.registerFont(TTFont(name, str(path)))
    # So that <b> and <i> in a Paragraph pick the bold and oblique faces.
    for bold, italic, name in ((0, 0, REGULAR), (1, 0, BOLD), (0, 1, ITALIC), (1, 1, BOLD_ITALIC)):
        addMapping(REGULAR, bold, italic, name)


def stylesheet() -> StyleSheet1:
    """reportlab's sample styles, set in embedded fonts."""
    register_fonts()
    styles = getSampleStyleSheet()
    for style in styles.byName.values():
        for attribute in ("fontName", "bulletFontName"):  # list styles have only the second
            if hasattr(style, attribute):
                setattr(style, attribute, REPLACING[getattr(style, attribute)])
    return styles
