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


class SignBlock(blocks.StructBlock):
    """One markable part of a message: whether it is a suspicious sign, and why (or why not)."""

    suspicious = blocks.BooleanBlock(label=_("Suspicious sign"), required=False)
    explanation = blocks.TextBlock(
        label=_("Explanation"),
        required=False,
        help_text=_("Shown after answering: why this part is (or is not) a sign."),
    )


class SenderBlock(SignBlock):
    name = blocks.CharBlock(label=_("Sender name"), max_length=200)
    address = blocks.CharBlock(label=_("Sender address"), max_length=254)


class SubjectBlock(SignBlock):
    text = blocks.CharBlock(label=_("Subject"), max_length=300)


class SegmentBlock(SignBlock):
    text = blocks.TextBlock(label=_("Text"))


class MessageLinkBlock(SignBlock):
    text = blocks.CharBlock(
        label=_("Link text"), max_length=300, required=False, help_text=_("Leave empty: no link.")
    )
    target = blocks.CharBlock(
        label=_("Real link target"),
        max_length=500,
        required=False,
        help_text=_("Where the link really leads; shown when the link is hovered or focused."),
    )


class AttachmentBlock(SignBlock):
    name = blocks.CharBlock(
        label=_("Attachment file name"),
        max_length=200,
        required=False,
        help_text=_("Leave empty: no attachment."),
    )


class SpotTheSignsBlock(blocks.StructBlock):
    """An e-mail built from structured fields; the learner marks the suspicious parts and is
    told, per part, which signs they found, missed or marked wrongly (content.exercises)."""

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    instructions = blocks.CharBlock(
        label=_("Instructions"),
        max_length=300,
        required=False,
        help_text=_("Optional. Without: “Mark every part of this e-mail that looks suspicious.”"),
    )
    sender = SenderBlock(label=_("Sender"))
    subject = SubjectBlock(label=_("Subject"))
    body = blocks.ListBlock(SegmentBlock(), label=_("Body"), min_num=1, max_num=12)
    link = MessageLinkBlock(label=_("Link"))
    attachment = AttachmentBlock(label=_("Attachment"))

    class Meta:
        icon = "mail"
        label = _("Spot the signs (e-mail)")
        template = "content/blocks/spot_the_signs.html"

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if value["link"]["text"] and not value["link"]["target"]:
            errors["link"] = ValidationError(_("A link needs its real target."))
        parts = [value["sender"], value["subject"], *value["body"]]
        if value["link"]["text"]:
            parts.append(value["link"])
        if value["attachment"]["name"]:
            parts.append(value["attachment"])
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        if not any(part["suspicious"] for part in parts):
            raise StructBlockValidationError(
                non_block_errors=[_("Mark at least one part as a suspicious sign.")]
            )
        if any(part["suspicious"] and not part["explanation"] for part in parts):
            raise StructBlockValidationError(non_block_errors=[_("Explain every suspicious sign.")])
        return value


class SortItemBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Item"), max_length=300)
    category = blocks.ChoiceBlock(
        label=_("Right category"),
        choices=[("1", _("Category 1")), ("2", _("Category 2")), ("3", _("Category 3"))],
    )
    explanation = blocks.TextBlock(label=_("Explanation"))


class SortItBlock(blocks.StructBlock):
    """Items to sort into two or three categories, with feedback per item."""

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    instructions = blocks.CharBlock(label=_("Instructions"), max_length=300)
    category_1 = blocks.CharBlock(label=_("Category 1"), max_length=100)
    category_2 = blocks.CharBlock(label=_("Category 2"), max_length=100)
    category_3 = blocks.CharBlock(
        label=_("Category 3"), max_length=100, required=False, help_text=_("Optional.")
    )
    items = blocks.ListBlock(SortItemBlock(), label=_("Items"), min_num=2, max_num=12)

    class Meta:
        icon = "list-ul"
        label = _("Sort it")
        template = "content/blocks/sort_it.html"

    def clean(self, value):
        value = super().clean(value)
        if not value["category_3"] and any(item["category"] == "3" for item in value["items"]):
            raise StructBlockValidationError(
                non_block_errors=[_("An item belongs to category 3, which has no name.")]
            )
        return value


class OrderStepBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Step"), max_length=300)
    explanation = blocks.TextBlock(label=_("Explanation"), required=False)


class PutInOrderBlock(blocks.StructBlock):
    """Steps the learner puts in order; the editor enters them in the right order."""

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    instructions = blocks.CharBlock(label=_("Instructions"), max_length=300)
    steps = blocks.ListBlock(
        OrderStepBlock(),
        label=_("Steps in the right order"),
        min_num=3,
        max_num=8,
        help_text=_("Enter the steps in the right order; learners see them shuffled."),
    )

    class Meta:
        icon = "order"
        label = _("Put in order")
        template = "content/blocks/put_in_order.html"


EXERCISE_BLOCK_TYPES = frozenset({"spot_the_signs", "sort_it", "put_in_order"})

# Blocks whose title is rendered as a subheading (H3) of the section they stand in.
TITLED_BLOCK_TYPES = frozenset({"checklist", "do_dont", "faq", "scenario", *EXERCISE_BLOCK_TYPES})


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
