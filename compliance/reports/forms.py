from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from courses.models import Topic

from .selectors import ObligationRef


class ReportFilterForm(forms.Form):
    """Topic and obligation, offered only as far as the scope reaches."""

    topic = forms.ChoiceField(label=_("Topic"), required=False)
    obligation = forms.TypedChoiceField(
        label=_("Obligation"), required=False, coerce=int, empty_value=None
    )

    def __init__(self, *args, available: list[ObligationRef], topics, **kwargs):
        super().__init__(*args, **kwargs)
        self.available = {o.pk: o for o in available}
        self.fields["topic"].choices = [("", _("All topics"))] + [
            (value, label) for value, label in Topic.choices if value in topics
        ]
        self.fields["obligation"].choices = [("", _("All obligations"))] + [
            (o.pk, o.title) for o in available
        ]

    @property
    def chosen_obligation(self) -> ObligationRef | None:
        pk = self.cleaned_data.get("obligation")
        return self.available.get(pk) if pk else None

    def parameters(self) -> dict:
        return {
            "topic": self.cleaned_data.get("topic") or "",
            "obligation": self.cleaned_data.get("obligation"),
        }

    def querystring(self) -> str:
        """The filters as a query string for links to exports and drill-downs."""
        return querystring(self.parameters())


def querystring(values: dict) -> str:
    query = QueryDict(mutable=True)
    for key, value in values.items():
        if value:
            query[key] = value
    return query.urlencode()


class PlaceForm(forms.Form):
    """Where a named list looks: a Ressort (code) and, within it, a Dienststelle (id)."""

    ressort = forms.CharField(required=False, max_length=20)
    dienststelle = forms.IntegerField(required=False, min_value=1)


class ExportFormatForm(forms.Form):
    """`?format=` of an export: the variants the export offers (the first is the default)."""

    format = forms.ChoiceField(label=_("Format"), required=False)

    def __init__(self, *args, formats, **kwargs):
        super().__init__(*args, **kwargs)
        self.default = next(iter(formats))
        self.fields["format"].choices = [(value, value) for value in formats]

    def clean_format(self) -> str:
        return self.cleaned_data["format"] or self.default
