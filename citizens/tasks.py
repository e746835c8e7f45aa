from django_tasks import task

from . import acknowledgements


@task()
def acknowledge_message(message_pk):
    """Background acknowledgement of one stored message (queued once it is committed)."""
    return acknowledgements.send_acknowledgement(message_pk)
