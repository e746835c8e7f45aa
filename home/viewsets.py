"""Admin screens: reference data (ModelViewSet), site-wide snippets, per-type page listings."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import models

LANGUAGE_CODES = list(settings.MODELTRANSLATION_LANGUAGES)


def _per_language(field):
    """``name`` → ``["name_sq", "name_sr", "name_en"]``: every language's column side by side."""
    return [f"{field}_{code}" for code in LANGUAGE_CODES]


class ReferenceViewSet(ModelViewSet):
    """Reference data has no search index: search runs on the database over every language column."""

    search_backend_name = None
    add_to_admin_menu = False
    translated_fields = ["name"]

    @property
    def search_fields(self):
        return [column for field in self.translated_fields for column in _per_language(field)] + ["slug"]

    @property
    def form_fields(self):
        return [
            *(column for field in self.translated_fields for column in _per_language(field)),
            *self.extra_form_fields,
        ]

    extra_form_fields = ["slug"]


class BodyViewSet(ReferenceViewSet):
    model = models.Body
    name = "bodies"
    url_prefix = "reference/bodies"
    icon = "group"
    translated_fields = ["name", "abbreviation"]
    list_display = [*_per_language("name"), "abbreviation", "kind", "parent"]
    list_filter = ["kind", "parent"]
    extra_form_fields = ["kind", "parent", "slug", "sort_order"]


class DepartmentViewSet(ReferenceViewSet):
    model = models.Department
    name = "departments"
    url_prefix = "reference/departments"
    icon = "site"
    list_display = [*_per_language("name"), "email", "phone"]
    list_filter = []
    extra_form_fields = ["abbreviation", "slug", "email", "phone"]


class TopicViewSet(ReferenceViewSet):
    model = models.Topic
    name = "topics"
    url_prefix = "reference/topics"
    icon = "tag"
    list_display = [*_per_language("name"), "slug"]


class PlaceViewSet(ReferenceViewSet):
    model = models.Place
    name = "places"
    url_prefix = "reference/places"
    icon = "globe"
    translated_fields = ["name", "address"]
    list_display = [*_per_language("name"), "address", "latitude", "longitude"]
    extra_form_fields = ["slug", "latitude", "longitude"]


class DocumentTypeViewSet(ReferenceViewSet):
    model = models.DocumentType
    name = "document_types"
    url_prefix = "reference/document-types"
    icon = "doc-full"
    list_display = [*_per_language("name"), "slug"]


class ReferenceDataGroup(ViewSetGroup):
    menu_label = _("Reference data")
    menu_icon = "list-ul"
    menu_order = 300
    items = (BodyViewSet, DepartmentViewSet, TopicViewSet, PlaceViewSet, DocumentTypeViewSet)


class SiteContentViewSet(SnippetViewSet):
    list_display = ["__str__", "locale"]
    list_filter = ["locale"]


class MainMenuViewSet(SiteContentViewSet):
    model = models.MainMenu
    icon = "list-ul"


class FooterViewSet(SiteContentViewSet):
    model = models.Footer
    icon = "placeholder"


class OfficeContactViewSet(SiteContentViewSet):
    model = models.OfficeContact
    icon = "mail"


class SocialLinksViewSet(SiteContentViewSet):
    model = models.SocialLinks
    icon = "site"


class SiteContentGroup(SnippetViewSetGroup):
    menu_label = _("Site content")
    menu_icon = "cogs"
    menu_order = 310
    items = (MainMenuViewSet, FooterViewSet, OfficeContactViewSet, SocialLinksViewSet)


class ContentListingViewSet(PageListingViewSet):
    """A flat listing of one page type across the tree, with that type's filters."""

    add_to_admin_menu = False


def _listing(model, icon, filters, columns, name):
    return type(
        f"{model.__name__}ListingViewSet",
        (ContentListingViewSet,),
        {
            "model": model,
            "icon": icon,
            "menu_label": model._meta.verbose_name_plural.capitalize(),
            "name": f"content_{name}",
            "url_prefix": f"content/{name.replace('_', '-')}",
            "list_filter": ["locale", *filters, "live"],
            "list_display": ["title", *columns, "locale", "status_string", "latest_revision_created_at"],
        },
    )


PAGE_LISTINGS = [
    _listing(models.NewsPage, "doc-full", ["date", "topics"], ["date"], "news_pages"),
    _listing(
        models.AnnouncementPage, "warning", ["date", "valid_until", "kind"], ["date", "kind"], "announcements"
    ),
    _listing(
        models.DecisionPage,
        "tick",
        ["date_adopted", "issuing_body", "status"],
        ["number", "date_adopted", "issuing_body", "status"],
        "decisions",
    ),
    _listing(
        models.RegulationPage,
        "doc-full-inverse",
        ["date_adopted", "in_force_from", "issuing_body"],
        ["number", "date_adopted", "issuing_body"],
        "regulations",
    ),
    _listing(
        models.VacancyPage,
        "user",
        ["kind", "opens_at", "deadline", "department"],
        ["kind", "deadline", "department"],
        "vacancies",
    ),
    _listing(
        models.PublicationPage, "folder-open-inverse", ["kind", "date"], ["kind", "date"], "publications"
    ),
    _listing(models.CampaignPage, "pick", ["starts_on", "ends_on"], ["starts_on", "ends_on"], "campaigns"),
]


class ContentListingGroup(ViewSetGroup):
    menu_label = _("Content by type")
    menu_icon = "folder-open-1"
    menu_order = 150
    items = PAGE_LISTINGS
