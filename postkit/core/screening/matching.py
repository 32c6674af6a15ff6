"""Fuzzy matching of one name against the names and aliases of sanctions-list entries.

A name is read into tokens: lower case, accents and other marks dropped (NFKD, plus ß→ss,
ø→o, æ→ae, ł→l and a few more), Cyrillic transliterated by postkit's own table, Greek,
Arabic, Hebrew, Chinese and other scripts by anyascii (Chinese one syllable per character,
the Arabic article "ال" as "al"), punctuation split off ("B.V." and "S.A.R.L." are joined
into one token), and legal forms and a few common words set aside.

Each query token is paired with at most one token of a listed name. A pair scores
- 1 when the tokens are equal;
- 0.9 for two forms of one given name that postkit knows (Sergei/Serhiy, see name_variants);
- 0.85 for a masculine and a feminine form of one family name (Kowalski/Kowalska);
- 0.6–1 when their phonetic keys are equal (Mohammed/Muhammad), or the Damerau–Levenshtein
  similarity when that is at least 0.7 (rapidfuzz computes it);
- 0.8 when a name written in Arabic or Hebrew script, which leaves short vowels out, has the
  consonants of a Latin one (محمد/Mohammed);
- 0.5 for an initial against a word it starts.
Two known given names of different groups (Mohammed/Mahmoud, Aleksandr/Aleksandra) never
pair, however alike they are spelt. Two adjacent tokens may also pair as one word ("Abdul
Rahman"/"Abdulrahman"); the joined side then weighs as one word.

The score is the weighted mean similarity of the pairs, with the unpaired tokens of either
side counted as pairs of similarity 0, so that they lower it and word order does not. A
person's name whose tokens all pair but for a middle name or patronymic on one side (Boris
Zelentsov / Boris Vadimovich Zelentsov) counts that token a quarter: a screening officer
reads it as the same name written shorter, not as a different person; a token unpaired on
both sides (two different patronymics) counts whole.

Legal forms are ignored on both sides, wherever they stand (those of several words only at
the end), unless the name is nothing but legal forms. That includes "holding(s)" and
"co"/"company": a screening should rather show "Acme Holding" for "Acme B.V." than miss it.
Particles such as "al", "bin" and "van" count half.

A date of birth and a country given for the screened subject raise or lower the score of an
entry that has them too (see `_subject_adjustment`), with the reason in the explanation.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain, combinations, pairwise
from operator import itemgetter
from typing import Any

from anyascii import anyascii
from rapidfuzz.distance import OSA

from postkit.core.csv_files import iso_date_text
from postkit.core.screening.name_variants import (
    GIVEN_NAME_GROUP,
    given_name_forms,
    masculine_forms,
)
from postkit.core.screening.sanctions import SanctionsEntry

MATCHER_VERSION = "2"
DEFAULT_THRESHOLD = 70.0

LEGAL_FORMS = frozenset(
    {
        "bv", "nv", "vof", "cv", "ltd", "limited", "gmbh", "mbh", "ag", "kg", "kgaa", "ohg",
        "ug", "llc", "llp", "lp", "plc", "inc", "incorporated", "corp", "corporation", "co",
        "company", "sa", "sas", "sarl", "srl", "spa", "sl", "ab", "oy", "oyj", "asa", "aps",
        "kft", "zrt", "nyrt", "pte", "pty", "sdn", "bhd", "tbk", "ooo", "oao", "zao", "pao",
        "ao", "tov", "prat", "jsc", "pjsc", "ojsc", "cjsc", "fze", "fzco", "fzc",
        "fzllc", "wll", "ltda", "sro", "doo", "dd", "eood", "ood", "bvba", "sprl",
        "holding", "holdings",
    }
)  # fmt: skip
# Legal forms of several words ("A/S", "Sp. z o.o."), recognised only as the whole phrase at
# the end of a name, so that initials such as "S. A. Petrov" stay.
LEGAL_FORM_PHRASES = frozenset(
    {
        ("sp", "z", "oo"),
        ("sa", "de", "cv"),
        ("s", "de", "rl"),
        ("sp", "k"),
        ("a", "s"),
        ("s", "a"),
        ("s", "l"),
    }
)
COMMON_WORDS = frozenset({"the", "and", "of"})
PARTICLES = frozenset(
    {
        "al", "el", "ul", "ud", "bin", "ibn", "bint", "abu", "van", "von", "der", "den", "de",
        "da", "di", "del", "la", "le", "du", "ten", "ter",
    }
)  # fmt: skip

PARTICLE_WEIGHT = 0.5
FUZZY_FLOOR = 0.7
PHONETIC_BASE = 0.6
INITIAL_SIMILARITY = 0.5
GIVEN_NAME_SIMILARITY = 0.9
GENDERED_SIMILARITY = 0.85
SCRIPT_SIMILARITY = 0.8
# How much a middle name or patronymic present on one side only counts (see the module note).
MIDDLE_NAME_WEIGHT = 0.25
MAX_MIDDLE_NAMES = 2.0  # more words unpaired on one side count whole: a longer, other name
PERSON_SCHEMAS = frozenset({"Person"})

# What a subject's date of birth and country do to a score, when the entry has them too.
BIRTH_DATE_SAME = 5.0
BIRTH_YEAR_SAME = 2.0
BIRTH_YEAR_SAME_DATE_OTHER = -5.0
BIRTH_YEAR_OTHER = -20.0
COUNTRY_SAME = 3.0
COUNTRY_OTHER = -10.0
_MAX_RAISE = BIRTH_DATE_SAME + COUNTRY_SAME

# A typo look-up computes the edit distance only to the words sharing the most trigrams with
# the token. Over 100,000 synthetic names, the words this cap leaves out were nearly all at
# similarity 0.70-0.75, the weakest that count.
MAX_TYPO_CHECKS = 1000
# How many query tokens' similar words a matcher keeps for the next queries.
_SIMILAR_CACHE_SIZE = 4096
# Queries of more tokens than this find their candidates as the union of their tokens'.
_MAX_SUBSET_TOKENS = 10

_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "u", "ј": "j", "љ": "lj",
    "њ": "nj", "ћ": "c", "ђ": "dj", "џ": "dz",
}  # fmt: skip
_FOLD = str.maketrans(
    {
        "ß": "ss", "ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th",
        "ı": "i", "ħ": "h", "ŧ": "t", "ŀ": "l", "’": "'", "‘": "'", "`": "'", "´": "'",
        **_CYRILLIC,
    }
)  # fmt: skip
_WORD = re.compile(r"[\w.']+")
_APOSTROPHES = re.compile(r"'+")
# Scripts that leave short vowels unwritten: their names are compared by consonants.
_ABJAD = re.compile(
    r"[\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]"
)
_ARABIC_ARTICLE = re.compile(r"(?<!\w)\u0627\u0644(?=\w)")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Modern Greek as names are romanised: ου is "ou" (anyascii writes "oy"), μπ and ντ begin a
# word as "b" and "d".
_GREEK = (
    (re.compile("ου"), "ou"),
    (re.compile(r"(?<!\w)μπ"), "b"),
    (re.compile(r"(?<!\w)ντ"), "d"),
)


def _transliterate(text: str) -> str:
    """Letters of scripts other than Latin and Cyrillic as plain ASCII (anyascii)."""
    for pattern, latin in _GREEK:
        text = pattern.sub(latin, text)
    text = _ARABIC_ARTICLE.sub("al ", text)
    text = _HAN.sub(lambda match: f" {anyascii(match.group())} ", text)
    return anyascii(text).lower().replace("`", "'")


def normalise_token_text(text: str) -> str:
    """Lower case, transliterated to plain letters; no marks."""
    folded = text.casefold().translate(_FOLD)
    if folded.isascii():
        return folded
    decomposed = unicodedata.normalize("NFKD", folded)
    folded = "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_FOLD)
    return folded if folded.isascii() else _transliterate(folded)


def tokenise(text: str) -> list[str]:
    """The words of a name, normalised; dotted abbreviations such as "B.V." become one word."""
    tokens: list[str] = []
    for word in _WORD.findall(normalise_token_text(text)):
        if word.isalnum():
            tokens.append(word)
            continue
        word = _APOSTROPHES.sub("", word).replace("_", " ")
        parts = [part for part in word.split(".") if part]
        if len(parts) > 1 and all(len(part) == 1 for part in parts):
            tokens.append("".join(parts))
        else:
            tokens.extend(chain.from_iterable(part.split() for part in parts))
    return tokens


@dataclass(frozen=True)
class NameReading:
    """A name as the matcher sees it: the tokens that count and those set aside, with why.

    `abjad` holds the tokens read from Arabic or Hebrew script, whose short vowels are not
    written: they are compared by their consonants. `syllabic` holds those read from Chinese
    characters, whose pinyin is exact: Li and Liu are two family names, not a slip.
    """

    tokens: tuple[str, ...]
    ignored: tuple[tuple[str, str], ...]
    abjad: frozenset[str] = frozenset()
    syllabic: frozenset[str] = frozenset()


@lru_cache(maxsize=65536)
def read_name(text: str) -> NameReading:
    """Tokenise a name and set aside legal forms and common words."""
    tokens = tokenise(text)
    abjad: frozenset[str] = frozenset()
    if _ABJAD.search(text):
        abjad = frozenset(
            chain.from_iterable(tokenise(word) for word in text.split() if _ABJAD.search(word))
        )
    syllabic: frozenset[str] = frozenset()
    if _HAN.search(text):
        syllabic = frozenset(tokenise("".join(_HAN.findall(text))))
    kept: list[str] = []
    ignored: list[tuple[str, str]] = []
    position = 0
    while position < len(tokens):
        token = tokens[position]
        phrase = _legal_form_phrase(tokens, position)
        if phrase:
            ignored.append((" ".join(phrase), "legal form"))
            position += len(phrase)
            continue
        # Consonants read from Arabic script ("dd", "sa") are no Latin legal form.
        if token in LEGAL_FORMS and token not in abjad:
            ignored.append((token, "legal form"))
        elif token in COMMON_WORDS:
            ignored.append((token, "common word"))
        else:
            kept.append(token)
        position += 1
    if not kept:
        return NameReading(tuple(tokens), (), abjad, syllabic)
    return NameReading(tuple(kept), tuple(ignored), abjad, syllabic)


def _legal_form_phrase(tokens: Sequence[str], position: int) -> tuple[str, ...]:
    ending = tuple(tokens[position:])
    return ending if ending in LEGAL_FORM_PHRASES else ()


def token_weight(token: str) -> float:
    return PARTICLE_WEIGHT if token in PARTICLES else 1.0


_PHONETIC_REWRITES = (
    ("tsch", "C"), ("shch", "S"), ("sch", "S"), ("tch", "C"), ("dzh", "j"), ("sh", "S"),
    ("ch", "C"), ("zh", "j"), ("dj", "j"), ("kh", "h"), ("gh", "g"), ("ph", "f"), ("th", "t"),
    ("dh", "d"), ("ck", "k"), ("qu", "k"), ("tz", "ts"), ("x", "ks"), ("q", "k"), ("w", "v"),
    ("v", "f"), ("z", "s"),
)  # fmt: skip
_SOFT_C = re.compile(r"c(?=[eiy])")
_FINAL_H = re.compile(r"(?<=[aeiouy])h$")
_BETWEEN_VOWELS_J = re.compile(r"(?<=[aeiouy])j(?=[aeiouy])")
_VOWELS = frozenset("aeiouy")


@lru_cache(maxsize=65536)
def phonetic_key(token: str) -> str:
    """A consonant skeleton that transliteration variants share.

    Sounds spelt differently across languages are written one way (kh/h, ks/x, w/v/f, z/s,
    sh/sch/shch, c/k/s…), doubles collapse and inner vowels drop; a leading vowel (or "y"
    before a vowel, as in Yevgeny/Evgeniy) becomes "A", and so does a final one, so that
    Ivan and Ivana keep different keys. Mohammed, Muhammad and Mohamed share "mhmd".
    """
    if not token.isascii() or not token.isalpha():
        return token
    text = token
    for old, new in _PHONETIC_REWRITES:
        if old in text:
            text = text.replace(old, new)
    if "c" in text:
        text = _SOFT_C.sub("s", text).replace("c", "k")
    if text[-1] == "h" and len(text) > 1:
        text = _FINAL_H.sub("", text)
    if "j" in text:
        text = _BETWEEN_VOWELS_J.sub("y", text)
    first = text[0]
    starts_with_vowel = first in _VOWELS and (
        first != "y" or text[1:2] in _VOWELS or len(text) == 1
    )
    key = ["A" if starts_with_vowel else first]
    previous = first
    for char in text[1:]:
        if char != previous and char not in _VOWELS:
            key.append(char)
        previous = char
    if len(text) > 1 and text[-1] in _VOWELS:
        key.append("A")
    return "".join(key)


_SKELETON_REWRITES = (
    ("sh", "S"), ("kh", "x"), ("th", "T"), ("dh", "D"), ("gh", "G"), ("ch", "S"), ("q", "k"),
    ("'", ""),
)  # fmt: skip
_SKELETON_DROPPED = re.compile(r"[aeiouyw]|h$")
_DOUBLES = re.compile(r"(.)\1+")


@lru_cache(maxsize=65536)
def consonant_skeleton(token: str) -> str:
    """The consonants of a word as Arabic or Hebrew script writes them: Rashidi and رشيدي
    (read "rshydy") both give "rSd". Long vowels (y, w) drop too, as Latin spellings
    write them as vowels."""
    text = token
    for old, new in _SKELETON_REWRITES:
        if old in text:
            text = text.replace(old, new)
    return _DOUBLES.sub(r"\1", _SKELETON_DROPPED.sub("", text))


def edit_distance(a: str, b: str) -> int:
    """Damerau–Levenshtein distance (optimal string alignment: a swap of neighbours is one edit)."""
    return OSA.distance(a, b)


def _max_distance(length: int) -> int:
    return int((1.0 - FUZZY_FLOOR) * length + 1e-9)


def plain_similarity(a: str, b: str) -> float:
    """1 − distance / length of the longer token, however low."""
    return OSA.normalized_similarity(a, b)


def fuzzy_similarity(a: str, b: str) -> float:
    """As plain_similarity, but 0 below the fuzzy floor."""
    similarity = plain_similarity(a, b)
    return similarity if similarity >= FUZZY_FLOOR - 1e-9 else 0.0


def _trigrams(token: str) -> set[str]:
    padded = f"${token}$"
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


@dataclass(frozen=True)
class Candidate:
    """An entry whose name or alias resembles the screened name, with why it was found."""

    entry: SanctionsEntry
    score: float
    matched_name: str
    explanation: tuple[str, ...]


# Why two tokens pair; the explanation says it in words.
EXACT, PHONETIC, FUZZY, GIVEN, GENDERED, SCRIPT, INITIAL = (
    "exact", "phonetic", "fuzzy", "given", "gendered", "script", "initial",
)  # fmt: skip


@dataclass(frozen=True)
class _Pair:
    similarity: float
    query: tuple[int, ...]
    listed: tuple[int, ...]
    kind: str


@dataclass
class _Similar:
    """The words of the index resembling one query token, with how much and why."""

    similarity: dict[int, float] = field(default_factory=dict)
    kind: dict[int, str] = field(default_factory=dict)
    # Known given names of another name than the token's: they never pair with it.
    different: set[int] = field(default_factory=set)

    def add(self, word_id: int, similarity: float, kind: str) -> None:
        if similarity > self.similarity.get(word_id, 0.0):
            self.similarity[word_id] = similarity
            self.kind[word_id] = kind


@dataclass
class _Query:
    reading: NameReading
    weights: list[float]
    total_weight: float
    singles: list[_Similar]
    joins: list[_Similar]


@dataclass(frozen=True)
class _Subject:
    """What is known of the screened subject beside the name."""

    birth_date: str = ""
    country: str = ""


class _Lists:
    """Lists of ints by position, in two flat arrays: quick to write and to read back."""

    __slots__ = ("items", "offsets")

    def __init__(self, offsets: array[int], items: array[int]) -> None:
        self.offsets = offsets
        self.items = items

    @classmethod
    def build(cls, lists: Iterable[Iterable[int]]) -> _Lists:
        offsets = array("q", [0])
        items = array("i")
        for values in lists:
            items.extend(values)
            offsets.append(len(items))
        return cls(offsets, items)

    def __getitem__(self, index: int) -> array[int]:
        return self.items[self.offsets[index] : self.offsets[index + 1]]

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def state(self) -> tuple[bytes, bytes]:
        return self.offsets.tobytes(), self.items.tobytes()

    @classmethod
    def from_state(cls, state: tuple[bytes, bytes]) -> _Lists:
        offsets, items = array("q"), array("i")
        offsets.frombytes(state[0])
        items.frombytes(state[1])
        return cls(offsets, items)


class _Table:
    """Lists of ints by text key: the keys sorted, found by bisection (no dict to rebuild)."""

    __slots__ = ("keys", "lists")

    def __init__(self, keys: list[str], lists: _Lists) -> None:
        self.keys = keys
        self.lists = lists

    @classmethod
    def build(cls, mapping: dict[str, list[int]]) -> _Table:
        keys = sorted(mapping)
        return cls(keys, _Lists.build(mapping[key] for key in keys))

    def get(self, key: str) -> Sequence[int]:
        keys = self.keys
        index = bisect_left(keys, key)
        if index < len(keys) and keys[index] == key:
            return self.lists[index]
        return ()

    def state(self) -> tuple[str, tuple[bytes, bytes]]:
        return "\n".join(self.keys), self.lists.state()

    @classmethod
    def from_state(cls, state: tuple[str, tuple[bytes, bytes]]) -> _Table:
        keys = state[0].split("\n") if state[0] else []
        return cls(keys, _Lists.from_state(state[1]))


class NameMatcher:
    """An index over the names and aliases of entries, built once, matched many times.

    Words are numbered in sorted order and found by bisection; the names of each word, the
    words of each name and the look-up tables are flat arrays (_Lists, _Table), so that
    name_index writes and reads a list of a million names as a few blocks of bytes.
    """

    def __init__(self, entries: Iterable[SanctionsEntry]) -> None:
        self._entries: Sequence[SanctionsEntry] = tuple(entries)
        vocabulary: dict[str, int] = {}
        name_tokens: list[tuple[int, ...]] = []
        texts: list[str] = []
        name_entry = array("i")
        is_person = bytearray()
        postings: dict[int, list[int]] = {}
        syllabic: set[int] = set()
        abjad: set[int] = set()
        for index, entry in enumerate(self._entries):
            person = entry.schema in PERSON_SCHEMAS
            seen: set[tuple[str, ...]] = set()
            for text in entry.names:
                reading = read_name.__wrapped__(text)
                tokens = reading.tokens
                if not tokens or tokens in seen:
                    continue
                seen.add(tokens)
                name_id = len(name_tokens)
                ids = tuple(vocabulary.setdefault(token, len(vocabulary)) for token in tokens)
                name_tokens.append(ids)
                texts.append(text.replace("\n", " "))
                name_entry.append(index)
                is_person.append(person)
                for word_id in set(ids):
                    postings.setdefault(word_id, []).append(name_id)
                if reading.syllabic:
                    syllabic.update(vocabulary[t] for t in reading.syllabic & set(tokens))
                if reading.abjad:
                    abjad.update(vocabulary[t] for t in reading.abjad & set(tokens))
        # Number the words in sorted order, so that a word is found by bisection.
        words = sorted(vocabulary)
        new_id = array("i", bytes(4 * len(words)))
        for word_id, word in enumerate(words):
            new_id[vocabulary[word]] = word_id
        del vocabulary
        self._words = words
        self._name_tokens = _Lists.build(tuple(new_id[i] for i in ids) for ids in name_tokens)
        del name_tokens
        self._name_text = "\n".join(texts)
        self._name_text_offsets = array("q", [0])
        for text in texts:
            self._name_text_offsets.append(self._name_text_offsets[-1] + len(text) + 1)
        self._name_entry = name_entry
        self._name_is_person = bytes(is_person)
        by_word: list[list[int]] = [[] for _ in words]
        for old_id, names in postings.items():
            by_word[new_id[old_id]] = names
        self._postings = _Lists.build(by_word)
        # Words read from Chinese characters pair only when equal (see NameReading).
        self._syllabic_words = {new_id[i] for i in syllabic}
        phonetic: dict[str, list[int]] = {}
        feminine: dict[str, list[int]] = {}
        trigrams: dict[str, list[int]] = {}
        for word_id, word in enumerate(words):
            if len(word) >= 2:
                phonetic.setdefault(phonetic_key.__wrapped__(word), []).append(word_id)
            if len(word) >= 4 and word[-1] in "ae":
                for form in masculine_forms(word):
                    feminine.setdefault(form, []).append(word_id)
            # Per word length, so a typo look-up counts the shared trigrams of words of a
            # length that can still be similar enough.
            if len(word) >= 3:
                for gram in _trigrams(word):
                    trigrams.setdefault(f"{len(word)}:{gram}", []).append(word_id)
        self._phonetic = _Table.build(phonetic)
        self._feminine = _Table.build(feminine)
        self._trigram_index = _Table.build(trigrams)
        # Consonant skeletons of the words read from Arabic or Hebrew script, which Latin
        # query words look up; those of all words are built when a query in such a script
        # first needs them.
        self._abjad_skeletons: dict[str, list[int]] = {}
        for word_id in sorted(new_id[i] for i in abjad):
            skeleton = consonant_skeleton(words[word_id])
            if len(skeleton) >= 2:
                self._abjad_skeletons.setdefault(skeleton, []).append(word_id)
        self._derive()

    def _derive(self) -> None:
        """What is quicker to work out again than to keep in the index file."""
        self._word_weight = [token_weight(word) for word in self._words]
        self._all_skeletons: dict[str, list[int]] | None = None
        self._similar_cache: dict[tuple[str, bool, bool, bool], _Similar] = {}

    def index_state(self) -> tuple[Any, ...]:
        """The index as strings, bytes and a few small sets and dicts (for name_index)."""
        return (
            "\n".join(self._words),
            self._name_tokens.state(),
            self._name_text,
            self._name_text_offsets.tobytes(),
            self._name_entry.tobytes(),
            self._name_is_person,
            self._postings.state(),
            self._syllabic_words,
            self._phonetic.state(),
            self._feminine.state(),
            self._trigram_index.state(),
            self._abjad_skeletons,
        )

    @classmethod
    def from_index_state(
        cls, state: tuple[Any, ...], entries: Sequence[SanctionsEntry]
    ) -> NameMatcher:
        """A matcher over `entries` with the index `index_state` gave for them."""
        (
            words, name_tokens, name_text, text_offsets, name_entry, is_person, postings,
            syllabic, phonetic, feminine, trigrams, abjad_skeletons,
        ) = state  # fmt: skip
        matcher = cls.__new__(cls)
        matcher._entries = entries
        matcher._words = words.split("\n") if words else []
        matcher._name_tokens = _Lists.from_state(name_tokens)
        matcher._name_text = name_text
        matcher._name_text_offsets = array("q")
        matcher._name_text_offsets.frombytes(text_offsets)
        matcher._name_entry = array("i")
        matcher._name_entry.frombytes(name_entry)
        matcher._name_is_person = is_person
        matcher._postings = _Lists.from_state(postings)
        matcher._syllabic_words = syllabic
        matcher._phonetic = _Table.from_state(phonetic)
        matcher._feminine = _Table.from_state(feminine)
        matcher._trigram_index = _Table.from_state(trigrams)
        matcher._abjad_skeletons = abjad_skeletons
        matcher._derive()
        return matcher

    def _word_id(self, word: str) -> int | None:
        words = self._words
        index = bisect_left(words, word)
        return index if index < len(words) and words[index] == word else None

    def _text_of(self, name_id: int) -> str:
        offsets = self._name_text_offsets
        return self._name_text[offsets[name_id] : offsets[name_id + 1] - 1]

    @property
    def entry_count(self) -> int:
        return len(self._entries)

    # Finding similar words ------------------------------------------------------------

    def _similar_words(
        self, token: str, *, fuzzy: bool, abjad: bool = False, syllabic: bool = False
    ) -> _Similar:
        """Words of the index resembling `token`, with their similarity and why.

        Kept for the next query: screening many requests meets the same given names and
        company words again and again, and a typo look-up is the dearest part of a match.
        """
        key = (token, fuzzy, abjad, syllabic)
        cache = self._similar_cache
        found = cache.get(key)
        if found is None:
            if len(cache) >= _SIMILAR_CACHE_SIZE:
                cache.clear()
            found = cache[key] = self._find_similar_words(
                token, fuzzy=fuzzy, abjad=abjad, syllabic=syllabic
            )
        return found

    def _find_similar_words(
        self, token: str, *, fuzzy: bool, abjad: bool, syllabic: bool
    ) -> _Similar:
        found = _Similar()
        exact = self._word_id(token)
        if exact is not None:
            found.add(exact, 1.0, EXACT)
        if syllabic:
            return found
        self._resembling(token, exact, found, fuzzy=fuzzy, abjad=abjad)
        if self._syllabic_words:
            for word_id in self._syllabic_words.intersection(found.similarity):
                if word_id != exact:
                    del found.similarity[word_id]
        return found

    def _resembling(
        self, token: str, exact: int | None, found: _Similar, *, fuzzy: bool, abjad: bool
    ) -> None:
        """Add to `found` the words resembling `token` by sound, spelling, known forms of one
        name, gender or script; take out known given names of another name."""
        if len(token) >= 2:
            for word_id in self._phonetic.get(phonetic_key(token)):
                similarity = plain_similarity(token, self._words[word_id])
                found.add(word_id, PHONETIC_BASE + (1.0 - PHONETIC_BASE) * similarity, PHONETIC)
        if fuzzy and len(token) >= 3:
            for word_id, similarity in self._typo_words(token, found.similarity).items():
                found.add(word_id, similarity, FUZZY)
        if not fuzzy:
            return
        for form in given_name_forms(token):
            word_id = self._word_id(form)
            if word_id is not None:
                found.add(word_id, GIVEN_NAME_SIMILARITY, GIVEN)
        gendered = [self._word_id(form) for form in masculine_forms(token)]
        for word_id in chain(gendered, self._feminine.get(token)):
            if word_id is not None and word_id != exact:
                found.similarity.pop(word_id, None)
                found.add(word_id, GENDERED_SIMILARITY, GENDERED)
        skeleton = consonant_skeleton(token)
        if len(skeleton) >= 2:
            skeletons = self._skeletons() if abjad else self._abjad_skeletons
            for word_id in skeletons.get(skeleton, ()):
                found.add(word_id, SCRIPT_SIMILARITY, SCRIPT)
        if token in GIVEN_NAME_GROUP:
            words = self._words
            for word_id in [w for w in found.similarity if words[w] in GIVEN_NAME_GROUP]:
                if GIVEN_NAME_GROUP[words[word_id]] != GIVEN_NAME_GROUP[token]:
                    del found.similarity[word_id]
                    found.different.add(word_id)

    def _skeletons(self) -> dict[str, list[int]]:
        if self._all_skeletons is None:
            skeletons: dict[str, list[int]] = {}
            for word_id, word in enumerate(self._words):
                skeleton = consonant_skeleton.__wrapped__(word)
                if len(skeleton) >= 2:
                    skeletons.setdefault(skeleton, []).append(word_id)
            self._all_skeletons = skeletons
        return self._all_skeletons

    def _typo_words(self, token: str, found: dict[int, float]) -> dict[int, float]:
        """Words within the fuzzy floor of `token`, checked in order of shared trigrams."""
        length = len(token)
        grams = _trigrams(token)
        shortlist: list[tuple[int, int]] = []
        for other_length in range(int(length * FUZZY_FLOOR), int(length / FUZZY_FLOOR) + 2):
            limit = _max_distance(max(length, other_length))
            if abs(other_length - length) > limit:
                continue
            needed = max(1, len(grams) - 4 * limit)
            table = self._trigram_index
            shared = Counter(
                chain.from_iterable(table.get(f"{other_length}:{gram}") for gram in grams)
            )
            # Sorted in C: a Python loop over every word sharing a trigram is what would
            # cost the time over a million names.
            best = sorted(shared.items(), key=itemgetter(1), reverse=True)[:MAX_TYPO_CHECKS]
            shortlist.extend(
                (count, word_id)
                for word_id, count in best
                if count >= needed and word_id not in found
            )
        shortlist.sort(reverse=True)
        words = self._words
        similar: dict[int, float] = {}
        distance = OSA.distance
        for _, word_id in shortlist[:MAX_TYPO_CHECKS]:
            word = words[word_id]
            longest = max(length, len(word))
            limit = _max_distance(longest)
            apart = distance(token, word, score_cutoff=limit)
            if apart <= limit:
                similar[word_id] = 1.0 - apart / longest
        return similar

    def _read_query(self, name: str) -> _Query | None:
        reading = read_name(name)
        tokens = reading.tokens
        if not tokens:
            return None
        weights = [token_weight(token) for token in tokens]
        singles = [
            self._similar_words(
                token,
                fuzzy=True,
                abjad=token in reading.abjad,
                syllabic=token in reading.syllabic,
            )
            for token in tokens
        ]
        joins = [
            self._similar_words(
                a + b, fuzzy=False, syllabic=a in reading.syllabic or b in reading.syllabic
            )
            for a, b in pairwise(tokens)
        ]
        return _Query(reading, weights, sum(weights), singles, joins)

    # Candidates -------------------------------------------------------------------------

    def _token_names(self, query: _Query, index: int) -> set[int]:
        """The names holding a word that token `index` of the query can pair with."""
        postings = self._postings
        token = query.reading.tokens[index]
        names: set[int] = set()
        for word_id in query.singles[index].similarity:
            names.update(postings[word_id])
        for join in (index - 1, index):
            if 0 <= join < len(query.joins):
                for word_id in query.joins[join].similarity:
                    names.update(postings[word_id])
        # Names writing the token as two words ("Abdul Rahman" for "Abdulrahman").
        for cut in range(2, len(token) - 1):
            first = self._word_id(token[:cut])
            second = self._word_id(token[cut:]) if first is not None else None
            if first is not None and second is not None:
                names.update(set(postings[first]).intersection(postings[second]))
        initial = self._word_id(token[0])
        if initial is not None:
            names.update(postings[initial])
        return names

    def _candidates(self, query: _Query, floor: float) -> set[int]:
        """The names that can score at least `floor`.

        A name pairing only the query tokens S scores at most C/(C + f·U): C the most those
        pairs can weigh (each query token and a listed word of weight 1), U the weight of the
        query tokens left unpaired, f the middle-name weight once two tokens pair. So a name
        must hold words similar to every token of some set S for which that bound reaches the
        floor: the union, over the smallest such sets, of their tokens' names. Initials pair
        with any word they start, so they widen no set and narrow none.
        """
        tokens = query.reading.tokens
        weights = query.weights
        count = len(tokens)
        names: dict[int, set[int]] = {}

        def token_names(index: int) -> set[int]:
            if index not in names:
                names[index] = self._token_names(query, index)
            return names[index]

        def everything() -> set[int]:
            found: set[int] = set()
            for index in range(count):
                if len(tokens[index]) > 1:
                    found |= token_names(index)
            return found

        if floor <= 0 or count > _MAX_SUBSET_TOKENS:
            return everything()
        minimal: list[frozenset[int]] = []
        found: set[int] = set()
        for size in range(1, count + 1):
            for subset in combinations(range(count), size):
                chosen = frozenset(subset)
                if any(smaller <= chosen for smaller in minimal):
                    continue
                most = sum(weights[i] + 1.0 for i in subset)
                unpaired = query.total_weight - sum(weights[i] for i in subset)
                factor = MIDDLE_NAME_WEIGHT if size >= 2 else 1.0
                if 100.0 * most / (most + factor * unpaired) < floor:
                    continue
                minimal.append(chosen)
                narrowing = [i for i in subset if len(tokens[i]) > 1]
                if not narrowing:
                    return everything()
                sets = sorted((token_names(i) for i in narrowing), key=len)
                found |= sets[0].intersection(*sets[1:])
        return found

    # Scoring ----------------------------------------------------------------------------

    def _align(self, query: _Query, name_id: int) -> tuple[float, list[_Pair], bool]:
        """Pair query tokens with the name's tokens, best pairs first; the score, the pairs
        and whether a middle name counted less."""
        tokens = query.reading.tokens
        listed = self._name_tokens[name_id]
        words = self._words
        pairs: list[_Pair] = []
        for i, similar in enumerate(query.singles):
            for j, word_id in enumerate(listed):
                similarity = similar.similarity.get(word_id)
                if similarity:
                    pairs.append(_Pair(similarity, (i,), (j,), similar.kind[word_id]))
                elif (
                    (len(tokens[i]) == 1) != (len(words[word_id]) == 1)
                    and tokens[i][0] == words[word_id][0]
                    and word_id not in similar.different
                ):
                    pairs.append(_Pair(INITIAL_SIMILARITY, (i,), (j,), INITIAL))
            # The token the listed name writes as two words, spelt alike.
            token = tokens[i]
            for j in range(len(listed) - 1):
                first, second = words[listed[j]], words[listed[j + 1]]
                if (
                    len(first) + len(second) == len(token)
                    and token.startswith(first)
                    and token.endswith(second)
                ):
                    pairs.append(_Pair(1.0, (i,), (j, j + 1), EXACT))
        for i, similar in enumerate(query.joins):
            for j, word_id in enumerate(listed):
                similarity = similar.similarity.get(word_id)
                if similarity:
                    pairs.append(_Pair(similarity, (i, i + 1), (j,), similar.kind[word_id]))
        pairs.sort(key=lambda pair: (-pair.similarity, -len(pair.query) - len(pair.listed)))
        used_query: set[int] = set()
        used_listed: set[int] = set()
        chosen: list[_Pair] = []
        numerator = paired = 0.0
        word_weight = self._word_weight
        for pair in pairs:
            if used_query.isdisjoint(pair.query) and used_listed.isdisjoint(pair.listed):
                used_query.update(pair.query)
                used_listed.update(pair.listed)
                chosen.append(pair)
                # A joined side weighs as the one word it stands for.
                weight = max(query.weights[i] for i in pair.query)
                weight += max(word_weight[listed[j]] for j in pair.listed)
                numerator += pair.similarity * weight
                paired += weight
        if not chosen:
            return 0.0, chosen, False
        unpaired_query = sum(w for i, w in enumerate(query.weights) if i not in used_query)
        unpaired_listed = sum(
            word_weight[word_id] for j, word_id in enumerate(listed) if j not in used_listed
        )
        lenient = (
            self._name_is_person[name_id]
            and (not unpaired_query or not unpaired_listed)
            and unpaired_query + unpaired_listed <= MAX_MIDDLE_NAMES
            and sum(pair.kind != INITIAL for pair in chosen) >= 2
        )
        factor = MIDDLE_NAME_WEIGHT if lenient else 1.0
        score = 100.0 * numerator / (paired + factor * (unpaired_query + unpaired_listed))
        return min(score, 100.0), chosen, lenient

    def match(
        self,
        name: str,
        limit: int = 10,
        threshold: float = DEFAULT_THRESHOLD,
        *,
        birth_date: str | None = None,
        country: str | None = None,
    ) -> list[Candidate]:
        """The entries whose name or an alias scores at least `threshold`, best first.

        A `birth_date` (ISO, or as the Dutch write it) and a `country` of the screened
        subject raise or lower the score of an entry listing them too.
        """
        query = self._read_query(name)
        if query is None or limit <= 0:
            return []
        subject = _Subject(_birth_date(birth_date), (country or "").strip().casefold())
        raise_at_most = _MAX_RAISE if subject.birth_date or subject.country else 0.0
        best: dict[int, tuple[float, int, list[_Pair], bool]] = {}
        for name_id in self._candidates(query, threshold - raise_at_most):
            score, pairs, lenient = self._align(query, name_id)
            if not pairs or score < threshold - raise_at_most:
                continue
            entry_index = self._name_entry[name_id]
            if entry_index not in best or score > best[entry_index][0]:
                best[entry_index] = (score, name_id, pairs, lenient)
        adjusted: list[tuple[float, int, tuple[str, ...]]] = []
        prefetch = getattr(self._entries, "prefetch", None)
        if prefetch is not None:
            prefetch(best)  # entries read from the database: one query for all
        for entry_index, (score, *_rest) in best.items():
            change, reasons = _subject_adjustment(subject, self._entries[entry_index])
            score = max(0.0, min(100.0, score + change))
            if score >= threshold:
                adjusted.append((score, entry_index, reasons))
        entries = self._entries
        adjusted.sort(key=lambda item: (-item[0], entries[item[1]].name, entries[item[1]].id))
        candidates = []
        for score, entry_index, reasons in adjusted[:limit]:
            _, name_id, pairs, lenient = best[entry_index]
            explanation = self._explain(name, query, name_id, pairs, lenient) + reasons
            candidates.append(
                Candidate(
                    entry=entries[entry_index],
                    score=round(score, 1),
                    matched_name=self._text_of(name_id),
                    explanation=tuple(dict.fromkeys(explanation)),
                )
            )
        return candidates

    def _explain(
        self, name: str, query: _Query, name_id: int, pairs: Sequence[_Pair], lenient: bool
    ) -> tuple[str, ...]:
        matched_name = self._text_of(name_id)
        listed_reading = read_name(matched_name)
        query_tokens = query.reading.tokens
        listed_tokens = listed_reading.tokens
        listed_ids = self._name_tokens[name_id]
        lines: list[str] = []
        for text in (name, matched_name):
            for word in text.split():
                if not word.isascii():
                    lines.append(f"'{word}' read as '{' '.join(tokenise(word))}'")
        ordered = sorted(pairs, key=lambda pair: pair.query)
        for pair in ordered:
            asked = "'+'".join(query_tokens[i] for i in pair.query)
            found = "'+'".join(listed_tokens[j] for j in pair.listed)
            similarity = f"{pair.similarity:.2f}"
            if len(pair.query) + len(pair.listed) > 2:
                lines.append(f"'{asked}' ~ '{found}' (joined, {similarity})")
            elif pair.similarity == 1.0:
                lines.append(f"token '{asked}' = '{found}'")
            elif pair.kind == INITIAL:
                lines.append(f"initial '{asked}' ~ '{found}'")
            elif pair.kind == GIVEN:
                lines.append(f"given-name variant '{asked}'/'{found}' ({similarity})")
            elif pair.kind == GENDERED:
                lines.append(f"gendered form '{asked}'/'{found}' ({similarity})")
            elif pair.kind == SCRIPT:
                lines.append(f"consonants '{asked}'/'{found}' across scripts ({similarity})")
            elif pair.kind == PHONETIC:
                lines.append(f"phonetic match '{asked}'/'{found}' ({similarity})")
            else:
                lines.append(f"token '{asked}' ~ '{found}' (fuzzy {similarity})")
        if any(later.listed[0] < earlier.listed[0] for earlier, later in pairwise(ordered)):
            lines.append("word order ignored")
        paired_query = {i for pair in pairs for i in pair.query}
        paired_listed = {j for pair in pairs for j in pair.listed}
        different: set[tuple[int, int]] = set()
        for i in range(len(query_tokens)):
            for j, word_id in enumerate(listed_ids):
                if (
                    i not in paired_query
                    and j not in paired_listed
                    and word_id in query.singles[i].different
                ):
                    different.add((i, j))
                    lines.append(f"different given names '{query_tokens[i]}'/'{listed_tokens[j]}'")
        noted_query = paired_query | {i for i, _ in different}
        noted_listed = paired_listed | {j for _, j in different}
        middle = " (middle name)" if lenient else ""
        lines.extend(
            f"'{token}' not in the listed name{middle}"
            for i, token in enumerate(query_tokens)
            if i not in noted_query
        )
        lines.extend(
            f"'{token}' of the listed name not matched{middle}"
            for j, token in enumerate(listed_tokens)
            if j not in noted_listed
        )
        lines.extend(
            f"'{token}' ignored ({reason})"
            for token, reason in chain(query.reading.ignored, listed_reading.ignored)
        )
        return tuple(lines)


_ISO_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def _birth_date(text: str | None) -> str:
    """A subject's date of birth as ISO text (a year, year and month, or a day); "" for text
    that is none of those, which then neither raises nor lowers a score."""
    date = iso_date_text((text or "").strip())
    return date if _ISO_DATE.fullmatch(date) else ""


def _subject_adjustment(subject: _Subject, entry: SanctionsEntry) -> tuple[float, tuple[str, ...]]:
    """Points a subject's date of birth and country add to or take from an entry's score.

    Only when both sides have one. A date agrees at the precision both give (a listed year
    agrees with any date in it); the same year with another day lowers a little, as the list
    or the form may hold a slip; another year lowers clearly but leaves an exact name in view.
    """
    change = 0.0
    reasons: list[str] = []
    listed_dates = [date.strip() for date in entry.birth_date if date.strip()]
    if subject.birth_date and listed_dates:
        given = subject.birth_date
        listed_text = ", ".join(listed_dates)
        same = [d for d in listed_dates if d[: len(given)] == given[: len(d)]]
        if same and max(min(len(d), len(given)) for d in same) >= 10:
            points = BIRTH_DATE_SAME
            reasons.append(f"date of birth {given} as listed ({points:+.0f})")
        elif same:
            points = BIRTH_YEAR_SAME
            reasons.append(f"date of birth {given} as listed: {listed_text} ({points:+.0f})")
        else:
            same_year = any(d[:4] == given[:4] for d in listed_dates)
            points = BIRTH_YEAR_SAME_DATE_OTHER if same_year else BIRTH_YEAR_OTHER
            reasons.append(f"date of birth {given}, listed {listed_text} ({points:+.0f})")
        change += points
    listed_countries = [c.strip().casefold() for c in entry.countries if c.strip()]
    if subject.country and listed_countries:
        listed_text = ", ".join(listed_countries)
        if subject.country in listed_countries:
            change += COUNTRY_SAME
            reasons.append(f"country {subject.country} as listed ({COUNTRY_SAME:+.0f})")
        else:
            change += COUNTRY_OTHER
            reasons.append(
                f"country {subject.country}, listed {listed_text} ({COUNTRY_OTHER:+.0f})"
            )
    return change, tuple(reasons)


# The explanation in Dutch: each English line of `_explain` and `_subject_adjustment`, as a
# pattern and its Dutch wording. Lines stored by an earlier version read the same way.
_DUTCH_LINES = tuple(
    (re.compile(pattern), dutch)
    for pattern, dutch in (
        (
            r"'(.*)' read as '(.*)'",
            r"'\1' gelezen als '\2'",
        ),
        (
            r"'(.*)' ~ '(.*)' \(joined, (.*)\)",
            r"'\1' ~ '\2' (aaneengeschreven, \3)",
        ),
        (
            r"token '(.*)' = '(.*)'",
            r"woord '\1' = '\2'",
        ),
        (
            r"initial '(.*)' ~ '(.*)'",
            r"initiaal '\1' ~ '\2'",
        ),
        (
            r"given-name variant '(.*)'/'(.*)' \((.*)\)",
            r"andere vorm van één voornaam '\1'/'\2' (\3)",
        ),
        (
            r"gendered form '(.*)'/'(.*)' \((.*)\)",
            r"mannelijke en vrouwelijke vorm van één achternaam '\1'/'\2' (\3)",
        ),
        (
            r"consonants '(.*)'/'(.*)' across scripts \((.*)\)",
            r"medeklinkers '\1'/'\2' gelijk in ander schrift (\3)",
        ),
        (
            r"phonetic match '(.*)'/'(.*)' \((.*)\)",
            r"klinkt gelijk '\1'/'\2' (\3)",
        ),
        (
            r"token '(.*)' ~ '(.*)' \(fuzzy (.*)\)",
            r"woord '\1' ~ '\2' (bijna gelijk, \3)",
        ),
        (
            r"word order ignored",
            r"woordvolgorde genegeerd",
        ),
        (
            r"different given names '(.*)'/'(.*)'",
            r"verschillende voornamen '\1'/'\2'",
        ),
        (
            r"'(.*)' not in the listed name \(middle name\)",
            r"'\1' niet in de vermelde naam (tweede voornaam of vadersnaam, telt minder)",
        ),
        (
            r"'(.*)' not in the listed name",
            r"'\1' niet in de vermelde naam",
        ),
        (
            r"'(.*)' of the listed name not matched \(middle name\)",
            r"'\1' uit de vermelde naam niet gevonden (tweede voornaam of vadersnaam, telt minder)",
        ),
        (
            r"'(.*)' of the listed name not matched",
            r"'\1' uit de vermelde naam niet gevonden",
        ),
        (
            r"'(.*)' ignored \(legal form\)",
            r"'\1' genegeerd (rechtsvorm)",
        ),
        (
            r"'(.*)' ignored \(common word\)",
            r"'\1' genegeerd (veelvoorkomend woord)",
        ),
        (
            r"date of birth (.*) as listed: (.*) \((.*)\)",
            r"geboortedatum \1 zoals vermeld: \2 (\3)",
        ),
        (
            r"date of birth (.*) as listed \((.*)\)",
            r"geboortedatum \1 zoals vermeld (\2)",
        ),
        (
            r"date of birth (.*), listed (.*) \((.*)\)",
            r"geboortedatum \1, vermeld \2 (\3)",
        ),
        (
            r"country (.*) as listed \((.*)\)",
            r"land \1 zoals vermeld (\2)",
        ),
        (
            r"country (.*), listed (.*) \((.*)\)",
            r"land \1, vermeld \2 (\3)",
        ),
    )
)


def explanation_text(lines: Sequence[str], language: str) -> tuple[str, ...]:
    """A candidate's explanation in `language` ("nl" or "en"); a line not known stays English."""
    if language != "nl":
        return tuple(lines)
    dutch = []
    for line in lines:
        for pattern, wording in _DUTCH_LINES:
            if pattern.fullmatch(line):
                line = pattern.sub(wording, line)
                break
        dutch.append(line)
    return tuple(dutch)
