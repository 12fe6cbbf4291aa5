"""The committed demo clips (demo/clips) match their source (slides.py): small files, WebVTT
captions in German and English timed to the slides. No ffmpeg needed."""

from pathlib import Path

import pytest

from demo.clips.slides import CLIPS, captions_file, cues, video_file, webvtt
from demo.videos import block_value, video

MEDIA = Path(__file__).resolve().parents[2] / "demo" / "clips"


@pytest.mark.parametrize("clip", CLIPS, ids=lambda clip: clip.name)
def test_each_clip_is_short_small_and_captioned_in_german_and_english(clip):
    length = sum(slide.seconds for slide in clip.slides)
    assert 10 <= length <= 30
    for language in clip.languages:
        path = MEDIA / video_file(clip, language)
        assert path.stat().st_size < 300 * 1024
        assert path.read_bytes()[4:8] == b"ftyp"  # an MP4 container
    for language in ("de", "en"):
        text = (MEDIA / captions_file(clip, language)).read_text()
        assert text == webvtt(clip, language), "run demo/clips/make_clips.py again"
        assert text.startswith("WEBVTT\n")
        assert cues(clip, language)[-1][1] == length


def test_the_licence_is_stated_next_to_the_clips():
    readme = (MEDIA / "README.md").read_text()
    assert "CC0 1.0" in readme


def test_a_named_clip_becomes_a_video_block_with_captions_and_transcript(db):
    value = block_value(video("bildschirm-sperren", "en"))
    assert value["title"] == "Lock your screen – every time"
    assert value["captions"]
    assert "<p>Lock your screen every time" in value["transcript"]
    # The German slides serve the English page where no English rendering exists.
    assert video_file(CLIPS[1], "en") == "bildschirm-sperren.de.mp4"
    assert block_value(video("bildschirm-sperren", "en")) == value  # documents made once
    with pytest.raises(KeyError):
        video("no-such-clip")
