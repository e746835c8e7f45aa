"""Search normalisation and stemming (search/text.py), on word lists per language."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from search.text import (
    ALBANIAN_MIN_STEM,
    ALBANIAN_SUFFIXES,
    MAX_QUERY_LENGTH,
    MAX_WORD_LENGTH,
    fold,
    index_terms,
    prepare_query,
    query_terms,
    stem,
    stem_albanian,
    variants,
)

# Each group: the forms of one word, typed with and without ë/ç, and their shared stem.
ALBANIAN_GROUPS = [
    ("komun", ["Komunës", "komunes", "komuna", "komunë", "komune", "komunat", "komunave", "komunën"]),
    ("kuvend", ["Kuvend", "Kuvendi", "Kuvendit", "Kuvendin", "kuvendet", "kuvendeve"]),
    ("buxh", ["buxhet", "buxhetin", "buxhetit", "buxheti", "buxhetet", "buxhete", "buxheteve"]),
    ("vendim", ["vendim", "vendimi", "vendimet", "vendimit", "vendimin", "vendime", "vendimeve"]),
    ("qyte", ["qytet", "qyteti", "qytetit", "qytetin", "qytetet", "qytete"]),
    ("shoqer", ["shoqëri", "shoqëria", "shoqërisë", "shoqërinë", "shoqeria", "shoqerise"]),
    ("punetor", ["punëtor", "punëtori", "punëtorë", "punëtorët", "punëtorëve", "punetoret"]),
    ("mbledh", ["mbledhja", "mbledhje", "mbledhjes", "mbledhjen", "mbledhjet", "mbledhjeve"]),
    ("rapor", ["raport", "raporti", "raportit", "raporte", "raportet"]),
    ("ligj", ["ligji", "ligjit", "ligjin", "ligjet", "ligjeve"]),
    ("shtep", ["shtëpi", "shtëpia", "shtëpisë", "shtëpinë", "shtëpitë"]),
    ("rrug", ["rruga", "rrugë", "rrugën", "rrugës", "rrugët", "rrugeve"]),
    ("kosov", ["Kosova", "Kosovë", "Kosovës", "Kosovën"]),
    ("drejtor", ["drejtor", "drejtori", "drejtorit", "drejtorin", "drejtoret"]),
    ("kryetar", ["kryetar", "kryetari", "kryetarit", "kryetarin", "kryetarët"]),
    ("seanc", ["seancë", "seanca", "seancën", "seancës", "seancat"]),
    ("zgjedh", ["zgjedhje", "zgjedhjet", "zgjedhjeve", "zgjedhjes"]),
    ("ministr", ["ministri", "ministrit", "ministrin", "ministrat", "ministrave"]),
    ("projek", ["projekt", "projekti", "projektit", "projektet", "projekteve"]),
    ("konkurs", ["konkurs", "konkursi", "konkursit", "konkursin", "konkurset"]),
    ("njoftim", ["njoftim", "njoftimi", "njoftimet", "njoftimeve", "njoftimin"]),
    ("lagj", ["lagje", "lagjja", "lagjes", "lagjen", "lagjet"]),
    ("qever", ["qeveria", "qeverisë", "qeverinë", "qeveri"]),
    ("xham", ["xhamia", "xhamisë", "xhaminë", "xhami"]),
    ("çerdh", ["çerdhe", "çerdhja", "çerdhes", "çerdhen", "çerdhet"]),
    ("arsim", ["arsim", "arsimi", "arsimit", "arsimin", "arsimet"]),
    ("plan", ["plan", "plani", "planit", "planin", "planet", "planeve"]),
    ("sherbim", ["shërbim", "shërbimi", "shërbimet", "shërbimeve", "sherbimit"]),
]


@pytest.mark.parametrize(("expected", "words"), ALBANIAN_GROUPS, ids=[group[0] for group in ALBANIAN_GROUPS])
def test_albanian_forms_share_one_stem(expected, words):
    stems = {word: stem(word, "sq") for word in words}
    assert set(stems.values()) == {stem(words[0], "sq")}, stems
    # The expected stems are written the way a reader spells them; stems are folded.
    assert stem(words[0], "sq") == stem_albanian(fold(words[0])) == fold(expected)


def test_albanian_group_count():
    assert len(ALBANIAN_GROUPS) >= 25


def test_albanian_suffixes_are_tried_longest_first():
    lengths = [len(suffix) for suffix in ALBANIAN_SUFFIXES]
    assert lengths == sorted(lengths, reverse=True)


# Words that are different words: their stems must stay apart.
ALBANIAN_DISTINCT = [
    ("vend", "vendim"),
    ("vendi", "vendimi"),
    ("punë", "punonjës"),
    ("zyrë", "zyrtar"),
    ("komuna", "komunikim"),
    ("ligji", "ligjërata"),
    ("plan", "planifikim"),
    ("kuvendi", "kuvendim"),
]


@pytest.mark.parametrize(("first", "second"), ALBANIAN_DISTINCT)
def test_albanian_different_words_keep_different_stems(first, second):
    assert stem(first, "sq") != stem(second, "sq")


# Short words are never cut: conjunctions, prepositions, articles and short nouns.
ALBANIAN_SHORT = [
    "dhe",
    "për",
    "nga",
    "një",
    "të",
    "në",
    "me",
    "mbi",
    "si",
    "se",
    "ka",
    "ujë",
    "dita",
    "emri",
    "viti",
    "punë",
    "puna",
    "dorë",
    "zyra",
    "zyrë",
]


@pytest.mark.parametrize("word", ALBANIAN_SHORT)
def test_albanian_short_words_are_not_stemmed(word):
    assert stem(word, "sq") == fold(word)


def test_albanian_stem_is_never_shorter_than_the_minimum():
    for _expected, words in ALBANIAN_GROUPS:
        for word in words:
            folded = fold(word)
            assert len(stem(word, "sq")) >= min(len(folded), ALBANIAN_MIN_STEM)


SERBIAN_GROUPS = [
    ["Skupstina", "skupstine", "Скупштина", "Скупштине", "Skupština", "SKUPŠTINOM", "скупштини"],
    ["budzet", "буџет", "буџету", "budžeta", "BUDŽETOM", "буџета"],
    ["odluka", "одлуке", "одлуку", "odluke", "odlukom"],
    ["opština", "opstina", "општини", "opštine", "opstinom"],
    ["sednica", "седница", "седнице", "sednici", "седницу"],
    ["rešenje", "resenje", "решења", "resenja"],
    ["konkurs", "конкурса", "konkursu", "konkurs"],
    ["đak", "djak", "ђак", "ЂАК"],
    ["plaća", "placa", "плаћа"],
]


@pytest.mark.parametrize("words", SERBIAN_GROUPS, ids=[group[0] for group in SERBIAN_GROUPS])
@pytest.mark.parametrize("language", ["sr", "sr-latn"])
def test_serbian_forms_share_one_stem_in_both_scripts_with_and_without_diacritics(words, language):
    stems = {word: stem(word, language) for word in words}
    assert len(set(stems.values())) == 1, stems


def test_serbian_stems_are_folded_latin():
    assert stem("Скупштине", "sr") == "skupstin"
    assert stem("буџету", "sr") == "budzet"
    assert stem("ђаци", "sr") == "djac"


def test_serbian_dj_written_as_d_is_indexed_too():
    terms = index_terms("Ђаци у граду", "sr")
    assert "djaci" in terms and "daci" in terms
    assert stem("daci", "sr") in terms
    assert set(query_terms("daci", "sr")) & set(terms)
    assert set(query_terms("djaci", "sr")) & set(terms)
    assert variants("djak") == ["dak"]
    assert variants("grad") == []


ENGLISH_GROUPS = [
    ["decisions", "decision", "Decision"],
    ["meetings", "meeting", "Meeting"],
    ["budgets", "budget", "budgeting"],
    ["councils", "council"],
    ["vacancies", "vacancy"],
]


@pytest.mark.parametrize("words", ENGLISH_GROUPS, ids=[group[0] for group in ENGLISH_GROUPS])
def test_english_forms_share_one_stem(words):
    assert len({stem(word, "en") for word in words}) == 1


@pytest.mark.parametrize(
    ("query", "document", "language"),
    [
        ("Komunes", "Komunës", "sq"),
        ("Kuvend", "Kuvendi", "sq"),
        ("buxhet", "buxhetin", "sq"),
        ("buxhet", "buxhetit", "sq"),
        ("buxhet", "buxheti", "sq"),
        ("vendim", "vendimi", "sq"),
        ("vendim", "vendimet", "sq"),
        ("vendim", "vendimit", "sq"),
        ("Skupstina", "Скупштина", "sr"),
        ("skupstine", "Скупштине", "sr"),
        ("budzet", "буџет", "sr"),
        ("budzet", "буџету", "sr"),
        ("budzet", "budžeta", "sr-latn"),
        ("odluka", "одлуке", "sr"),
        ("odluka", "одлуку", "sr"),
        ("decisions", "decision", "en"),
        ("meetings", "meeting", "en"),
    ],
)
def test_query_meets_document(query, document, language):
    assert stem(query, language) == stem(document, language)
    assert set(query_terms(query, language)) & set(index_terms(document, language))


def test_very_long_tokens_and_numbers_are_kept_as_they_are():
    assert stem("a" * (MAX_WORD_LENGTH + 1), "sq") == "a" * (MAX_WORD_LENGTH + 1)
    assert stem("komunat" * 10, "sq") == "komunat" * 10
    assert stem("12a", "sq") == "12a"
    assert index_terms("Vendimi nr. 12/2026", "sq") == ["vendimi", "vendim", "nr", "12", "2026"]


def test_unknown_language_folds_without_stemming():
    assert stem("Komunës", "de") == "komunes"
    assert stem("Komunës", None) == "komunes"


@pytest.mark.parametrize("spelling", ["Skupština", "Скупштина", "skupstina", "SKUPŠTINA", "СКУПШТИНА"])
def test_fold_gives_one_form_for_serbian_in_both_scripts(spelling):
    assert fold(spelling, "sr") == "skupstina"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Komunës", "komunes"),
        ("komunes", "komunes"),
        ("Çerdhe FËMIJËSH", "cerdhe femijesh"),
        ("Ђорђе Џаковић", "djordje dzakovic"),
        ("Đorđe Džaković", "djordje dzakovic"),
        ("ЉУДИ и Њива", "ljudi i njiva"),
        ("  Kuvendi,\tKomunës!\n(2026) — nr. 12/2026  ", "kuvendi komunes 2026 nr 12 2026"),
        ("café naïve Straße", "cafe naive strasse"),
        ("snake_case-and+plus", "snake case and plus"),
        ("", ""),
        (None, ""),
    ],
)
def test_fold(text, expected):
    assert fold(text, "sq") == expected


def test_fold_is_the_same_for_every_language():
    text = "Seanca e Kuvendit, Седница Скупштине, Council meeting"
    assert fold(text, "sq") == fold(text, "sr") == fold(text, "sr-latn") == fold(text, "en")


def test_index_terms_are_words_and_stems_once_in_order():
    assert index_terms("Vendimi i Kuvendit për vendimet", "sq") == [
        "vendimi",
        "vendim",
        "i",
        "kuvendit",
        "kuvend",
        "per",
        "vendimet",
    ]


def test_query_terms_drop_operators_and_punctuation():
    assert query_terms('"buxhet" AND -komunës*', "sq") == ["buxhet", "buxh", "komunes", "komun"]
    assert query_terms("budget OR meeting NOT vacancy", "en") == [
        "budget",
        "meeting",
        "meet",
        "vacancy",
        "vacanc",
    ]
    # In lower case, "or" is a word (in English, for example), not an operator.
    assert "or" in query_terms("or", "en")


NASTY = [
    "",
    " ",
    "\"'`",
    '"""',
    "AND",
    "AND OR NOT",
    "- * + ~ ^ ! ( ) [ ] { } : / \\ | & < >",
    "***",
    "-",
    "'; DROP TABLE wagtailsearch_indexentry; --",
    "%_%",
    "\x00\x01\x02\x1f\x7f",
    "\u200b\u200d\ufeff",
    "🏛️🗳️📄",
    "\U0001f468\u200d\U0001f469\u200d\U0001f467",
    "\ud800",
    "a" * 10_000,
    "ш" * 10_000,
    "Komunës " * 2_000,
    "ﷺ ﬁ ǅ Ⅻ ①",
    "\u0301\u0308",
    "<script>alert(1)</script>",
]


@pytest.mark.parametrize("text", NASTY, ids=range(len(NASTY)))
@pytest.mark.parametrize("language", ["sq", "sr", "sr-latn", "en", "", None, "xx-unknown"])
def test_bad_input_never_raises(text, language):
    terms = query_terms(text, language)
    assert all(term and " " not in term for term in terms)
    index_terms(text, language)
    for word in text.split()[:5]:
        stem(word, language)


@pytest.mark.parametrize("text", ["", "   ", '"', "AND", "AND OR NOT", "- * +", "***", "🏛️", "\x00\x7f"])
def test_queries_without_words_have_no_terms(text):
    assert query_terms(text, "sq") == []


def test_long_query_is_cut_at_a_word_boundary():
    query = "komunes " * 100
    prepared = prepare_query(query, "sq")
    assert prepared.truncated
    assert prepared.terms == ["komunes", "komun"]

    # A cut inside a word drops the fragment.
    query = "x " * ((MAX_QUERY_LENGTH - 2) // 2) + "vendimet"
    prepared = prepare_query(query, "sq")
    assert prepared.truncated
    assert prepared.terms == ["x"]

    # A query of exactly the maximum length is not cut.
    query = "x" * (MAX_QUERY_LENGTH - 8) + " vendimi"
    assert len(query) == MAX_QUERY_LENGTH
    prepared = prepare_query(query, "sq")
    assert not prepared.truncated
    assert prepared.terms[-2:] == ["vendimi", "vendim"]


def test_only_strings_are_accepted():
    with pytest.raises(TypeError, match="must be a string, not int"):
        query_terms(42, "sq")


@given(st.text())
def test_any_string_gives_terms_without_error(text):
    for language in ("sq", "sr", "en"):
        terms = query_terms(text, language)
        assert len(terms) == len(set(terms))
        assert all(term == fold(term) for term in terms)
        assert prepare_query(text, language).truncated == (len(text) > MAX_QUERY_LENGTH)


@given(st.text(alphabet=st.sampled_from("abcdeëçfghijklmnopqrstuvxyz"), min_size=1, max_size=20))
def test_albanian_folded_and_unfolded_words_share_the_stem(word):
    assert stem(word, "sq") == stem(word.replace("ë", "e").replace("ç", "c"), "sq")
    assert stem(word.upper(), "sq") == stem(word, "sq")


@given(st.text())
def test_fold_is_idempotent(text):
    assert fold(fold(text)) == fold(text)
