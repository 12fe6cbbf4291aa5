"""Simple decorative pictograms for the demo modules, drawn with Pillow (no downloads)."""

import io

from PIL import Image, ImageDraw

SIZE = (960, 540)
BACKGROUND = {"it_security": (11, 83, 148), "data_protection": (30, 107, 53)}
LINE = (255, 255, 255)


def _router(draw):
    draw.rounded_rectangle((300, 280, 660, 380), radius=20, outline=LINE, width=12)
    for x in (380, 580):
        draw.line((x, 280, x - 40, 140), fill=LINE, width=12)
    for x in (360, 410, 460):
        draw.ellipse((x, 320, x + 20, 340), fill=LINE)


def _printer(draw):
    draw.rectangle((360, 140, 600, 230), outline=LINE, width=12)
    draw.rounded_rectangle((290, 230, 670, 380), radius=16, outline=LINE, width=12)
    draw.rectangle((360, 330, 600, 430), outline=LINE, width=12)


def _phishing(draw):
    draw.rectangle((280, 260, 620, 430), outline=LINE, width=12)
    draw.line((280, 260, 450, 360, 620, 260), fill=LINE, width=12)
    draw.line((680, 90, 680, 250), fill=LINE, width=10)
    draw.arc((620, 200, 700, 290), start=0, end=180, fill=LINE, width=10)


def _password(draw):
    draw.arc((390, 120, 570, 300), start=180, end=360, fill=LINE, width=16)
    draw.line((390, 210, 390, 250), fill=LINE, width=16)
    draw.line((570, 210, 570, 250), fill=LINE, width=16)
    draw.rounded_rectangle((340, 250, 620, 430), radius=20, outline=LINE, width=12)
    draw.ellipse((460, 310, 500, 350), fill=LINE)


def _homeoffice(draw):
    draw.polygon((480, 110, 280, 270, 680, 270), outline=LINE, width=12)
    draw.rectangle((320, 270, 640, 440), outline=LINE, width=12)
    draw.rectangle((400, 320, 560, 400), outline=LINE, width=10)


def _breach(draw):
    draw.polygon(
        (480, 110, 640, 170, 620, 340, 480, 440, 340, 340, 320, 170), outline=LINE, width=12
    )
    draw.line((500, 140, 450, 270, 520, 300, 470, 420), fill=LINE, width=10)


MOTIFS = {
    "router": _router,
    "printer": _printer,
    "phishing": _phishing,
    "password": _password,
    "homeoffice": _homeoffice,
    "breach": _breach,
}


def pictogram_png(*, motif: str, topic: str) -> bytes:
    image = Image.new("RGB", SIZE, BACKGROUND[topic])
    MOTIFS[motif](ImageDraw.Draw(image))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
