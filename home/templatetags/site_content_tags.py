import html

from django import template
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from home.models import Footer, MainMenu, OfficeContact, SocialLinks

register = template.Library()

#: Where a page has none of its own (the search page, a page without summary or introduction).
SITE_DESCRIPTION = _(
    "News, announcements, decisions, regulations, vacancies and the calendar of the municipality, "
    "from the Office for Communication and Information.",
)
DESCRIPTION_LENGTH = 300


def _locale(context):
    page = context.get("page")
    return getattr(page, "locale", None) or Locale.get_active()


@register.inclusion_tag("home/includes/main_menu.html", takes_context=True)
def main_menu(context):
    return {"menu": MainMenu.for_locale(_locale(context)), "request": context.get("request")}


@register.inclusion_tag("home/includes/site_footer.html", takes_context=True)
def site_footer(context):
    locale = _locale(context)
    return {
        "footer": Footer.for_locale(locale),
        "contact": OfficeContact.for_locale(locale),
        "social": SocialLinks.for_locale(locale),
        "request": context.get("request"),
    }


def page_description(page):
    """The text of ``<meta name="description">``: never empty.

    The editor's search description, else the page's own summary or introduction
    (rich text reduced to plain text), else the site-wide description in the
    active language.
    """
    if isinstance(page, Page):
        texts = (
            getattr(page, "search_description", ""),
            getattr(page, "summary", ""),
            html.unescape(strip_tags(getattr(page, "intro", "") or "")),  # rich text
        )
        for text in texts:
            text = " ".join((text or "").split())
            if text:
                return Truncator(text).chars(DESCRIPTION_LENGTH)
    return str(SITE_DESCRIPTION)


@register.simple_tag(takes_context=True)
def meta_description(context):
    return page_description(context.get("page"))
