"""Render the demo clips (demo/clips/slides.py) from slides: PNG slides drawn with Pillow in
DejaVu Sans, joined into small H.264 MP4 files by ffmpeg, plus WebVTT captions in German and
English. The output is committed; run this only after changing clips.py:

    .venv/bin/python demo/clips/make_clips.py

Needs ffmpeg (Debian's /usr/bin/ffmpeg) and the DejaVu fonts (fonts-dejavu-core). Tests and
the demo seed only read the committed files.
"""

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from slides import CLIPS, Clip, captions_file, webvtt  # noqa: E402

SIZE = (640, 360)
FONTS = Path("/usr/share/fonts/truetype/dejavu")
WHITE = (255, 255, 255)
FPS = 10


def font(name: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONTS / name), size)


def slide_png(clip: Clip, index: int, language: str, path: Path) -> None:
    """One slide: the clip's colour, a progress bar, a heading and up to two lines, large
    enough to read on a phone (and kept clear of the bottom, where captions appear)."""
    slide = clip.slides[index]
    image = Image.new("RGB", SIZE, clip.accent)
    draw = ImageDraw.Draw(image)
    heading, body, small = (
        font("DejaVuSans-Bold.ttf", 38),
        font("DejaVuSans.ttf", 27),
        font("DejaVuSans.ttf", 16),
    )
    draw.text((32, 24), f"Sensi · {clip.title[language]}", font=small, fill=WHITE)
    width = SIZE[0] - 64
    done = (index + 1) / len(clip.slides)
    draw.rectangle((32, 52, 32 + width, 56), fill=tuple(c // 2 for c in clip.accent))
    draw.rectangle((32, 52, 32 + int(width * done), 56), fill=WHITE)
    y = 96
    for line in wrap(slide.heading[language], heading, width):
        draw.text((32, y), line, font=heading, fill=WHITE)
        y += 48
    y += 14
    for text in slide.lines[language]:
        for line in wrap(text, body, width):
            draw.text((32, y), line, font=body, fill=WHITE)
            y += 36
    image.save(path)


def wrap(text: str, face: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines, current = [], ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if face.getlength(candidate) <= width or not current:
            current = candidate
        else:
            lines.append(current)
            current = word
    return [*lines, current] if current else lines


def render(clip: Clip, language: str, work: Path) -> Path:
    listing = work / f"{clip.name}-{language}.txt"
    entries = []
    for index, slide in enumerate(clip.slides):
        png = work / f"{clip.name}-{language}-{index}.png"
        slide_png(clip, index, language, png)
        entries += [f"file '{png}'", f"duration {slide.seconds}"]
    entries.append(f"file '{png}'")  # the concat demuxer needs the last file twice
    listing.write_text("\n".join(entries) + "\n")
    output = HERE / f"{clip.name}.{language}.mp4"
    subprocess.run(
        [
            shutil.which("ffmpeg") or "/usr/bin/ffmpeg",
            "-y",
            "-loglevel",
            "error",
            "-f",
            "concat",
            "-safe",
            "0",
            "-i",
            str(listing),
            "-vf",
            f"fps={FPS},format=yuv420p",
            "-c:v",
            "libx264",
            "-preset",
            "veryslow",
            "-tune",
            "stillimage",
            "-crf",
            "28",
            "-movflags",
            "+faststart",
            "-an",
            str(output),
        ],
        check=True,
    )
    return output


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for clip in CLIPS:
            for language in clip.languages:
                output = render(clip, language, Path(tmp))
                print(f"{output.name}: {output.stat().st_size // 1024} KB")
            for language in ("de", "en"):
                (HERE / captions_file(clip, language)).write_text(webvtt(clip, language))


if __name__ == "__main__":
    main()
