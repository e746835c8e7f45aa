"""The home page of every locale, translated through wagtail-localize."""

from home.localization import translate_with
from home.setup import default_home_page, ensure_home_translations

HOME = {
    "title": {"sq": "Komuna", "sr": "Општина", "en": "Municipality"},
    "intro": {
        "sq": "Zyra për Komunikim dhe Informim informon qytetarët rregullisht për punën e Kuvendit të Komunës, "
        "Kryetarit të Komunës dhe të gjitha organeve të pushtetit lokal.",
        "sr": "Канцеларија за комуникацију и информисање редовно обавештава грађане о раду Скупштине општине, "
        "председника општине и свих органа локалне власти.",
        "en": "The Office for Communication and Information keeps citizens regularly informed about the work of the "
        "Municipal Assembly, the Mayor and every body of local government.",
    },
}


def _translator(language):
    def translate(text, path):
        if path == "slug":
            return f"home-{language}"
        for values in HOME.values():
            if text.strip() == values["sq"]:
                return values[language]
        return None

    return translate


def load(ctx):
    ctx.write("Home pages in every locale")
    home = default_home_page()
    if home.title != HOME["title"]["sq"] or home.intro != f"<p>{HOME['intro']['sq']}</p>":
        home.title = HOME["title"]["sq"]
        home.intro = f"<p>{HOME['intro']['sq']}</p>"
        home.save_revision().publish()
        ctx.count("home pages", True)
    pages = ensure_home_translations()
    for code, page in pages.items():
        if page.pk != home.pk and page.title != HOME["title"][code]:
            translate_with(home, page.locale, _translator(code))
            ctx.count("home pages", True)
    return pages
