from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings


class AccountAdapter(DefaultAccountAdapter):
    """The one seam where Sensi customises allauth."""

    def is_open_for_signup(self, request) -> bool:
        # Accounts come from the HR import or single sign-on, not from self-signup.
        return settings.SENSI_OPEN_SIGNUP

    def _get_login_attempts_cache_key(self, request, **credentials) -> str:
        """The `key` of the "login_failed" rate limit: the account *and* the client address.

        allauth's default key is the account alone, so anybody could lock the CISO out by
        failing to sign in as them five times. With the address in the key, failed attempts
        from one address block further attempts for that account from that address only;
        the per-address limit caps guessing across accounts. allauth uses this key both to
        count failures (`pre_authenticate`) and to clear them after a password reset.
        """
        account_key = super()._get_login_attempts_cache_key(request, **credentials)
        return f"{account_key}:{self.get_client_ip(request)}"
