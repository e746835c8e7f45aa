"""Translation coverage: content types × target locales, for the head of office.

Each live source page counts once per target locale as exactly one of:
translated (its translation is live and no update is pending, whatever its
task's state: the figures agree with what readers get), outdated (the source
changed after translation), in progress (no live translation, a task is being
worked on) or missing. Three queries, whatever the size of the site.
"""

import csv
from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Locale, Page

from . import conf
from .models import TranslationTask

STATUSES = ("translated", "outdated", "in_progress", "missing")
IN_PROGRESS_STATES = (
    TranslationTask.State.ASSIGNED,
    TranslationTask.State.IN_PROGRESS,
    TranslationTask.State.IN_REVIEW,
)


@dataclass
class Cell:
    counts: dict = field(default_factory=lambda: dict.fromkeys(STATUSES, 0))

    @property
    def total(self):
        return sum(self.counts.values())

    def percent(self, status):
        return round(100 * self.counts[status] / self.total, 1) if self.total else 0.0

    @property
    def percentages(self):
        return {status: self.percent(status) for status in STATUSES}


def status_of(task, translated_live):
    """What readers get: a live translation counts as translated unless the source changed since."""
    if task is not None and task.state == TranslationTask.State.UPDATE_NEEDED:
        return "outdated"
    if translated_live:
        return "translated"
    if task is not None and task.state in IN_PROGRESS_STATES:
        return "in_progress"
    return "missing"


def compute():
    """{"locales": [...], "rows": [(content type, {code: Cell})], "totals": {code: Cell}}."""
    locales = list(Locale.objects.filter(language_code__in=conf.target_languages()).order_by("pk"))
    source_locale = Locale.objects.get(language_code=conf.default_language())
    sources = list(
        Page.objects.filter(locale=source_locale, live=True, depth__gt=1).values_list(
            "translation_key", "content_type_id"
        )
    )
    live_translations = set(
        Page.objects.filter(live=True, locale__in=locales).values_list("translation_key", "locale_id")
    )
    tasks = {
        (task.translation_key, task.target_locale_id): task
        for task in TranslationTask.objects.filter(target_locale__in=locales).only(
            "translation_key", "target_locale_id", "state", "content_type_id"
        )
    }
    cells = defaultdict(lambda: {locale.language_code: Cell() for locale in locales})
    totals = {locale.language_code: Cell() for locale in locales}
    for key, content_type_id in sources:
        for locale in locales:
            status = status_of(tasks.get((key, locale.pk)), (key, locale.pk) in live_translations)
            cells[content_type_id][locale.language_code].counts[status] += 1
            totals[locale.language_code].counts[status] += 1
    content_types = ContentType.objects.in_bulk(list(cells))
    rows = sorted(
        ((content_types[pk], row) for pk, row in cells.items()),
        key=lambda item: str(item[0].model_class()._meta.verbose_name_plural),
    )
    return {"locales": locales, "rows": rows, "totals": totals}


def write_csv(report, out):
    writer = csv.writer(out)
    writer.writerow(
        ["content_type", "locale", *STATUSES, "total", *(f"{status}_percent" for status in STATUSES)]
    )
    for content_type, row in [*report["rows"], (None, report["totals"])]:
        label = content_type.model_class()._meta.label if content_type else "total"
        for locale in report["locales"]:
            cell = row[locale.language_code]
            writer.writerow(
                [
                    label,
                    locale.language_code,
                    *(cell.counts[status] for status in STATUSES),
                    cell.total,
                    *(cell.percent(status) for status in STATUSES),
                ]
            )
