"""Category indexes, at least five items of every page type and the site-wide snippets, in sq/sr/en.

Albanian pages are the sources; Serbian and English are real wagtail-localize
translations (``translate_with``), so translators can keep them in sync.
Vacancy and announcement dates are relative to the day the data is loaded, so
some vacancies are open and some closed, some announcements current and some
expired.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from home import models
from home.editorial import ensure_editorial_setup
from home.localization import translate_with
from home.setup import ensure_home_translations
from translations.conf import official_act_types
from translations.slugs import ascii_slug as _ascii_slug

from . import content_text as text
from .images import ensure_image

LANGUAGES = ("sr", "en")


def ascii_slug(title):
    """A Latin, ASCII slug, also for Serbian Cyrillic titles (URLs stay readable everywhere)."""
    return _ascii_slug(title, 80)


class Translations:
    """Every demo string by its Albanian source, for the translate callback."""

    def __init__(self):
        self.by_source = {}

    def add(self, values):
        self.by_source[values["sq"].strip()] = values
        return values["sq"]

    def translator(self, language, slug=None):
        def translate(source, path):
            if path == "slug":
                return slug
            values = self.by_source.get(source.strip())
            return values[language] if values else None

        return translate


def _body(category, summary, strings):
    closing = {code: f"{summary[code]} {text.BODY_CLOSING[category][code]}" for code in summary}
    strings.add(closing)
    strings.add(text.BODY_HEADING)
    return [
        ("heading", {"text": text.BODY_HEADING["sq"], "level": "h2"}),
        ("paragraph", f"<p>{closing['sq']}</p>"),
    ]


def _official(page):
    return page._meta.label_lower in official_act_types()


def _save(page):
    """Save a revision; publish it unless the page is an official act (it waits for its translation)."""
    revision = page.save_revision()
    if not _official(page):
        revision.publish()


def _ensure_page(parent, model, slug, **fields):
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing, False
    page = model(slug=slug, locale=parent.locale, **fields)
    page.live = not _official(page)
    with transaction.atomic():
        parent.add_child(instance=page)
        _save(page)
    return page, True


def _translate(ctx, page, strings, slugs, label):
    for code in LANGUAGES:
        if page.has_translation(Locale.objects.get(language_code=code)):
            continue
        translate_with(page, code, strings.translator(code, slugs[code]))
        ctx.count(label, True)


def _item_slugs(slug, title):
    return {"sr": ascii_slug(title["sr"]), "en": ascii_slug(title["en"]), "sq": slug}


def load(ctx):
    ctx.write("Category indexes, content pages of every type and site content in every locale")
    homes = ensure_home_translations()
    home = homes["sq"]
    strings = Translations()
    today = timezone.localdate()
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    bodies = {body.slug: body for body in models.Body.objects.all()}
    departments = {department.slug: department for department in models.Department.objects.all()}
    topics = {topic.slug: topic for topic in models.Topic.objects.all()}

    indexes = {}
    for name, (slugs, titles) in text.INDEXES.items():
        model = getattr(models, name)
        strings.add(titles)
        summary = strings.add(text.INDEX_SUMMARIES[name])
        index, created = _ensure_page(home, model, slugs["sq"], title=titles["sq"], summary=summary)
        ctx.count("index pages", created)
        _translate(ctx, index, strings, slugs, "index pages")
        indexes[name] = index

    def item(index_name, model, slug, title, summary, **fields):
        strings.add(title)
        strings.add(summary)
        page, created = _ensure_page(
            indexes[index_name],
            model,
            slug,
            title=title["sq"],
            summary=summary["sq"],
            body=_body(model.__name__, summary, strings),
            **fields,
        )
        ctx.count("content pages", created)
        return page

    def described_image(name, images, slug, with_caption=True):
        """The image field ``name`` of the page ``slug`` with its texts (added for translation)."""
        if slug not in images:
            return {}
        filename, colours, alt, caption = images[slug]
        fields = {name: ensure_image(ctx, filename, colours), f"{name}_alt": strings.add(alt)}
        if with_caption:
            fields[f"{name}_caption"] = strings.add(caption)
        return fields

    pages = {}
    for slug, title, summary, topic_slugs in text.NEWS:
        page = item(
            "NewsIndexPage",
            models.NewsPage,
            slug,
            title,
            summary,
            date=today - datetime.timedelta(days=len(pages)),
            **described_image("lead_image", text.NEWS_IMAGES, slug),
            # The same photo on the news listing's card, which shows no caption.
            **described_image("listing_image", text.NEWS_IMAGES, slug, with_caption=False),
        )
        if not page.topics.exists():
            page.topics.set([topics[s] for s in topic_slugs if s in topics])
            _save(page)
        pages[slug] = page

    for slug, title, summary, kind, date_offset, valid_offset in text.ANNOUNCEMENTS:
        pages[slug] = item(
            "AnnouncementIndexPage",
            models.AnnouncementPage,
            slug,
            title,
            summary,
            kind=kind,
            date=today + datetime.timedelta(days=date_offset),
            valid_until=None if valid_offset is None else today + datetime.timedelta(days=valid_offset),
        )

    for slug, title, summary, number, adopted, body_slug in text.DECISIONS:
        pages[slug] = item(
            "DecisionIndexPage",
            models.DecisionPage,
            slug,
            title,
            summary,
            number=number,
            date_adopted=datetime.date.fromisoformat(adopted),
            issuing_body=bodies[body_slug],
        )
    repealed, repealing = (pages[slug] for slug in text.REPEALED)
    if repealed.status != models.DecisionPage.Status.REPEALED:
        repealed.status = models.DecisionPage.Status.REPEALED
        repealed.repealed_by = repealing
        _save(repealed)

    for slug, title, summary, number, adopted, in_force, body_slug in text.REGULATIONS:
        pages[slug] = item(
            "RegulationIndexPage",
            models.RegulationPage,
            slug,
            title,
            summary,
            number=number,
            date_adopted=datetime.date.fromisoformat(adopted),
            in_force_from=in_force and datetime.date.fromisoformat(in_force),
            issuing_body=bodies[body_slug],
        )
    taxes = pages["rregullore-per-taksat-komunale"]
    if not taxes.amendments.exists():
        taxes.amendments.create(
            number="01-016/2025",
            date_adopted=datetime.date(2025, 12, 18),
            decision=pages[text.DECISIONS[0][0]],
        )
        _save(taxes)

    for slug, title, summary, kind, opens, closes, department in text.VACANCIES:
        pages[slug] = item(
            "VacancyIndexPage",
            models.VacancyPage,
            slug,
            title,
            summary,
            kind=kind,
            opens_at=now + datetime.timedelta(days=opens),
            deadline=(now + datetime.timedelta(days=closes)).replace(hour=16),
            department=departments.get(department),
        )

    for slug, title, summary, kind, issue, date in text.PUBLICATIONS:
        pages[slug] = item(
            "PublicationIndexPage",
            models.PublicationPage,
            slug,
            title,
            summary,
            kind=kind,
            issue_number=issue,
            date=datetime.date.fromisoformat(date),
            **described_image("cover_image", text.PUBLICATION_COVERS, slug),
        )

    for slug, title, summary, goals, starts, ends in text.CAMPAIGNS:
        strings.add(goals)
        page = item(
            "CampaignIndexPage",
            models.CampaignPage,
            slug,
            title,
            summary,
            goals=f"<p>{goals['sq']}</p>",
            starts_on=datetime.date.fromisoformat(starts),
            ends_on=ends and datetime.date.fromisoformat(ends),
        )
        pages[slug] = page
    transparency = pages["fushata-per-transparence"]
    if not transparency.related_pages.exists():
        for slug in (
            "takim-me-shoqerine-civile",
            "fletepalosje-qasja-ne-dokumente",
            "rregullore-per-transparence",
        ):
            transparency.related_pages.create(page=pages[slug])
        _save(transparency)

    for slug, title, summary in text.STANDARD_PAGES:
        strings.add(title)
        strings.add(summary)
        page, created = _ensure_page(
            home,
            models.StandardPage,
            slug,
            title=title["sq"],
            summary=summary["sq"],
            body=_body("StandardPage", summary, strings),
        )
        ctx.count("content pages", created)
        pages[slug] = page

    for slug, page in pages.items():
        _translate(ctx, page, strings, _item_slugs(slug, strings.by_source[page.title]), "page translations")
    for page in pages.values():
        if _official(page) and page.has_unpublished_changes:
            # Official acts go live together with their Serbian translation (translations/gate.py).
            page.get_latest_revision().publish()

    _load_site_content(ctx, strings, pages, indexes)
    ensure_editorial_setup()
    return pages


def _load_site_content(ctx, strings, pages, indexes):
    sq = Locale.objects.get(language_code="sq")
    menu = models.MainMenu.objects.filter(locale=sq).first()
    if menu is None:
        menu = models.MainMenu.objects.create(
            locale=sq,
            items=[("item", {"label": "", "link": {"page": index, "url": ""}}) for index in indexes.values()]
            + [("item", {"label": "", "link": {"page": pages["kontakti"], "url": ""}})],
        )
        ctx.count("site content", True)

    for key in ("office_name", "address", "opening_hours", "footer", "social_title"):
        strings.add(text.SITE[key])
    contact = models.OfficeContact.objects.filter(locale=sq).first()
    if contact is None:
        contact = models.OfficeContact.objects.create(
            locale=sq,
            office_name=text.SITE["office_name"]["sq"],
            address=text.SITE["address"]["sq"],
            phone="+383 38 000 000",
            email="zkki@komuna.example",
            opening_hours=text.SITE["opening_hours"]["sq"],
        )
        ctx.count("site content", True)
    footer = models.Footer.objects.filter(locale=sq).first()
    if footer is None:
        footer = models.Footer.objects.create(
            locale=sq,
            text=f"<p>{text.SITE['footer']['sq']}</p>",
            links=[
                ("item", {"label": "", "link": {"page": pages[slug], "url": ""}})
                for slug in ("rreth-zyres", "kodi-i-miresjelljes", "qasja-ne-dokumente-publike")
            ],
        )
        ctx.count("site content", True)
    social = models.SocialLinks.objects.filter(locale=sq).first()
    if social is None:
        social = models.SocialLinks.objects.create(
            locale=sq,
            title=text.SITE["social_title"]["sq"],
            links=[
                ("link", {"network": "facebook", "url": "https://www.facebook.com/komuna.example"}),
                ("link", {"network": "youtube", "url": "https://www.youtube.com/@komuna.example"}),
            ],
        )
        ctx.count("site content", True)
    for snippet in (menu, contact, footer, social):
        for code in LANGUAGES:
            if not snippet.has_translation(Locale.objects.get(language_code=code)):
                translate_with(snippet, code, strings.translator(code))
                ctx.count("site content", True)


def ensure_in_main_menu(ctx, page, position):
    """Put ``page`` (an Albanian source page) at ``position`` in the main menu of every locale.

    Apps whose pages load after the site content (the calendar) add their entry this way; the
    Serbian and English menus are synchronised from the Albanian one.
    """
    sq = Locale.objects.get(language_code="sq")
    menu = models.MainMenu.objects.filter(locale=sq).order_by("pk").first()
    items = [
        ("item", {"label": item.value["label"], "link": dict(item.value["link"])}) for item in menu.items
    ]
    if any(getattr(item["link"].get("page"), "pk", None) == page.pk for _type, item in items):
        return
    items.insert(position, ("item", {"label": "", "link": {"page": page, "url": ""}}))
    menu.items = items
    menu.save()
    for code in LANGUAGES:
        translate_with(menu, code, lambda source, path: None)
    ctx.count("site content", True)
