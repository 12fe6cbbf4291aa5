from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings


class AccountAdapter(DefaultAccountAdapter):
    """The one seam where Sensi customises allauth."""

    def is_open_for_signup(self, request) -> bool:
        # Accounts come from the HR import or single sign-on, not from self-signup.
        return settings.SENSI_OPEN_SIGNUP
