"""The project's Albanian and Serbian catalogs are complete, well-formed and in step with the code.

``msgfmt --check`` validates the catalogs (python-format placeholders included);
``makemessages``, run with the ignore list of ``manage.py update_catalogs`` into a
copy of ``locale/``, shows which strings of the code the catalogs lack.
"""

import os
import re
import shutil
import subprocess

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

from translations import catalogs

pytestmark = pytest.mark.skipif(
    not (shutil.which("msgfmt") and shutil.which("xgettext") and shutil.which("msgmerge")),
    reason="GNU gettext (msgfmt, xgettext, msgmerge) is not installed; .ci/run installs it",
)

PLURAL_COUNT = {"sq": 2, "sr": 3}
PLACEHOLDER_RE = re.compile(r"%\((\w+)\)[sdifr]|%[sdifr]")


def _catalog(language):
    return catalogs.catalog_path(catalogs.project_dir(), language)


def _label(entry):
    text = f"{entry.msgctxt} | {entry.msgid}" if entry.msgctxt else entry.msgid
    return f"{text!r} (plural {entry.msgid_plural!r})" if entry.msgid_plural else repr(text)


def _placeholders(text):
    return sorted(match.group(0) for match in PLACEHOLDER_RE.finditer(text.replace("%%", "")))


@pytest.mark.parametrize("language", catalogs.LANGUAGES)
def test_msgfmt_finds_no_error_untranslated_or_fuzzy_entry(language, tmp_path):
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", str(tmp_path / "django.mo"), str(_catalog(language))],
        capture_output=True,
        text=True,
        env={**os.environ, "LC_ALL": "C", "LANGUAGE": ""},
    )
    assert result.returncode == 0, result.stderr
    statistics = result.stderr.strip().splitlines()[-1]
    assert re.fullmatch(r"\d+ translated messages\.", statistics), statistics


@pytest.mark.parametrize("language", catalogs.LANGUAGES)
def test_placeholders_and_plural_forms_match(language):
    catalog = polib.pofile(str(_catalog(language)))
    assert f"nplurals={PLURAL_COUNT[language]};" in catalog.metadata["Plural-Forms"].replace(" ", "")
    problems = []
    for entry in catalog:
        if entry.obsolete:
            continue
        if entry.msgid_plural:
            forms = entry.msgstr_plural
            if sorted(forms) != list(range(PLURAL_COUNT[language])):
                problems.append(
                    f"{_label(entry)}: {len(forms)} plural forms, {PLURAL_COUNT[language]} needed"
                )
                continue
            expected = _placeholders(entry.msgid_plural)
            translations = forms.values()
        else:
            expected = _placeholders(entry.msgid)
            translations = [entry.msgstr]
        for text in translations:
            if text and _placeholders(text) != expected:
                problems.append(f"{_label(entry)}: {text!r} has {_placeholders(text)}, expected {expected}")
    assert not problems, "\n".join(problems)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """The project's catalogs after ``makemessages`` merged the code's strings into a copy of them."""
    workdir = tmp_path_factory.mktemp("catalogs")
    # Only the catalogs are copied; the code is seen through links (read, never written).
    for path in sorted(settings.BASE_DIR.iterdir()):
        if path.name not in {"locale", ".git", ".venv"}:
            (workdir / path.name).symlink_to(path)
    for language in catalogs.LANGUAGES:
        target = catalogs.catalog_path(workdir / "locale", language)
        target.parent.mkdir(parents=True)
        shutil.copy(_catalog(language), target)
    with override_settings(LOCALE_PATHS=[str(workdir / "locale")]):
        previous = os.getcwd()
        os.chdir(workdir)
        try:
            call_command(
                "makemessages",
                locale=list(catalogs.LANGUAGES),
                ignore_patterns=list(catalogs.PROJECT_IGNORE_PATTERNS),
                symlinks=True,
                no_obsolete=True,
                verbosity=0,
            )
        finally:
            os.chdir(previous)
    return {
        language: polib.pofile(str(catalogs.catalog_path(workdir / "locale", language)))
        for language in catalogs.LANGUAGES
    }


@pytest.mark.parametrize("language", catalogs.LANGUAGES)
def test_every_string_of_the_code_is_translated_in_the_catalog(language, extracted):
    missing = [
        _label(entry)
        for entry in extracted[language]
        if not entry.obsolete and (not entry.translated() or "fuzzy" in entry.flags)
    ]
    assert not missing, (
        f"{len(missing)} strings of the code are missing or untranslated in "
        f"locale/{language}/LC_MESSAGES/django.po (run manage.py update_catalogs and translate them):\n"
        + "\n".join(missing)
    )
