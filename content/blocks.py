"""StreamField blocks for awareness content.

Every block renders semantic, accessible HTML from its own template under
`content/templates/content/blocks/`. Accessibility rules are validation: an image without
alt text or a video without captions or transcript does not save.
"""

from django.core.exceptions import ValidationError
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

INLINE_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section heading (H2)")), ("h3", _("Subheading (H3)"))],
        default="h2",
        help_text=_("Use H3 only below an H2, so that screen readers see a sound outline."),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "content/blocks/heading.html"


class FigureBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=300,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "content/blocks/figure.html"


class VideoBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    video = DocumentChooserBlock(
        label=_("Video file"), help_text=_("An MP4 or WebM file from the document library.")
    )
    captions = DocumentChooserBlock(
        label=_("Captions (WebVTT)"),
        required=False,
        help_text=_("Captions in WebVTT format (.vtt) in the language of this page."),
    )
    transcript = blocks.RichTextBlock(
        label=_("Transcript"), required=False, features=INLINE_FEATURES
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "content/blocks/video.html"

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        video = value.get("video")
        if video and video.file_extension not in {"mp4", "webm"}:
            errors["video"] = ValidationError(_("Choose an MP4 or WebM file."))
        captions = value.get("captions")
        if captions and captions.file_extension != "vtt":
            errors["captions"] = ValidationError(_("Captions must be a WebVTT (.vtt) file."))
        if not captions and not value.get("transcript"):
            errors["transcript"] = ValidationError(
                _("A video needs captions or a transcript, so that everyone can follow it.")
            )
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[("tip", _("Tip")), ("warning", _("Warning")), ("important", _("Important"))],
        default="tip",
    )
    title = blocks.CharBlock(
        label=_("Title"),
        max_length=200,
        required=False,
        help_text=_("Optional. The kind (tip, warning, important) is shown before it anyway."),
    )
    text = blocks.RichTextBlock(label=_("Text"), features=INLINE_FEATURES)

    class Meta:
        icon = "warning"
        label = _("Callout")
        template = "content/blocks/callout.html"


class ChecklistBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    items = blocks.ListBlock(blocks.CharBlock(label=_("Item"), max_length=300), min_num=1)

    class Meta:
        icon = "tasks"
        label = _("Checklist")
        template = "content/blocks/checklist.html"


class DoDontBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    dos = blocks.ListBlock(blocks.CharBlock(max_length=300), label=_("Do"), min_num=1)
    donts = blocks.ListBlock(blocks.CharBlock(max_length=300), label=_("Don't"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Do and don't")
        template = "content/blocks/do_dont.html"


class FaqItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=300)
    answer = blocks.RichTextBlock(label=_("Answer"), features=INLINE_FEATURES)


class FaqBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    items = blocks.ListBlock(FaqItemBlock(), min_num=1)

    class Meta:
        icon = "help"
        label = _("FAQ")
        template = "content/blocks/faq.html"


class ScenarioChoiceBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Choice"), max_length=300)
    feedback = blocks.TextBlock(label=_("Feedback"))
    recommended = blocks.BooleanBlock(label=_("Recommended choice"), required=False)


class ScenarioBlock(blocks.StructBlock):
    """A short situation with choices; each choice reveals its feedback (no scoring)."""

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    situation = blocks.RichTextBlock(label=_("Situation"), features=INLINE_FEATURES)
    question = blocks.CharBlock(label=_("Question"), max_length=300)
    choices = blocks.ListBlock(ScenarioChoiceBlock(), min_num=2, max_num=5)

    class Meta:
        icon = "pick"
        label = _("Interactive scenario")
        template = "content/blocks/scenario.html"

    def clean(self, value):
        value = super().clean(value)
        if sum(1 for choice in value["choices"] if choice["recommended"]) != 1:
            raise StructBlockValidationError(
                non_block_errors=[_("Mark exactly one choice as recommended.")]
            )
        return value


# Blocks whose title is rendered as a subheading (H3) of the section they stand in.
TITLED_BLOCK_TYPES = frozenset({"checklist", "do_dont", "faq", "scenario"})


def clean_heading_outline(value):
    """An H3 (a subheading, or the title of a checklist, FAQ, ...) only below an H2, so that
    the page's outline has no gap after its H1 (WCAG 1.3.1, 2.4.6)."""
    errors = {}
    in_section = False
    for index, child in enumerate(value):
        if child.block_type == "heading" and child.value["level"] == "h2":
            in_section = True
        elif not in_section and (
            child.block_type == "heading" or child.block_type in TITLED_BLOCK_TYPES
        ):
            errors[index] = ValidationError(
                _("Put a section heading (H2) above this block: its title is a subheading (H3).")
            )
    if errors:
        raise StreamBlockValidationError(block_errors=errors)
    return value


class BlockIdStreamBlock(blocks.StreamBlock):
    """A stream that hands each child's template its bound block as `block`, so that block
    templates know their stable id (anchors, the scenario form's address)."""

    def render_basic(self, value, context=None):
        def child_context(child):
            parent = (
                {}
                if context is None
                else context.flatten()
                if hasattr(context, "flatten")
                else dict(context)
            )
            return {**parent, "block": child}

        return format_html_join(
            "\n",
            '<div class="w-block-{1} block-{1}">{0}</div>',
            [(child.render(context=child_context(child)), child.block_type) for child in value],
        )


class PageStreamBlock(BlockIdStreamBlock):
    """Blocks for standard information pages."""

    heading = HeadingBlock()
    text = blocks.RichTextBlock(
        label=_("Text"), features=INLINE_FEATURES, template="content/blocks/text.html"
    )
    image = FigureBlock()
    callout = CalloutBlock()
    faq = FaqBlock()

    def clean(self, value):
        return clean_heading_outline(super().clean(value))
