from django import forms
from django.utils.translation import gettext_lazy as _

MESSAGE_MAX_LENGTH = 5000


class FeedbackForm(forms.Form):
    message = forms.CharField(
        label=_("Your message"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Which barrier did you come across? What did you want to do?"),
        error_messages={"required": _("Please describe the barrier you came across.")},
    )
    page = forms.CharField(
        label=_("Page concerned (optional)"),
        max_length=500,
        required=False,
        help_text=_("The address or the title of the page."),
    )
    name = forms.CharField(
        label=_("Your name (optional)"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Your e-mail address (optional)"),
        required=False,
        help_text=_("Only if you would like an answer."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "invalid": _("Enter the e-mail address in the form name@example.org, or leave it out.")
        },
    )
    # Spam trap: hidden from people (CSS, and labelled as such), filled in by bots.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    submission_id = forms.UUIDField(widget=forms.HiddenInput)

    def full_clean(self):
        super().full_clean()
        # Tie each field with an error to its message, so that screen readers announce it.
        for name in self.errors:
            if name not in self.fields or self.fields[name].widget.is_hidden:
                continue
            bound = self[name]
            described_by = [f"{bound.auto_id}_error"]
            if self.fields[name].help_text:
                described_by.append(f"{bound.auto_id}_helptext")
            self.fields[name].widget.attrs["aria-describedby"] = " ".join(described_by)

    @property
    def is_spam(self) -> bool:
        return bool(self.cleaned_data.get("website"))

    def clean_page(self):
        return " ".join(self.cleaned_data["page"].split())

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())
