"""Press releases: a news item or announcement e-mailed to the media once, on publication.

A page with "send to the media as a press release" ticked becomes, when its source
(the page in the default locale) is first published and public, one ``MediaNotice``
of the kind *press release*, due at once. It goes out through the media notices'
delivery (``events.notices``): the claim and its lease, one ``NoticeDelivery`` per
contact, the retries and the audit on the *Media notices* dashboard. Publishing
it again, or publishing a translation, sends nothing more.

Recipients are the active media contacts of the directory with an e-mail address
who follow one of the page's topics or bodies, and those who follow none (they
hear about everything, as with the notices); a page with neither topics nor
bodies goes to every media contact. Each gets the page in their language: its
live public translation, otherwise the source with a note, in their language,
that a translation will follow; the documents the body links in that language
where a public version exists; Serbian in the contact's script (``cms.mail``).
"""

from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import pgettext
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page

from cms.mail import compose, in_language, public_url, recipient_language
from cms.public import Visibility, is_public_page
from events.ical import description_of
from events.models import MediaNotice
from outreach.models import Contact

# The body's blocks that link documents (home.blocks.BodyBlock).
DOCUMENT_BLOCKS = ("document", "documents")


def wants_press_release(page):
    """A page with the box ticked, as its source: translations share the source's release."""
    if not getattr(page, "send_as_press_release", False) or page.alias_of_id:
        return False
    return not page.get_translations().filter(pk__lt=page.pk).exists()


def schedule_press_release(page, *, user=None, now=None):
    """Queue the page's press release if it wants one, is public and has none yet; the notice or None."""
    from events.notices import enqueue_delivery

    page = page.specific
    if not wants_press_release(page) or not is_public_page(page):
        return None
    now = now or timezone.now()
    with transaction.atomic():
        # One release per page, whatever happens to it: the lock makes two publications wait.
        Page.objects.select_for_update().filter(pk=page.pk).first()
        if MediaNotice.objects.filter(page=page, kind=MediaNotice.Kind.PRESS_RELEASE).exists():
            return None
        notice = MediaNotice.objects.create(
            page=page,
            kind=MediaNotice.Kind.PRESS_RELEASE,
            event_start=now,
            due_at=now,
            requested_by=user,
        )
        transaction.on_commit(lambda: enqueue_delivery(notice.pk, notice.due_at))
    return notice


def _related_ids(page, name):
    related = getattr(page, name, None)
    return list(related.values_list("pk", flat=True)) if related is not None else []


def recipients(page):
    """The media contacts a press release of ``page`` goes to (see the module's docstring)."""
    contacts = Contact.objects.media().deliverable().filter(is_active=True).exclude(email="")
    topic_ids, body_ids = _related_ids(page, "topics"), _related_ids(page, "bodies")
    if not (topic_ids or body_ids):
        return contacts
    follows_nothing = Q(topics__isnull=True) & Q(bodies__isnull=True)
    return contacts.filter(follows_nothing | Q(topics__in=topic_ids) | Q(bodies__in=body_ids)).distinct()


def translation_note(language_name):
    return pgettext(
        "press release", "A translation will follow; this is the original text in %(language)s."
    ) % {"language": language_name}


def linked_documents(page):
    """The documents the body's document blocks link, in order, each once."""
    documents = []
    for block in page.body:
        if block.block_type == "document":
            documents.append(block.value["document"])
        elif block.block_type == "documents":
            documents.extend(item["document"] for item in block.value["documents"])
    return list(dict.fromkeys(document for document in documents if document is not None))


def documents_for(entry, language, site):
    """[(title, absolute link, note)]: each public document in ``language`` where a version exists."""
    from events.notices import other_language_note

    content_language = get_supported_content_language_variant(language)
    visibility = Visibility()
    listed = []
    for document in linked_documents(entry):
        version = document.version_in(content_language)
        if version is None or not visibility.is_public_document(version):
            version, note = document, other_language_note(document.get_language_display())
        else:
            note = ""
        if visibility.is_public_document(version):
            listed.append((version.title, public_url(version.url, site), note))
    return listed


def build_message(notice, page, contact, connection):
    """The press release to one contact, in the contact's language and script."""
    from events.notices import localized_page

    language = recipient_language(contact)
    with in_language(language):
        entry = localized_page(page, language)
        site = entry.get_site()
        url = entry.get_full_url() or ""
        translated = entry.locale.language_code == get_supported_content_language_variant(language)
        context = {
            "notice": notice,
            "page": entry,
            "date": getattr(entry, "date", None),
            "text": description_of(entry),
            "url": public_url(url, site) if url else "",
            "translation_note": "" if translated else translation_note(entry.locale.get_display_name()),
            "documents": documents_for(entry, language, site),
        }
        subject = render_to_string("outreach/email/press_release_subject.txt", context)
        body = render_to_string("outreach/email/press_release_body.txt", context)
    return compose(
        subject,
        body,
        [contact.email],
        language,
        headers={"X-Media-Notice": str(notice.pk)},
        connection=connection,
    )
