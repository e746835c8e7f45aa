import graphene

from home import models

from ..core.connections import connection_field, connection_for, resolve_connection
from ..core.loads import image, load_selected, prefetched, related
from ..core.locale import language_code, locale_argument
from ..core.pages import localized, prepare_pages, public_pages
from ..core.richtext import render_rich_text
from ..core.site import site_context
from . import filters
from .blocks import linked_pages
from .types import (
    AnnouncementPage,
    CampaignPage,
    DecisionPage,
    Footer,
    HomePage,
    MenuItem,
    NewsPage,
    OfficeContact,
    PublicationPage,
    RegulationPage,
    SiteSettings,
    SocialLink,
    SocialLinks,
    VacancyPage,
)

NewsPageConnection = connection_for(NewsPage, description="A page of news.")
AnnouncementPageConnection = connection_for(AnnouncementPage, description="A page of announcements.")
DecisionPageConnection = connection_for(DecisionPage, description="A page of decisions.")
RegulationPageConnection = connection_for(RegulationPage, description="A page of regulations.")
VacancyPageConnection = connection_for(VacancyPage, description="A page of competitions and vacancies.")
PublicationPageConnection = connection_for(PublicationPage, description="A page of publications.")
CampaignPageConnection = connection_for(CampaignPage, description="A page of media campaigns.")


# Every listing: its model, connection type, filter, and what each node field needs
# loaded for the whole list (only the fields a query selects are loaded; see
# frontend_api/core/lookahead.py, and frontend_api/home/blocks.py for bodies).
BASE_LOADS = {"listingImage": image("listing_image")}
LISTINGS = {
    "news_pages": (
        models.NewsPage,
        NewsPageConnection,
        filters.apply_news_filter,
        {"leadImage": image("lead_image"), "topics": prefetched("topics")},
    ),
    "announcements": (
        models.AnnouncementPage,
        AnnouncementPageConnection,
        filters.apply_announcement_filter,
        {},
    ),
    "decisions": (
        models.DecisionPage,
        DecisionPageConnection,
        filters.apply_decision_filter,
        {"issuingBody": related("issuing_body__parent"), "attachments": prefetched("attachments")},
    ),
    "regulations": (
        models.RegulationPage,
        RegulationPageConnection,
        filters.apply_regulation_filter,
        {"issuingBody": related("issuing_body__parent"), "amendments": prefetched("amendments")},
    ),
    "vacancies": (
        models.VacancyPage,
        VacancyPageConnection,
        filters.apply_vacancy_filter,
        {"department": related("department"), "documents": prefetched("documents")},
    ),
    "publications": (
        models.PublicationPage,
        PublicationPageConnection,
        filters.apply_publication_filter,
        {"coverImage": image("cover_image")},
    ),
    "campaigns": (
        models.CampaignPage,
        CampaignPageConnection,
        filters.apply_campaign_filter,
        {"relatedPages": prefetched("related_pages")},
    ),
}


def resolve_listing(name):
    model, connection, apply_filter, loads = LISTINGS[name]
    loads = {**BASE_LOADS, **loads}

    def resolve(root, info, locale=None, where=None, order=None, fallback=False, first=None, after=None):
        language = language_code(locale)
        queryset = localized(info, public_pages(info, model.objects.all()), language, fallback)
        queryset = load_selected(apply_filter(queryset, where), info, loads)
        queryset = filters.ordered(queryset, order or f"-{model.date_field}")
        return resolve_connection(
            connection, queryset, first, after, prepare=lambda items: prepare_pages(info, items, language)
        )

    return resolve


def listing_field(connection, description, filter_type, order_type):
    return connection_field(
        connection,
        description,
        locale=locale_argument(),
        where=graphene.Argument(filter_type, description="Conditions the items must meet."),
        order=graphene.Argument(order_type, default_value=order_type.NEWEST.value, description="Sort order."),
        fallback=graphene.Boolean(
            default_value=False,
            description="Include items not yet translated into `locale`, in Albanian (flagged `isFallback`).",
        ),
    )


class HomeQueries(graphene.ObjectType):
    home_page = graphene.Field(
        HomePage,
        locale=locale_argument(),
        description="The home page in a language (null if that language has none published).",
    )
    news_pages = listing_field(
        NewsPageConnection, "Published news, newest first by default.", filters.NewsFilter, filters.NewsOrder
    )
    announcements = listing_field(
        AnnouncementPageConnection,
        "Published announcements, newest first by default (expired ones too unless `where.current`).",
        filters.AnnouncementFilter,
        filters.AnnouncementOrder,
    )
    decisions = listing_field(
        DecisionPageConnection,
        "Published decisions, most recently adopted first by default.",
        filters.DecisionFilter,
        filters.DecisionOrder,
    )
    regulations = listing_field(
        RegulationPageConnection,
        "Published regulations, most recently adopted first by default.",
        filters.RegulationFilter,
        filters.RegulationOrder,
    )
    vacancies = listing_field(
        VacancyPageConnection,
        "Published competitions and vacancies, most recently opened first by default.",
        filters.VacancyFilter,
        filters.VacancyOrder,
    )
    publications = listing_field(
        PublicationPageConnection,
        "Published publications, newest first by default.",
        filters.PublicationFilter,
        filters.PublicationOrder,
    )
    campaigns = listing_field(
        CampaignPageConnection,
        "Published media campaigns, most recently started first by default.",
        filters.CampaignFilter,
        filters.CampaignOrder,
    )
    site_settings = graphene.Field(
        graphene.NonNull(SiteSettings),
        locale=locale_argument(),
        description="Main menu, footer, contact details and social links in a language (Albanian when missing).",
    )

    resolve_news_pages = staticmethod(resolve_listing("news_pages"))
    resolve_announcements = staticmethod(resolve_listing("announcements"))
    resolve_decisions = staticmethod(resolve_listing("decisions"))
    resolve_regulations = staticmethod(resolve_listing("regulations"))
    resolve_vacancies = staticmethod(resolve_listing("vacancies"))
    resolve_publications = staticmethod(resolve_listing("publications"))
    resolve_campaigns = staticmethod(resolve_listing("campaigns"))

    @staticmethod
    def resolve_home_page(root, info, locale=None):
        context = site_context(info)
        root_page = context.roots.get(language_code(locale))
        if root_page is None or not context.is_public(root_page):
            return None
        # The root's own class: one query, where .specific() takes two.
        model = root_page.specific_class or type(root_page)
        page = model.objects.filter(pk=root_page.pk).first()
        return prepare_pages(info, [page])[0]

    @staticmethod
    def resolve_site_settings(root, info, locale=None):
        language = language_code(locale)
        wagtail_locale = site_context(info).locales.get(language)
        menu = models.MainMenu.for_locale(wagtail_locale)
        footer = models.Footer.for_locale(wagtail_locale)
        contact = models.OfficeContact.for_locale(wagtail_locale)
        social = models.SocialLinks.for_locale(wagtail_locale)
        items = _menu_items(info, [menu.items if menu else None, footer.links if footer else None], language)
        return SiteSettings(
            locale=language,
            main_menu=items[0],
            footer=Footer(text=render_rich_text(info, footer.text, language), links=items[1])
            if footer
            else None,
            contact=OfficeContact(
                office_name=contact.office_name,
                address=contact.address,
                phone=contact.phone,
                email=contact.email,
                opening_hours=contact.opening_hours,
            )
            if contact
            else None,
            social_links=SocialLinks(
                title=social.title,
                links=[
                    SocialLink(
                        network=block.get("value", {}).get("network", ""),
                        url=block.get("value", {}).get("url", ""),
                    )
                    for block in social.links.raw_data
                ],
            )
            if social
            else None,
        )


def _menu_items(info, streams, language):
    """Menu items of each stream; a page link only when the page is public in ``language``."""
    values = [
        [block.get("value") or {} for block in (stream.raw_data if stream else [])] for stream in streams
    ]
    page_ids = {(value.get("link") or {}).get("page") for items in values for value in items}
    pages = linked_pages(info, page_ids, language)
    context = site_context(info)
    result = []
    for items in values:
        menu = []
        for value in items:
            link = value.get("link") or {}
            page = pages.get(int(link["page"])) if link.get("page") else None
            if link.get("page") and page is None:
                continue  # the page is not published in this language: no dead link
            url = context.url_of(page) if page is not None else link.get("url")
            if not url:
                continue
            menu.append(
                MenuItem(label=value.get("label") or (page.title if page else url), url=url, page=page)
            )
        result.append(menu)
    return result
