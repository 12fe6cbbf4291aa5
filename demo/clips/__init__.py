"""Demo clips: short captioned clips made from slides (see README.md and make_clips.py)."""
