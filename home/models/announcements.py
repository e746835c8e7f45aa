from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from .base import BasePage, ContentIndexPage, ContentItemPage, PressReleaseMixin


class AnnouncementQuerySet(PageQuerySet):
    def current(self, on=None):
        """Announcements still valid on ``on`` (today in Europe/Belgrade by default)."""
        on = on or timezone.localdate()
        return self.filter(Q(valid_until__isnull=True) | Q(valid_until__gte=on))

    def expired(self, on=None):
        on = on or timezone.localdate()
        return self.filter(valid_until__lt=on)


class AnnouncementIndexPage(ContentIndexPage):
    item_model_name = "home.AnnouncementPage"
    subpage_types = ["home.AnnouncementPage"]

    class Meta:
        verbose_name = _("announcements index")
        verbose_name_plural = _("announcements indexes")

    def get_listing_items(self, request):
        # Expired announcements leave the listing but stay reachable at their URL.
        return self.get_items().current()


class AnnouncementPage(PressReleaseMixin, ContentItemPage):
    class Kind(models.TextChoices):
        PUBLIC_NOTICE = "public_notice", _("Public notice")
        MEETING_NOTICE = "meeting_notice", _("Meeting notice")
        TENDER_NOTICE = "tender_notice", _("Tender notice")
        OTHER = "other", _("Other")

    date = models.DateField(_("date"), default=timezone.localdate, db_index=True)
    valid_until = models.DateField(
        _("valid until"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("After this day the announcement leaves listings; its page stays reachable."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.PUBLIC_NOTICE)

    objects = PageManager.from_queryset(AnnouncementQuerySet)()

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("date"), FieldPanel("valid_until")]),
                FieldPanel("kind"),
                *PressReleaseMixin.press_release_panels,
            ],
            heading=_("Announcement"),
        ),
        *BasePage.body_panels,
    ]
    translatable_fields = BasePage.translatable_fields + [
        SynchronizedField("date", overridable=False),
        SynchronizedField("valid_until", overridable=False),
        SynchronizedField("kind", overridable=False),
        *PressReleaseMixin.press_release_translatable_fields,
    ]
    parent_page_types = ["home.AnnouncementIndexPage"]
    subpage_types = []
    search_fields = BasePage.search_fields + [
        index.FilterField("date"),
        index.FilterField("valid_until"),
        index.FilterField("kind"),
    ]

    class Meta:
        verbose_name = _("announcement")
        verbose_name_plural = _("announcements")

    def clean(self):
        super().clean()
        if self.valid_until and self.date and self.valid_until < self.date:
            raise ValidationError({"valid_until": _("An announcement cannot expire before its date.")})

    def is_current(self, on=None):
        on = on or timezone.localdate()
        return self.valid_until is None or self.valid_until >= on

    @property
    def is_expired(self):
        return not self.is_current()
