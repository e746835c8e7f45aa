import re

from citizens.tracking import ALPHABET, new_code, normalise


def test_codes_are_two_groups_of_crockford_base32():
    codes = {new_code() for _ in range(2000)}
    assert len(codes) == 2000
    assert all(re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}", code) for code in codes)
    assert set("ILOU").isdisjoint(ALPHABET)


def test_a_code_read_back_forgives_case_spaces_and_look_alikes():
    assert normalise("k7qm 4xpa") == "K7QM-4XPA"
    assert normalise("K7QM4XPA") == "K7QM-4XPA"
    assert normalise("1o1o-ILIL") == "1010-1111"
    assert normalise("K7QM-4XP") is None
    assert normalise("K7QM-4XPU") is None
    assert normalise(None) is None
