"""Factories for home's pages and reference data (tests and demo data)."""

import factory
import wagtail_factories
from django.utils.text import slugify

from . import models


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Komuna"
    slug = factory.Sequence(lambda n: f"home-{n}")

    class Meta:
        model = models.HomePage


class BodyFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Trupi {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.abbreviation or o.name))
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
