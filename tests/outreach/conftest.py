import pytest
from django.contrib.auth.models import Group, Permission

from home.factories import BodyFactory, TopicFactory
from home.models import Body


@pytest.fixture
def head_of_office(django_user_model):
    user = django_user_model.objects.create_user("shefi", "shefi@komuna.example", "pw")
    user.groups.add(Group.objects.get(name="Head of office"))
    return user


@pytest.fixture
def editor(django_user_model):
    """Uses the admin but holds no permission on the directory."""
    user = django_user_model.objects.create_user("redaktori", "r@komuna.example", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


@pytest.fixture
def budget_topic(db):
    return TopicFactory(slug="buxheti", name="Buxheti")


@pytest.fixture
def communities_topic(db):
    return TopicFactory(slug="komunitetet", name="Komunitetet")


@pytest.fixture
def assembly(db):
    return BodyFactory(slug="kuvendi", name="Kuvendi i Komunës", kind=Body.Kind.ASSEMBLY)
