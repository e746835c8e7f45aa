"""RSS and Atom feeds of each category index, in the index's own locale.

Served by the index pages themselves (``<index>/rss/`` and ``<index>/atom/``),
so every locale's tree has its feeds under its own prefix: ``/vendime/rss/``,
``/sr/odluke/rss/``, ``/en/decisions/atom/``.
"""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape

FEED_SIZE = 30


class ContentRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, index):
        super().__init__()
        self.index = index

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return self.index.title

    def link(self):
        return self.index.get_full_url(self.request)

    # Descriptions are HTML to a feed reader (RSS by custom, Atom says type="html"); a
    # summary is plain text, so it goes in escaped. Titles are text in both formats.
    def description(self):
        return escape(self.index.summary or self.index.title)

    def feed_url(self):
        name = "atom" if self.feed_type is Atom1Feed else "rss"
        return self.index.get_full_url(self.request) + self.index.reverse_subpage(name)

    def items(self):
        return self.index.get_listing_items(self.request)[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return escape(item.summary or item.search_description)

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_guid(self, item):
        # Stable across title and slug changes; translations get their own GUIDs.
        return f"urn:uuid:{item.translation_key}:{item.locale.language_code}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        value = item.listing_date
        if isinstance(value, datetime.datetime):
            return value
        return timezone.make_aware(datetime.datetime.combine(value, datetime.time(8, 0)))

    def item_updateddate(self, item):
        return item.last_published_at

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        feed.feed["language"] = self.index.locale.language_code
        return feed


class ContentAtomFeed(ContentRssFeed):
    feed_type = Atom1Feed
    subtitle = ContentRssFeed.description
