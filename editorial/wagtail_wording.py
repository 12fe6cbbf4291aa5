"""Wagtail's own German wording of the approval workflow, overridden for Sensi.

Wagtail's German catalogue mixes "Moderation", "genehmigen" and "freigeben" for one thing.
Sensi's editors say "Freigabe" (locale/GLOSSARY.md): "zur Freigabe einreichen", "freigeben",
"in Freigabe". Django merges the catalogues of LOCALE_PATHS after those of the apps, so an
entry for one of Wagtail's msgids in locale/de/LC_MESSAGES/django.po wins over Wagtail's.

This module is never imported: it lists the overridden msgids so that `make messages` keeps
them in Sensi's catalogue (makemessages drops entries it finds in no source file). The
strings must stay identical to Wagtail's msgids; tests/editorial/test_wagtail_wording.py
checks that each one still exists in Wagtail's catalogue after an upgrade.

Overridden, and why (what the editors and the Freigabe group see):
- action menu: the submit buttons (Wagtail puts the workflow and task names into two of them;
  the German keeps the name in parentheses, which msgfmt requires);
- status labels in the page explorer, the status side panel and the page listing;
- the messages after submitting;
- the workflow e-mails (subject and body) for pages; snippets have no workflow in Sensi;
- the approval task type and its help text in Settings → Workflows;
- the dashboard and report labels, and the log action of an approval.
"""

from django.utils.translation import gettext_noop as _

WAGTAIL_WORKFLOW_MSGIDS = [
    # action menu
    _("Submit for moderation"),
    _("Submit to %(workflow_name)s"),
    _("Resubmit to %(task_name)s"),
    _("Approve with comment"),
    # status labels
    _("In Moderation"),
    _("in moderation"),
    _("live + in moderation"),
    _("This page hasn't been submitted for moderation yet"),
    # messages
    _("Page '%(page_title)s' has been submitted for moderation."),
    _("Page '%(page_title)s' created and submitted for moderation."),
    _("The page '%(page_title)s' is not currently awaiting moderation."),
    _("The page '%(page_title)s' is not currently awaiting moderation in task '%(task_name)s'."),
    # e-mails
    _('The page "%(title)s" has been approved in moderation stage "%(task)s".'),
    _('The page "%(title)s" has been rejected in moderation stage "%(task)s".'),
    _('The page "%(title)s" has been submitted for approval in moderation stage "%(task)s".'),
    _('The page "%(title)s" has been submitted for approval in moderation stage "%(task)s"'),
    _('The page "%(title)s" has been submitted for approval to moderation stage "%(task)s".'),
    _(
        'The page "%(title)s" has been submitted for moderation to workflow "%(workflow)s" '
        "by %(requester)s."
    ),
    _('The page "%(title)s" has been submitted for moderation to workflow "%(workflow)s".'),
    # Settings → Workflows
    _("Group approval task"),
    _("Group approval tasks"),
    _("Members of the chosen Wagtail Groups can approve this task"),
    _("Only reviewers can edit and approve the %(model_name)s"),
    _("This %(model_name)s is currently awaiting moderation."),
    # dashboard, reports, history
    _("Awaiting your review"),
    _("Awaiting my review"),
    _("No pages/snippets have been submitted for moderation yet"),
    _("Workflow: approve task"),
]
