import graphene

from .errors import ApiError
from .locale import language_code, locale_argument
from .pages import Page, prepare_pages, public_pages, specific_pages
from .preview import resolve_preview
from .routing import resolve_path, resolve_url
from .site import site_context


class CoreQueries(graphene.ObjectType):
    page = graphene.Field(
        Page,
        path=graphene.String(description="Public URL path with its locale prefix: `/`, `/sr/`, `/en/news/`."),
        url=graphene.String(description="Full public URL; its host selects the site."),
        id=graphene.ID(description="Page id."),
        token=graphene.String(description="Preview token from the CMS's preview button: returns the draft."),
        locale=locale_argument(),
        description=(
            "One page by path, URL, id or preview token (give exactly one). Null when no live, "
            "public page matches. With `id` and `locale`, the translation of that page in `locale`."
        ),
    )

    @staticmethod
    def resolve_page(root, info, path=None, url=None, id=None, token=None, locale=None):
        given = [
            name for name, value in (("path", path), ("url", url), ("id", id), ("token", token)) if value
        ]
        if len(given) != 1:
            raise ApiError("Give exactly one of `path`, `url`, `id` or `token`.")
        if token:
            return resolve_preview(info, token)
        if path:
            return resolve_path(info, path)
        if url:
            return resolve_url(info, url)
        if not str(id).isdigit():
            raise ApiError("`id` must be a page id.")
        queryset = public_pages(info).filter(pk=int(id))
        if locale is not None:
            base = queryset.only("translation_key").first()
            if base is None:
                return None
            locale_id = site_context(info).locale_id(language_code(locale))
            queryset = public_pages(info).filter(translation_key=base.translation_key, locale_id=locale_id)
        page = specific_pages(queryset).first()
        return prepare_pages(info, [page])[0] if page else None
