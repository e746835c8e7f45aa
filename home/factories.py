"""Factories for home's pages and reference data (tests and demo data)."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from django.utils.text import slugify

from translations import gate
from translations.slugs import ascii_slug

from . import models

OVERRIDE_REASON = "Test or benchmark data made by a factory, live without its translation."


class PageFactory(wagtail_factories.PageFactory):
    """Pages made live directly; an official act made live alone is recorded as an override."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        with gate.suspended():
            page = super()._create(model_class, *args, **kwargs)
        return gate.force_live(page, OVERRIDE_REASON)


def publish_test_data(page, user=None):
    """Publish ``page``'s current content as test data: an official act alone is recorded as an override."""
    with gate.suspended():
        page.save_revision(user=user).publish(user=user)
    return gate.force_live(page, OVERRIDE_REASON, user=user)


class HomePageFactory(PageFactory):
    title = "Komuna"
    slug = factory.Sequence(lambda n: f"home-{n}")

    class Meta:
        model = models.HomePage


class BodyFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Trupi {n}")
    slug = factory.LazyAttribute(lambda o: slugify(getattr(o, "abbreviation", "") or o.name))
    kind = models.Body.Kind.OTHER

    class Meta:
        model = models.Body
        django_get_or_create = ("slug",)


class DepartmentFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Drejtoria {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))

    class Meta:
        model = models.Department
        django_get_or_create = ("slug",)


class TopicFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Tema {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))

    class Meta:
        model = models.Topic
        django_get_or_create = ("slug",)


class PlaceFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Vendi {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))

    class Meta:
        model = models.Place
        django_get_or_create = ("slug",)


class DocumentTypeFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Lloji {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))

    class Meta:
        model = models.DocumentType
        django_get_or_create = ("slug",)


class IndexPageFactory(PageFactory):
    class Meta:
        abstract = True


class NewsIndexPageFactory(IndexPageFactory):
    title = "Lajme"
    slug = "lajme"

    class Meta:
        model = models.NewsIndexPage


class AnnouncementIndexPageFactory(IndexPageFactory):
    title = "Shpallje"
    slug = "shpallje"

    class Meta:
        model = models.AnnouncementIndexPage


class DecisionIndexPageFactory(IndexPageFactory):
    title = "Vendime"
    slug = "vendime"

    class Meta:
        model = models.DecisionIndexPage


class RegulationIndexPageFactory(IndexPageFactory):
    title = "Rregullore"
    slug = "rregullore"

    class Meta:
        model = models.RegulationIndexPage


class VacancyIndexPageFactory(IndexPageFactory):
    title = "Konkurse"
    slug = "konkurse"

    class Meta:
        model = models.VacancyIndexPage


class PublicationIndexPageFactory(IndexPageFactory):
    title = "Publikime"
    slug = "publikime"

    class Meta:
        model = models.PublicationIndexPage


class CampaignIndexPageFactory(IndexPageFactory):
    title = "Fushata mediale"
    slug = "fushata-mediale"

    class Meta:
        model = models.CampaignIndexPage


class ItemPageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Faqja {n}")
    slug = factory.LazyAttribute(lambda o: ascii_slug(o.title))
    summary = "Përmbledhje e shkurtër."

    class Meta:
        abstract = True


class NewsPageFactory(ItemPageFactory):
    class Meta:
        model = models.NewsPage


class AnnouncementPageFactory(ItemPageFactory):
    class Meta:
        model = models.AnnouncementPage


class DecisionPageFactory(ItemPageFactory):
    number = factory.Sequence(lambda n: f"01-{n:03d}/2026")
    issuing_body = factory.SubFactory(BodyFactory)

    class Meta:
        model = models.DecisionPage


class RegulationPageFactory(ItemPageFactory):
    number = factory.Sequence(lambda n: f"R-{n:03d}/2026")
    issuing_body = factory.SubFactory(BodyFactory)

    class Meta:
        model = models.RegulationPage


class VacancyPageFactory(ItemPageFactory):
    deadline = factory.LazyAttribute(lambda o: o.opens_at + datetime.timedelta(days=14))
    opens_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = models.VacancyPage


class PublicationPageFactory(ItemPageFactory):
    class Meta:
        model = models.PublicationPage


class CampaignPageFactory(ItemPageFactory):
    class Meta:
        model = models.CampaignPage


class StandardPageFactory(ItemPageFactory):
    class Meta:
        model = models.StandardPage
