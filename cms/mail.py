"""Every e-mail the project sends goes through here, in its recipient's language.

``recipient_language(recipient)`` is the language an e-mail to a user, a media
contact or a bare language code is written in: a user's Wagtail admin language
(Account → Preferences, else ``ADMIN_DEFAULT_LANGUAGE``), a contact's preferred
language. ``send_localized(recipients, render)`` sends one message per
language, rendering subject and body with ``render()`` inside
``in_language(language)``; ``compose`` builds one message for callers that send
per recipient (media notices). Both add the office's signature in that
language and turn the whole text into Latin script for ``sr-latn`` (the
catalog is Latin already; content such as titles and the office's name is
stored in Cyrillic). ``tests/cms/test_mail.py`` fails for a module that sends
e-mail any other way, so a new e-mail cannot forget the language.

Links: ``admin_url(path)`` for the admin (``WAGTAILADMIN_BASE_URL``) and
``public_url(path, site)`` for the website (the Site's hostname and port, as
Wagtail's ``Page.get_full_url`` does).
"""

import contextlib

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import translation
from django.utils.translation import gettext as _

from translations.transliteration import to_latin

from .admin_language import default_language as default_admin_language

LATIN = "sr-latn"


def supported_language(code, default=None):
    """``code`` as spelled in ``LANGUAGES`` ("sr_Latn" → "sr-latn"), or ``default`` (``LANGUAGE_CODE``)."""
    wanted = (code or "").replace("_", "-").lower()
    for language, _name in settings.LANGUAGES:
        if language.lower() == wanted:
            return language
    return default or settings.LANGUAGE_CODE


def recipient_language(recipient):
    """The language to write to ``recipient`` in: a user, anything with a ``language``, or a code."""
    if isinstance(recipient, str):
        return supported_language(recipient)
    if hasattr(recipient, "get_username"):
        from wagtail.users.models import UserProfile

        # Not UserProfile.get_preferred_language(): it falls back to whatever language is active.
        profile = UserProfile.objects.filter(user=recipient).first()
        chosen = profile.preferred_language if profile else ""
        return supported_language(chosen, default=supported_language(default_admin_language()))
    return supported_language(getattr(recipient, "language", ""))


@contextlib.contextmanager
def in_language(language):
    """Render in ``language``: its catalog and its date formats (cms/formats/)."""
    with translation.override(supported_language(language)):
        yield


def in_script(text, language):
    """Serbian in Latin script is derived from the Cyrillic (DESIGN.md §5); other languages as they are."""
    return to_latin(text) if supported_language(language) == LATIN else text


def signature(language):
    """The office's name and contact details in ``language`` (its translation of the office contact)."""
    from wagtail.models import Locale

    from home.models import OfficeContact

    with in_language(language):
        contact = OfficeContact.objects.filter(locale=Locale.get_active()).order_by("pk").first()
        if contact is None:
            # Not translated yet: the office's name from the catalog rather than another language's.
            return _("Office for Communication and Information")
        lines = [contact.office_name, *contact.address.splitlines(), contact.phone, contact.email]
        return "\n".join(line.strip() for line in lines if line and line.strip())


def compose(subject, body, to, language, *, headers=None, connection=None):
    """One message in ``language``: a one-line subject, the body, the signature, Latin where asked."""
    language = supported_language(language)
    subject = in_script(" ".join(str(subject).split()), language)
    text = f"{str(body).rstrip()}\n\n-- \n{signature(language)}\n"
    return EmailMessage(
        subject=subject,
        body=in_script(text, language),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=list(to),
        connection=connection,
        headers={"Content-Language": language, **(headers or {})},
    )


def by_language(recipients):
    """{language: [e-mail addresses]} of the recipients that have an address, in a stable order."""
    groups = {}
    for recipient in recipients:
        email = getattr(recipient, "email", "")
        if email:
            groups.setdefault(recipient_language(recipient), set()).add(email)
    return {language: sorted(groups[language]) for language in sorted(groups)}


def send_localized(recipients, render, *, headers=None, connection=None):
    """Send ``render()``'s ``(subject, body)`` to each language's recipients in their language.

    ``render`` is called once per language, inside ``in_language``: gettext, dates and
    ``Locale.get_active()`` follow it. Returns the number of addresses written to.
    """
    sent = 0
    for language, emails in by_language(recipients).items():
        with in_language(language):
            subject, body = render()
        compose(subject, body, emails, language, headers=headers, connection=connection).send()
        sent += len(emails)
    return sent


def admin_url(path):
    """An absolute link into the admin: ``WAGTAILADMIN_BASE_URL`` is where editors reach it."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def public_url(path, site=None):
    """An absolute link to the website: the Site's hostname and port, else ``WAGTAILADMIN_BASE_URL``."""
    if "://" in path:
        return path
    base = site.root_url if site is not None else settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return base + path
