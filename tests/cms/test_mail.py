"""E-mails in the recipient's language (cms/mail.py), and no e-mail sent around it."""

import ast
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.test import override_settings
from django.utils import translation
from django.utils.translation import gettext
from wagtail.users.models import UserProfile

from cms.mail import recipient_language, send_localized, signature, supported_language
from home.models import OfficeContact
from outreach.models import Contact

pytestmark = pytest.mark.django_db

CYRILLIC = re.compile(r"[\u0400-\u04ff]")
ROOT = Path(settings.BASE_DIR)


def make_user(django_user_model, name, language):
    user = django_user_model.objects.create_user(username=name, email=f"{name}@komuna.example")
    UserProfile.objects.filter(user=user).update(preferred_language=language)
    return user


@pytest.fixture
def office(locales):
    OfficeContact.objects.create(
        locale=locales["sq"],
        office_name="Zyra për Komunikim dhe Informim",
        address="Sheshi i Lirisë 1",
        phone="+383 38 000 000",
        email="zkki@komuna.example",
    )
    source = OfficeContact.objects.get(locale=locales["sq"])
    translated = source.copy_for_translation(locales["sr"])
    translated.office_name = "Канцеларија за комуникацију и информисање"
    translated.address = "Трг слободе 1"
    translated.save()
    return source


def test_a_users_language_is_their_admin_language(django_user_model):
    assert recipient_language(make_user(django_user_model, "milica", "sr-latn")) == "sr-latn"
    assert recipient_language(make_user(django_user_model, "arta", "sq")) == "sq"
    unset = make_user(django_user_model, "ana", "")
    # Not the language that happens to be active (Albanian in tests): the admin default.
    with override_settings(ADMIN_DEFAULT_LANGUAGE="sr"):
        assert recipient_language(unset) == "sr"
    with override_settings(ADMIN_DEFAULT_LANGUAGE="xx"):
        assert recipient_language(unset) == settings.LANGUAGE_CODE


def test_a_contacts_language_and_bare_codes(db):
    assert recipient_language(Contact(language="sr-latn")) == "sr-latn"
    assert recipient_language(Contact(language="en")) == "en"
    assert supported_language("sr_Latn") == "sr-latn"
    assert supported_language("SR-LATN") == "sr-latn"
    assert supported_language("tlh") == settings.LANGUAGE_CODE


def test_one_message_per_language_with_the_signature_in_it(django_user_model, office):
    users = [
        make_user(django_user_model, "arta", "sq"),
        make_user(django_user_model, "besa", "sq"),
        make_user(django_user_model, "marko", "sr"),
        make_user(django_user_model, "milica", "sr-latn"),
        make_user(django_user_model, "jane", "en"),
        django_user_model.objects.create_user(username="nomail", email=""),
    ]
    sent = send_localized(users, lambda: (gettext("Reminder"), gettext("Materials") + ": Буџет 2027"))

    assert sent == 5
    by_language = {message.extra_headers["Content-Language"]: message for message in mail.outbox}
    assert sorted(by_language) == ["en", "sq", "sr", "sr-latn"]
    assert by_language["sq"].to == ["arta@komuna.example", "besa@komuna.example"]
    for language, message in by_language.items():
        with translation.override(language):
            assert message.subject == gettext("Reminder")
    assert "Zyra për Komunikim dhe Informim\nSheshi i Lirisë 1\n+383 38 000 000" in by_language["sq"].body
    assert "\n-- \nКанцеларија за комуникацију и информисање\nТрг слободе 1" in by_language["sr"].body
    latin = by_language["sr-latn"]
    assert not CYRILLIC.search(latin.subject + latin.body)
    assert "Budžet 2027" in latin.body
    assert "\n-- \nKancelarija za komunikaciju i informisanje\nTrg slobode 1" in latin.body
    assert "zkki@komuna.example" in latin.body  # addresses keep their bytes
    # No English office contact yet: the office's name in English, not in another language.
    with translation.override("en"):
        assert by_language["en"].body.endswith(
            "-- \n" + gettext("Office for Communication and Information") + "\n"
        )
    assert signature("en") == "Office for Communication and Information"


def test_the_active_language_does_not_leak_into_the_messages(django_user_model, office):
    users = [make_user(django_user_model, "marko", "sr"), make_user(django_user_model, "jane", "en")]
    with translation.override("sq"):
        send_localized(users, lambda: (translation.get_language(), "-"))
        assert translation.get_language() == "sq"
    assert sorted(message.subject for message in mail.outbox) == ["en", "sr"]


MAIL_NAMES = {
    "send_mail",
    "send_mass_mail",
    "mail_admins",
    "mail_managers",
    "EmailMessage",
    "EmailMultiAlternatives",
}
ALLOWED = {Path("cms/mail.py")}


def project_modules():
    skip = {".venv", "node_modules", "tests", "var", "locale", "migrations"}
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT)
        if not skip.intersection(relative.parts) and not relative.parts[0].startswith("."):
            yield relative


def test_every_email_goes_through_cms_mail():
    offenders = []
    for relative in project_modules():
        tree = ast.parse((ROOT / relative).read_text())
        for node in ast.walk(tree):
            names = set()
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("django.core.mail"):
                names = {alias.name for alias in node.names}
            elif isinstance(node, ast.Attribute) and node.attr in MAIL_NAMES:
                names = {node.attr}
            if names & MAIL_NAMES and relative not in ALLOWED:
                offenders.append(f"{relative}:{node.lineno}")
    assert offenders == [], "send e-mail with cms.mail.send_localized or cms.mail.compose"
    assert Path("events/notices.py") in set(project_modules())  # the scan sees the apps
