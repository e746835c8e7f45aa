"""The directory's CSV import and export screens, the report to the head of office, the campaign timeline."""

import csv
import datetime as dt

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views import View
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import AdminDateInput
from wagtail.models import Site

from outreach.campaigns import (
    TIMELINE_PERMISSION,
    campaigns_as_saved,
    default_period,
    timeline,
    titles_in_active_language,
)
from outreach.models import Channel, Contact
from outreach.report import build_report, last_month
from outreach.report_pdf import build_report_pdf
from outreach.resources import COLUMNS, export_csv, import_csv

IMPORT_PERMISSIONS = ("outreach.add_contact", "outreach.change_contact")
EXPORT_PERMISSION = "outreach.view_contact"
REPORT_PERMISSION = "outreach.view_report"
MAX_IMPORT_BYTES = 5 * 1024 * 1024


class ContactExportView(View):
    def get(self, request):
        if not request.user.has_perm(EXPORT_PERMISSION):
            raise PermissionDenied
        response = HttpResponse(export_csv(Contact.objects.all()), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = (
            f'attachment; filename="contacts-{timezone.localdate():%Y-%m-%d}.csv"'
        )
        return response


class ImportForm(forms.Form):
    file = forms.FileField(label=_("CSV file"), help_text=_("UTF-8, with a header row."))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        try:
            return upload.read().decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise forms.ValidationError(_("The file is not UTF-8 text.")) from error


class ContactImportView(WagtailAdminTemplateMixin, FormView):
    form_class = ImportForm
    template_name = "outreach/admin/import.html"
    page_title = _("Import contacts")
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perms(IMPORT_PERMISSIONS):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        return super().get_context_data(columns=COLUMNS, **kwargs)

    def form_valid(self, form):
        result = import_csv(form.cleaned_data["file"])
        problems = row_problems(result)
        if problems:
            for problem in problems:
                messages.error(self.request, problem)
            messages.error(self.request, _("Nothing was imported: correct the rows above and import again."))
            return self.form_invalid(form)
        totals = result.totals
        messages.success(
            self.request,
            ngettext(
                "Imported: %(new)d new contact, %(updated)d updated, %(skipped)d unchanged.",
                "Imported: %(new)d new contacts, %(updated)d updated, %(skipped)d unchanged.",
                totals["new"],
            )
            % {"new": totals["new"], "updated": totals["update"], "skipped": totals["skip"]},
        )
        return redirect("contacts:index")


def row_problems(result):
    """One line per wrong row of an import, numbered as the office's spreadsheet numbers them."""
    problems = [
        _("Row %(row)s: %(error)s") % {"row": number + 1, "error": "; ".join(str(e.error) for e in errors)}
        for number, errors in result.row_errors()
    ]
    problems += [
        _("Row %(row)s: %(error)s")
        % {
            "row": row.number + 1,
            "error": "; ".join(f"{field}: {' '.join(errors)}" for field, errors in row.error_dict.items()),
        }
        for row in result.invalid_rows
    ]
    return [str(problem) for problem in problems]


# Beyond these the day bounds and their conversion to UTC overflow.
EARLIEST, LATEST = dt.date(1900, 1, 1), dt.date(2999, 12, 31)
RANGE_ERROR = _("Give a date between %(earliest)s and %(latest)s.")


class PeriodForm(forms.Form):
    start = forms.DateField(label=_("From"), widget=AdminDateInput)
    end = forms.DateField(label=_("To"), widget=AdminDateInput)

    def _in_range(self, name):
        value = self.cleaned_data[name]
        if not EARLIEST <= value <= LATEST:
            raise forms.ValidationError(
                RANGE_ERROR, params={"earliest": EARLIEST.isoformat(), "latest": LATEST.isoformat()}
            )
        return value

    def clean_start(self):
        return self._in_range("start")

    def clean_end(self):
        return self._in_range("end")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("start") and cleaned.get("end") and cleaned["start"] > cleaned["end"]:
            raise forms.ValidationError(_("The period ends before it starts."))
        return cleaned


DOWNLOADS = ("csv", "pdf")


class ReportView(WagtailAdminTemplateMixin, TemplateView):
    """The report for a period (last month unless chosen), in the admin, as CSV or PDF (``?format=``).

    A wrong period shows the form with its errors, with status 400 when a download was asked for.
    """

    template_name = "outreach/admin/report.html"
    page_title = _("Report to the head of office")
    header_icon = "doc-full"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(REPORT_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get(self, request, *args, **kwargs):
        start, end = last_month()
        form = PeriodForm(
            request.GET if "start" in request.GET else None, initial={"start": start, "end": end}
        )
        if form.is_bound and form.is_valid():
            start, end = form.cleaned_data["start"], form.cleaned_data["end"]
        download = request.GET.get("format")
        sections = build_report(start, end) if not form.errors else []
        if download == "csv" and not form.errors:
            return report_csv(sections, start, end)
        if download == "pdf" and not form.errors:
            return report_pdf(sections, start, end, request)
        return self.render_to_response(
            self.get_context_data(
                form=form, sections=sections, start=start, end=end, query=request.GET.urlencode()
            ),
            status=400 if form.errors and download in DOWNLOADS else 200,
        )


def report_csv(sections, start, end):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="report-{start:%Y-%m-%d}-{end:%Y-%m-%d}.csv"'
    writer = csv.writer(response)
    writer.writerow([_("Report to the head of office"), start.isoformat(), end.isoformat()])
    for section in sections:
        writer.writerow([])
        writer.writerow([section.title])
        writer.writerow([str(column) for column in section.columns])
        writer.writerows([str(row[0]), *row[1:]] for row in section.rows)
    return response


def site_name(request):
    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    return (site.site_name if site else "") or settings.WAGTAIL_SITE_NAME


def report_pdf(sections, start, end, request):
    content = build_report_pdf(sections, start, end, site_name(request))
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="report-{start:%Y-%m-%d}-{end:%Y-%m-%d}.pdf"'
    return response


class TimelineForm(PeriodForm):
    campaign = forms.TypedChoiceField(label=_("Campaign"), coerce=int, required=False, empty_value=None)
    channel = forms.ChoiceField(label=_("Channel"), required=False)

    def __init__(self, *args, campaigns=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["campaign"].choices = [("", _("All campaigns")), *campaigns]
        self.fields["channel"].choices = [("", _("All channels")), *Channel.choices]


class CampaignTimelineView(WagtailAdminTemplateMixin, TemplateView):
    """The campaigns' activities over a period, month by month, with the overdue ones on top."""

    template_name = "outreach/admin/campaign_timeline.html"
    page_title = _("Campaign timeline")
    header_icon = "date"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(TIMELINE_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get(self, request, *args, **kwargs):
        today = timezone.localdate()
        start, end = default_period(today)
        campaigns = campaigns_as_saved()
        titles = titles_in_active_language(campaigns)
        choices = [(campaign.pk, titles[campaign.pk]) for campaign in campaigns if campaign.activities.all()]
        # Unfiltered: the default period, no errors to show.
        bound = any(name in request.GET for name in ("start", "end", "campaign", "channel"))
        data = request.GET.copy()
        # A filter chosen without a period keeps the default one (dates as the date picker writes them).
        data.setdefault("start", start.isoformat())
        data.setdefault("end", end.isoformat())
        form = TimelineForm(data if bound else None, initial={"start": start, "end": end}, campaigns=choices)
        chosen = {"start": start, "end": end, "campaign": None, "channel": ""}
        if bound and form.is_valid():
            chosen = form.cleaned_data
        context = {
            "form": form,
            "today": today,
            "titles": titles,
            "start": chosen["start"],
            "end": chosen["end"],
        }
        if not form.errors:
            context.update(
                timeline(
                    chosen["start"],
                    chosen["end"],
                    campaigns=[c for c in campaigns if chosen["campaign"] in (None, c.pk)],
                    channel=chosen["channel"] or None,
                    today=today,
                )
            )
        return self.render_to_response(self.get_context_data(**context))
