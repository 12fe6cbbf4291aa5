"""The demo clips (demo/clips) as lesson video blocks: each file becomes a document in the
library once, and the curriculum names a clip by `video(name, language)`. The block's value
is built when the lesson is seeded, not when the curriculum is imported."""

from pathlib import Path

from django.core.files import File
from django.utils.html import escape
from wagtail.documents import get_document_model
from wagtail.models import Collection

from .clips.slides import CLIPS, captions_file, video_file

MEDIA = Path(__file__).resolve().parent / "clips"
BY_NAME = {clip.name: clip for clip in CLIPS}


def document(filename: str):
    """The library's document for a file in demo/clips, created on first use."""
    model = get_document_model()
    existing = model.objects.filter(title=filename).first()
    if existing is not None:
        return existing
    doc = model(title=filename, collection=Collection.get_first_root_node())
    with (MEDIA / filename).open("rb") as handle:
        doc.file.save(filename, File(handle, name=filename), save=False)
    doc.save()
    return doc


def transcript(name: str, language: str) -> str:
    clip = BY_NAME[name]
    return "".join(f"<p>{escape(slide.caption[language])}</p>" for slide in clip.slides)


def video(name: str, language: str = "de") -> dict:
    """How the curriculum names a clip in a video block: plain data, turned into the block's
    value (with the documents) by `block_value` when the lesson is seeded."""
    BY_NAME[name]  # a typo fails when the curriculum is imported
    return {"demo_clip": name, "language": language}


def block_value(value: dict) -> dict:
    """A video block's value: a clip named by `video()` becomes the documents with captions
    and transcript in its language; any other value is returned as it is."""
    if "demo_clip" not in value:
        return value
    clip, language = BY_NAME[value["demo_clip"]], value["language"]
    return {
        "title": clip.title[language],
        "video": document(video_file(clip, language)).pk,
        "captions": document(captions_file(clip, language)).pk,
        "transcript": transcript(clip.name, language),
    }
