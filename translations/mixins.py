"""Page mixins: atomic publication with the acting user known to the gate, translators' permissions, ASCII slugs."""

from django.db import transaction


class OfficialLanguagePublishMixin:
    """Put before ``Page`` in a page model's bases (home.BasePage and home.HomePage do).

    The gate itself is enforced for every page on save (translations.signals);
    this makes a publish and the publication of its translations one
    transaction, and lets the gate know who publishes (a reviewer's publish
    counts as the translation's approval).
    """

    def publish(self, revision, user=None, *args, **kwargs):
        from .gate import acting

        with transaction.atomic(), acting(user):
            return super().publish(revision, user, *args, **kwargs)

    def unpublish(self, *args, **kwargs):
        from .gate import acting

        with transaction.atomic(), acting(kwargs.get("user")):
            return super().unpublish(*args, **kwargs)


class TranslatorPagePermissionsMixin:
    """Translators translate: they do not delete pages (the translation editor's actions follow this)."""

    def permissions_for_user(self, user):
        from .groups import is_translator_only

        tester = super().permissions_for_user(user)
        if is_translator_only(user):
            tester.can_delete = lambda ignore_bulk=False: False
        return tester


class AsciiSlugMixin:
    """Put before ``Page`` in a page model's bases (home.BasePage and home.HomePage do).

    Every validation and save gives the page an ASCII slug that is not a bare
    number, made from its title when it has none (translations/slugs.py): the
    admin's forms, wagtail-localize's translations, copies, revisions published
    and code alike. It runs before Wagtail's own defaults, which would make a
    slug from the title by dropping the letters that are not ASCII.
    """

    def ensure_ascii_slug(self):
        from .slugs import ensure_page_slug

        ensure_page_slug(self)

    def full_clean(self, *args, **kwargs):
        self.ensure_ascii_slug()
        super().full_clean(*args, **kwargs)

    def minimal_clean(self):
        self.ensure_ascii_slug()
        super().minimal_clean()

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "slug" in update_fields:
            self.ensure_ascii_slug()
        return super().save(*args, **kwargs)
