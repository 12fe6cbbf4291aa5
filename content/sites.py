"""The default Wagtail site follows SENSI_BASE_URL.

Wagtail builds a page's absolute URL (`page.full_url`, used by the "approved" workflow
e-mails and "View live" links) from the Site record, not from WAGTAILADMIN_BASE_URL. Its
installer creates that record as `localhost:80`, so without this every such link pointed to
`http://localhost/`. The hostname and port of the default site are set from SENSI_BASE_URL
after every `migrate` (content.apps) and by the demo seed. (Wagtail cannot express https on
a port other than 443: such a base URL gives http links.)
"""

from urllib.parse import urlsplit

from django.conf import settings


def host_and_port(base_url: str) -> tuple[str, int]:
    """The hostname and port Wagtail's Site needs for `base_url` (Wagtail derives the
    scheme from the port: 443 is https, every other port http)."""
    parts = urlsplit(base_url)
    default_port = 443 if parts.scheme == "https" else 80
    return parts.hostname or "localhost", parts.port or default_port


def sync_default_site(base_url: str | None = None) -> bool:
    """Point the default site at SENSI_BASE_URL; True when it changed."""
    from wagtail.models import Site

    hostname, port = host_and_port(base_url or settings.SENSI_BASE_URL)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None or (site.hostname, site.port) == (hostname, port):
        return False
    site.hostname, site.port = hostname, port
    site.save(update_fields=["hostname", "port"])  # save(): clears Wagtail's root-path cache
    return True


def sync_default_site_after_migrate(**kwargs) -> None:
    sync_default_site()
