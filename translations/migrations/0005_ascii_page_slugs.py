"""Existing pages get ASCII slugs (translations/slugs.py); their old addresses redirect to them.

A slug that is not ASCII (Cyrillic, or Albanian with ë and ç, shown
percent-encoded in addresses) is transliterated; one that is a bare number
(``/sr/kalendar/6/``: wagtail-localize's slugify of "6. седница …") or empty
is made from the page's title. Siblings keep distinct slugs (``-2``, ``-3``).

``url_path`` is recomputed for those pages and their descendants, by walking
the tree in ``path`` order (historical models have no tree methods). Every
former address of a live page becomes a permanent redirect to the page, per
site, as the site served it: Albanian without a prefix, other locales under
``/sr/``, ``/en/`` (cms/urls.py). The page's latest revision and its
translated slug segment (wagtail-localize) get the new slug too, so that the
next publication or synchronisation keeps it.
"""

from collections import defaultdict

from django.conf import settings
from django.db import migrations
from django.utils.encoding import uri_to_iri

from translations.slugs import first_free, is_acceptable_slug, slug_base, type_word

STEPLEN = 4  # treebeard's path step, as Wagtail's Page uses it


def _served_path(url_path, root_url_path, language_code):
    """The address a page had on a site: its path below the locale's root, with the language prefix."""
    prefix = "" if language_code == settings.LANGUAGE_CODE else f"/{language_code}"
    return prefix + "/" + url_path[len(root_url_path) :]


def normalise_path(path):
    """As wagtail.contrib.redirects' Redirect.normalise_path, for a path without query or parameters."""
    path = path.strip()
    if not path.startswith("/"):
        path = "/" + path
    if path.endswith("/") and len(path) > 1:
        path = path[:-1]
    return uri_to_iri(path)


def _type_words(apps, content_types):
    """The page type's name in a language (``ascii_slug``'s fallback), by content type id and language."""
    words = {}

    def word(content_type_id, language):
        if (content_type_id, language) not in words:
            content_type = content_types.get(content_type_id)
            try:
                model = apps.get_model(content_type["app_label"], content_type["model"]) if content_type else None
            except LookupError:
                model = None
            words[content_type_id, language] = type_word(model, language) if model is not None else "page"
        return words[content_type_id, language]

    return word


def fix_page_slugs(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Locale = apps.get_model("wagtailcore", "Locale")
    Site = apps.get_model("wagtailcore", "Site")
    Revision = apps.get_model("wagtailcore", "Revision")
    Redirect = apps.get_model("wagtailredirects", "Redirect")
    StringTranslation = apps.get_model("wagtail_localize", "StringTranslation")
    ContentType = apps.get_model("contenttypes", "ContentType")

    languages = dict(Locale.objects.values_list("pk", "language_code"))
    type_word_of = _type_words(apps, {ct["id"]: ct for ct in ContentType.objects.values("id", "app_label", "model")})
    pages = list(
        Page.objects.order_by("path").values(
            "pk",
            "path",
            "depth",
            "slug",
            "title",
            "url_path",
            "live",
            "locale_id",
            "translation_key",
            "content_type_id",
            "latest_revision_id",
        )
    )
    taken = defaultdict(set)  # parent path → its children's slugs
    for page in pages:
        taken[page["path"][:-STEPLEN]].add(page["slug"])

    by_path = {}
    changed = []  # (page, old slug, old url_path): the slug changed, or an ancestor's did
    affected = set()  # the paths of those pages
    for page in pages:
        parent_path = page["path"][:-STEPLEN]
        parent = by_path.get(parent_path)
        old_slug, old_url_path = page["slug"], page["url_path"]
        if page["depth"] > 1 and not is_acceptable_slug(old_slug):
            language = languages.get(page["locale_id"], settings.LANGUAGE_CODE)
            word = type_word_of(page["content_type_id"], language)
            siblings = taken[parent_path]
            siblings.discard(old_slug)
            page["slug"] = first_free(slug_base(old_slug, page["title"], word), siblings.__contains__)
            siblings.add(page["slug"])
        if parent is not None and (page["slug"] != old_slug or parent_path in affected):
            page["url_path"] = parent["url_path"] + page["slug"] + "/"
            affected.add(page["path"])
            changed.append((page, old_slug, old_url_path))
        by_path[page["path"]] = page

    if not changed:
        return

    for page, old_slug, _old_url_path in changed:
        Page.objects.filter(pk=page["pk"]).update(slug=page["slug"], url_path=page["url_path"])
        if page["slug"] == old_slug:
            continue
        revision = Revision.objects.filter(pk=page["latest_revision_id"]).first()
        if revision is not None and isinstance(revision.content, dict) and revision.content.get("slug") == old_slug:
            revision.content = {**revision.content, "slug": page["slug"]}
            revision.save(update_fields=["content"])
        StringTranslation.objects.filter(
            context__object_id=page["translation_key"], context__path="slug", locale_id=page["locale_id"]
        ).update(data=page["slug"])

    _redirect_old_addresses(Site, Redirect, pages, by_path, changed, languages)

    from wagtail.models import Site as CurrentSite

    CurrentSite.clear_site_root_paths_cache()


def _redirect_old_addresses(Site, Redirect, pages, by_path, changed, languages):
    old_url_paths = {page["pk"]: old for page, _slug, old in changed}
    by_pk = {page["pk"]: page for page in by_path.values()}
    for site in Site.objects.all():
        root = by_pk.get(site.root_page_id)
        if root is None:
            continue
        # The site's root in every locale: its translations (each locale's home page).
        roots = [page for page in pages if page["translation_key"] == root["translation_key"]]
        root_pks = {page["pk"] for page in roots}
        for page, _slug, old_url_path in changed:
            if not page["live"] or page["pk"] in root_pks:
                continue
            locale_root = _locale_root(page, old_url_path, roots, old_url_paths)
            if locale_root is None:
                continue
            root_old = old_url_paths.get(locale_root["pk"], locale_root["url_path"])
            language = languages.get(locale_root["locale_id"], settings.LANGUAGE_CODE)
            old_path = normalise_path(_served_path(old_url_path, root_old, language))
            new_path = normalise_path(_served_path(page["url_path"], locale_root["url_path"], language))
            if old_path == new_path:
                continue
            existing = Redirect.objects.filter(old_path=old_path, site_id=site.pk).first()
            if existing is None:
                Redirect.objects.create(
                    old_path=old_path,
                    site_id=site.pk,
                    is_permanent=True,
                    redirect_page_id=page["pk"],
                    automatically_created=True,
                )
            elif existing.automatically_created:
                existing.redirect_page_id = page["pk"]
                existing.redirect_page_route_path = ""
                existing.redirect_link = ""
                existing.is_permanent = True
                existing.save()


def _locale_root(page, old_url_path, roots, old_url_paths):
    """The locale root the page was served under: its own locale's first, as Wagtail prefers."""
    under = [root for root in roots if old_url_path.startswith(old_url_paths.get(root["pk"], root["url_path"]))]
    own = [root for root in under if root["locale_id"] == page["locale_id"]]
    return (own or under or [None])[0]


class Migration(migrations.Migration):
    dependencies = [
        ("translations", "0004_editorial_setup"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(fix_page_slugs, migrations.RunPython.noop)]
