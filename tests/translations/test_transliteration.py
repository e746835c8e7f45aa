import pytest

from home.glossary import load_glossary
from translations.transliteration import (
    find_latin_words,
    find_latin_words_html,
    to_cyrillic,
    to_cyrillic_html,
    to_latin,
    to_latin_html,
)

ROWS = list(load_glossary().values())


@pytest.mark.parametrize("row", ROWS, ids=[row["key"] for row in ROWS])
def test_every_glossary_row_transliterates_to_its_latin_form(row):
    assert to_latin(row["sr_cyrl"]) == row["sr_latn"]


@pytest.mark.parametrize("row", ROWS, ids=[row["key"] for row in ROWS])
def test_every_glossary_row_converts_back_to_cyrillic(row):
    assert to_cyrillic(row["sr_latn"]) == row["sr_cyrl"]


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("ЉУДИ", "LJUDI"),
        ("Љубљана", "Ljubljana"),
        ("ЊЕГОШ", "NJEGOŠ"),
        ("ЏЕП", "DŽEP"),
        ("Џ", "Dž"),
        ("НОВИ ЏЕП", "NOVI DŽEP"),
        ("Ђорђе Ћирић", "Đorđe Ćirić"),
    ],
)
def test_digraphs_follow_the_case_of_their_word(cyrillic, latin):
    assert to_latin(cyrillic) == latin


def test_urls_and_email_addresses_in_plain_text_are_kept():
    text = "Пишите на инфо@komuna.example или https://komuna.example/вести/нова?страна=1 и www.komuna.org"
    assert to_latin(text) == (
        "Pišite na инфо@komuna.example ili https://komuna.example/вести/нова?страна=1 i www.komuna.org"
    )


def test_html_text_nodes_only():
    html = (
        '<p>Одлука <a href="https://komuna.example/одлуке/" title="Одлуке општине">Скупштине</a>, '
        '<a href="mailto:kancelarija@komuna.example">kancelarija@komuna.example</a>'
        "<code>Општина</code><pre>ЉУДИ</pre> и <b>ЉУДИ</b></p>"
    )
    assert to_latin_html(html) == (
        '<p>Odluka <a href="https://komuna.example/одлуке/" title="Одлуке општине">Skupštine</a>, '
        '<a href="mailto:kancelarija@komuna.example">kancelarija@komuna.example</a>'
        "<code>Општина</code><pre>ЉУДИ</pre> i <b>LJUDI</b></p>"
    )


def test_empty_values_pass_through():
    assert to_latin("") == ""
    assert to_latin_html(None) is None


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("nadživeti", "надживети"),
        ("podžupan", "поджупан"),
        ("džep", "џеп"),
        ("injekcija", "инјекција"),
        ("konjugacija", "конјугација"),
        ("Ljubljana LJUDI Njegoš", "Љубљана ЉУДИ Његош"),
    ],
)
def test_latin_to_cyrillic_digraphs(latin, cyrillic):
    assert to_cyrillic(latin) == cyrillic


def test_latin_to_cyrillic_leaves_foreign_words_numerals_and_addresses():
    text = (
        "Sednica XII u Wagtail i Facebook, vidi https://komuna.example/sednica ili pisi info@komuna.example"
    )
    assert to_cyrillic(text) == (
        "Седница XII у Wagtail и Facebook, види https://komuna.example/sednica или писи info@komuna.example"
    )


def test_latin_to_cyrillic_html_keeps_attributes():
    html = '<p>Javni <a href="https://komuna.example/javni-sastanak">sastanak</a></p>'
    assert (
        to_cyrillic_html(html) == '<p>Јавни <a href="https://komuna.example/javni-sastanak">састанак</a></p>'
    )


def test_detects_latin_words_in_serbian_text():
    assert find_latin_words("Седница Skupštine општине") == ["Skupštine"]
    assert find_latin_words("Седница Скупштине општине") == []
    # Addresses, foreign names and numerals are not Serbian typed in Latin.
    assert find_latin_words("Пишите на info@komuna.example, Facebook, XII, https://x.example/vesti") == []


def test_latin_words_are_whole_words_with_albanian_letters():
    # ë and ç are letters: the warning names "Komunës", never "Komun" and "s".
    assert find_latin_words("Одлука Komunës и Kuvendi") == ["Komunës", "Kuvendi"]
    assert find_latin_words("Çështja") == ["Çështja"]


def test_detects_latin_words_in_html_text_only():
    html = '<p>Седница <a href="https://komuna.example/vesti">вести</a> <code>vesti</code> je</p>'
    assert find_latin_words_html(html) == ["je"]


def test_html_markup_keeps_its_exact_bytes():
    html = (
        '<p data-block-key="ab">Ц&nbsp;Д &amp; Ђ<br><img src="a.png" alt="Ђ"></p>'
        '<embed embedtype="image" id="1" format="left" alt="Ћ"/><!-- Ш --><pre>Ш<code>Ш</code>Ш</pre>Ш'
    )
    assert to_latin_html(html) == (
        '<p data-block-key="ab">C&nbsp;D &amp; Đ<br><img src="a.png" alt="Ђ"></p>'
        '<embed embedtype="image" id="1" format="left" alt="Ћ"/><!-- Ш --><pre>Ш<code>Ш</code>Ш</pre>Š'
    )


def test_character_references_survive_latin_to_cyrillic():
    assert to_cyrillic_html("<p>Javni &amp; sastanak&nbsp;danas &#8211; <code>vesti</code></p>") == (
        "<p>Јавни &amp; састанак&nbsp;данас &#8211; <code>vesti</code></p>"
    )
