"""Quiz questions. Each question and option keeps the stable id that Wagtail gives every
stream child and list item; scoring and learning records refer to those ids."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError


class OptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Answer option"), max_length=300)
    correct = blocks.BooleanBlock(label=_("Correct"), required=False)
    feedback = blocks.TextBlock(
        label=_("Feedback"),
        required=False,
        help_text=_("Shown after the attempt when the learner chose this option."),
    )


class ChoiceQuestionBlock(blocks.StructBlock):
    question = blocks.TextBlock(label=_("Question"))
    options = blocks.ListBlock(OptionBlock(), min_num=2, max_num=8)
    explanation = blocks.TextBlock(
        label=_("Explanation"), help_text=_("Why the correct answer is correct.")
    )

    def check_correct_count(self, correct: int) -> None:
        """Raise ValidationError when `correct` options do not fit the question type."""

    def clean(self, value):
        value = super().clean(value)
        try:
            self.check_correct_count(sum(1 for option in value["options"] if option["correct"]))
        except ValidationError as error:
            raise StructBlockValidationError(block_errors={"options": error}) from error
        return value


class SingleChoiceQuestionBlock(ChoiceQuestionBlock):
    def check_correct_count(self, correct: int) -> None:
        if correct != 1:
            raise ValidationError(_("Mark exactly one option as correct."))

    class Meta:
        icon = "radio-full"
        label = _("Single choice")


class MultipleChoiceQuestionBlock(ChoiceQuestionBlock):
    def check_correct_count(self, correct: int) -> None:
        if correct < 1:
            raise ValidationError(_("Mark at least one option as correct."))

    class Meta:
        icon = "tick-inverse"
        label = _("Multiple choice")


class TrueFalseQuestionBlock(blocks.StructBlock):
    question = blocks.TextBlock(label=_("Statement"))
    correct = blocks.BooleanBlock(
        label=_("The statement is true"),
        required=False,
        help_text=_("Tick if the statement is true; leave empty if it is false."),
    )
    feedback_true = blocks.TextBlock(label=_("Feedback for “true”"), required=False)
    feedback_false = blocks.TextBlock(label=_("Feedback for “false”"), required=False)
    explanation = blocks.TextBlock(label=_("Explanation"))

    class Meta:
        icon = "doc-full"
        label = _("True or false")


class VariantsBlock(blocks.StreamBlock):
    """One question slot with several variants: each attempt draws one of them, so that
    knowing the solution of one attempt does not pass the next (see docs/security.md)."""

    single_choice = SingleChoiceQuestionBlock()
    multiple_choice = MultipleChoiceQuestionBlock()
    true_false = TrueFalseQuestionBlock()

    class Meta:
        icon = "repeat"
        label = _("Question with variants")
        min_num = 2
        help_text = _(
            "Variants of the same question that test the same knowledge. "
            "Each attempt shows one of them."
        )


class QuestionStreamBlock(blocks.StreamBlock):
    single_choice = SingleChoiceQuestionBlock()
    multiple_choice = MultipleChoiceQuestionBlock()
    true_false = TrueFalseQuestionBlock()
    variants = VariantsBlock()

    class Meta:
        min_num = 1
