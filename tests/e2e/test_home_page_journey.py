import pytest

from home.models import HomePage

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_editor_changes_the_albanian_home_title_and_sees_it_on_the_site(
    page, live_server, admin_login, home_pages
):
    admin_login()
    home = home_pages["sq"]

    page.goto(f"{live_server.url}/admin/pages/{home.pk}/edit/")
    page.fill("#id_title", "Komuna e Re")
    # Publish lives in the footer's action dropdown.
    page.locator("footer .w-dropdown__toggle").first.click()
    page.click("button[name=action-publish]")
    page.wait_for_url(f"{live_server.url}/admin/pages/**")

    assert HomePage.objects.get(pk=home.pk).title == "Komuna e Re"
    page.goto(f"{live_server.url}/")
    assert page.locator("h1").inner_text() == "Komuna e Re"
    assert page.locator("html").get_attribute("lang") == "sq"
