"""The blocks of a Sicherheitsimpuls: one image or one short captioned video, and one question.
Both reuse the site's blocks, so the same accessibility rules hold: an image needs alt text, a
video captions or a transcript."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from content.blocks import FigureBlock, VideoBlock
from quizzes.blocks import SingleChoiceQuestionBlock


class ImpulseMediaBlock(blocks.StreamBlock):
    image = FigureBlock()
    video = VideoBlock()

    class Meta:
        max_num = 1
        help_text = _("One image with alternative text, or one short video with captions.")


class ImpulseQuestionBlock(blocks.StreamBlock):
    single_choice = SingleChoiceQuestionBlock()

    class Meta:
        min_num = 1
        max_num = 1
        help_text = _("One question; the feedback of each option is shown after answering.")
