from django_tasks import task

from outreach import subscriptions


@task()
def send_subscription_items(subscription_pk):
    """Background e-mail of a subscription's new pages (immediate subscriptions)."""
    return subscriptions.send_items(subscription_pk)
