"""Fuzzy matching of one name against the names and aliases of sanctions-list entries.

A name is read into tokens: lower case, accents and other marks dropped (NFKD, plus ß→ss,
ø→o, æ→ae, ł→l and a few more), Cyrillic transliterated, punctuation split off ("B.V." and
"S.A.R.L." are joined into one token), and legal forms and a few common words set aside.
Each query token is paired with at most one token of a listed name; a pair scores 1 when the
tokens are equal, 0.6–1 when their phonetic keys are equal, the Damerau–Levenshtein similarity
when that is at least 0.7, and 0.5 for an initial against a word it starts. Two adjacent tokens
may also pair as one word ("Abdul Rahman" / "Abdulrahman"). The score is the weighted Dice
coefficient over the pairs: unpaired tokens on either side lower it, word order does not.

Legal forms are ignored on both sides, wherever they stand (those of several words only at
the end), unless the name is nothing but legal forms. That includes "holding(s)" and
"co"/"company": a screening should rather show "Acme Holding" for "Acme B.V." than miss it.
Particles such as "al", "bin" and "van" count half. Names in scripts other than Latin and
Cyrillic only match token for token.
"""

from __future__ import annotations

import heapq
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, pairwise

from postkit.core.screening.sanctions import SanctionsEntry

MATCHER_VERSION = "1"
DEFAULT_THRESHOLD = 70.0

LEGAL_FORMS = frozenset(
    {
        "bv", "nv", "vof", "cv", "ltd", "limited", "gmbh", "mbh", "ag", "kg", "llc", "llp",
        "lp", "plc", "inc", "incorporated", "corp", "corporation", "co", "company", "sa", "sas",
        "sarl", "srl", "spa", "sl", "ab", "oy", "oyj", "asa", "kft", "pte", "pty", "sdn", "bhd",
        "ooo", "oao", "zao", "pao", "ao", "jsc", "pjsc", "ojsc", "cjsc", "fze", "fzco", "fzc",
        "fzllc", "ltda", "holding", "holdings",
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
# A typo look-up computes the edit distance only to the words sharing the most trigrams with
# the token. Over 100,000 synthetic names, the words this cap leaves out were nearly all at
# similarity 0.70-0.75, the weakest that count.
MAX_TYPO_CHECKS = 1000
_JOIN_WEIGHT_BOUND = 2.0

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


def normalise_token_text(text: str) -> str:
    """Lower case, transliterated to plain letters where postkit knows how; no marks."""
    folded = text.casefold().translate(_FOLD)
    if folded.isascii():
        return folded
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_FOLD)


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
    """A name as the matcher sees it: the tokens that count and those set aside, with why."""

    tokens: tuple[str, ...]
    ignored: tuple[tuple[str, str], ...]


@lru_cache(maxsize=65536)
def read_name(text: str) -> NameReading:
    """Tokenise a name and set aside legal forms and common words."""
    tokens = tokenise(text)
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
        if token in LEGAL_FORMS:
            ignored.append((token, "legal form"))
        elif token in COMMON_WORDS:
            ignored.append((token, "common word"))
        else:
            kept.append(token)
        position += 1
    if not kept:
        return NameReading(tuple(tokens), ())
    return NameReading(tuple(kept), tuple(ignored))


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


def _bit_pattern(text: str) -> dict[str, int]:
    pattern: dict[str, int] = {}
    for position, char in enumerate(text):
        pattern[char] = pattern.get(char, 0) | (1 << position)
    return pattern


def _distance(text: str, pattern: dict[str, int], other: str) -> int:
    """Hyyrö's bit-parallel optimal string alignment distance; `pattern` is that of `text`."""
    length = len(text)
    if not length:
        return len(other)
    full = (1 << length) - 1
    last = 1 << (length - 1)
    vp, vn, d0, previous_match, distance = full, 0, 0, 0, length
    get = pattern.get
    for char in other:
        match = get(char, 0)
        transposed = ((~d0 & match) << 1) & previous_match
        d0 = ((((match & vp) + vp) ^ vp) | match | vn | transposed) & full
        hp = (vn | ~(d0 | vp)) & full
        hn = d0 & vp
        if hp & last:
            distance += 1
        elif hn & last:
            distance -= 1
        hp = ((hp << 1) | 1) & full
        hn = (hn << 1) & full
        vp = (hn | ~(d0 | hp)) & full
        vn = hp & d0
        previous_match = match
    return distance


def edit_distance(a: str, b: str) -> int:
    """Damerau–Levenshtein distance (optimal string alignment: a swap of neighbours is one edit)."""
    return _distance(a, _bit_pattern(a), b)


def _max_distance(length: int) -> int:
    return int((1.0 - FUZZY_FLOOR) * length + 1e-9)


def plain_similarity(a: str, b: str) -> float:
    """1 − distance / length of the longer token, however low."""
    longest = max(len(a), len(b))
    return 1.0 - edit_distance(a, b) / longest if longest else 1.0


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


@dataclass(frozen=True)
class _Pair:
    similarity: float
    query: tuple[int, ...]
    listed: tuple[int, ...]


@dataclass
class _Query:
    reading: NameReading
    weights: list[float]
    total_weight: float
    singles: list[dict[int, float]]
    joins: list[dict[int, float]]
    initial_bonus: float


class NameMatcher:
    """An index over the names and aliases of entries, built once, matched many times."""

    def __init__(self, entries: Iterable[SanctionsEntry]) -> None:
        self._entries = tuple(entries)
        self._vocabulary: dict[str, int] = {}
        self._words: list[str] = []
        self._name_entry: list[int] = []
        self._name_text: list[str] = []
        self._name_tokens: list[tuple[int, ...]] = []
        self._name_joins: list[tuple[int, ...]] = []
        self._name_weight: list[float] = []
        self._name_initial_bonus: dict[int, float] = {}
        self._postings: dict[int, list[int]] = {}
        self._join_postings: dict[int, list[int]] = {}
        for index, entry in enumerate(self._entries):
            self._add_entry(index, entry)
        self._word_weight = [token_weight(word) for word in self._words]
        self._word_length = [len(word) for word in self._words]
        self._phonetic: dict[str, list[int]] = {}
        for word_id, word in enumerate(self._words):
            if len(word) >= 2:
                self._phonetic.setdefault(phonetic_key.__wrapped__(word), []).append(word_id)
        # Only single words are looked up by typo; per word length, so a lookup counts the
        # shared trigrams of words of a length that can still be similar enough.
        self._trigram_index: dict[int, dict[str, list[int]]] = {}
        for word_id in self._postings:
            word = self._words[word_id]
            if len(word) >= 3:
                by_gram = self._trigram_index.setdefault(len(word), {})
                for gram in _trigrams(word):
                    by_gram.setdefault(gram, []).append(word_id)

    @property
    def entry_count(self) -> int:
        return len(self._entries)

    def _word_id(self, word: str) -> int:
        word_id = self._vocabulary.get(word)
        if word_id is None:
            word_id = self._vocabulary[word] = len(self._words)
            self._words.append(word)
        return word_id

    def _add_entry(self, index: int, entry: SanctionsEntry) -> None:
        seen: set[tuple[str, ...]] = set()
        for text in entry.names:
            tokens = read_name.__wrapped__(text).tokens
            if not tokens or tokens in seen:
                continue
            seen.add(tokens)
            name_id = len(self._name_entry)
            ids = tuple(self._word_id(token) for token in tokens)
            joins = tuple(self._word_id(a + b) for a, b in pairwise(tokens))
            self._name_entry.append(index)
            self._name_text.append(text)
            self._name_tokens.append(ids)
            self._name_joins.append(joins)
            self._name_weight.append(sum(token_weight(token) for token in tokens))
            initials = sum(1 for token in tokens if len(token) == 1)
            if initials:
                self._name_initial_bonus[name_id] = initials * INITIAL_SIMILARITY * 2.0
            for word_id in set(ids):
                self._postings.setdefault(word_id, []).append(name_id)
            for word_id in set(joins):
                self._join_postings.setdefault(word_id, []).append(name_id)

    def _similar_words(self, token: str, *, fuzzy: bool) -> dict[int, float]:
        """Words of the index resembling `token`, with their similarity."""
        found: dict[int, float] = {}
        exact = self._vocabulary.get(token)
        if exact is not None:
            found[exact] = 1.0
        if len(token) >= 2:
            for word_id in self._phonetic.get(phonetic_key(token), ()):
                if word_id not in found:
                    similarity = plain_similarity(token, self._words[word_id])
                    found[word_id] = PHONETIC_BASE + (1.0 - PHONETIC_BASE) * similarity
        if fuzzy and len(token) >= 3:
            found.update(self._typo_words(token, found))
        return found

    def _typo_words(self, token: str, found: dict[int, float]) -> dict[int, float]:
        """Words within the fuzzy floor of `token`, checked in order of shared trigrams."""
        length = len(token)
        grams = _trigrams(token)
        shortlist: list[tuple[int, int]] = []
        for other_length in range(int(length * FUZZY_FLOOR), int(length / FUZZY_FLOOR) + 2):
            limit = _max_distance(max(length, other_length))
            by_gram = self._trigram_index.get(other_length)
            if not by_gram or abs(other_length - length) > limit:
                continue
            needed = max(1, len(grams) - 4 * limit)
            shared = Counter(chain.from_iterable(by_gram.get(gram, ()) for gram in grams))
            shortlist.extend(
                (count, word_id)
                for word_id, count in shared.items()
                if count >= needed and word_id not in found
            )
        pattern = _bit_pattern(token)
        words = self._words
        similar: dict[int, float] = {}
        for _, word_id in heapq.nlargest(MAX_TYPO_CHECKS, shortlist):
            word = words[word_id]
            longest = max(length, len(word))
            distance = _distance(token, pattern, word)
            if distance <= _max_distance(longest):
                similar[word_id] = 1.0 - distance / longest
        return similar

    def _read_query(self, name: str) -> _Query | None:
        reading = read_name(name)
        tokens = reading.tokens
        if not tokens:
            return None
        weights = [token_weight(token) for token in tokens]
        singles = [self._similar_words(token, fuzzy=True) for token in tokens]
        joins = [self._similar_words(a + b, fuzzy=False) for a, b in pairwise(tokens)]
        initial_bonus = sum(
            INITIAL_SIMILARITY * (weight + 1.0)
            for token, weight in zip(tokens, weights, strict=True)
            if len(token) == 1
        )
        return _Query(reading, weights, sum(weights), singles, joins, initial_bonus)

    def _upper_bounds(self, query: _Query) -> Counter[int]:
        """Per name, the most weighted similarity its pairs could add up to (initials aside)."""
        slots: list[dict[int, float]] = []
        items = chain(
            zip(query.weights, query.singles, (True,) * len(query.singles), strict=True),
            (
                (query.weights[i] + query.weights[i + 1], similar, False)
                for i, similar in enumerate(query.joins)
            ),
        )
        for weight, similar, is_single in items:
            contributions: list[tuple[float, list[int]]] = []
            for word_id, similarity in similar.items():
                postings = self._postings.get(word_id)
                if postings:
                    listed_weight = self._word_weight[word_id]
                    contributions.append((similarity * (weight + listed_weight), postings))
                if is_single:
                    postings = self._join_postings.get(word_id)
                    if postings:
                        contributions.append((similarity * (weight + _JOIN_WEIGHT_BOUND), postings))
            contributions.sort(key=lambda item: item[0])
            slot: dict[int, float] = {}
            for contribution, postings in contributions:
                slot.update(dict.fromkeys(postings, contribution))
            slots.append(slot)
        bounds: Counter[int] = Counter()
        for slot in slots:
            bounds.update(slot)
        return bounds

    def _align(self, query: _Query, name_id: int) -> tuple[float, list[_Pair]]:
        """Pair query tokens with the name's tokens, best pairs first; the weighted Dice score."""
        tokens = query.reading.tokens
        listed = self._name_tokens[name_id]
        joins = self._name_joins[name_id]
        words = self._words
        pairs: list[_Pair] = []
        for i, similar in enumerate(query.singles):
            for j, word_id in enumerate(listed):
                similarity = similar.get(word_id)
                if (
                    similarity is None
                    and (len(tokens[i]) == 1) != (len(words[word_id]) == 1)
                    and tokens[i][0] == words[word_id][0]
                ):
                    similarity = INITIAL_SIMILARITY
                if similarity:
                    pairs.append(_Pair(similarity, (i,), (j,)))
            for j, word_id in enumerate(joins):
                similarity = similar.get(word_id)
                if similarity:
                    pairs.append(_Pair(similarity, (i,), (j, j + 1)))
        for i, similar in enumerate(query.joins):
            for j, word_id in enumerate(listed):
                similarity = similar.get(word_id)
                if similarity:
                    pairs.append(_Pair(similarity, (i, i + 1), (j,)))
        pairs.sort(key=lambda pair: (-pair.similarity, -len(pair.query) - len(pair.listed)))
        used_query: set[int] = set()
        used_listed: set[int] = set()
        chosen: list[_Pair] = []
        numerator = 0.0
        word_weight = self._word_weight
        for pair in pairs:
            if used_query.isdisjoint(pair.query) and used_listed.isdisjoint(pair.listed):
                used_query.update(pair.query)
                used_listed.update(pair.listed)
                chosen.append(pair)
                weight = sum(query.weights[i] for i in pair.query)
                weight += sum(word_weight[listed[j]] for j in pair.listed)
                numerator += pair.similarity * weight
        score = 100.0 * numerator / (query.total_weight + self._name_weight[name_id])
        return min(score, 100.0), chosen

    def match(
        self, name: str, limit: int = 10, threshold: float = DEFAULT_THRESHOLD
    ) -> list[Candidate]:
        """The entries whose name or an alias scores at least `threshold`, best first."""
        query = self._read_query(name)
        if query is None or limit <= 0:
            return []
        bounds = self._upper_bounds(query)
        if query.initial_bonus or self._name_initial_bonus:
            name_bonus = self._name_initial_bonus
            for name_id in bounds:
                bounds[name_id] += query.initial_bonus + name_bonus.get(name_id, 0.0)
        ranked = sorted(
            (
                (100.0 * bound / (query.total_weight + self._name_weight[name_id]), name_id)
                for name_id, bound in bounds.items()
            ),
            reverse=True,
        )
        best: dict[int, tuple[float, int, list[_Pair]]] = {}
        floor = threshold
        for checked, (bound, name_id) in enumerate(ranked):
            if bound < floor:
                break
            score, pairs = self._align(query, name_id)
            if score < threshold:
                continue
            entry_index = self._name_entry[name_id]
            if entry_index not in best or score > best[entry_index][0]:
                best[entry_index] = (score, name_id, pairs)
            if len(best) >= limit and checked % 32 == 0:
                floor = max(threshold, heapq.nlargest(limit, (s for s, _, _ in best.values()))[-1])
        results = sorted(
            best.items(),
            key=lambda item: (-item[1][0], self._entries[item[0]].name, self._entries[item[0]].id),
        )[:limit]
        return [
            Candidate(
                entry=self._entries[entry_index],
                score=round(score, 1),
                matched_name=self._name_text[name_id],
                explanation=self._explain(name, query, name_id, pairs),
            )
            for entry_index, (score, name_id, pairs) in results
        ]

    def _explain(
        self, name: str, query: _Query, name_id: int, pairs: Sequence[_Pair]
    ) -> tuple[str, ...]:
        matched_name = self._name_text[name_id]
        listed_reading = read_name(matched_name)
        query_tokens = query.reading.tokens
        listed_tokens = listed_reading.tokens
        lines: list[str] = []
        for text in (name, matched_name):
            for word in text.split():
                if not word.isascii():
                    lines.append(f"'{word}' read as '{' '.join(tokenise(word))}'")
        for pair in sorted(pairs, key=lambda pair: pair.query):
            asked = "'+'".join(query_tokens[i] for i in pair.query)
            found = "'+'".join(listed_tokens[j] for j in pair.listed)
            if len(pair.query) + len(pair.listed) > 2:
                lines.append(f"'{asked}' ~ '{found}' (joined, {pair.similarity:.2f})")
            elif pair.similarity == 1.0:
                lines.append(f"token '{asked}' = '{found}'")
            elif len(asked) == 1 or len(found) == 1:
                lines.append(f"initial '{asked}' ~ '{found}'")
            elif phonetic_key(asked) == phonetic_key(found):
                lines.append(f"phonetic match '{asked}'/'{found}' ({pair.similarity:.2f})")
            else:
                lines.append(f"token '{asked}' ~ '{found}' (fuzzy {pair.similarity:.2f})")
        if any(
            later.listed[0] < earlier.listed[0]
            for earlier, later in zip(
                sorted(pairs, key=lambda pair: pair.query),
                sorted(pairs, key=lambda pair: pair.query)[1:],
                strict=False,
            )
        ):
            lines.append("word order ignored")
        paired_query = {i for pair in pairs for i in pair.query}
        paired_listed = {j for pair in pairs for j in pair.listed}
        lines.extend(
            f"'{token}' not in the listed name"
            for i, token in enumerate(query_tokens)
            if i not in paired_query
        )
        lines.extend(
            f"'{token}' of the listed name not matched"
            for j, token in enumerate(listed_tokens)
            if j not in paired_listed
        )
        lines.extend(
            f"'{token}' ignored ({reason})"
            for token, reason in chain(query.reading.ignored, listed_reading.ignored)
        )
        return tuple(dict.fromkeys(lines))
