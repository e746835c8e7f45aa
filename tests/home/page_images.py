"""A news item whose images are described in sq, sr and en, translated through wagtail-localize."""

import datetime
import json

from wagtail_factories import ImageFactory

from home.factories import NewsPageFactory, PublicationPageFactory
from home.localization import translate_with


def t(sq, sr, en):
    return {"sq": sq, "sr": sr, "en": en}


LEAD_ALT = t(
    "Këshilltarët e Kuvendit të Komunës votojnë buxhetin në sallën e mbledhjeve",
    "Одборници Скупштине општине гласају о буџету у сали за седнице",
    "Members of the Municipal Assembly vote on the budget in the assembly hall",
)
LEAD_CAPTION = t(
    "Foto: Zyra për Komunikim dhe Informim",
    "Фото: Канцеларија за комуникацију и информисање",
    "Photo: Office for Communication and Information",
)
LISTING_ALT = t("Salla e Kuvendit të Komunës", "Сала Скупштине општине", "Municipal Assembly hall")
BLOCK_ALT = t(
    "Sheshi para ndërtesës së komunës",
    "Трг испред зграде општине",
    "The square in front of the municipal building",
)
BLOCK_CAPTION = t("Sheshi pas rinovimit", "Трг после обнове", "The square after its renovation")
COVER_ALT = t(
    "Kopertina e buletinit me pamje të qendrës së qytetit",
    "Корица билтена са погледом на центар града",
    "Cover of the bulletin showing the town centre",
)
COVER_CAPTION = t("Buletini komunal nr. 12", "Општински билтен бр. 12", "Municipal bulletin no. 12")
TITLES = t("Kuvendi miraton buxhetin", "Скупштина усвојила буџет", "Assembly adopts the budget")
PUBLICATION_TITLES = t("Buletini komunal", "Општински билтен", "Municipal bulletin")
INDEX_SLUGS = {
    "news": {"sr": "vesti", "en": "news"},
    "publications": {"sr": "publikacije", "en": "publications"},
}
TEXTS = [LEAD_ALT, LEAD_CAPTION, LISTING_ALT, BLOCK_ALT, BLOCK_CAPTION, COVER_ALT, COVER_CAPTION, TITLES]
TEXTS.append(PUBLICATION_TITLES)

#: Library titles as uploaders type them: file names, never alternative text.
FILE_TITLES = ("DSC_0412", "IMG_2041", "IMG_3310", "scan_kopertina")


def translator(language, slug):
    by_source = {values["sq"]: values[language] for values in TEXTS}

    def translate(text, path):
        if path == "slug":
            return slug
        return by_source.get(text.strip())

    return translate


def described_pages(indexes, django_capture_on_commit_callbacks):
    """{"news": {code: page}, "publication": {code: page}}, translated with wagtail-localize."""
    lead, listing, block, cover = (ImageFactory(title=title) for title in FILE_TITLES)
    news = NewsPageFactory(
        parent=indexes["news"],
        title=TITLES["sq"],
        slug="kuvendi-miraton-buxhetin",
        date=datetime.date(2026, 3, 2),
        lead_image=lead,
        lead_image_alt=LEAD_ALT["sq"],
        lead_image_caption=LEAD_CAPTION["sq"],
        listing_image=listing,
        listing_image_alt=LISTING_ALT["sq"],
        body=json.dumps(
            [
                {
                    "type": "image",
                    "value": {"image": block.pk, "alt_text": BLOCK_ALT["sq"], "caption": BLOCK_CAPTION["sq"]},
                }
            ]
        ),
    )
    publication = PublicationPageFactory(
        parent=indexes["publications"],
        title=PUBLICATION_TITLES["sq"],
        slug="buletini-komunal",
        date=datetime.date(2026, 4, 1),
        cover_image=cover,
        cover_image_alt=COVER_ALT["sq"],
        cover_image_caption=COVER_CAPTION["sq"],
    )
    result = {"news": {"sq": news}, "publication": {"sq": publication}}

    def translate(page, code, slug):
        # Each translation published (on commit) before the next one adds a page under it.
        with django_capture_on_commit_callbacks(execute=True):
            return translate_with(page, code, translator(code, slug))

    for code in ("sr", "en"):
        for name in ("news", "publications"):
            translate(indexes[name], code, INDEX_SLUGS[name][code])
        result["news"][code] = translate(news, code, f"assembly-budget-{code}")
        result["publication"][code] = translate(publication, code, f"bulletin-{code}")
    for pages in result.values():
        for code, page in pages.items():
            pages[code] = type(page).objects.get(pk=page.pk)
    return result
