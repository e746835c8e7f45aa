from django.utils.translation import gettext_lazy as _

from .base import BasePage


class StandardPage(BasePage):
    """Pages that stand alone: the communication strategy, the code of conduct, about the office, contact."""

    content_panels = BasePage.content_panels + BasePage.body_panels
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")
