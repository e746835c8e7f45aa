"""Pages publish and unpublish atomically, with the acting user known to the official-language gate."""

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
