import graphene
from django.utils import timezone

from home import models

from ..core.images import Image
from ..core.locale import Locale
from ..core.pages import Page
from ..core.registry import register_page_type
from ..core.richtext import render_rich_text
from ..core.site import site_context
from ..documents.types import Document
from ..reference.types import Body, Department, Topic, with_language
from .blocks import BodyBlock, batch_load, body_blocks, linked_pages, load_documents
from .filters import AnnouncementKind, DecisionStatus, PublicationKind, VacancyKind, VacancyStatus


@register_page_type(models.HomePage)
class HomePage(graphene.ObjectType):
    """The home page of a language: `/` (sq), `/sr/`, `/en/`."""

    intro = graphene.String(
        required=True, description="Introduction as HTML; internal links point to public URLs."
    )

    class Meta:
        interfaces = (Page,)

    @staticmethod
    def resolve_intro(page, info):
        return render_rich_text(info, page.intro, site_context(info).language_of(page))


# --- Shared helpers ---------------------------------------------------------------


def language_of(info, page):
    return site_context(info).language_of(page)


def tagged(info, page, obj):
    """A reference object (body, department, topic) in the page's language."""
    if obj is None:
        return None
    return with_language([obj], language_of(info, page))[0]


def page_documents(info, page, key, ids_of):
    """{document id: public document} for the documents ``ids_of(page)`` of every page in the batch."""
    language = language_of(info, page)
    return batch_load(
        page,
        f"documents_{key}_{language}",
        lambda batch: load_documents(info, {pk for item in batch for pk in ids_of(item)}, language),
    )


def page_links(info, page, key, ids_of):
    """{chosen page id: its public translation in the page's language} for every page in the batch."""
    language = language_of(info, page)
    return batch_load(
        page,
        f"links_{key}_{language}",
        lambda batch: linked_pages(info, {pk for item in batch for pk in ids_of(item)}, language),
    )


def document_field(attribute, description):
    """A field for a document foreign key, null when the document is private or missing."""

    def resolve(page, info):
        pk = getattr(page, f"{attribute}_id")
        if pk is None:
            return None
        return page_documents(info, page, attribute, lambda item: [getattr(item, f"{attribute}_id")]).get(pk)

    return graphene.Field(Document, description=description, resolver=resolve)


class BasePageFields:
    """Fields every content page has (``home.models.BasePage``)."""

    summary = graphene.String(required=True, description="One or two sentences for listings and feeds.")
    listing_image = graphene.Field(
        Image, description="Image for listings and social cards, with its alternative text and caption."
    )
    body = graphene.List(
        graphene.NonNull(BodyBlock), required=True, description="The page content as typed blocks."
    )

    @staticmethod
    def resolve_listing_image(page, info):
        return page.placed_listing_image

    @staticmethod
    def resolve_body(page, info):
        return body_blocks(info, page)


# --- Content pages ---------------------------------------------------------------


@register_page_type(models.NewsPage)
class NewsPage(BasePageFields, graphene.ObjectType):
    """A news article."""

    date = graphene.Date(required=True, description="Date of the news.")
    lead_image = graphene.Field(
        Image, description="Image at the top of the article, with its alternative text and caption."
    )
    topics = graphene.List(
        graphene.NonNull(Topic), required=True, description="Topics, in the page's language."
    )

    class Meta:
        interfaces = (Page,)

    @staticmethod
    def resolve_lead_image(page, info):
        return page.placed_lead_image

    @staticmethod
    def resolve_topics(page, info):
        return with_language(list(page.topics.all()), language_of(info, page))


@register_page_type(models.AnnouncementPage)
class AnnouncementPage(BasePageFields, graphene.ObjectType):
    """A public notice (meeting, tender, other); it leaves listings after its validity."""

    date = graphene.Date(required=True, description="Date of the announcement.")
    valid_until = graphene.Date(description="Last day the announcement is valid; null: no end.")
    kind = graphene.Field(graphene.NonNull(AnnouncementKind), description="Kind of announcement.")
    is_current = graphene.Boolean(required=True, description="Still valid today.")
    is_expired = graphene.Boolean(required=True, description="No longer valid (the validity day has passed).")

    class Meta:
        interfaces = (Page,)

    @staticmethod
    def resolve_is_current(page, info):
        return page.is_current()


@register_page_type(models.DecisionPage)
class DecisionPage(BasePageFields, graphene.ObjectType):
    """A decision of a municipal body."""

    number = graphene.String(required=True, description="Decision number, e.g. 01-016/2025.")
    date_adopted = graphene.Date(required=True, description="Day the decision was adopted.")
    issuing_body = graphene.Field(
        graphene.NonNull(Body), description="Body that adopted it, in the page's language."
    )
    status = graphene.Field(graphene.NonNull(DecisionStatus), description="In force or repealed.")
    is_in_force = graphene.Boolean(required=True, description="True while the decision is in force.")
    repealed_by = graphene.Field(
        Page, description="The act that repealed this decision, when published in the page's language."
    )
    document = document_field("document", "The signed decision text (this language's file).")
    attachments = graphene.List(
        graphene.NonNull(Document), required=True, description="Further published documents (annexes...)."
    )

    class Meta:
        interfaces = (Page,)

    @staticmethod
    def resolve_issuing_body(page, info):
        return tagged(info, page, page.issuing_body)

    @staticmethod
    def resolve_repealed_by(page, info):
        if page.repealed_by_id is None:
            return None
        return page_links(info, page, "repealed_by", lambda item: [item.repealed_by_id]).get(
            page.repealed_by_id
        )

    @staticmethod
    def resolve_attachments(page, info):
        found = page_documents(
            info, page, "attachments", lambda item: [a.document_id for a in item.attachments.all()]
        )
        return [found[a.document_id] for a in page.attachments.all() if a.document_id in found]


class RegulationAmendment(graphene.ObjectType):
    """An amendment of a regulation."""

    number = graphene.String(required=True, description="Number of the amending act.")
    date_adopted = graphene.Date(required=True, description="Day the amendment was adopted.")
    decision = graphene.Field(Page, description="The amending decision, when published in this language.")
    document = graphene.Field(Document, description="The amendment's text, when published.")


@register_page_type(models.RegulationPage)
class RegulationPage(BasePageFields, graphene.ObjectType):
    """A municipal regulation, with its amendments and consolidated text."""

    number = graphene.String(required=True, description="Regulation number.")
    date_adopted = graphene.Date(required=True, description="Day the regulation was adopted.")
    in_force_from = graphene.Date(description="First day in force; null: from adoption.")
    repealed_on = graphene.Date(description="Day it stopped being in force; null: not repealed.")
    issuing_body = graphene.Field(
        graphene.NonNull(Body), description="Body that adopted it, in the page's language."
    )
    is_in_force = graphene.Boolean(required=True, description="In force today.")
    consolidated_text = document_field(
        "consolidated_text", "The regulation with all amendments applied (this language's file)."
    )
    amendments = graphene.List(
        graphene.NonNull(RegulationAmendment), required=True, description="Amendments, in the editors' order."
    )

    class Meta:
        interfaces = (Page,)

    @staticmethod
    def resolve_issuing_body(page, info):
        return tagged(info, page, page.issuing_body)

    @staticmethod
    def resolve_is_in_force(page, info):
        return page.is_in_force()

    @staticmethod
    def resolve_amendments(page, info):
        amendments = list(page.amendments.all())
        documents = page_documents(
            info, page, "amendments", lambda item: [a.document_id for a in item.amendments.all()]
        )
        decisions = page_links(
            info, page, "amendments", lambda item: [a.decision_id for a in item.amendments.all()]
        )
        return [
            RegulationAmendment(
                number=amendment.number,
                date_adopted=amendment.date_adopted,
                decision=decisions.get(amendment.decision_id),
                document=documents.get(amendment.document_id),
            )
            for amendment in amendments
        ]


@register_page_type(models.VacancyPage)
class VacancyPage(BasePageFields, graphene.ObjectType):
    """A job vacancy, public call or grant call with an application deadline."""

    kind = graphene.Field(graphene.NonNull(VacancyKind), description="Kind of competition.")
    opens_at = graphene.DateTime(required=True, description="When applications open.")
    deadline = graphene.DateTime(required=True, description="When applications close (Europe/Belgrade).")
    department = graphene.Field(Department, description="Department offering it, in the page's language.")
    documents = graphene.List(
        graphene.NonNull(Document),
        required=True,
        description="Call text, forms and other published documents.",
    )
    status = graphene.Field(
        graphene.NonNull(VacancyStatus), description="Upcoming, open or closed right now."
    )
    is_open = graphene.Boolean(required=True, description="Accepting applications right now.")

    class Meta:
        interfaces = (Page,)

    @staticmethod
    def resolve_department(page, info):
        return tagged(info, page, page.department)

    @staticmethod
    def resolve_documents(page, info):
        found = page_documents(
            info, page, "documents", lambda item: [d.document_id for d in item.documents.all()]
        )
        return [found[d.document_id] for d in page.documents.all() if d.document_id in found]

    @staticmethod
    def resolve_is_open(page, info):
        return page.is_open_at(timezone.now())


@register_page_type(models.PublicationPage)
class PublicationPage(BasePageFields, graphene.ObjectType):
    """A leaflet, brochure, bulletin, newspaper or magazine issue."""

    kind = graphene.Field(graphene.NonNull(PublicationKind), description="Kind of publication.")
    issue_number = graphene.String(required=True, description="Issue number (may be empty).")
    date = graphene.Date(required=True, description="Publication date.")
    cover_image = graphene.Field(Image, description="Cover image, with its alternative text and caption.")
    file = document_field("file", "The publication itself (this language's edition).")

    class Meta:
        interfaces = (Page,)

    @staticmethod
    def resolve_cover_image(page, info):
        return page.placed_cover_image


@register_page_type(models.CampaignPage)
class CampaignPage(BasePageFields, graphene.ObjectType):
    """A media campaign and the content that belongs to it."""

    starts_on = graphene.Date(required=True, description="First day of the campaign.")
    ends_on = graphene.Date(description="Last day; null: open-ended.")
    is_running = graphene.Boolean(required=True, description="Running today.")
    goals = graphene.String(required=True, description="Goals as HTML; internal links point to public URLs.")
    related_pages = graphene.List(
        graphene.NonNull(Page),
        required=True,
        description="Published pages of the campaign in the campaign's language (untranslated ones left out).",
    )

    class Meta:
        interfaces = (Page,)

    @staticmethod
    def resolve_is_running(page, info):
        return page.is_running()

    @staticmethod
    def resolve_goals(page, info):
        return render_rich_text(info, page.goals, language_of(info, page))

    @staticmethod
    def resolve_related_pages(page, info):
        related = list(page.related_pages.all())
        found = page_links(
            info, page, "related_pages", lambda item: [r.page_id for r in item.related_pages.all()]
        )
        pages, seen = [], set()
        for item in related:
            target = found.get(item.page_id)
            if target is not None and target.pk not in seen:
                seen.add(target.pk)
                pages.append(target)
        return pages


@register_page_type(models.StandardPage)
class StandardPage(BasePageFields, graphene.ObjectType):
    """A page that stands alone: the communication strategy, about the office, contact."""

    class Meta:
        interfaces = (Page,)


def _index_type(model, name, description):
    meta = type("Meta", (), {"interfaces": (Page,), "name": name, "description": description})
    graphene_type = type(name, (BasePageFields, graphene.ObjectType), {"Meta": meta, "__doc__": description})
    return register_page_type(model)(graphene_type)


NewsIndexPage = _index_type(
    models.NewsIndexPage, "NewsIndexPage", "The news section; list it with `newsPages`."
)
AnnouncementIndexPage = _index_type(
    models.AnnouncementIndexPage,
    "AnnouncementIndexPage",
    "The announcements section; list it with `announcements`.",
)
DecisionIndexPage = _index_type(
    models.DecisionIndexPage, "DecisionIndexPage", "The decisions section; list it with `decisions`."
)
RegulationIndexPage = _index_type(
    models.RegulationIndexPage, "RegulationIndexPage", "The regulations section; list it with `regulations`."
)
VacancyIndexPage = _index_type(
    models.VacancyIndexPage, "VacancyIndexPage", "The competitions section; list it with `vacancies`."
)
PublicationIndexPage = _index_type(
    models.PublicationIndexPage,
    "PublicationIndexPage",
    "The publications section; list it with `publications`.",
)
CampaignIndexPage = _index_type(
    models.CampaignIndexPage, "CampaignIndexPage", "The media campaigns section; list it with `campaigns`."
)


# --- Site settings (snippets) ------------------------------------------------------


class MenuItem(graphene.ObjectType):
    """A link of the main menu or the footer."""

    label = graphene.String(required=True, description="Link text (the page's title when not given).")
    url = graphene.String(required=True, description="Public URL path of the page, or the external address.")
    page = graphene.Field(Page, description="The linked page, when the link is internal.")


class Footer(graphene.ObjectType):
    """The footer of every page."""

    text = graphene.String(required=True, description="Footer text as HTML; internal links are public URLs.")
    links = graphene.List(graphene.NonNull(MenuItem), required=True, description="Footer links.")


class OfficeContact(graphene.ObjectType):
    """How to reach the office."""

    office_name = graphene.String(required=True, description="Name of the office.")
    address = graphene.String(required=True, description="Postal address.")
    phone = graphene.String(required=True, description="Phone number.")
    email = graphene.String(required=True, description="E-mail address.")
    opening_hours = graphene.String(required=True, description="Opening hours.")


class SocialLink(graphene.ObjectType):
    """A profile of the office on a social network."""

    network = graphene.String(
        required=True, description="facebook, instagram, x, youtube, linkedin or tiktok."
    )
    url = graphene.String(required=True, description="Address of the profile.")


class SocialLinks(graphene.ObjectType):
    """The office's social network profiles."""

    title = graphene.String(required=True, description='Heading, e.g. "Follow us" (may be empty).')
    links = graphene.List(graphene.NonNull(SocialLink), required=True, description="The profiles.")


class SiteSettings(graphene.ObjectType):
    """Menu, footer, contact details and social links of the site in one language."""

    locale = graphene.Field(graphene.NonNull(Locale), description="Language asked for.")
    main_menu = graphene.List(
        graphene.NonNull(MenuItem),
        required=True,
        description="Main menu items; links to pages not published in this language are left out.",
    )
    footer = graphene.Field(Footer, description="The footer (null when none is set up).")
    contact = graphene.Field(OfficeContact, description="The office's contact details (null when none).")
    social_links = graphene.Field(SocialLinks, description="Social network profiles (null when none).")
