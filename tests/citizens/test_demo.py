import pytest
from django.utils import timezone

from citizens import demo
from citizens.models import OPEN_STATUSES, Kind, Message
from home.demo import DemoContext, reference

pytestmark = pytest.mark.django_db


def test_the_demo_inbox_has_every_kind_status_and_language_some_overdue_and_loads_once():
    ctx = DemoContext(write=lambda message: None)
    reference.load(ctx)
    demo.load(ctx)
    messages = Message.objects.all()
    assert 30 <= messages.count() <= 60
    assert set(messages.values_list("kind__code", flat=True)) == set(
        Kind.objects.values_list("code", flat=True)
    )
    assert set(messages.values_list("status", flat=True)) == set(Message.Status.values)
    assert set(messages.values_list("language", flat=True)) == {"sq", "sr", "en"}
    overdue = messages.filter(status__in=OPEN_STATUSES, due_at__lt=timezone.now())
    assert overdue.exists()
    now = timezone.now()
    for message in messages.prefetch_related("status_changes"):
        changes = list(message.status_changes.all())
        assert changes[-1].to_status == message.status and all(c.changed_at <= now for c in changes)
        assert message.email == "" or message.acknowledgement_sent_at is not None  # nobody is e-mailed
    again = DemoContext(write=lambda message: None)
    again.random.random()  # other loaders drew differently this time: no matter
    demo.load(again)
    assert again.created == {} and Message.objects.count() == messages.count()
