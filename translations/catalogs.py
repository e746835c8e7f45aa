"""The translation catalogs of the admin and the site, in ``locale/`` (``LOCALE_PATHS``).

* ``locale/<lang>/LC_MESSAGES/django.po``: the project's own strings (templates,
  models, forms, e-mails), extracted by ``makemessages``;
* ``locale/vendor/<lang>/LC_MESSAGES/django.po`` and ``djangojs.po``: the strings
  of the packages whose screens editors and translators use (Wagtail's admin and
  contrib apps, wagtail-localize), which ship no Albanian and almost no Serbian.
  ``update_catalogs`` refreshes them from the packages' source-language catalogs,
  keeping every translation already made;
* Serbian Latin (``sr_Latn``) is never translated: ``build_catalogs`` derives it
  from the Cyrillic catalogs with the project's transliterator, then compiles
  every catalog (``.mo`` files are build output, not committed).
"""

from pathlib import Path

from django.conf import settings

from .transliteration import to_latin

LANGUAGES = ("sq", "sr")
LATIN = "sr_Latn"
DOMAINS = ("django", "djangojs")
#: What ``makemessages`` leaves out of the project's catalogs (its strings are in the code elsewhere).
PROJECT_IGNORE_PATTERNS = ("var/*", "tests/*", "bench/*", "locale/*", "docs/*")
#: The packages whose admin screens staff see, by import name.
VENDOR_PACKAGES = ("wagtail", "wagtail_localize")
PLURAL_FORMS = {
    "sq": "nplurals=2; plural=(n != 1);",
    "sr": (
        "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
        "(n%100<10 || n%100>=20) ? 1 : 2);"
    ),
}
PLURAL_FORMS[LATIN] = PLURAL_FORMS["sr"]


def project_dir():
    return Path(settings.BASE_DIR) / "locale"


def vendor_dir():
    return project_dir() / "vendor"


def catalog_path(base, language, domain="django"):
    return Path(base) / language / "LC_MESSAGES" / f"{domain}.po"


def _key(entry):
    return (entry.msgctxt, entry.msgid)


def vendor_sources(domain):
    """The packages' source-language (``en``) catalogs of ``domain``."""
    import importlib

    for package in VENDOR_PACKAGES:
        root = Path(importlib.import_module(package).__file__).parent
        yield from sorted(root.glob(f"**/locale/en/LC_MESSAGES/{domain}.po"))


def _header(language):
    return {
        "Project-Id-Version": "cms",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Language": language,
        "Plural-Forms": PLURAL_FORMS[language],
    }


def update_vendor(language, domain):
    """Write the vendor catalog of ``language``: every package string, translations kept."""
    import polib

    path = catalog_path(vendor_dir(), language, domain)
    existing = {_key(entry): entry for entry in polib.pofile(str(path))} if path.exists() else {}
    catalog = polib.POFile(wrapwidth=0)
    catalog.metadata = _header(language)
    seen = set()
    for source in vendor_sources(domain):
        for entry in polib.pofile(str(source)):
            if entry.obsolete or not entry.msgid or _key(entry) in seen:
                continue
            seen.add(_key(entry))
            kept = existing.get(_key(entry))
            new = polib.POEntry(
                msgctxt=entry.msgctxt,
                msgid=entry.msgid,
                msgid_plural=entry.msgid_plural,
                flags=[flag for flag in entry.flags if flag != "fuzzy"],
                comment=entry.comment,
            )
            if entry.msgid_plural:
                count = int(PLURAL_FORMS[language].split(";")[0].split("=")[1])
                old = kept.msgstr_plural if kept is not None else {}
                new.msgstr_plural = {index: old.get(index, "") for index in range(count)}
            else:
                new.msgstr = kept.msgstr if kept is not None else ""
            if kept is not None and "fuzzy" in kept.flags:
                new.flags.append("fuzzy")
            catalog.append(new)
    path.parent.mkdir(parents=True, exist_ok=True)
    catalog.save(str(path))
    return path, len(catalog)


def derive_latin(source):
    """The ``sr_Latn`` catalog beside ``source`` (a Cyrillic ``sr`` catalog), transliterated."""
    import polib

    catalog = polib.pofile(str(source), wrapwidth=0)
    catalog.metadata = {**catalog.metadata, "Language": LATIN, "Plural-Forms": PLURAL_FORMS[LATIN]}
    for entry in catalog:
        entry.msgstr = to_latin(entry.msgstr) if entry.msgstr else ""
        entry.msgstr_plural = {index: to_latin(text) for index, text in entry.msgstr_plural.items()}
    target = source.parent.parent.parent / LATIN / "LC_MESSAGES" / source.name
    target.parent.mkdir(parents=True, exist_ok=True)
    catalog.save(str(target))
    return target


def serbian_catalogs():
    for base in (project_dir(), vendor_dir()):
        for domain in DOMAINS:
            path = catalog_path(base, "sr", domain)
            if path.exists():
                yield path
