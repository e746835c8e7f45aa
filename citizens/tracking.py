"""Tracking codes: short, unguessable, and readable aloud over the phone.

Eight characters of Crockford's base32 (no I, L, O or U: nothing to confuse
with 1, 0 or V, and no accidental words) in two groups, ``K7QM-4XPA``: 40
random bits from ``secrets``. Reading one back forgives what people do when
typing a code they heard: lower case, spaces, a missing dash, O for 0 and
I or L for 1.
"""

import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
GROUPS = 2
GROUP_LENGTH = 4
CONFUSABLE = str.maketrans({"O": "0", "I": "1", "L": "1"})


def new_code():
    groups = ("".join(secrets.choice(ALPHABET) for _ in range(GROUP_LENGTH)) for _ in range(GROUPS))
    return "-".join(groups)


def normalise(text):
    """The code as stored, or None when ``text`` cannot be one."""
    characters = "".join(str(text or "").upper().split()).replace("-", "").translate(CONFUSABLE)
    if len(characters) != GROUPS * GROUP_LENGTH or any(char not in ALPHABET for char in characters):
        return None
    return "-".join(characters[i : i + GROUP_LENGTH] for i in range(0, len(characters), GROUP_LENGTH))
