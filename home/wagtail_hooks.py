from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from . import models
from .viewsets import ContentListingGroup, ReferenceDataGroup, SiteContentGroup

for model in (models.Body, models.Department, models.Topic, models.Place, models.DocumentType):
    register_permission_policy(model)

register_snippet(SiteContentGroup)


@hooks.register("register_admin_viewset")
def register_reference_data():
    return ReferenceDataGroup()


@hooks.register("register_admin_viewset")
def register_content_listings():
    return ContentListingGroup()


@hooks.register("register_rich_text_features", order=100)
def link_only_public_content(features):
    # After Wagtail's own handlers (order 0), which these replace.
    from .rich_text import PublicDocumentLinkHandler, PublicPageLinkHandler

    features.register_link_type(PublicPageLinkHandler)
    features.register_link_type(PublicDocumentLinkHandler)
