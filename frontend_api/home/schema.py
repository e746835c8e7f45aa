import graphene

from ..core.locale import language_code, locale_argument
from ..core.pages import prepare_pages, specific_pages
from ..core.site import site_context
from .types import HomePage


class HomeQueries(graphene.ObjectType):
    home_page = graphene.Field(
        HomePage,
        locale=locale_argument(),
        description="The home page in a language (null if that language has none published).",
    )

    @staticmethod
    def resolve_home_page(root, info, locale=None):
        context = site_context(info)
        root_page = context.roots.get(language_code(locale))
        if root_page is None or not context.is_public(root_page):
            return None
        page = specific_pages(type(root_page).objects.filter(pk=root_page.pk)).first()
        return prepare_pages(info, [page])[0]
