"""RSS and Atom feeds of each category index, in the index's own locale.

Served by the index pages themselves (``<index>/rss/`` and ``<index>/atom/``),
so every locale's tree has its feeds under its own prefix: ``/vendime/rss/``,
``/sr/odluke/rss/``, ``/en/decisions/atom/``. Under ``/sr-latn/`` the Serbian
feeds are in Latin script, as the HTML site is (translations/latin_site.py):
every text, the links and the language.
"""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import get_language

from translations.latin_site import LATIN, latin_url
from translations.transliteration import to_latin

FEED_SIZE = 30


class ContentRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, index):
        super().__init__()
        self.index = index

    def __call__(self, request, *args, **kwargs):
        self.request = request
        self.latin = get_language() == LATIN
        return super().__call__(request, *args, **kwargs)

    def text(self, value):
        return to_latin(value) if self.latin else value

    def url(self, page):
        url = page.get_full_url(self.request)
        return latin_url(url) if self.latin and url else url

    def feed_language(self):
        return LATIN if self.latin else self.index.locale.language_code

    def title(self):
        return self.text(self.index.title)

    def link(self):
        return self.url(self.index)

    # Descriptions are HTML to a feed reader (RSS by custom, Atom says type="html"); a
    # summary is plain text, so it goes in escaped. Titles are text in both formats.
    def description(self):
        return escape(self.text(self.index.summary or self.index.title))

    def feed_url(self):
        name = "atom" if self.feed_type is Atom1Feed else "rss"
        return self.url(self.index) + self.index.reverse_subpage(name)

    def items(self):
        return self.index.get_listing_items(self.request)[:FEED_SIZE]

    def item_title(self, item):
        return self.text(item.title)

    def item_description(self, item):
        return escape(self.text(item.summary or item.search_description))

    def item_link(self, item):
        return self.url(item)

    def item_guid(self, item):
        # Stable across title and slug changes; translations (and the Latin script) get their own GUIDs.
        language = LATIN if self.latin else item.locale.language_code
        return f"urn:uuid:{item.translation_key}:{language}"

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
        feed.feed["language"] = self.feed_language()
        return feed


class ContentAtomFeed(ContentRssFeed):
    feed_type = Atom1Feed
    subtitle = ContentRssFeed.description
