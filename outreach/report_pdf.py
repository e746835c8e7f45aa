"""The report to the head of office as an A4 PDF, in the active language.

The same sections and figures as the admin page (``outreach.report``), one
table each, set in Roboto (``documents.pdf`` finds the font) so Albanian and
Serbian in both scripts print as they are written.
"""

from pathlib import Path

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from fpdf import FPDF
from fpdf.fonts import FontFace

from documents.pdf import to_latin1, unicode_font_path

# The figures' columns are at most this wide (mm); the labels take the rest of the line.
FIGURE_WIDTH = 26
LABEL_MIN_SHARE = 0.4
HEADING_FILL = (230, 234, 240)
TOTAL_FILL = (245, 246, 248)


class _ReportPDF(FPDF):
    family = "Helvetica"
    footer_text = ""

    def footer(self):
        self.set_y(-15)
        self.set_font(self.family, size=8)
        self.cell(0, 10, f"{self.footer_text}    {self.page_no()} / {{nb}}", align="C")


def _fonts(pdf):
    """Roboto (regular and bold) where it is installed; else Helvetica with Latin-1 text."""
    regular = unicode_font_path()
    if regular is None:
        return "Helvetica", to_latin1
    bold = regular.with_name("Roboto-Bold.ttf")
    pdf.add_font("Report", "", str(regular))
    pdf.add_font("Report", "B", str(bold if Path(bold).exists() else regular))
    return "Report", str


def cell_text(value):
    if value is None:
        return "–"
    if isinstance(value, float):
        return formats.number_format(value, decimal_pos=1)
    return str(value)


def build_report_pdf(sections, start, end, site_name):
    """The PDF's bytes: a title with the site's name and the period, then one table per section."""
    period = _("Period: %(start)s – %(end)s.") % {
        "start": formats.date_format(start, "SHORT_DATE_FORMAT"),
        "end": formats.date_format(end, "SHORT_DATE_FORMAT"),
    }
    title = _("Report to the head of office")
    pdf = _ReportPDF(format="A4")
    pdf.family, clean = _fonts(pdf)
    pdf.footer_text = clean(f"{site_name} · {title}")
    pdf.set_title(clean(f"{title} – {site_name}"))
    pdf.set_author(clean(site_name))
    pdf.set_creation_date(timezone.now())
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.add_page()

    pdf.set_font(pdf.family, size=10)
    pdf.cell(0, 6, clean(site_name), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(pdf.family, "B", size=16)
    pdf.multi_cell(0, 9, clean(title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(pdf.family, size=11)
    pdf.multi_cell(0, 6, clean(period), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(pdf.family, size=8)
    generated = _("Made on %(date)s.") % {
        "date": formats.date_format(timezone.localtime(), "SHORT_DATETIME_FORMAT")
    }
    pdf.cell(0, 5, clean(generated), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)

    for section in sections:
        _section(pdf, section, clean)
    return bytes(pdf.output())


def _section(pdf, section, clean):
    figures = len(section.columns) - 1
    # A heading never stands alone at the foot of a page.
    if pdf.will_page_break(12 + 7 * min(len(section.rows), 3)):
        pdf.add_page()
    pdf.set_font(pdf.family, "B", size=12)
    pdf.multi_cell(0, 7, clean(str(section.title)), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)
    pdf.set_font(pdf.family, size=9)
    figure_width = min(FIGURE_WIDTH, pdf.epw * (1 - LABEL_MIN_SHARE) / figures)
    widths = (pdf.epw - figure_width * figures, *([figure_width] * figures))
    with pdf.table(
        col_widths=widths,
        text_align=("LEFT", *(["RIGHT"] * figures)),
        headings_style=FontFace(emphasis="BOLD", fill_color=HEADING_FILL),
        line_height=5,
        padding=1.2,
        repeat_headings=1,
    ) as table:
        header = table.row()
        for column in section.columns:
            header.cell(clean(str(column)))
        for number, values in enumerate(section.rows, start=1):
            is_total = number == len(section.rows) and str(values[0]) == _("Total")
            style = FontFace(emphasis="BOLD", fill_color=TOTAL_FILL) if is_total else None
            row = table.row()
            for value in values:
                row.cell(clean(cell_text(value)), style=style)
    pdf.ln(6)
