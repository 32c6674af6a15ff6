"""What a screening officer knows about personal names, written down for the matcher.

Two kinds of knowledge that spelling alone cannot give:

- Given names: the romanisations and national forms of one given name (Sergei, Serhiy;
  Nikolai, Mykola; Muhammad, Mohamed) are the same name, and two names of one consonant
  skeleton (Muhammad, Mahmoud; Hussein, Hassan) or a man's and a woman's form (Aleksandr,
  Aleksandra; Jan, Jana) are different names. Each group below is one name; a name in no group
  is matched by spelling only.
- Family names that change with gender in Slavic and Baltic languages (Ivanov, Ivanova;
  Kowalski, Kowalska; Novák, Nováková; Landsbergis, Landsbergienė; Ozols, Ozola): the
  feminine form is read back to the masculine forms it can come from.

All forms are written as the matcher reads them: lower case, without accents.
To add a given name, add its forms as a new line, or to the line of the name they spell.
"""

from __future__ import annotations

GIVEN_NAME_GROUPS: tuple[str, ...] = (
    # Arabic and Turkish
    "muhammad mohammed mohammad muhammed mohamed mohamad muhamad mehmet mohammod mouhamed",
    "mahmoud mahmud mahmood mahmut",
    "ahmed ahmad akhmed ahmet",
    "hassan hasan",
    "hussein husein hussain husain hossein husayn huseyin hussien",
    "hamid hamed",
    "omar umar omer",
    "osman othman uthman usman",
    "usama osama",
    "yusuf yousef youssef yusef yousif yousuf yussuf",
    "abdullah abdulla abdallah",
    "abdulrahman abdelrahman abdurrahman abdulrahmane",
    "khalid khaled",
    "ibrahim ebrahim ibragim",
    "ismail esmail ismael",
    "tariq tarek tarik tareq",
    "karim kareem",
    "jamal gamal djamal",
    "fatima fatema fatimah fatma",
    "aisha aysha ayesha aicha",
    "leila layla laila leyla",
    # East Slavic: Russian, Ukrainian and Belarusian forms and common romanisations
    "aleksandr alexander aleksander oleksandr aliaksandr alexandr alexandre",
    "aleksandra alexandra oleksandra aliaksandra",
    "aleksei alexei alexey aleksey oleksiy oleksii oleksij aliaksei alexej",
    "andrei andrey andriy andrii andrej",
    "boris borys barys",
    "dmitri dmitry dmitriy dmytro dimitri dmitrij",
    "georgy georgiy georgi heorhiy heorhii",
    "grigory grigoriy grigori hryhoriy hryhorii grigorij",
    "igor ihor",
    "ivan iwan",
    "ivana",
    "mikhail mykhailo michail mikhailo",
    "nikolai nikolay nikolaj mykola mikalai nicolai",
    "oleg oleh aleh",
    "pavel pavlo pawel",
    "petr pyotr petro piotr",
    "sergei sergey serguei sergej serhiy serhii sergiy siarhei",
    "stanislav stanislaw",
    "stanislava",
    "vadim vadym",
    "viktor victor wiktor",
    "viktoria viktoriya victoria wiktoria",
    "vladimir volodymyr wladimir uladzimir",
    "yaroslav jaroslav jaroslaw",
    "yevgeny evgeny evgeniy yevgeniy evgenii yevhen yevhenii jevgeni evgeni",
    "yevgenia evgenia yevheniya evgeniya",
    "yuri yury yuriy iurii yurii jurij juri",
    "anna hanna ganna",
    "elena yelena olena jelena",
    "yekaterina ekaterina kateryna katerina",
    "maria mariya mariia marija",
    "natalia natalya nataliya natalija",
    "olga olha",
    "tatiana tatyana tetiana tetyana",
    "yulia yuliya julia yuliia",
    # Central European
    "jan",
    "jana",
)


def _group_of() -> dict[str, int]:
    groups: dict[str, int] = {}
    for number, line in enumerate(GIVEN_NAME_GROUPS):
        for form in line.split():
            if form in groups:
                raise ValueError(f"given name {form!r} is in two groups")
            groups[form] = number
    return groups


GIVEN_NAME_GROUP: dict[str, int] = _group_of()


def given_name_forms(name: str) -> tuple[str, ...]:
    """The other forms of a known given name; () for a name postkit does not know."""
    group = GIVEN_NAME_GROUP.get(name)
    if group is None:
        return ()
    return tuple(form for form in GIVEN_NAME_GROUPS[group].split() if form != name)


def different_given_names(a: str, b: str) -> bool:
    """Both are known given names, and not forms of one name."""
    group_a = GIVEN_NAME_GROUP.get(a)
    group_b = GIVEN_NAME_GROUP.get(b)
    return group_a is not None and group_b is not None and group_a != group_b


# Feminine endings of family names and the masculine endings they are formed from.
# Russian and Bulgarian (-ova, -eva, -ina, -skaya, -aya), Polish (-ska, -cka, -dzka),
# Czech and Slovak (-ová, -ská, -ná), Lithuanian (a wife's -ienė, a daughter's -aitė, -ytė,
# -utė) and Latvian (-a, -e for -s, -š, -is).
_FEMININE_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("skaya", ("sky", "skiy", "skii", "ski", "skyi")),
    ("tskaya", ("tsky", "tskiy", "tskii")),
    ("aya", ("oy", "iy", "y", "yi", "ii")),
    ("ska", ("ski", "sky")),
    ("cka", ("cki", "cky")),
    ("dzka", ("dzki",)),
    ("ova", ("ov", "")),
    ("eva", ("ev",)),
    ("yova", ("yov",)),
    ("ina", ("in",)),
    ("yna", ("yn",)),
    ("na", ("ny",)),
    ("uviene", ("us",)),
    ("iene", ("is", "as", "ys", "us", "ius")),
    ("aite", ("as",)),
    ("yte", ("is", "ys")),
    ("ute", ("us",)),
    ("a", ("s",)),
    ("e", ("is",)),
)
_MIN_STEM = 3


def masculine_forms(name: str) -> tuple[str, ...]:
    """The masculine family names a feminine form can come from (Kowalska: kowalski, kowalsky)."""
    forms: list[str] = []
    for ending, replacements in _FEMININE_ENDINGS:
        if name.endswith(ending) and len(name) - len(ending) >= _MIN_STEM:
            stem = name[: -len(ending)]
            forms.extend(stem + replacement for replacement in replacements)
    # Novák/Nováková read back would make Ivanova the feminine of the given name Ivan.
    return tuple(
        dict.fromkeys(form for form in forms if form != name and form not in GIVEN_NAME_GROUP)
    )
