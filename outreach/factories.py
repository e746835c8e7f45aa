"""Factories for the directory (tests and demo data)."""

import factory

from outreach import models


class OrganisationFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Organizata {n}")
    kind = models.Kind.CIVIL_SOCIETY

    class Meta:
        model = models.Organisation


class ContactFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Kontakti {n}")
    email = factory.Sequence(lambda n: f"kontakti{n}@example.org")
    kind = models.Kind.CIVIL_SOCIETY
    language = models.Language.ALBANIAN

    class Meta:
        model = models.Contact


class InteractionFactory(factory.django.DjangoModelFactory):
    kind = models.Interaction.Kind.MEETING
    subject = factory.Sequence(lambda n: f"Takimi {n}")

    class Meta:
        model = models.Interaction
        skip_postgeneration_save = True

    @factory.post_generation
    def contacts(self, create, extracted, **kwargs):
        if create:
            self.contacts.set(extracted if extracted is not None else [ContactFactory()])
