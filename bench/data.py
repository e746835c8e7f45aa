"""Benchmark data: N live pages per content type in every locale, with images.

Pages are created with the project's factories straight into each locale's
tree. The Serbian and English pages share the Albanian page's
``translation_key``, exactly as wagtail-localize's translations do, so
``translations``, fallbacks and language switchers behave as on the real site;
going through wagtail-localize's segment pipeline page by page would only make
the generator slow. Running it again tops every type up to N.
"""

import datetime
import io

from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale

from events import factories as event_factories
from events import models as event_models
from home import factories, models
from home.demo.content_text import INDEXES
from home.setup import default_home_page, ensure_home_translations

IMAGE_COUNT = 12
IMAGE_SIZE = (1200, 800)
IMAGE_TITLE = "Bench image {}"

# Reference data the translations share with their source (as wagtail-localize synchronises it).
SHARED_FIELDS = ["place"]

EVENT_INDEX = ({"sq": "kalendari", "sr": "kalendar", "en": "calendar"}, "Kalendari i ngjarjeve")

# (page factory, index model or None for pages under the home page, image field)
TYPES = [
    (factories.NewsPageFactory, models.NewsIndexPage, "lead_image"),
    (factories.AnnouncementPageFactory, models.AnnouncementIndexPage, "listing_image"),
    (factories.DecisionPageFactory, models.DecisionIndexPage, "listing_image"),
    (factories.RegulationPageFactory, models.RegulationIndexPage, "listing_image"),
    (factories.VacancyPageFactory, models.VacancyIndexPage, "listing_image"),
    (factories.PublicationPageFactory, models.PublicationIndexPage, "listing_image"),
    (factories.CampaignPageFactory, models.CampaignIndexPage, "listing_image"),
    (factories.StandardPageFactory, None, "listing_image"),
    (event_factories.EventPageFactory, event_models.EventIndexPage, None),
    (event_factories.MeetingPageFactory, event_models.EventIndexPage, None),
]


def generate(per_type, write=lambda message: None):
    """Top every content type up to ``per_type`` live pages per locale; return {model name: created}."""
    if per_type < 1:
        raise ValueError("per_type must be at least 1.")
    with transaction.atomic():
        homes = ensure_home_translations()
    # Home-page translations are published on commit: read them again now.
    homes = _homes()
    images = ensure_images()
    body, _ = models.Body.objects.get_or_create(
        slug="bench",
        defaults={"name": "Kuvendi i Komunës", "abbreviation": "KK", "kind": models.Body.Kind.ASSEMBLY},
    )
    write(f"{len(images)} images, {len(homes)} locales: {', '.join(sorted(homes))}")
    created = {}
    for factory_class, index_model, image_field in TYPES:
        model = factory_class._meta.model
        with transaction.atomic():
            parents = _parents(homes, index_model)
            count = _top_up(factory_class, model, parents, per_type, images, image_field, body)
        created[model.__name__] = count
        write(f"{model.__name__}: {count} created in each locale")
    return created


def _homes():
    source = default_home_page()
    pages = models.HomePage.objects.filter(translation_key=source.translation_key).select_related("locale")
    return {page.locale.language_code: page for page in pages}


def ensure_images():
    """A small pool of generated PNG images (renditions are made from them on demand)."""
    Image = get_image_model()
    images = list(Image.objects.filter(title__startswith="Bench image ").order_by("pk"))
    root = Collection.get_first_root_node()
    for number in range(len(images), IMAGE_COUNT):
        buffer = io.BytesIO()
        hue = (number * 37) % 256
        PILImage.new("RGB", IMAGE_SIZE, (hue, 120, 255 - hue)).save(buffer, "PNG")
        name = f"bench-{number}.png"
        image = Image(title=IMAGE_TITLE.format(number), collection=root)
        image.file.save(name, ImageFile(io.BytesIO(buffer.getvalue()), name=name), save=False)
        image.save()
        images.append(image)
    return images


def _parents(homes, index_model):
    """{language: parent page}: the type's index in every locale (created when missing), or the home page."""
    if index_model is None:
        return homes
    source = index_model.objects.child_of(homes["sq"]).first()
    if index_model is event_models.EventIndexPage:
        slugs, titles = EVENT_INDEX[0], dict.fromkeys(homes, EVENT_INDEX[1])
    else:
        slugs, titles = INDEXES[index_model.__name__]
    if source is None:
        source = index_model(title=titles["sq"], slug=slugs["sq"], locale=homes["sq"].locale)
        homes["sq"].add_child(instance=source)
    parents = {"sq": source}
    for code, home in homes.items():
        if code == "sq":
            continue
        page = index_model.objects.filter(translation_key=source.translation_key, locale=home.locale).first()
        if page is None:
            page = index_model(
                title=titles[code],
                slug=slugs[code],
                locale=home.locale,
                translation_key=source.translation_key,
            )
            home.add_child(instance=page)
        parents[code] = page
    return parents


def _top_up(factory_class, model, parents, per_type, images, image_field, body):
    existing = model.objects.child_of(parents["sq"]).filter(title__startswith="Bench ").count()
    today = timezone.localdate()
    locales = {code: Locale.objects.get(language_code=code) for code in parents}
    field_names = {field.name for field in model._meta.fields}
    for number in range(existing, per_type):
        fields = {
            "title": f"Bench {model._meta.verbose_name} {number}",
            "slug": f"bench-{model._meta.model_name}-{number}",
        }
        for name in ("issuing_body", "organiser"):
            if name in field_names:
                fields[name] = body
        if image_field:
            fields[image_field] = images[number % len(images)]
        if hasattr(model, "summary"):
            fields["summary"] = f"Përmbledhje e shkurtër e faqes {number} për listat."
        if "date" in field_names and model is not event_models.MeetingPage:
            fields["date"] = today - datetime.timedelta(days=number)
        source = factory_class(parent=parents["sq"], locale=locales["sq"], **fields)
        for code, parent in parents.items():
            if code == "sq":
                continue
            translated = {
                **fields,
                "title": f"Bench {model._meta.verbose_name} {number} ({code})",
                "summary": f"Summary of page {number} ({code}).",
            }
            if not hasattr(model, "summary"):
                translated.pop("summary")
            for name in SHARED_FIELDS:
                if hasattr(source, name):
                    translated[name] = getattr(source, name)
            factory_class(
                parent=parent, locale=locales[code], translation_key=source.translation_key, **translated
            )
    return max(per_type - existing, 0)
