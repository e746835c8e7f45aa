from django_tasks import task

from events import notices


@task()
def deliver_media_notice(notice_pk):
    """Background delivery of one media notice (queued with ``run_after`` = its due time)."""
    return notices.deliver_notice(notice_pk)
