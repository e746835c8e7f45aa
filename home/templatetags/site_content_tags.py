from django import template
from wagtail.models import Locale

from home.models import Footer, MainMenu, OfficeContact, SocialLinks

register = template.Library()


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
