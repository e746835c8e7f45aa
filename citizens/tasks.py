import logging

from django_tasks import task

from . import emails

logger = logging.getLogger(__name__)


@task()
def send_citizen_email(kind, message_pk):
    """Background delivery of a message's acknowledgement or reply (queued once it is committed)."""
    return emails.send(kind, message_pk)


def queue_email(kind, message_pk):
    """Queue the e-mail; if the queue is unavailable, ``send_acknowledgements`` sends it later."""
    try:
        send_citizen_email.enqueue(kind, message_pk)
    except Exception:
        logger.exception("Could not queue the %s of citizen's message %s", kind, message_pk)
