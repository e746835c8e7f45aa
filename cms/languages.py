"""The languages a reader gets e-mails and answers in: the contacts', subscribers' and citizens' choice."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReaderLanguage(models.TextChoices):
    """Serbian in either script: e-mails are written in the one the reader chose (``cms.mail``)."""

    ALBANIAN = "sq", _("Albanian")
    SERBIAN = "sr", _("Serbian")
    SERBIAN_LATIN = "sr-latn", _("Serbian (Latin script)")
    ENGLISH = "en", _("English")
