"""Page-tree rules and creation through the admin for every content type."""

from django.conf import settings
from wagtail.models import Locale, Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home import models
from home.factories import BodyFactory, DepartmentFactory, TopicFactory
from home.localization import translate_with
from home.setup import ensure_home_translations
from translations import gate

INDEX_ITEM = {
    models.NewsIndexPage: models.NewsPage,
    models.AnnouncementIndexPage: models.AnnouncementPage,
    models.DecisionIndexPage: models.DecisionPage,
    models.RegulationIndexPage: models.RegulationPage,
    models.VacancyIndexPage: models.VacancyPage,
    models.PublicationIndexPage: models.PublicationPage,
    models.CampaignIndexPage: models.CampaignPage,
}


class PageTreeRulesTests(WagtailPageTestCase):
    def test_indexes_live_only_under_the_home_page_and_hold_only_their_items(self):
        for index_model, item_model in INDEX_ITEM.items():
            with self.subTest(index_model.__name__):
                self.assertAllowedParentPageTypes(index_model, {models.HomePage})
                self.assertAllowedSubpageTypes(index_model, {item_model})
                self.assertIs(index_model.item_model, item_model)

    def test_items_live_only_under_their_index_and_have_no_children(self):
        for index_model, item_model in INDEX_ITEM.items():
            with self.subTest(item_model.__name__):
                self.assertAllowedParentPageTypes(item_model, {index_model})
                self.assertAllowedSubpageTypes(item_model, set())
                self.assertCanNotCreateAt(models.HomePage, item_model)
                for other_index in INDEX_ITEM:
                    if other_index is not index_model:
                        self.assertCanNotCreateAt(other_index, item_model)

    def test_standard_pages_under_home_or_each_other(self):
        self.assertAllowedParentPageTypes(models.StandardPage, {models.HomePage, models.StandardPage})
        self.assertAllowedSubpageTypes(models.StandardPage, {models.StandardPage})

    def test_home_page_keeps_its_subpage_types_open_for_other_apps(self):
        # Events add their own index under the home page through parent_page_types.
        self.assertFalse(
            hasattr(models.HomePage, "subpage_types") and "subpage_types" in vars(models.HomePage)
        )
        self.assertCanCreateAt(models.HomePage, models.StandardPage)


class CreateEveryTypeInTheAdminTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = models.HomePage.objects.get(slug="home")
        cls.body = BodyFactory(slug="kuvendi", name="Kuvendi i Komunës")
        cls.department = DepartmentFactory(slug="administrata", name="Drejtoria për Administratë")
        cls.topic = TopicFactory(slug="buxheti", name="Buxheti")

    def setUp(self):
        self.user = self.login()

    def page_data(self, title, **extra):
        return nested_form_data(
            {
                "title": title,
                "summary": "Përmbledhje",
                "body": streamfield(
                    [
                        ("heading", {"text": "Titull", "level": "h2"}),
                        ("paragraph", rich_text("<p>Tekst i faqes.</p>")),
                    ]
                ),
                **extra,
            }
        )

    def create_index(self, model, title):
        self.assertCanCreate(self.home, model, self.page_data(title))
        return model.objects.get(title=title)

    def test_every_index_and_item_type_can_be_created(self):
        item_fields = {
            models.NewsPage: {"date": "2026-05-01", "topics": [self.topic.pk]},
            models.AnnouncementPage: {
                "date": "2026-05-01",
                "valid_until": "2026-05-30",
                "kind": "tender_notice",
            },
            models.DecisionPage: {
                "number": "01-001/2026",
                "date_adopted": "2026-05-01",
                "issuing_body": self.body.pk,
                "status": "in_force",
                "attachments": inline_formset([]),
            },
            models.RegulationPage: {
                "number": "01-002/2026",
                "date_adopted": "2026-05-01",
                "in_force_from": "2026-06-01",
                "issuing_body": self.body.pk,
                "amendments": inline_formset([{"number": "01-003/2026", "date_adopted": "2026-07-01"}]),
            },
            models.VacancyPage: {
                "kind": "job",
                "opens_at": "2026-05-01 08:00",
                "deadline": "2026-05-15 16:00",
                "department": self.department.pk,
                "documents": inline_formset([]),
            },
            models.PublicationPage: {"kind": "bulletin", "issue_number": "12", "date": "2026-05-01"},
            models.CampaignPage: {
                "starts_on": "2026-05-01",
                "ends_on": "2026-06-30",
                "goals": rich_text("<p>Më shumë pjesëmarrje.</p>"),
                "related_pages": inline_formset([{"page": self.home.pk}]),
                # The coordination tab (outreach): empty here, tested in tests/outreach/test_campaigns.py.
                "target_groups": inline_formset([]),
                "activities": inline_formset([]),
                "materials": inline_formset([]),
            },
        }
        official_acts = {label.lower() for label in settings.OFFICIAL_ACT_PAGE_TYPES}
        for index_model, item_model in INDEX_ITEM.items():
            with self.subTest(item_model.__name__):
                index = self.create_index(index_model, f"Indeksi {index_model.__name__}")
                title = f"Faqja {item_model.__name__}"
                data = self.page_data(title, **item_fields[item_model])
                if item_model._meta.label_lower in official_acts:
                    # An official act goes live only with its Serbian translation: the editor saves a draft.
                    self.assertCanCreate(index, item_model, data, publish=False)
                    page = item_model.objects.get(title=title)
                    self.assertFalse(page.live)
                    self.publish_with_serbian_translation(page)
                else:
                    self.assertCanCreate(index, item_model, data)
                page = item_model.objects.get(title=title)
                self.assertTrue(page.live)
                self.assertEqual(page.get_parent().specific, index)
        self.assertEqual(models.RegulationPage.objects.get(locale__language_code="sq").amendments.count(), 1)
        self.assertEqual(
            list(
                models.CampaignPage.objects.get(locale__language_code="sq").related_pages.values_list(
                    "page", flat=True
                )
            ),
            [self.home.pk],
        )

    def publish_with_serbian_translation(self, page):
        """The official-language gate's path: translate into Serbian, then publish both together."""
        sr = Locale.objects.get(language_code="sr")
        with self.captureOnCommitCallbacks(execute=True):
            ensure_home_translations()
        with self.captureOnCommitCallbacks(execute=True):
            for ancestor in page.get_ancestors().filter(depth__gt=2).specific():
                if not ancestor.has_translation(sr):
                    translate_with(ancestor, sr, lambda text, path: None)
            translate_with(page, sr, lambda text, path: f"{text} (sr)", publish=False)
            self.assertEqual(gate.publish_together(page, self.user), [sr])
        self.assertTrue(page.get_translation(sr).live)

    def test_standard_page_can_be_created_under_home_and_under_another_standard_page(self):
        self.assertCanCreate(self.home, models.StandardPage, self.page_data("Rreth Zyrës"))
        about = models.StandardPage.objects.get(title="Rreth Zyrës")
        self.assertCanCreate(about, models.StandardPage, self.page_data("Kodi i mirësjelljes"))

    def test_only_one_index_of_each_kind_per_home_page(self):
        self.create_index(models.NewsIndexPage, "Lajme")
        home = models.HomePage.objects.get(pk=self.home.pk)
        self.assertFalse(models.NewsIndexPage.can_create_at(home))
        self.assertTrue(models.AnnouncementIndexPage.can_create_at(home))
        self.assertEqual(Page.objects.type(models.NewsIndexPage).count(), 1)
