from django.db import models
from django.utils.translation import gettext_lazy as _


class ContentChange(models.Model):
    """The latest change to a page or document, for the API's change feed.

    One row per object, overwritten on each change; rows of deleted or
    unpublished objects are the feed's tombstones (they keep the last public URL
    so that a static site can remove it).
    """

    class Kind(models.TextChoices):
        PAGE = "page", _("page")
        DOCUMENT = "document", _("document")

    class Action(models.TextChoices):
        PUBLISHED = "published", _("published")
        CHANGED = "changed", _("changed")
        UNPUBLISHED = "unpublished", _("unpublished")
        DELETED = "deleted", _("deleted")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField(_("object id"))
    language = models.CharField(_("language"), max_length=10, blank=True, db_index=True)
    action = models.CharField(_("action"), max_length=12, choices=Action.choices)
    title = models.CharField(_("title"), max_length=255, blank=True)
    url = models.CharField(_("last public URL"), max_length=2048, blank=True)
    occurred_at = models.DateTimeField(_("occurred at"), db_index=True)

    class Meta:
        verbose_name = _("content change")
        verbose_name_plural = _("content changes")
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="unique_content_change")]
        ordering = ["occurred_at", "pk"]

    def __str__(self):
        return f"{self.kind} {self.object_id} {self.action} at {self.occurred_at:%Y-%m-%d %H:%M}"
