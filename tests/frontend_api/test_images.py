"""The Image type: allowlisted presets, srcset, prefetched renditions.

Page types expose images (listing_image, lead images) through this type; here
it is served by a small schema of its own until they land.
"""

import graphene
import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from graphql import graphql_sync
from wagtail.images import get_image_model
from wagtail_factories import ImageFactory

from frontend_api.core.images import RENDITION_PRESETS, Image, image_prefetch


class Query(graphene.ObjectType):
    images = graphene.List(Image, description="Images.")

    @staticmethod
    def resolve_images(root, info):
        return list(get_image_model().objects.order_by("pk").prefetch_related(image_prefetch()))


SCHEMA = graphene.Schema(query=Query).graphql_schema
IMAGES = "query Images($preset: ImagePreset!) { images { id alt width rendition(preset: $preset) { url width height srcset } } }"
UNKNOWN_PRESET = "{ images { rendition(preset: HUGE) { url } } }"

pytestmark = pytest.mark.django_db


def run(query, variables=None):
    result = graphql_sync(
        SCHEMA, query, variable_values=variables, context_value=RequestFactory().get("/graphql/")
    )
    assert not result.errors, result.errors
    return result.data


def test_rendition_with_srcset(settings):
    image = ImageFactory(title="Sheshi", width=100, height=100)
    data = run(IMAGES, {"preset": "THUMBNAIL"})["images"][0]
    assert data["rendition"]["url"].startswith("http://testserver/")
    entries = data["rendition"]["srcset"].split(", ")
    assert [entry.rsplit(" ", 1)[1] for entry in entries] == ["320w", "640w"]
    assert all(entry.startswith("http://testserver/") for entry in entries)
    assert image.renditions.count() == 2


def test_only_allowlisted_presets():
    result = graphql_sync(SCHEMA, UNKNOWN_PRESET, context_value=RequestFactory().get("/"))
    assert "HUGE" in result.errors[0].message
    assert set(RENDITION_PRESETS) == {"THUMBNAIL", "CARD", "HERO", "CONTENT", "SOCIAL"}


def test_renditions_are_prefetched_for_10_and_100_images():
    def measure():
        with CaptureQueriesContext(connection) as captured:
            data = run(IMAGES, {"preset": "THUMBNAIL"})
        return len(captured), len(data["images"])

    ImageFactory.create_batch(10)
    run(IMAGES, {"preset": "THUMBNAIL"})  # creates the renditions
    ten = measure()
    ImageFactory.create_batch(90)
    run(IMAGES, {"preset": "THUMBNAIL"})
    assert measure() == (ten[0], 100)
    assert ten[1] == 10


def test_a_library_image_alone_has_its_description_as_alt_never_its_title():
    ImageFactory(title="DSC_0412", description="")
    ImageFactory(title="IMG_2041", description="Sheshi i qytetit në mbrëmje")
    data = run("{ images { title alt caption } }")["images"]
    assert data == [
        {"title": "DSC_0412", "alt": "", "caption": ""},
        {"title": "IMG_2041", "alt": "Sheshi i qytetit në mbrëmje", "caption": ""},
    ]
