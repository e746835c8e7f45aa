"""The directory's CSV import and export screens."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views import View
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from outreach.models import Contact
from outreach.resources import COLUMNS, export_csv, import_csv

IMPORT_PERMISSIONS = ("outreach.add_contact", "outreach.change_contact")
EXPORT_PERMISSION = "outreach.view_contact"
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
