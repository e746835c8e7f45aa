"""HTML that came from the content is reduced to what the rich text editor can make.

Wagtail's editor keeps rich text to its features when an editor saves it, but
rich text also arrives past the editor: imports, scripts, the admin's API, a
copy of another database. What is stored is rendered as stored, so a
``<script>`` or an ``onerror`` attribute there would run in every reader's
browser. :func:`clean_rich_text` is applied to the rendered rich text of the
HTML site (every ``|richtext`` and rich text block goes through
``wagtailcore/shared/richtext.html``) and of the GraphQL API.

It parses the HTML and writes it out again with only the elements and
attributes of the editor's features (``ALLOWED_TAGS``), links only to web,
mail and telephone addresses or relative ones, all text escaped and every
element closed: what comes out is what a browser sees, whatever the input's
quirks. Enabling an editor feature with elements of its own (images, embeds,
tables) means adding them here.
"""

import re
from html import escape
from html.parser import HTMLParser

# The elements of the editor features (bold, italic, headings, lists, links, rules,
# code, sub- and superscript, strikethrough, quotations).
ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "h5", "h6", "b", "strong", "i", "em", "s", "sub", "sup",
    "code", "blockquote", "ol", "ul", "li", "hr", "a",
}  # fmt: skip
# HTML's elements without content or end tag.
VOID_TAGS = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
}  # fmt: skip
# Dropped with everything inside: their content is code, or no text of the page.
DROPPED_TAGS = {
    "script", "style", "template", "iframe", "frame", "frameset", "object", "embed", "applet",
    "noscript", "noembed", "noframes", "textarea", "select", "svg", "math", "title", "head", "xmp",
    "plaintext",
}  # fmt: skip
# Draftail marks each block with a key; harmless, and kept so the markup stays as saved.
ALLOWED_ATTRIBUTES = {"data-block-key"}
SAFE_SCHEMES = {"http", "https", "mailto", "tel"}
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")


def is_safe_url(url):
    """A web, mail or telephone address, or a relative one: nothing a browser would run."""
    # Browsers ignore control characters and blanks anywhere in the scheme ("java\tscript:").
    match = _SCHEME.match(_CONTROL.sub("", url or ""))
    return match is None or match.group(1).lower() in SAFE_SCHEMES


def clean_rich_text(html):
    """``html`` with only the editor's elements, attributes and safe links (see the module)."""
    if not html:
        return ""
    cleaner = _Cleaner()
    cleaner.feed(str(html))
    cleaner.close()
    return cleaner.result()


class _Cleaner(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.out = []
        self.open = []
        self.dropping = []

    def handle_starttag(self, tag, attrs):
        if self.dropping or tag in DROPPED_TAGS:
            if tag in DROPPED_TAGS and tag not in VOID_TAGS:
                self.dropping.append(tag)
            return
        if tag not in ALLOWED_TAGS:
            return  # unwrapped: its text stays
        kept = []
        for name, value in attrs:
            if name in ALLOWED_ATTRIBUTES or (tag == "a" and name == "href" and is_safe_url(value)):
                kept.append(f' {name}="{escape(value or "", quote=True)}"')
        self.out.append(f"<{tag}{''.join(kept)}>")
        if tag not in VOID_TAGS:
            self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        # "<p/>" is "<p>" to a browser; "<script/>" still opens a script.
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if self.dropping:
            if tag in self.dropping:
                while self.dropping.pop() != tag:
                    pass
            return
        if tag in self.open:
            while (current := self.open.pop()) != tag:
                self.out.append(f"</{current}>")
            self.out.append(f"</{tag}>")

    def handle_data(self, data):
        if not self.dropping:
            self.out.append(escape(data, quote=False))

    def handle_entityref(self, name):
        if not self.dropping:
            self.out.append(f"&{name};" if name.isalnum() else escape(f"&{name}"))

    def handle_charref(self, name):
        if not self.dropping:
            self.out.append(f"&#{name};" if re.fullmatch(r"[0-9]+|[xX][0-9a-fA-F]+", name) else "")

    # Comments, declarations, processing instructions and CDATA sections are dropped.

    def result(self):
        return "".join(self.out) + "".join(f"</{tag}>" for tag in reversed(self.open))
