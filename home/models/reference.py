"""Reference data: plain Django models, one row each, a column per language.

They are translated with django-modeltranslation (see ``home/translation.py``)
and never registered with wagtail-localize, so ids stay stable across languages
and the API can filter by them. Reading ``name`` in a request gives the active
language, falling back sq → en when a translation is empty.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname


class Body(models.Model):
    """A municipal body whose meetings and acts the office reports on."""

    class Kind(models.TextChoices):
        ASSEMBLY = "assembly", _("Municipal Assembly")
        COMMITTEE = "committee", _("Committee")
        BOARD = "board", _("Board of Directors")
        MAYORS_OFFICE = "mayors_office", _("Mayor's office")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=255)
    abbreviation = models.CharField(_("abbreviation"), max_length=20, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent body"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
        help_text=_("For committees: the body they report to."),
    )
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("body")
        verbose_name_plural = _("bodies")

    def __str__(self):
        return f"{self.name} ({self.abbreviation})" if self.abbreviation else self.name

    def clean(self):
        """Two bodies never share an abbreviation in one language: readers tell them apart by it."""
        super().clean()
        errors = {}
        # Compared in Python: SQLite folds the case of ASCII letters only (КПФ, кпф).
        others = list(Body.objects.exclude(pk=self.pk))
        for code in settings.MODELTRANSLATION_LANGUAGES:
            field = build_localized_fieldname("abbreviation", code)
            value = (getattr(self, field, "") or "").strip()
            if not value:
                continue
            clash = next(
                (
                    other
                    for other in others
                    if (getattr(other, field) or "").strip().casefold() == value.casefold()
                ),
                None,
            )
            if clash is not None:
                errors[field] = ValidationError(
                    _("%(body)s already has the abbreviation %(abbreviation)s in this language."),
                    params={"body": clash.name, "abbreviation": value},
                    code="duplicate_abbreviation",
                )
        if errors:
            raise ValidationError(errors)


class Department(models.Model):
    """A municipal directorate (department)."""

    name = models.CharField(_("name"), max_length=255)
    abbreviation = models.CharField(_("abbreviation"), max_length=20, blank=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("department")
        verbose_name_plural = _("departments")

    def __str__(self):
        return self.name


class Topic(models.Model):
    """A subject that news, events and documents are tagged with."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.name


class Place(models.Model):
    """A venue: the Assembly hall, a community centre, a square."""

    name = models.CharField(_("name"), max_length=255)
    address = models.CharField(_("address"), max_length=255, blank=True)
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("place")
        verbose_name_plural = _("places")

    def __str__(self):
        return self.name


class DocumentType(models.Model):
    """What a document is: decision, regulation, minutes, tender dossier..."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("document type")
        verbose_name_plural = _("document types")

    def __str__(self):
        return self.name
