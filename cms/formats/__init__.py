"""Date and time formats per language (``FORMAT_MODULE_PATH``): ``cms/formats/<language>/formats.py``.

The month names of running text (the ``E`` format: "1 dhjetor 2026") come from
the project's catalog: Django's Albanian and Serbian catalogs capitalise them.
Listed here so that ``makemessages`` keeps them in ``locale/``.
"""

from django.utils.translation import pgettext_lazy

MONTHS_IN_TEXT = (
    pgettext_lazy("alt. month", "January"),
    pgettext_lazy("alt. month", "February"),
    pgettext_lazy("alt. month", "March"),
    pgettext_lazy("alt. month", "April"),
    pgettext_lazy("alt. month", "May"),
    pgettext_lazy("alt. month", "June"),
    pgettext_lazy("alt. month", "July"),
    pgettext_lazy("alt. month", "August"),
    pgettext_lazy("alt. month", "September"),
    pgettext_lazy("alt. month", "October"),
    pgettext_lazy("alt. month", "November"),
    pgettext_lazy("alt. month", "December"),
)
