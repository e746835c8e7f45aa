from .announcements import AnnouncementIndexPage, AnnouncementPage
from .base import BasePage, ContentIndexPage, ContentItemPage
from .campaigns import CampaignIndexPage, CampaignPage, CampaignRelatedPage
from .decisions import DecisionDocument, DecisionIndexPage, DecisionPage
from .home import HomePage
from .images import PlacedImage
from .news import NewsIndexPage, NewsPage
from .publications import PublicationIndexPage, PublicationPage
from .reference import Body, Department, DocumentType, Place, Topic
from .regulations import RegulationAmendment, RegulationIndexPage, RegulationPage
from .site_content import Footer, MainMenu, OfficeContact, SocialLinks
from .standard import StandardPage
from .vacancies import VacancyDocument, VacancyIndexPage, VacancyPage

#: Category indexes (one of each per locale, under the home page) and their item page types.
INDEX_PAGE_MODELS = [
    NewsIndexPage,
    AnnouncementIndexPage,
    DecisionIndexPage,
    RegulationIndexPage,
    VacancyIndexPage,
    PublicationIndexPage,
    CampaignIndexPage,
]
ITEM_PAGE_MODELS = [
    NewsPage,
    AnnouncementPage,
    DecisionPage,
    RegulationPage,
    VacancyPage,
    PublicationPage,
    CampaignPage,
]

__all__ = [
    "INDEX_PAGE_MODELS",
    "ITEM_PAGE_MODELS",
    "AnnouncementIndexPage",
    "AnnouncementPage",
    "BasePage",
    "Body",
    "CampaignIndexPage",
    "CampaignPage",
    "CampaignRelatedPage",
    "ContentIndexPage",
    "ContentItemPage",
    "DecisionDocument",
    "DecisionIndexPage",
    "DecisionPage",
    "Department",
    "DocumentType",
    "Footer",
    "HomePage",
    "MainMenu",
    "NewsIndexPage",
    "NewsPage",
    "OfficeContact",
    "PlacedImage",
    "Place",
    "PublicationIndexPage",
    "PublicationPage",
    "RegulationAmendment",
    "RegulationIndexPage",
    "RegulationPage",
    "SocialLinks",
    "StandardPage",
    "Topic",
    "VacancyDocument",
    "VacancyIndexPage",
    "VacancyPage",
]
