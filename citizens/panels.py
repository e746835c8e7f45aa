"""The head of office's monthly figures: a dashboard panel and its CSV, and the public's open data."""

import csv
import json

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.admin.ui.components import Component

from . import reports

SEE_ALL = "citizens.see_all_messages"

REPORT_HEADINGS = {
    "kind": _("Kind"),
    "department": _("Department"),
    "received": _("Received"),
    "answered_on_time": _("Answered on time"),
    "overdue": _("Overdue"),
    "median_days_to_answer": _("Median days to answer"),
}


class MonthlyFiguresPanel(Component):
    """Last month's and this month's figures, for whoever sees every message (the head of office)."""

    name = "citizens_monthly_figures"
    order = 150
    template_name = "citizens/admin/monthly_figures_panel.html"

    def get_context_data(self, parent_context):
        today = timezone.localdate()
        months = [reports.previous_month(today), (today.year, today.month)]
        return {
            "headings": [REPORT_HEADINGS[column] for column in reports.REPORT_COLUMNS],
            "months": [
                {
                    "year": year,
                    "month": month,
                    "label": f"{year:04d}-{month:02d}",
                    "rows": [list(row.values()) for row in reports.report_rows(year, month)],
                }
                for year, month in months
            ],
        }


def _csv(rows, columns, headings, filename):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # spreadsheet programs then read the file as UTF-8
    writer = csv.writer(response)
    writer.writerow(headings)
    for row in rows:
        writer.writerow(["" if row[column] is None else row[column] for column in columns])
    return response


@require_GET
def report_csv(request, year, month):
    if not request.user.has_perm(SEE_ALL) or not 1 <= month <= 12:
        raise PermissionDenied
    columns = reports.REPORT_COLUMNS
    headings = [str(REPORT_HEADINGS[column]) for column in columns]
    return _csv(reports.report_rows(year, month), columns, headings, f"citizens-{year:04d}-{month:02d}.csv")


@require_GET
@cache_control(public=True, max_age=3600)
def open_data(request, format):
    """Counts per month and kind over the last twelve full months; the column names are the keys."""
    rows = reports.open_data_rows()
    if format == "json":
        return HttpResponse(json.dumps(rows, ensure_ascii=False), content_type="application/json")
    columns = reports.OPEN_DATA_COLUMNS
    return _csv(rows, columns, columns, "citizens-monthly.csv")
