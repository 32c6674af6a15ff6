"""A labelled set for sanctions name matching, made of fictional names, the same on every run.

Each pair is a screened name (the query, as an officer types it, with a date of birth or
country when the kind needs one) and a list entry, labelled `match` (the same person or
company written another way) or `no-match` (a different one that a careless matcher takes
for it). Kinds, each with both labels:

- middle:    a patronymic or middle name missing on one side / a different patronymic
- gendered:  a masculine and a feminine form of one family name for the same woman /
             a man and a woman of one family
- given:     romanisations and national forms of one given name / different given names of
             one consonant skeleton, or a man's and a woman's form
- script:    Cyrillic, Greek, Arabic and Chinese names against Latin entries and back /
             a different given name in the other script
- legal:     one company with another legal form or none / another company sharing a word
             and the legal form
- dob:       one name with the same date of birth and country, spelt another way /
             the same name with another year of birth and country
- typo:      a slip of the keyboard / a different family name sharing the given name

Family names are built from syllables (no real person's name); given names are common ones.
The list holds every entry of a pair and fictional filler entries, so that ranking counts.

    python tests/benchmarks/matching_quality_set.py   # writes tests/benchmarks/data/*.csv
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
PAIRS_FILE = DATA / "matching_quality_pairs.csv"
LIST_FILE = DATA / "matching_quality_list.csv"
PAIR_COLUMNS = ("pair", "kind", "label", "query", "birth_date", "country", "entry_id")
LIST_COLUMNS = ("id", "schema", "name", "aliases", "birth_date", "countries")
FILLERS = 1500

SYLLABLES = (
    "ka", "ro", "vel", "mir", "zan", "tor", "bek", "lan", "sko", "vin", "dra", "gor", "mel",
    "tas", "rid", "pol", "kas", "zel", "ven", "dor", "hal", "mun", "sar", "tel", "vor", "gan",
    "lis", "pet", "mak", "sim", "bar", "tak", "nur", "far", "ber", "gen", "dal", "mos", "tin",
    "rad", "kol", "yar", "lev", "brat", "stan", "prok", "zub", "chur", "lom", "vash",
)  # fmt: skip
MEN = (
    "Boris", "Ivan", "Oleg", "Pavel", "Viktor", "Andrei", "Dmitri", "Sergei", "Nikolai",
    "Vladimir", "Grigory", "Mikhail", "Yuri", "Igor", "Vadim", "Stanislav", "Aleksandr",
)  # fmt: skip
WOMEN = (
    "Anna", "Olga", "Elena", "Natalia", "Tatiana", "Maria", "Yulia", "Viktoria", "Ivana",
    "Aleksandra", "Stanislava", "Jana", "Yekaterina",
)  # fmt: skip
# (listed form, forms a screened name may take)
GIVEN_VARIANTS = (
    ("Sergei", ("Serhiy", "Sergey", "Serguei", "Siarhei")),
    ("Nikolai", ("Mykola", "Nikolay", "Nicolai")),
    ("Vladimir", ("Volodymyr", "Wladimir", "Uladzimir")),
    ("Aleksei", ("Oleksiy", "Alexei", "Alexey")),
    ("Grigory", ("Hryhoriy", "Grigoriy", "Grigori")),
    ("Aleksandr", ("Alexander", "Oleksandr", "Aleksander")),
    ("Yevgeny", ("Evgeni", "Evgeniy", "Yevhen")),
    ("Dmitri", ("Dmytro", "Dmitry", "Dmitriy")),
    ("Mikhail", ("Mykhailo", "Michail")),
    ("Muhammad", ("Mohammed", "Mohamed", "Mohammad")),
    ("Yusuf", ("Youssef", "Yousef", "Yousif")),
    ("Hussein", ("Husain", "Hussain", "Hossein")),
    ("Khalid", ("Khaled",)),
    ("Igor", ("Ihor",)),
    ("Oleg", ("Oleh",)),
    ("Yuri", ("Yury", "Iurii", "Yuriy")),
)
# (listed, screened) given names that are different names
GIVEN_DIFFERENT = (
    ("Mahmoud", "Mohammed"), ("Hassan", "Hussein"), ("Ivana", "Ivan"), ("Aleksandra", "Aleksandr"),
    ("Jana", "Jan"), ("Stanislava", "Stanislav"), ("Viktoria", "Viktor"), ("Omar", "Osman"),
    ("Ahmed", "Mahmoud"), ("Yevgenia", "Yevgeny"), ("Olga", "Oleg"), ("Hamid", "Ahmed"),
)  # fmt: skip
PATRONYMICS = (
    "Vadimovich", "Sergeyevich", "Petrovich", "Ivanovich", "Olegovich", "Borisovich",
    "Nikolayevich", "Viktorovich", "Andreyevich", "Pavlovich",
)  # fmt: skip
# (masculine ending, feminine ending) of family names
GENDER_ENDINGS = (
    ("ov", "ova"), ("ev", "eva"), ("in", "ina"), ("ski", "ska"), ("sky", "skaya"),
    ("cki", "cka"), ("ák", "áková"), ("is", "ienė"), ("as", "aitė"), ("ý", "á"),
)  # fmt: skip
CYRILLIC_SYLLABLES = {
    "ka": "ка", "ro": "ро", "vel": "вел", "mir": "мир", "zan": "зан", "tor": "тор",
    "bek": "бек", "lan": "лан", "sko": "ско", "vin": "вин", "dra": "дра", "gor": "гор",
    "mel": "мел", "tas": "тас", "rid": "рид", "pol": "пол", "kas": "кас", "zel": "зел",
    "ven": "вен", "dor": "дор", "hal": "хал", "mun": "мун", "sar": "сар", "tel": "тел",
}  # fmt: skip
# Romanised as the lists do (BGN/PCGN), not as postkit reads Cyrillic: х is "kh", so "hal"
# comes back as "khal".
CYRILLIC_LATIN = {"хал": "khal"}
CYRILLIC_GIVEN = {
    "Boris": "Борис", "Oleg": "Олег", "Pavel": "Павел", "Viktor": "Виктор",
    "Andrei": "Андрей", "Sergei": "Сергей", "Nikolai": "Николай", "Yuri": "Юрий",
    "Igor": "Игорь", "Vadim": "Вадим", "Olga": "Ольга", "Natalia": "Наталья",
}  # fmt: skip
GREEK_SYLLABLES = {
    "pa": "πα", "pa2": "πα", "da": "δα", "ko": "κο", "pou": "που", "los": "λος", "ni": "νι",
    "ki": "κη", "sta": "στα", "ma": "μα", "the": "θε", "ri": "ρη", "to": "το", "li": "λη",
}  # fmt: skip
GREEK_GIVEN = {
    "Georgios": "Γεώργιος", "Dimitrios": "Δημήτριος", "Nikolaos": "Νικόλαος",
    "Konstantinos": "Κωνσταντίνος", "Eleni": "Ελένη", "Maria": "Μαρία",
}  # fmt: skip
ARABIC_GIVEN = {
    "Mohammed": "محمد", "Ahmed": "أحمد", "Hassan": "حسن", "Yusuf": "يوسف", "Khalid": "خالد",
    "Omar": "عمر", "Ibrahim": "إبراهيم", "Mahmoud": "محمود", "Hamid": "حامد",
}  # fmt: skip
# Consonant + long vowel syllables of fictional Arabic family names, each as written in
# Arabic script and in Latin letters.
ARABIC_SYLLABLES = (
    ("تا", "ta"), ("ري", "ri"), ("سا", "sa"), ("نو", "nu"), ("دا", "da"), ("مي", "mi"),
    ("كا", "ka"), ("لي", "li"), ("با", "ba"), ("زو", "zu"), ("را", "ra"), ("في", "fi"),
)  # fmt: skip
CHINESE_FAMILY = {"王": "Wang", "李": "Li", "张": "Zhang", "刘": "Liu", "陈": "Chen", "赵": "Zhao"}
CHINESE_GIVEN = {
    "伟": "wei", "明": "ming", "华": "hua", "军": "jun", "建": "jian", "国": "guo", "平": "ping",
    "强": "qiang", "磊": "lei", "勇": "yong", "杰": "jie", "敏": "min", "静": "jing",
}  # fmt: skip
COMPANY_WORDS = (
    "Trading", "Shipping", "Logistics", "Energy", "Metals", "Mining", "Petroleum", "Textiles",
    "Industries", "Capital", "Marine", "Aviation", "Chemicals",
)  # fmt: skip
LEGAL_FORMS = (
    "B.V.", "N.V.", "Ltd", "LLC", "GmbH", "OOO", "SA", "S.A.", "JSC", "FZE", "Inc.", "PLC",
    "s.r.o.", "d.o.o.", "Sp. z o.o.", "AG", "SARL", "Limited",
)  # fmt: skip
CYRILLIC_LEGAL = ("ООО", "АО", "ТОВ", "ПАО")
COUNTRIES = ("ru", "by", "ua", "ir", "sy", "kp", "ve", "ae", "tr", "cn")


@dataclass(frozen=True)
class Entry:
    id: str
    schema: str
    name: str
    aliases: tuple[str, ...] = ()
    birth_date: str = ""
    countries: str = ""


@dataclass(frozen=True)
class Pair:
    kind: str
    label: str
    query: str
    entry_id: str
    birth_date: str = ""
    country: str = ""


class Builder:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.entries: dict[str, Entry] = {}
        self.pairs: list[Pair] = []
        self.used_stems: set[str] = set()

    def stem(self, syllables: tuple[str, ...] = SYLLABLES, count: tuple[int, int] = (2, 3)):
        while True:
            parts = [self.rng.choice(syllables) for _ in range(self.rng.randint(*count))]
            stem = "".join(parts)
            if stem not in self.used_stems and 4 <= len(stem) <= 10:
                self.used_stems.add(stem)
                return parts

    def family(self, ending: str = "") -> str:
        return ("".join(self.stem()) + ending).capitalize()

    def entry(self, name: str, schema: str = "Person", **fields: str) -> str:
        entry_id = f"q{len(self.entries) + 1:04d}"
        self.entries[entry_id] = Entry(entry_id, schema, name, **fields)
        return entry_id

    def pair(self, kind: str, label: str, query: str, entry_id: str, **subject: str) -> None:
        self.pairs.append(Pair(kind, label, query, entry_id, **subject))

    # Kinds ------------------------------------------------------------------------------

    def middle(self, count: int) -> None:
        for n in range(count):
            given = self.rng.choice(MEN)
            family = self.family(self.rng.choice(("ov", "ev", "in", "enko", "")))
            patronymic, other = self.rng.sample(PATRONYMICS, 2)
            if n % 2:
                full = self.entry(f"{given} {patronymic} {family}")
                self.pair("middle", "match", f"{given} {family}", full)
                self.pair("middle", "no-match", f"{given} {other} {family}", full)
            else:
                short = self.entry(f"{family.upper()} {given}")
                self.pair("middle", "match", f"{given} {patronymic} {family}", short)
                different = self.entry(f"{given} {other} {family}")
                self.pair("middle", "no-match", f"{given} {patronymic} {family}", different)

    def gendered(self, count: int) -> None:
        for _ in range(count):
            masculine, feminine = self.rng.choice(GENDER_ENDINGS)
            stem = "".join(self.stem()).capitalize()
            woman = self.rng.choice(tuple(w for w in WOMEN if w not in ("Ivana", "Jana")))
            listed = self.entry(f"{woman} {stem}{feminine}")
            self.pair("gendered", "match", f"{woman} {stem}{masculine}", listed)
            man = self.rng.choice(MEN)
            self.pair("gendered", "no-match", f"{man} {stem}{masculine}", listed)

    def given(self, count: int) -> None:
        for n in range(count):
            family = self.family(self.rng.choice(("ov", "enko", "ani", "i", "")))
            listed_given, forms = GIVEN_VARIANTS[n % len(GIVEN_VARIANTS)]
            listed = self.entry(f"{listed_given} {family}")
            self.pair("given", "match", f"{self.rng.choice(forms)} {family}", listed)
            other_listed, screened = GIVEN_DIFFERENT[n % len(GIVEN_DIFFERENT)]
            other = self.entry(f"{other_listed} {family}", aliases=(f"{family} {other_listed}",))
            self.pair("given", "no-match", f"{screened} {family}", other)

    def script(self, count: int) -> None:
        makers = (self._cyrillic, self._greek, self._arabic, self._chinese)
        for n in range(count):
            script_name, latin, other_script, other_latin = makers[n % len(makers)]()
            if n % 2:
                listed = self.entry(latin)
                self.pair("script", "match", script_name, listed)
                self.pair("script", "no-match", other_script, listed)
            else:
                listed = self.entry(script_name, aliases=())
                self.pair("script", "match", latin, listed)
                self.pair("script", "no-match", other_latin, listed)

    def _cyrillic(self) -> tuple[str, str, str, str]:
        parts = self.stem(tuple(CYRILLIC_SYLLABLES), (2, 3))
        ending = self.rng.choice((("ов", "ov"), ("ин", "in"), ("енко", "enko")))
        cyrillic = "".join(CYRILLIC_SYLLABLES[p] for p in parts) + ending[0]
        latin = "".join(CYRILLIC_LATIN.get(CYRILLIC_SYLLABLES[p], p) for p in parts) + ending[1]
        given, other = self.rng.sample(tuple(CYRILLIC_GIVEN), 2)
        return (
            f"{CYRILLIC_GIVEN[given]} {cyrillic.capitalize()}",
            f"{given} {latin.capitalize()}",
            f"{CYRILLIC_GIVEN[other]} {cyrillic.capitalize()}",
            f"{other} {latin.capitalize()}",
        )

    def _greek(self) -> tuple[str, str, str, str]:
        parts = self.stem(tuple(GREEK_SYLLABLES), (2, 3))
        # A final sigma inside the word is a plain one.
        greek = "".join(GREEK_SYLLABLES[p] for p in parts).replace("ς", "σ")
        latin = "".join(p.rstrip("2") for p in parts)
        ending = self.rng.choice((("ης", "is"), ("ου", "ou"), ("ος", "os")))
        given, other = self.rng.sample(tuple(GREEK_GIVEN), 2)
        greek_family = (greek + ending[0]).capitalize()
        latin_family = (latin + ending[1]).capitalize()
        latin_given = {"Georgios": "Georgios"}.get(given, given)
        return (
            f"{GREEK_GIVEN[given]} {greek_family}",
            f"{latin_given} {latin_family}",
            f"{GREEK_GIVEN[other]} {greek_family}",
            f"{other} {latin_family}",
        )

    def _arabic(self) -> tuple[str, str, str, str]:
        while True:
            chosen = [self.rng.choice(ARABIC_SYLLABLES) for _ in range(self.rng.randint(2, 3))]
            latin = "".join(latin for _, latin in chosen)
            if latin not in self.used_stems:
                self.used_stems.add(latin)
                break
        arabic = "".join(letters for letters, _ in chosen)
        given, other = self.rng.sample(tuple(ARABIC_GIVEN), 2)
        article = self.rng.random() < 0.5
        return (
            f"{ARABIC_GIVEN[given]} {'ال' if article else ''}{arabic}",
            f"{given} {'Al-' if article else ''}{latin.capitalize()}",
            f"{ARABIC_GIVEN[other]} {'ال' if article else ''}{arabic}",
            f"{other} {'Al-' if article else ''}{latin.capitalize()}",
        )

    def _chinese(self) -> tuple[str, str, str, str]:
        while True:
            family = self.rng.choice(tuple(CHINESE_FAMILY))
            given = self.rng.sample(tuple(CHINESE_GIVEN), 2)
            key = family + "".join(given)
            if key not in self.used_stems:
                self.used_stems.add(key)
                break
        other = [given[0], self.rng.choice([c for c in CHINESE_GIVEN if c not in given])]
        latin_given = "".join(CHINESE_GIVEN[c] for c in given).capitalize()
        other_latin = "".join(CHINESE_GIVEN[c] for c in other).capitalize()
        return (
            family + "".join(given),
            f"{CHINESE_FAMILY[family]} {latin_given}",
            family + "".join(other),
            f"{CHINESE_FAMILY[family]} {other_latin}",
        )

    def legal(self, count: int) -> None:
        for n in range(count):
            core = self.family()
            word, other_word = self.rng.sample(COMPANY_WORDS, 2)
            form, other_form = self.rng.sample(LEGAL_FORMS, 2)
            listed = self.entry(f"{core} {word} {form}", schema="Company")
            if n % 3 == 0:
                cyrillic = self.rng.choice(CYRILLIC_LEGAL)
                self.pair("legal", "match", f"{cyrillic} «{core} {word}»", listed)
            else:
                query_form = other_form if n % 3 == 1 else ""
                self.pair("legal", "match", f"{core} {word} {query_form}".strip(), listed)
            self.pair("legal", "no-match", f"{core} {other_word} {form}", listed)

    def dob(self, count: int) -> None:
        for _ in range(count):
            given_listed, forms = self.rng.choice(GIVEN_VARIANTS)
            family = self.family(self.rng.choice(("ov", "enko", "ani", "")))
            year = self.rng.randint(1950, 1995)
            date = f"{year}-{self.rng.randint(1, 12):02d}-{self.rng.randint(1, 28):02d}"
            country, other_country = self.rng.sample(COUNTRIES, 2)
            listed = self.entry(f"{given_listed} {family}", birth_date=date, countries=country)
            spelt = f"{self.rng.choice(forms)} {family}"
            self.pair("dob", "match", spelt, listed, birth_date=date, country=country)
            other_date = f"{year + self.rng.choice((-1, 1)) * self.rng.randint(12, 30)}-03-01"
            self.pair(
                "dob", "no-match", spelt, listed, birth_date=other_date, country=other_country
            )

    def typo(self, count: int) -> None:
        for _ in range(count):
            given = self.rng.choice(MEN + WOMEN)
            family = self.family(self.rng.choice(("ov", "ani", "er", "")))
            listed = self.entry(f"{given} {family}")
            i = self.rng.randrange(1, len(family) - 2)
            slipped = family[:i] + family[i + 1] + family[i] + family[i + 2 :]
            self.pair("typo", "match", f"{given} {slipped}", listed)
            self.pair("typo", "no-match", f"{given} {self.family()}", listed)

    def fillers(self, count: int) -> None:
        for n in range(count):
            if n % 3:
                given = self.rng.choice(MEN + WOMEN)
                self.entry(f"{given} {self.family(self.rng.choice(('ov', 'in', 'ani', '')))}")
            else:
                word = self.rng.choice(COMPANY_WORDS)
                form = self.rng.choice(LEGAL_FORMS)
                self.entry(f"{self.family()} {word} {form}", schema="Company")


def build() -> tuple[list[Entry], list[Pair]]:
    builder = Builder(seed=19)
    builder.middle(30)
    builder.gendered(30)
    builder.given(32)
    builder.script(32)
    builder.legal(30)
    builder.dob(30)
    builder.typo(30)
    builder.fillers(FILLERS)
    return list(builder.entries.values()), builder.pairs


def write() -> None:
    entries, pairs = build()
    DATA.mkdir(exist_ok=True)
    with LIST_FILE.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(LIST_COLUMNS)
        for entry in entries:
            writer.writerow(
                (entry.id, entry.schema, entry.name, ";".join(entry.aliases), entry.birth_date,
                 entry.countries)
            )  # fmt: skip
    with PAIRS_FILE.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(PAIR_COLUMNS)
        for number, pair in enumerate(pairs, 1):
            writer.writerow(
                (number, pair.kind, pair.label, pair.query, pair.birth_date, pair.country,
                 pair.entry_id)
            )  # fmt: skip
    print(f"{PAIRS_FILE}: {len(pairs)} pairs; {LIST_FILE}: {len(entries)} entries")


if __name__ == "__main__":
    write()
