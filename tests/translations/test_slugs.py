"""Slugs are ASCII in every locale, made from the title, never a bare number (translations/slugs.py)."""

import importlib
import json
import re
import shutil
import subprocess
from urllib.parse import urlencode

import pytest
from django.apps import apps
from django.db.models import Value
from django.db.models.functions import Concat, Substr
from django.urls import reverse
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale, Page, get_page_models
from wagtail.test.utils.form_data import nested_form_data, streamfield
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.operations import translate_object

from home.localization import translate_with
from home.models import StandardPage
from translations.mixins import AsciiSlugMixin
from translations.slugs import ascii_slug, is_acceptable_slug, type_word
from translations.widgets import AsciiSlugInput

pytestmark = pytest.mark.django_db

LIGHTING = {
    "sq": "Vendimi për ndriçimin publik të Komunës",
    "sr": "Одлука о јавној расвети",
    "en": "Decision on public lighting",
}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (LIGHTING["sq"], "vendimi-per-ndricimin-publik-te-komunes"),
        ("Çështjet e Kuvendit të Komunës", "ceshtjet-e-kuvendit-te-komunes"),
        ("Komune\u0308s", "komunes"),  # ë typed as e and a combining diaeresis
        (LIGHTING["sr"], "odluka-o-javnoj-rasveti"),
        ("Ђурђевдан", "djurdjevdan"),
        ("Џамија", "dzamija"),
        ("џ", "dz"),
        ("ЉУБАВ И ЊЕГОШ, ЏЕП", "ljubav-i-njegos-dzep"),
        ("6. седница – Скупштина општине", "6-sednica-skupstina-opstine"),
        ("Čišćenje žute đačke staze", "ciscenje-zute-djacke-staze"),
        ("Đorđe Ćirić i Šćepan Žugić", "djordje-ciric-i-scepan-zugic"),
        (LIGHTING["en"], "decision-on-public-lighting"),
        ("The Mayor's office hours", "the-mayors-office-hours"),
        ("Budget 2026/27 — draft", "budget-2026-27-draft"),
        ("Monday to Friday, 08:00–16:00", "monday-to-friday-08-00-16-00"),
        ("  --Hello,   World!--  ", "hello-world"),
    ],
)
def test_ascii_slug(text, expected):
    assert ascii_slug(text) == expected


def test_a_number_is_prefixed_with_a_word_and_punctuation_gives_the_word():
    assert ascii_slug("2026") == "page-2026"
    assert ascii_slug("2026-27") == "page-2026-27"
    assert ascii_slug("6.", fallback="Седница") == "sednica-6"
    assert ascii_slug("!!! — ???") == "page"
    assert ascii_slug("", fallback="Одлука") == "odluka"
    assert ascii_slug(None) == "page"
    # A fallback that is itself a number is no word.
    assert ascii_slug("7", fallback="12") == "page-7"


def test_length():
    assert len(ascii_slug("a" * 300)) == 255
    assert ascii_slug(LIGHTING["sr"], max_length=9) == "odluka-o"
    assert ascii_slug("1234567890", max_length=8, fallback="sednica") == "sednica"


@pytest.mark.parametrize(
    ("slug", "acceptable"),
    [
        ("rasveta", True),
        ("Budget-2026", True),
        ("odluka_2026", True),
        ("6", False),
        ("2026-27", False),
        ("", False),
        ("календар", False),
        ("komunës", False),
        ("two words", False),
    ],
)
def test_acceptable_slugs(slug, acceptable):
    assert is_acceptable_slug(slug) is acceptable


def test_every_page_model_of_the_project_makes_ascii_slugs():
    project = {"home", "events", "documents", "search", "translations", "frontend_api", "cms"}
    models = [model for model in get_page_models() if model._meta.app_label in project]
    assert len(models) > 10
    assert all(issubclass(model, AsciiSlugMixin) for model in models)


# --- Pages ---------------------------------------------------------------------


def add_page(parent, title, slug="", **kwargs):
    page = StandardPage(title=title, slug=slug, **kwargs)
    parent.add_child(instance=page)
    return StandardPage.objects.get(pk=page.pk)


@pytest.mark.parametrize(
    ("language", "url"),
    [
        ("sq", "/vendimi-per-ndricimin-publik-te-komunes/"),
        ("sr", "/sr/odluka-o-javnoj-rasveti/"),
        ("en", "/en/decision-on-public-lighting/"),
    ],
)
def test_a_new_page_gets_its_slug_from_its_title(home_pages, language, url):
    page = add_page(home_pages[language], LIGHTING[language])
    assert page.url == url
    assert page.url_path == f"{home_pages[language].url_path}{url.strip('/').split('/')[-1]}/"


def test_a_slug_typed_in_another_script_is_transliterated(home_pages):
    assert add_page(home_pages["sr"], LIGHTING["sr"], "расвета").slug == "rasveta"
    assert add_page(home_pages["sq"], LIGHTING["sq"], "ndriçimi-i-komunës").slug == "ndricimi-i-komunes"


def test_a_numeric_slug_is_made_from_the_title(home_pages):
    assert add_page(home_pages["sr"], "6. седница Скупштине", "6").slug == "6-sednica-skupstine"
    assert add_page(home_pages["sq"], "Mbledhja e 6-të", "2026-27").slug == "mbledhja-e-6-te"


def test_a_numeric_title_gives_the_page_type_and_the_number(home_pages):
    page = add_page(home_pages["sr"], "2026")
    word = ascii_slug(type_word(StandardPage, "sr"))
    assert page.slug == f"{word}-2026"
    assert not is_acceptable_slug("2026") and is_acceptable_slug(page.slug)


def test_an_editors_ascii_slug_is_kept(home_pages):
    page = add_page(home_pages["sr"], LIGHTING["sr"], "rasveta-2026")
    assert page.slug == "rasveta-2026"
    page.title = "Измењена одлука о јавној расвети"
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.slug == "rasveta-2026"


def test_slugs_made_from_titles_are_unique_among_siblings(home_pages):
    parent = home_pages["sr"]
    slugs = [add_page(parent, LIGHTING["sr"]).slug for _ in range(3)]
    assert slugs == ["odluka-o-javnoj-rasveti", "odluka-o-javnoj-rasveti-2", "odluka-o-javnoj-rasveti-3"]
    # A converted slug that a sibling has already.
    add_page(parent, "Расвета", "rasveta")
    assert add_page(parent, "Расвета", "расвета").slug == "rasveta-2"
    # The same title under another parent is no clash.
    assert add_page(home_pages["en"], "Одлука о јавној расвети").slug == "odluka-o-javnoj-rasveti"


def test_a_slug_changed_to_cyrillic_is_converted_and_the_old_address_redirects(
    client, home_pages, django_capture_on_commit_callbacks
):
    page = add_page(home_pages["sr"], "Одлуке", "odluke")
    child = add_page(page, LIGHTING["sr"])
    assert child.url == "/sr/odluke/odluka-o-javnoj-rasveti/"

    page.slug = "нове-одлуке"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    page.refresh_from_db()
    child.refresh_from_db()
    assert page.slug == "nove-odluke"
    assert child.url_path == f"{home_pages['sr'].url_path}nove-odluke/odluka-o-javnoj-rasveti/"
    # Wagtail's own redirect on a slug change.
    response = client.get("/sr/odluke/odluka-o-javnoj-rasveti/")
    assert response.status_code == 301
    assert response["Location"] == "/sr/nove-odluke/odluka-o-javnoj-rasveti/"


# --- The admin -----------------------------------------------------------------


def page_form(title, slug):
    data = nested_form_data({"title": title, "slug": slug, "summary": "", "body": streamfield([])})
    return data


def test_the_admin_converts_a_cyrillic_slug_instead_of_refusing_it(admin_client, home_pages):
    parent = home_pages["sr"]
    add_page(parent, "Расвета", "rasveta")
    url = reverse("wagtailadmin_pages:add", args=["home", "standardpage", parent.pk])
    for slug, expected in [("одлука-о-јавној-расвети", "odluka-o-javnoj-rasveti"), ("расвета", "rasveta-2")]:
        response = admin_client.post(url, page_form(LIGHTING["sr"], slug))
        assert response.status_code == 302, response.context["form"].errors if response.context else response
        assert StandardPage.objects.child_of(parent).filter(slug=expected).exists()


def test_the_admin_slug_field_transliterates_in_the_browser(admin_client, home_pages):
    url = reverse("wagtailadmin_pages:add", args=["home", "standardpage", home_pages["sr"].pk])
    html = admin_client.get(url).content.decode()
    slug_input = re.search(r'<input[^>]*name="slug"[^>]*>', html).group(0)
    assert 'data-controller="w-slug"' in slug_input
    assert "data-w-slug-formatters-value=" in slug_input
    # WAGTAIL_ALLOW_UNICODE_SLUGS is off: the attribute is left out and the controller's default (off) applies.
    assert "data-w-slug-allow-unicode-value" not in slug_input


# The steps of Wagtail's slug controller (CleanController) once WAGTAIL_ALLOW_UNICODE_SLUGS is off:
# the formatters, then ``slugify`` for a typed slug (on blur) or ``urlify`` for the title.
CLEAN_CONTROLLER = r"""
const [formatters, values] = JSON.parse(process.argv[1]);
const format = (value) =>
  formatters.reduce((text, [[pattern, flags], replacement]) => text.replaceAll(new RegExp(pattern, flags), replacement), value.trim());
const slugify = (value) => value.replace(/\s+/g, "-").replace(/[^A-Za-z0-9\-_]/g, "").toLowerCase();
const urlify = (value) =>
  value.toLowerCase().replace(/[^-\w\s]/g, "").replace(/[-\s]+/g, "-").substring(0, 255).replace(/-+$/g, "");
console.log(JSON.stringify(values.map((value) => [slugify(format(value)), urlify(format(value))])));
"""


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js")
def test_the_browser_makes_the_slugs_the_server_makes():
    formatters = json.loads(AsciiSlugInput().attrs["data-w-slug-formatters-value"])
    titles = [LIGHTING["sq"], LIGHTING["sr"], "Ђурђевдан у Џепу", "Šćepan Žugić", "The Mayor's office hours"]
    result = subprocess.run(
        ["node", "-e", CLEAN_CONTROLLER, json.dumps([formatters, [*titles, "komunës", "одлука-о-расвети"]])],
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
    )
    cleaned = json.loads(result.stdout)
    assert [urlified for _slugified, urlified in cleaned[: len(titles)]] == [ascii_slug(t) for t in titles]
    assert [slugified for slugified, _urlified in cleaned[len(titles) :]] == ["komunes", "odluka-o-rasveti"]


# --- Translations (wagtail-localize) -------------------------------------------


@pytest.fixture
def albanian_page(home_pages, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page = add_page(home_pages["sq"], LIGHTING["sq"])
    return page


def serbian_of(page):
    return StandardPage.objects.get(translation_key=page.translation_key, locale__language_code="sr")


def test_a_translation_with_a_cyrillic_slug_in_the_editor_gets_the_latin_slug(
    admin_client, albanian_page, django_capture_on_commit_callbacks
):
    serbian = Locale.objects.get(language_code="sr")
    with django_capture_on_commit_callbacks(execute=True):
        translate_object(albanian_page, [serbian])
    target = serbian_of(albanian_page)
    # Until the translator types one, the translation has the source's slug.
    assert target.slug == albanian_page.slug
    translation = Translation.objects.get(
        source__object_id=albanian_page.translation_key, target_locale=serbian
    )

    # The translator types the title and a Cyrillic slug in the translation editor.
    for path, value in [("title", LIGHTING["sr"]), ("slug", "одлука-о-јавној-расвети")]:
        segment = StringSegment.objects.get(source=translation.source, context__path=path)
        response = admin_client.put(
            reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
            urlencode({"value": value}),
            content_type="application/x-www-form-urlencoded; charset=utf-8",
        )
        assert response.status_code in (200, 201)
    assert response.json()["data"] == "odluka-o-javnoj-rasveti"

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("wagtailadmin_pages:edit", args=[target.pk]), {"action": "publish"}
        )
    assert response.status_code == 302
    target = serbian_of(albanian_page)
    assert (target.title, target.slug, target.live) == (LIGHTING["sr"], "odluka-o-javnoj-rasveti", True)
    assert target.url == "/sr/odluka-o-javnoj-rasveti/"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("6-седница", "6-sednica"),  # wagtail-localize alone would keep "6" of it
        ("6", "6-sednica-skupstine"),
        ("", "6-sednica-skupstine"),
        ("sednica-6", "sednica-6"),
    ],
)
def test_a_translated_slug(albanian_page, django_capture_on_commit_callbacks, typed, expected):
    translations = {"title": "6. седница Скупштине", "slug": typed or None}
    with django_capture_on_commit_callbacks(execute=True):
        page = translate_with(albanian_page, "sr", lambda text, path: translations.get(path))
    assert page.slug == expected


def test_a_stored_translated_slug_is_latin(albanian_page):
    string_translation = translate_slug(albanian_page, "sr", "Одлука о јавној расвети")
    assert string_translation.data == "odluka-o-javnoj-rasveti"


def translate_slug(page, language, data):
    from wagtail_localize.models import TranslationSource

    source, _created = TranslationSource.get_or_create_from_instance(page)
    segment = StringSegment.objects.get(source=source, context__path="slug")
    return StringTranslation.objects.create(
        translation_of=segment.string,
        locale=Locale.objects.get(language_code=language),
        context=segment.context,
        data=data,
    )


# --- The migration -------------------------------------------------------------


def run_migration():
    module = importlib.import_module("translations.migrations.0005_ascii_page_slugs")
    module.fix_page_slugs(apps, None)


def make_legacy(page, slug):
    """Give ``page`` the slug it would have had before (bypassing the save hook), as its subtree's url_path."""
    page = Page.objects.get(pk=page.pk)
    old = page.url_path
    new = page.get_parent().url_path + slug + "/"
    Page.objects.filter(pk=page.pk).update(slug=slug)
    Page.objects.filter(path__startswith=page.path).update(
        url_path=Concat(Value(new), Substr("url_path", len(old) + 1))
    )
    revision = page.latest_revision
    if revision is not None:
        revision.content = {**revision.content, "slug": slug}
        revision.save(update_fields=["content"])


def test_the_migration_fixes_old_slugs_and_redirects_the_old_addresses(
    client, home_pages, albanian_page, django_capture_on_commit_callbacks
):
    sr, sq = home_pages["sr"], home_pages["sq"]
    calendar = add_page(sr, "Календар", "kalendar")
    session = add_page(calendar, "6. седница – Скупштина општине", "6-sednica-skupstina-opstine")
    session.save_revision()
    agenda = add_page(session, "Дневни ред", "dnevni-red")
    taken = add_page(calendar, "Седница", "sednica")
    numbered = add_page(calendar, "Седница", "sednica-x")
    decisions = add_page(sr, "Одлуке", "odluke")
    decision = add_page(decisions, LIGHTING["sr"], "odluka-o-javnoj-rasveti")
    draft = add_page(decisions, "Нацрт", "nacrt", live=False)
    komuna = add_page(sq, "Vendimet e Komunës", "vendimet-e-komunes")
    with django_capture_on_commit_callbacks(execute=True):
        translated = translate_with(albanian_page, "sr", lambda text, path: {"title": "7. седница"}.get(path))
    assert translated.slug == "7-sednica"

    make_legacy(session, "6")
    make_legacy(numbered, "7")
    make_legacy(decisions, "одлуке")
    make_legacy(draft, "нацрт")
    make_legacy(komuna, "vendimet-e-komunës")
    make_legacy(translated, "7")
    StringTranslation.objects.filter(context__path="slug", locale__language_code="sr").update(data="7")

    before = set(Redirect.objects.values_list("pk", flat=True))
    run_migration()

    def current(page):
        return Page.objects.get(pk=page.pk)

    assert current(session).slug == "6-sednica-skupstina-opstine"
    assert current(agenda).url_path == f"{sr.url_path}kalendar/6-sednica-skupstina-opstine/dnevni-red/"
    # Made from the title, and not the slug its sibling has.
    assert current(numbered).slug == "sednica-2"
    assert current(decisions).slug == "odluke"
    assert current(decision).url_path == f"{sr.url_path}odluke/odluka-o-javnoj-rasveti/"
    assert current(draft).slug == "nacrt"
    assert current(komuna).slug == "vendimet-e-komunes"
    assert current(translated).slug == "7-sednica"
    assert current(taken).slug == "sednica"
    # The next publication and the next synchronisation of the translation keep the new slugs.
    assert current(session).latest_revision.content["slug"] == "6-sednica-skupstina-opstine"
    assert StringTranslation.objects.get(context__path="slug", locale__language_code="sr").data == "7-sednica"

    made = Redirect.objects.exclude(pk__in=before)
    redirects = dict(made.values_list("old_path", "redirect_page_id"))
    assert redirects == {
        "/sr/kalendar/6": session.pk,
        "/sr/kalendar/6/dnevni-red": agenda.pk,
        "/sr/kalendar/7": numbered.pk,
        "/sr/одлуке": decisions.pk,
        "/sr/одлуке/odluka-o-javnoj-rasveti": decision.pk,
        "/vendimet-e-komunës": komuna.pk,
        "/sr/7": translated.pk,
    }
    assert all(redirect.is_permanent and redirect.site_id for redirect in made)

    for old, new in [
        ("/sr/kalendar/6/", "/sr/kalendar/6-sednica-skupstina-opstine/"),
        ("/sr/kalendar/6/dnevni-red/", "/sr/kalendar/6-sednica-skupstina-opstine/dnevni-red/"),
        ("/sr/%D0%BE%D0%B4%D0%BB%D1%83%D0%BA%D0%B5/", "/sr/odluke/"),
        (
            "/sr/%D0%BE%D0%B4%D0%BB%D1%83%D0%BA%D0%B5/odluka-o-javnoj-rasveti/",
            "/sr/odluke/odluka-o-javnoj-rasveti/",
        ),
        ("/vendimet-e-komun%C3%ABs/", "/vendimet-e-komunes/"),
        ("/sr/7/", "/sr/7-sednica/"),
    ]:
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, new), old
        assert client.get(new).status_code == 200, new

    # Run again: nothing left to fix.
    run_migration()
    assert Redirect.objects.exclude(pk__in=before).count() == len(redirects)
