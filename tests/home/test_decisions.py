import datetime
import html

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from home.factories import DecisionPageFactory
from home.localization import translate_with
from home.models import DecisionPage

pytestmark = pytest.mark.django_db


def decision(index, body, number, adopted, **extra):
    return DecisionPageFactory.build(
        title=extra.pop("title", f"Vendim {number}"),
        number=number,
        date_adopted=adopted,
        issuing_body=body,
        locale=index.locale,
        **extra,
    )


def test_a_taken_number_names_the_decision_that_has_it(indexes, assembly):
    existing = DecisionPageFactory(
        parent=indexes["decisions"],
        title="Vendim për miratimin e buxhetit",
        number="01-016/2025",
        date_adopted=datetime.date(2025, 12, 18),
        issuing_body=assembly,
    )
    duplicate = decision(indexes["decisions"], assembly, "01-016/2025", datetime.date(2025, 3, 1))

    with translation.override("en"):
        with pytest.raises(ValidationError) as error:
            duplicate.clean()
        message = str(error.value.message_dict["number"][0])

    assert html.unescape(message).startswith(
        "Number 01-016/2025 of Kuvendi i Komunës for 2025 is already used by "
        '"Vendim për miratimin e buxhetit" of 12/18/2025 (live).'
    )
    # The editor can open the page that holds the number, to continue it or delete it.
    assert f'href="/admin/pages/{existing.pk}/edit/"' in message


def test_the_same_number_is_free_for_another_body_or_year_and_for_the_page_itself(
    indexes, assembly, committee
):
    existing = DecisionPageFactory(
        parent=indexes["decisions"],
        number="01-016/2025",
        date_adopted=datetime.date(2025, 12, 18),
        issuing_body=assembly,
    )

    decision(indexes["decisions"], committee, "01-016/2025", datetime.date(2025, 12, 18)).clean()
    decision(indexes["decisions"], assembly, "01-016/2025", datetime.date(2026, 1, 10)).clean()
    existing.clean()


def test_numbers_are_compared_without_case_or_surrounding_space(indexes, assembly):
    DecisionPageFactory(
        parent=indexes["decisions"],
        number="01-A/2025",
        date_adopted=datetime.date(2025, 1, 1),
        issuing_body=assembly,
    )
    with pytest.raises(ValidationError):
        decision(indexes["decisions"], assembly, " 01-a/2025 ", datetime.date(2025, 5, 1)).clean()


def test_translations_share_the_number_in_their_own_locale(
    indexes, assembly, django_capture_on_commit_callbacks
):
    source = DecisionPageFactory(
        parent=indexes["decisions"],
        number="01-016/2025",
        date_adopted=datetime.date(2025, 12, 18),
        issuing_body=assembly,
    )
    with django_capture_on_commit_callbacks(execute=True):
        translate_with(indexes["decisions"], "sr", lambda text, path: "odluke" if path == "slug" else None)
        translation = translate_with(source, "sr", lambda text, path: None)

    translation.clean()
    assert DecisionPage.objects.filter(number="01-016/2025").count() == 2


def test_the_admin_form_shows_the_message_on_the_number_field(admin_client, indexes, assembly):
    DecisionPageFactory(
        parent=indexes["decisions"],
        title="Vendim i parë",
        number="01-016/2025",
        date_adopted=datetime.date(2025, 12, 18),
        issuing_body=assembly,
    )
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

    response = admin_client.post(
        f"/admin/pages/add/home/decisionpage/{indexes['decisions'].pk}/",
        nested_form_data(
            {
                "title": "Vendim i dytë",
                "slug": "vendim-i-dyte",
                "number": "01-016/2025",
                "date_adopted": "2025-06-01",
                "issuing_body": assembly.pk,
                "status": "in_force",
                "body": streamfield([]),
                "attachments": inline_formset([]),
            }
        ),
    )

    assert response.status_code == 200
    errors = response.context["form"].errors["number"]
    assert 'already used by "Vendim i parë"' in html.unescape(errors[0])
    assert "/admin/pages/" in errors[0] and "/edit/" in errors[0]
    assert "Open it to continue or delete it</a>" in response.content.decode()
    assert not DecisionPage.objects.filter(title="Vendim i dytë").exists()


def test_a_repealed_decision_must_say_what_repealed_it(indexes, assembly):
    page = decision(
        indexes["decisions"], assembly, "01-099/2025", datetime.date(2025, 1, 1), status="repealed"
    )
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "repealed_by" in error.value.message_dict
