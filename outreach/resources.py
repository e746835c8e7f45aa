"""CSV import and export of the directory (django-import-export).

A contact is identified by its e-mail address, whatever its case: importing a
row whose address is already in the directory (or earlier in the same file)
updates that contact instead of adding a second one. A row without an address
matches a contact without one of the same name and organisation. Organisations are named;
an unknown name creates the organisation with the row's kind and community.
Topics and bodies are their slugs, separated by commas.
"""

import tablib
from import_export import fields, resources, widgets

from home.models import Body, Topic
from outreach.models import Contact, Kind, Organisation

COLUMNS = (
    "name",
    "organisation",
    "role",
    "kind",
    "community",
    "language",
    "email",
    "phone",
    "topics",
    "bodies",
    "consent",
    "consent_date",
    "notes",
    "is_active",
)


class OrganisationWidget(widgets.ForeignKeyWidget):
    def __init__(self):
        super().__init__(Organisation, field="name")

    def clean(self, value, row=None, **kwargs):
        name = (value or "").strip()
        if not name:
            return None
        organisation = Organisation.objects.filter(name__iexact=name).order_by("pk").first()
        if organisation is None:
            organisation = Organisation.objects.create(
                name=name,
                kind=(row or {}).get("kind") or Kind.OTHER,
                community=(row or {}).get("community") or "",
            )
        return organisation


class ContactResource(resources.ModelResource):
    organisation = fields.Field(
        attribute="organisation", column_name="organisation", widget=OrganisationWidget()
    )
    topics = fields.Field(
        attribute="topics", column_name="topics", widget=widgets.ManyToManyWidget(Topic, field="slug")
    )
    bodies = fields.Field(
        attribute="bodies", column_name="bodies", widget=widgets.ManyToManyWidget(Body, field="slug")
    )

    class Meta:
        model = Contact
        fields = COLUMNS
        export_order = COLUMNS
        import_id_fields = ("email",)
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True

    def get_instance(self, instance_loader, row):
        email = (row.get("email") or "").strip()
        if email:
            return Contact.objects.with_email(email).order_by("pk").first()
        name, organisation = (row.get("name") or "").strip(), (row.get("organisation") or "").strip()
        if not name:
            return None
        # Without an address, the same name in the same organisation (or in none) is the same person.
        same = Contact.objects.filter(email="", name__iexact=name)
        if organisation:
            same = same.filter(organisation__name__iexact=organisation)
        else:
            same = same.filter(organisation__isnull=True)
        return same.order_by("pk").first()

    def before_import_row(self, row, **kwargs):
        row["email"] = (row.get("email") or "").strip()


def export_csv(queryset):
    return (
        ContactResource()
        .export(queryset.prefetch_related("topics", "bodies").select_related("organisation"))
        .csv
    )


def import_csv(text):
    """Import CSV text; returns import-export's result. Nothing is saved when any row is wrong."""
    dataset = tablib.Dataset().load(text, format="csv")
    return ContactResource().import_data(
        dataset, dry_run=False, use_transactions=True, rollback_on_validation_errors=True
    )
