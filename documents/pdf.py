"""Generating simple multi-page PDFs (demo data, tests) in Albanian, Serbian Cyrillic and English.

fpdf2's built-in fonts cover Latin-1 only, so text is set in Roboto (shipped by
the ``font-roboto`` package, with Cyrillic and ë/ç); Debian's DejaVu Sans is the
second choice. With neither, Serbian is transliterated to Latin and set in
Helvetica, so the demo never fails for want of a font.
"""

import logging
import unicodedata
from functools import cache
from pathlib import Path

from fpdf import FPDF

# fontTools reports every table it prunes while subsetting, at INFO.
logging.getLogger("fontTools").setLevel(logging.WARNING)

FALLBACK_FONTS = [Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")]
_CYRILLIC = "абвгдђежзијклљмнњопрстћуфхцчџшАБВГДЂЕЖЗИЈКЛЉМНЊОПРСТЋУФХЦЧЏШ"
_LATIN = (
    "a b v g d đ e ž z i j k l lj m n nj o p r s t ć u f h c č dž š "
    "A B V G D Đ E Ž Z I J K L Lj M N Nj O P R S T Ć U F H C Č Dž Š"
)
CYRILLIC_TO_LATIN = dict(zip(_CYRILLIC, _LATIN.split(), strict=True))


@cache
def unicode_font_path():
    try:
        import font_roboto

        path = Path(font_roboto.Roboto)
        if path.exists():
            return path
    except (ImportError, AttributeError):
        pass
    return next((path for path in FALLBACK_FONTS if path.exists()), None)


def to_latin1(text):
    """Serbian Latin, then without the diacritics Latin-1 lacks (č → c, đ → dj): the last resort."""
    latin = "".join(CYRILLIC_TO_LATIN.get(char, char) for char in text).replace("đ", "dj").replace("Đ", "Dj")
    plain = []
    for char in latin:
        try:
            char.encode("latin-1")
        except UnicodeEncodeError:
            char = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
        plain.append(char)
    return "".join(plain).encode("latin-1", "replace").decode("latin-1")


class _NumberedPDF(FPDF):
    font_family_name = "Helvetica"

    def footer(self):
        self.set_y(-15)
        self.set_font(self.font_family_name, size=8)
        self.cell(0, 10, f"{self.page_no()} / {{nb}}", align="C")


def build_pdf(title, pages, *, author="Komuna"):
    """A PDF with ``title`` as its heading and one page per string in ``pages``; returns bytes."""
    pdf = _NumberedPDF(format="A4")
    pdf.set_title(title)
    pdf.set_author(author)
    pdf.set_auto_page_break(auto=True, margin=20)
    font_path = unicode_font_path()
    if font_path:
        pdf.add_font("Body", "", str(font_path))
        family, clean = "Body", str
    else:
        family, clean = "Helvetica", to_latin1
    pdf.font_family_name = family
    for text in pages:
        pdf.add_page()
        pdf.set_font(family, size=16)
        pdf.multi_cell(0, 9, clean(title))
        pdf.ln(4)
        pdf.set_font(family, size=11)
        pdf.multi_cell(0, 6, clean(text))
    return bytes(pdf.output())
