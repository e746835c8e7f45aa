"""Outside translation agencies work on PO files: export, edit with polib, import."""

import polib
from wagtail.models import Page

from translations import services
from translations.models import TranslationTask


def test_po_round_trip(
    tmp_path, news_page, serbian_translator, head_of_office, django_capture_on_commit_callbacks
):
    task = TranslationTask.objects.get(target_locale__language_code="sr")
    services.start(task, serbian_translator)
    translation = services.get_translation(task)

    path = tmp_path / "lajme.sr.po"
    translation.export_po().save(str(path))

    # The agency's side: a plain PO file.
    po = polib.pofile(str(path))
    entries = {entry.msgctxt: entry for entry in po}
    assert entries["title"].msgid == "Lajme" and entries["title"].msgstr == ""
    entries["title"].msgstr = "Вести"
    entries["slug"].msgstr = "vesti"
    po.save(str(path))

    warnings = translation.import_po(polib.pofile(str(path)), user=serbian_translator, tool_name="agency")
    assert warnings == []
    assert services.progress(task)[:2] == (2, 2)
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(user=head_of_office, publish=True)
    page = Page.objects.get(translation_key=news_page.translation_key, locale__language_code="sr")
    assert (page.title, page.slug, page.live) == ("Вести", "vesti", True)

    # Exporting again carries the agency's translations.
    again = {entry.msgctxt: entry.msgstr for entry in translation.export_po()}
    assert again["title"] == "Вести"


def test_a_po_file_for_another_translation_is_ignored(news_page, serbian_translator, head_of_office):
    sr_task = TranslationTask.objects.get(target_locale__language_code="sr")
    en_task = TranslationTask.objects.get(target_locale__language_code="en")
    sr = services.ensure_translation(sr_task, head_of_office)
    en = services.ensure_translation(en_task, head_of_office)
    po = en.export_po()
    for entry in po:
        entry.msgstr = "News"
    assert sr.import_po(po) == []
    assert services.progress(sr_task)[1] == 0
