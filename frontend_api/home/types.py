import graphene

from home.models import HomePage as HomePageModel

from ..core.pages import Page
from ..core.registry import register_page_type
from ..core.richtext import render_rich_text
from ..core.site import site_context


@register_page_type(HomePageModel)
class HomePage(graphene.ObjectType):
    """The home page of a language: `/` (sq), `/sr/`, `/en/`."""

    intro = graphene.String(
        required=True, description="Introduction as HTML; internal links point to public URLs."
    )

    class Meta:
        interfaces = (Page,)

    @staticmethod
    def resolve_intro(page, info):
        return render_rich_text(info, page.intro, site_context(info).language_of(page))
