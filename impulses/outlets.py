"""What the public outlets (screensaver, widget) show of an impulse: its text only, and its
image inlined as a data: URI, so that the screensaver page needs no further request once loaded
(it keeps rotating without a network) and shows nothing about who is looking at it."""

import base64
from dataclasses import dataclass

from wagtail.rich_text import expand_db_html

from .models import ImpulsePage

IMAGE_RENDITION = "max-1280x720"


@dataclass(frozen=True)
class PublicImpulse:
    page: ImpulsePage
    tip_html: str
    question: str
    answer: str
    explanation: str
    image_uri: str  # "" without an image
    image_alt: str


def _image(page: ImpulsePage) -> tuple[str, str]:
    for block in page.media:
        if block.block_type == "image":
            rendition = block.value["image"].get_rendition(IMAGE_RENDITION)
            with rendition.file.open("rb") as handle:
                data = base64.b64encode(handle.read()).decode("ascii")
            mime = "image/png" if rendition.file.name.endswith(".png") else "image/jpeg"
            if rendition.file.name.endswith(".webp"):
                mime = "image/webp"
            return f"data:{mime};base64,{data}", block.value["alt_text"]
    return "", ""


def public_view(page: ImpulsePage, *, with_image: bool = True) -> PublicImpulse:
    question = page.question_view()
    correct = next((option for option in question.options if option.correct), None)
    image_uri, image_alt = _image(page) if with_image else ("", "")
    return PublicImpulse(
        page=page,
        tip_html=expand_db_html(page.tip),
        question=question.text,
        answer=correct.text if correct else "",
        explanation=question.explanation,
        image_uri=image_uri,
        image_alt=image_alt,
    )
