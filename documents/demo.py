"""Demo documents: real multi-page PDFs generated at load time, in sq, sr and en, linked as versions.

Albanian is the original; the Serbian (Cyrillic) and English files are its
language versions. Documents are looked up by reference number and language, so
loading twice creates nothing twice.
"""

import datetime

from django.core.files.base import ContentFile

from home.models import Body, DocumentType

from .models import Document
from .pdf import build_pdf

DEMO_DOCUMENTS = [
    {
        "reference_number": "01-016/2015-12",
        "document_type": "vendim",
        "issuing_body": "kuvendi",
        "date_issued": datetime.date(2015, 3, 26),
        "file": "vendim-ndricimi-publik",
        "title": {
            "sq": "Vendim për ndriçimin publik në zonat rurale",
            "sr": "Одлука о јавној расвети у руралним подручјима",
            "en": "Decision on public lighting in rural areas",
        },
        "pages": {
            "sq": [
                "Kuvendi i Komunës, në mbledhjen e mbajtur më 26 mars 2015, në bazë të Statutit të Komunës, "
                "miratoi këtë vendim.",
                "Neni 1. Komuna financon ndriçimin publik në fshatrat që nuk e kanë ende, sipas planit të "
                "Drejtorisë për Shërbime Publike.",
                "Neni 2. Punimet fillojnë në prill dhe përfundojnë deri në fund të vitit. Zyra për Komunikim "
                "dhe Informim njofton qytetarët për çdo fazë të punimeve.",
            ],
            "sr": [
                "Скупштина општине је на седници одржаној 26. марта 2015. године, на основу Статута општине, "
                "усвојила ову одлуку.",
                "Члан 1. Општина финансира јавну расвету у селима која је још немају, према плану Дирекције "
                "за јавне услуге.",
                "Члан 2. Радови почињу у априлу и завршавају се до краја године. Канцеларија за комуникацију "
                "и информисање обавештава грађане о свакој фази радова.",
            ],
            "en": [
                "The Municipal Assembly, at its meeting held on 26 March 2015, on the basis of the Statute of "
                "the Municipality, adopted this decision.",
                "Article 1. The Municipality funds public lighting in villages that do not yet have it, "
                "following the plan of the Directorate for Public Services.",
                "Article 2. Works begin in April and end by the end of the year. The Office for Communication "
                "and Information informs citizens of every stage of the works.",
            ],
        },
    },
    {
        "reference_number": "02-110/2015-4",
        "document_type": "procesverbal",
        "issuing_body": "kpf",
        "date_issued": datetime.date(2015, 4, 14),
        "file": "procesverbal-kpf-prill",
        "title": {
            "sq": "Procesverbal i mbledhjes së Komitetit për Politikë dhe Financa",
            "sr": "Записник са седнице Одбора за политику и финансије",
            "en": "Minutes of the meeting of the Committee for Policy and Finance",
        },
        "pages": {
            "sq": [
                "Mbledhja u mbajt më 14 prill 2015 në sallën e Kuvendit. Të pranishëm ishin nëntë anëtarë.",
                "Rendi i ditës: 1. Raporti financiar tremujor. 2. Propozim-buxheti për vitin 2016.",
                "Komiteti rekomandoi që propozim-buxheti të dërgohet për konsultim publik me qytetarët.",
            ],
            "sr": [
                "Седница је одржана 14. априла 2015. у сали Скупштине. Присутно је било девет чланова.",
                "Дневни ред: 1. Тромесечни финансијски извештај. 2. Предлог буџета за 2016. годину.",
                "Одбор је препоручио да се предлог буџета упути на јавну расправу са грађанима.",
            ],
            "en": [
                "The meeting was held on 14 April 2015 in the Assembly hall. Nine members were present.",
                "Agenda: 1. Quarterly financial report. 2. Draft budget for 2016.",
                "The committee recommended that the draft budget be sent to public consultation with citizens.",
            ],
        },
    },
    {
        "reference_number": "03-020/2015-1",
        "document_type": "rregullore",
        "issuing_body": "kryetari",
        "date_issued": datetime.date(2015, 5, 8),
        "file": "rregullore-qasja-ne-dokumente",
        "title": {
            "sq": "Rregullore për qasjen në dokumente publike",
            "sr": "Правилник о приступу јавним документима",
            "en": "Regulation on access to public documents",
        },
        "pages": {
            "sq": [
                "Kjo rregullore përcakton mënyrën se si qytetarët kërkojnë dhe marrin dokumente publike nga Komuna.",
                "Kërkesa bëhet me shkrim ose me e-mail. Zyrtari për informim përgjigjet brenda shtatë ditëve.",
                "Dokumentet publikohen në ueb-faqen e Komunës në gjuhën shqipe, serbe dhe angleze.",
            ],
            "sr": [
                "Овим правилником се утврђује начин на који грађани траже и добијају јавне документе од општине.",
                "Захтев се подноси писмено или е-поштом. Службеник за информисање одговара у року од седам дана.",
                "Документи се објављују на веб-сајту општине на албанском, српском и енглеском језику.",
            ],
            "en": [
                "This regulation sets out how citizens request and receive public documents from the Municipality.",
                "Requests are made in writing or by e-mail. The information officer answers within seven days.",
                "Documents are published on the Municipality's website in Albanian, Serbian and English.",
            ],
        },
    },
]
LANGUAGES = ("sq", "sr", "en")


def load(ctx):
    ctx.write("Documents: generated PDFs in Albanian, Serbian and English")
    types = {item.slug: item for item in DocumentType.objects.all()}
    bodies = {item.slug: item for item in Body.objects.all()}
    for spec in DEMO_DOCUMENTS:
        original = None
        for language in LANGUAGES:
            document = Document.objects.filter(
                reference_number=spec["reference_number"], language=language
            ).first()
            if document is None:
                title = spec["title"][language]
                document = Document(
                    title=title,
                    reference_number=spec["reference_number"],
                    language=language,
                    document_type=types.get(spec["document_type"]),
                    issuing_body=bodies.get(spec["issuing_body"]),
                    date_issued=spec["date_issued"],
                    original=original,
                    file=ContentFile(
                        build_pdf(title, spec["pages"][language]), name=f"{spec['file']}.{language}.pdf"
                    ),
                )
                document.save()
                ctx.count("documents", True)
            elif original is not None and document.original_id != original.pk:
                document.original = original
                document.save(update_fields=["original"])
                ctx.count("documents", True)
            if language == LANGUAGES[0]:
                original = document
