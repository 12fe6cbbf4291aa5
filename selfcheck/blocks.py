"""The router-specific variant of a step's instruction, as editors add it to a step."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .models_choices import Router

INSTRUCTION_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class RouterInstructionBlock(blocks.StructBlock):
    router = blocks.ChoiceBlock(
        choices=Router.choices,
        label=_("Router"),
        help_text=_("The router family this variant is for."),
    )
    instruction = blocks.RichTextBlock(
        label=_("Instruction for this router"),
        features=INSTRUCTION_FEATURES,
        help_text=_(
            "The menu path, e.g. “Internet > Zugangsdaten”, and what to set there. Menu paths "
            "may change with the firmware version: name the version you describe."
        ),
    )

    class Meta:
        icon = "cog"
        label = _("Router-specific instruction")
        template = "selfcheck/blocks/router_instruction.html"


class RouterInstructionsBlock(blocks.StreamBlock):
    router_instruction = RouterInstructionBlock()

    class Meta:
        required = False
