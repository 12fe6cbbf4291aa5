from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from content.blocks import (
    INLINE_FEATURES,
    BlockIdStreamBlock,
    CalloutBlock,
    ChecklistBlock,
    DoDontBlock,
    FaqBlock,
    FigureBlock,
    HeadingBlock,
    PutInOrderBlock,
    ScenarioBlock,
    SortItBlock,
    SpotTheSignsBlock,
    VideoBlock,
    clean_heading_outline,
)


class LessonStreamBlock(BlockIdStreamBlock):
    """The blocks a lesson may contain, and only those."""

    heading = HeadingBlock()
    text = blocks.RichTextBlock(
        label=_("Text"), features=INLINE_FEATURES, template="content/blocks/text.html"
    )
    image = FigureBlock()
    video = VideoBlock()
    callout = CalloutBlock()
    checklist = ChecklistBlock()
    do_dont = DoDontBlock()
    faq = FaqBlock()
    scenario = ScenarioBlock()
    spot_the_signs = SpotTheSignsBlock()
    sort_it = SortItBlock()
    put_in_order = PutInOrderBlock()

    def clean(self, value):
        return clean_heading_outline(super().clean(value))
