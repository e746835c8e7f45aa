"""Frontend routing: a public URL path (with its locale prefix) to exactly one page."""

from urllib.parse import unquote, urlsplit

from django.conf import settings
from wagtail.models import Page, Site

from .errors import ApiError
from .locale import default_language
from .pages import prepare_pages, public_pages, specific_pages
from .site import SiteContext, site_context


def split_locale(path):
    """("/sr/lajme/x/") → ("sr", "lajme/x/"); a path without a language prefix is the default language."""
    path = "/" + path.strip().lstrip("/")
    segments = path.split("/", 2)
    codes = {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
    if len(segments) > 1 and segments[1] in codes and segments[1] != default_language():
        rest = segments[2] if len(segments) > 2 else ""
        return segments[1], rest
    return default_language(), path.lstrip("/")


def resolve_path(info, path, context=None):
    """The live public page at ``path`` on the request's site, or None."""
    if not isinstance(path, str) or len(path) > 2048:
        raise ApiError("`path` must be a URL path such as /sr/lajme/.")
    context = context or site_context(info)
    # Wagtail's own URLs percent-encode non-ASCII slugs ("/n%C3%ABn/"): they name the same page.
    language, rest = split_locale(unquote(path.split("?", 1)[0].split("#", 1)[0]))
    root = context.roots.get(language)
    if root is None:
        return None
    rest = "/".join(segment for segment in rest.split("/") if segment)
    url_path = root.url_path + (rest + "/" if rest else "")
    queryset = public_pages(info, Page.objects.filter(url_path=url_path, locale_id=root.locale_id))
    queryset = queryset.filter(path__startswith=root.path)
    page = specific_pages(queryset).first()
    return prepare_pages(info, [page])[0] if page else None


def resolve_url(info, url):
    """Like ``resolve_path`` for a full URL: its host picks the site (the request's site when absent)."""
    try:
        parts = urlsplit(url.strip())
        parts.hostname  # noqa: B018  (a malformed host, "http://[::1", raises only here or above)
    except ValueError as error:
        raise ApiError(f"`url` is not a valid URL: {error}.") from None
    if parts.scheme not in ("", "http", "https"):
        raise ApiError("`url` must be an http(s) URL or a path.")
    context = site_context(info)
    if parts.hostname:
        site = Site.objects.filter(hostname=parts.hostname).select_related("root_page").first()
        if site is None:
            return None
        if site.pk != context.site.pk:
            context = SiteContext(info.context)
            context.site = site
    return resolve_path(info, parts.path or "/", context=context)
