"""What every page request needs about the site and does not change between requests: the
sites, their root paths, the locales, and the live page tree (url path -> page id and type,
which pages carry view restrictions). Kept in Django's cache under one key, read with one
query by a request that uses it (a download, an API call or a redirect after a form does not),
and dropped whenever an editor publishes, unpublishes, moves or deletes a page or changes a
site, locale or view restriction (`content.apps` connects the signals).

`SiteCacheMiddleware` offers the structure for the request's duration in a context variable,
read on its first use (`current()`), and hands Wagtail, as lazy objects, what it would
otherwise look up itself (`request._wagtail_site`, `request._wagtail_cached_site_root_paths`).
Code without a request (`locale_for`) reads the context variable, or asks the database
outside a request.

Layer: content is below courses, quizzes and compliance; it imports only Wagtail and Django.
"""

from contextvars import ContextVar
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from django.http.request import split_domain_port
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from wagtail.models import Locale, Page, PageViewRestriction, Site

CACHE_KEY = "sensi:site-structure:1"
# Requests that never render a learner's page do not load the structure (the admin, where
# editors publish, always reads the tree itself).
SKIPPED_PREFIXES = ("/xapi/", "/static/", "/media/", *settings.SENSI_ADMIN_PATH_PREFIXES)


@dataclass
class PageRoute:
    pk: int
    content_type_id: int
    locale_id: int
    path: str = ""
    depth: int = 0
    title: str = ""
    translation_key: object = None  # a UUID, as the model field gives it


@dataclass
class SiteStructure:
    sites: list[Site]
    root_paths: list
    locales: dict[str, Locale]
    # url_path -> the live page there, for pages whose every ancestor below the root is live.
    pages: dict[str, PageRoute] = field(default_factory=dict)
    restricted_paths: tuple[str, ...] = ()
    aliased_paths: frozenset[str] = frozenset()
    # The site-wide settings registered with `cache_setting`, by model label.
    settings: dict[str, object] = field(default_factory=dict)

    def site_for(self, hostname: str, port: int) -> Site | None:
        """Wagtail's `get_site_for_hostname`, on the cached sites."""
        ranked = []
        for site in self.sites:
            if site.hostname == hostname and site.port == port:
                rank = 0
            elif site.hostname == hostname and site.is_default_site:
                rank = 1
            elif site.is_default_site:
                rank = 2
            elif site.hostname == hostname:
                rank = 3
            else:
                continue
            ranked.append((rank, site))
        ranked.sort(key=lambda pair: pair[0])
        if not ranked:
            return None
        if len(ranked) == 1 or ranked[0][0] in (0, 1):
            return ranked[0][1]
        return ranked[len(ranked) == 2][1]

    def live_children(self, parent: Page, model) -> list:
        """The live children of `parent` of type `model` in tree order, as display-only
        instances (id, title, url, translation key; no content fields): the curriculum
        outline without a query. Not for saving."""
        from django.contrib.contenttypes.models import ContentType

        content_type_id = ContentType.objects.get_for_model(model).pk
        children = []
        for url_path, route in self.pages.items():
            if (
                route.content_type_id == content_type_id
                and route.depth == parent.depth + 1
                and route.path.startswith(parent.path)
            ):
                child = model(
                    pk=route.pk,
                    id=route.pk,
                    title=route.title,
                    url_path=url_path,
                    path=route.path,
                    depth=route.depth,
                    translation_key=route.translation_key,
                    locale_id=route.locale_id,
                    live=True,
                )
                child._wagtail_cached_site_root_paths = self.root_paths
                child._state.adding = False
                children.append(child)
        return sorted(children, key=lambda page: page.path)

    def unrestricted(self, page: Page) -> bool:
        """True when the cache knows that no view restriction applies to `page`: it is in
        the live tree, neither it nor an ancestor is an alias, and no ancestor is restricted."""
        if self.pages.get(page.url_path) is None or page.path in self.aliased_paths:
            return False
        return not any(page.path.startswith(path) for path in self.restricted_paths)


class _RequestStructure:
    """The structure of one request, read on first use; None once the request changed the
    tree (`invalidate`): the rest of the request asks the database."""

    def __init__(self):
        self._structure: SiteStructure | None = None
        self.dropped = False

    def get(self) -> SiteStructure | None:
        if self._structure is None and not self.dropped:
            self._structure = load()
        return None if self.dropped else self._structure


_current: ContextVar[_RequestStructure | None] = ContextVar("sensi_site_structure", default=None)


def current() -> SiteStructure | None:
    """The structure of the request being served (None outside a request)."""
    request_structure = _current.get()
    return None if request_structure is None else request_structure.get()


# Wagtail site-wide settings (BaseGenericSetting) that pages read on every request; their
# instances travel with the structure, so reading one costs no query of its own.
_cached_settings: list = []


def cache_setting(model) -> None:
    """Keep `model.load()` in the structure; saving or deleting it drops the structure."""
    from django.db.models.signals import post_delete, post_save

    if model not in _cached_settings:
        _cached_settings.append(model)
        for signal in (post_save, post_delete):
            signal.connect(invalidate, sender=model, dispatch_uid=f"site_cache_{model._meta.label}")


def setting(model):
    """The site-wide setting from the request's structure, or from the database."""
    structure = current()
    if structure is not None and model._meta.label in structure.settings:
        return structure.settings[model._meta.label]
    return model.load()


def load() -> SiteStructure:
    structure = cache.get(CACHE_KEY)
    if structure is None:
        structure = build()
        cache.set(CACHE_KEY, structure, timeout=None)
    return structure


def build() -> SiteStructure:
    sites = list(Site.objects.select_related("root_page"))
    for site in sites:
        site.root_page = site.root_page.specific
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    pages: dict[str, PageRoute] = {}
    live_paths: set[str] = set()
    aliased: set[str] = set()
    root_paths = {site.root_page.path for site in sites}
    for row in (
        Page.objects.filter(Q(live=True))
        .order_by("path")
        .values(
            "path",
            "url_path",
            "pk",
            "content_type_id",
            "locale_id",
            "depth",
            "alias_of",
            "title",
            "translation_key",
        )
    ):
        parent = row["path"][: -Page.steplen]
        if row["depth"] > 1 and parent not in live_paths and row["path"] not in root_paths:
            continue  # below an unpublished page: Wagtail's routing would not reach it
        live_paths.add(row["path"])
        if row["alias_of"] is not None or parent in aliased:
            aliased.add(row["path"])
        pages[row["url_path"]] = PageRoute(
            row["pk"],
            row["content_type_id"],
            row["locale_id"],
            row["path"],
            row["depth"],
            row["title"],
            row["translation_key"],
        )
    restricted = tuple(PageViewRestriction.objects.values_list("page__path", flat=True).order_by())
    return SiteStructure(
        sites=sites,
        root_paths=list(Site.get_site_root_paths()),
        locales=locales,
        pages=pages,
        restricted_paths=restricted,
        aliased_paths=frozenset(aliased),
        settings={model._meta.label: model.load() for model in _cached_settings},
    )


def invalidate(**kwargs) -> None:
    """Drop the cached structure (a signal receiver: any sender, any arguments). The rest of
    the request that changed the tree reads the database, not the structure it loaded."""
    cache.delete(CACHE_KEY)
    request_structure = _current.get()
    if request_structure is not None:
        request_structure.dropped = True


def locale_for(language_code: str) -> Locale:
    """`Locale.objects.get_for_language`, from the request's structure when there is one."""
    structure = current()
    if structure is not None:
        from wagtail.coreutils import get_supported_content_language_variant

        locale = structure.locales.get(get_supported_content_language_variant(language_code))
        if locale is not None:
            return locale
    return Locale.objects.get_for_language(language_code)


def active_locale() -> Locale:
    """`Locale.get_active()` without a query during a request."""
    return locale_for(get_language() or settings.LANGUAGE_CODE)


def default_locale() -> Locale:
    return locale_for(settings.LANGUAGE_CODE)


class SiteCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(SKIPPED_PREFIXES):
            return self.get_response(request)
        request_structure = _RequestStructure()
        # Lazy, so a request that renders no page costs no query. With a default site (Wagtail
        # and seed_demo make one) there is always a site, never a lazy None.
        request._wagtail_site = SimpleLazyObject(lambda: _site(request, request_structure))
        request._wagtail_cached_site_root_paths = SimpleLazyObject(
            lambda: _root_paths(request_structure)
        )
        token = _current.set(request_structure)
        try:
            return self.get_response(request)
        finally:
            _current.reset(token)


def _site(request, request_structure: _RequestStructure) -> Site | None:
    structure = request_structure.get()
    if structure is None:
        return Site._find_for_request(request)  # the tree changed: Wagtail's own lookup
    hostname = split_domain_port(request._get_raw_host())[0]
    return structure.site_for(hostname, request.get_port())


def _root_paths(request_structure: _RequestStructure) -> list:
    structure = request_structure.get()
    return list(Site.get_site_root_paths()) if structure is None else structure.root_paths


class CachedTreeMixin:
    """For page models: the page's view restrictions and translation in the active language
    from the request's structure, where it knows them, instead of two queries and one."""

    def get_view_restrictions(self):
        structure = current()
        if structure is not None and structure.unrestricted(self):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    @property
    def localized_draft(self):
        structure = current()
        if structure is not None and active_locale().pk == self.locale_id:
            return self
        return super().localized_draft


def route_through_cache(page: Page, request, path_components: list[str]):
    """The page at `path_components` below `page` in one query, when the structure knows it
    (a live page whose ancestors are all live); None to let Wagtail walk the tree."""
    from django.contrib.contenttypes.models import ContentType

    structure = current()
    if structure is None or not path_components:
        return None
    url_path = f"{page.url_path}{'/'.join(path_components)}/"
    target = structure.pages.get(url_path)
    if target is None:
        return None
    model = ContentType.objects.get_for_id(target.content_type_id).model_class()
    found = model.objects.filter(pk=target.pk, live=True, url_path=url_path).first()
    if found is None:
        return None
    return found.route(request, [])
