"""Function words per language, for the terminology engine.

- ``stopwords``: a term candidate or a rendering never starts or ends with one, and they do not count as
  the content of a rendering.
- ``complex_prepositions``: multi-word function phrases (« en matière de », "in terms of", „im Bereich“)
  whose content-looking words (« matière ») are function words inside a rendering: two renderings
  that differ by one are near-variants of each other, not different terms.
- ``function_canon`` and ``articles``: the canonical form of contracted function words (« du » = « de
  le », „zum“ = „zu dem“) and the articles, which vary with syntax (case, number, definiteness) and are
  ignored when two renderings are compared.
- ``links``: the function words that may sit inside a noun phrase (« plan d'action », "Federation of
  Trade Unions"); other function words (verbs, pronouns) end a term or a rendering.
- ``inflection_suffixes``: endings by which two forms of one word family differ (Russia / Russian,
  Belgium / Belgian, Konföderierte / Konföderierten); other differences between two similar words are
  spelling variants.

Small hand lists for the news languages mtcheck supports.
"""
from __future__ import annotations

_RAW = {
    "en": """a an the of to in on at by for from with and or but as is are was were be been being it its
        this that these those which who whom whose what when where why how not no he she they we you i his
        her their our your my me him them us has have had do does did will would shall should can could may
        might must than then there here also into over under about after before between during such more most
        very so if said says s against across along among around behind below beside beyond despite inside
        near since through toward towards upon within without via per""",
    "fr": """le la les l un une des du de d au aux à a et ou mais où donc or ni car que qu qui quoi dont ce
        cet cette ces son sa ses leur leurs notre nos votre vos mon ma mes ton ta tes il elle ils elles on nous
        vous je tu me te se s lui y en ne n pas plus est sont était été être avoir a ont avait sur sous dans par
        pour avec sans entre vers chez lors depuis pendant comme ainsi aussi très tout tous toute toutes même
        c j m t cette cela ça si""",
    "de": """der die das des dem den ein eine einer eines einem einen und oder aber doch als wie wenn weil
        dass daß ob zu zum zur im in am an auf aus bei beim mit nach von vom vor über unter um durch für gegen
        ohne bis seit ist sind war waren sein hat haben hatte wird werden wurde wurden kann können es er sie
        wir ihr ich du sich nicht kein keine auch noch nur so sehr dieser diese dieses jener welche welcher
        man ins""",
    "es": """el la los las lo un una unos unas de del al a y e o u pero que quien cuyo como cuando donde
        en con por para sin sobre entre hacia desde durante es son era fue ser ha han había se su sus le les
        nos no más muy también este esta estos estas ese esa según ante bajo tras mediante hasta""",
    "it": """il lo la i gli le un uno una di del della dei degli delle a al alla ai agli alle da dal in nel
        nella con su per tra fra e o ma che chi cui come quando dove è sono era ha hanno si non più anche l""",
    "pt": """o a os as um uma uns umas de do da dos das em no na nos nas por pelo pela para com sem e ou mas
        que quem como quando onde é são era foi ser há tem se seu sua não mais também""",
    "nl": """de het een van in op aan met voor door over bij naar uit en of maar dat die wie wat als is zijn
        was waren heeft hebben wordt worden niet ook nog""",
    "zh": """的 了 和 与 及 以及 在 是 对 为 将 于 把 被 也 都 而 并 从 向 由 等 之 其 这 那 这一 该 我们 他 她 它 他们
        有 没有 不 还 又 就 所 以 上 中 下""",
    # Scripts without case (a recurring word is no name by its capital): their function words at least.
    "ar": """في من إلى الى على عن مع أن إن أنه إنه كان كانت يكون التي الذي الذين هذا هذه ذلك تلك هو هي هم و
        أو ثم قد لا لم لن ما بعد قبل بين عند حتى منذ خلال كل بعض غير أي وقال وقالت قال قالت""",
    "fa": """و در به از که این آن با را برای تا یا هم است بود شد می نیز اما بر پس پیش هر کرد کند""",
    "he": """של את על עם אל כי זה זו הוא היא הם או גם לא אם כמו בין לפני אחרי עד""",
    "hi": """का की के को में से पर और या है हैं था थी थे ने भी तो यह वह इस उस एक लिए कि""",
    # Japanese: particles, auxiliaries, light verbs and demonstratives as Sudachi's split mode B cuts them.
    "ja": """は が を に で と の へ も や から まで より か ね よ な だ です ます た て で し する いる ある なる
        れる られる せる させる こと もの これ それ この その あの ため など また および 及び 並びに""",
}

STOPWORDS: dict[str, frozenset[str]] = {k: frozenset(v.split()) for k, v in _RAW.items()}

# Function words that may sit inside a noun phrase, hence inside a term or a rendering (« plan d'action »,
# "Federation of Trade Unions", „Denkmal der Konföderierten“, 鲜艳的党旗); other function words (verbs,
# pronouns, subordinators: "is", « est », „hat“) end it.
_LINKS = {
    "en": "a an the of for and in on at s de la von van al del",
    "fr": "le la les l un une des du de d au aux à et pour en sur sans contre entre",
    "de": "der die das des dem den ein eine einer eines einem einen und für von vom zur zum im am in an auf mit gegen",
    "es": "el la los las lo un una de del al a y e para en con sobre contra",
    "it": "il lo la i gli le l un uno una di del della dei degli delle a al alla ai per in nel nella e con su",
    "pt": "o a os as um uma de do da dos das em no na por para e com",
    "nl": "de het een van voor en in op aan",
    "zh": "的 之 与 和 及",
    "ja": "の と や 及び",
    "ko": "의 와 과 및",
}
LINKS: dict[str, frozenset[str]] = {k: frozenset(v.split()) for k, v in _LINKS.items()}
# Coordinating conjunctions among them: a phrase joined by one names two things ("parks and industrial
# clusters"), not one term reworded.
_COORDINATORS = {"en": "and or", "fr": "et ou", "de": "und oder", "es": "y e o u", "it": "e ed o",
                 "pt": "e ou", "nl": "en of", "zh": "与 和 及",
                 "ja": "と や 及び", "ko": "와 과 및"}
COORDINATORS: dict[str, frozenset[str]] = {k: frozenset(v.split()) for k, v in _COORDINATORS.items()}

_COMPLEX = {
    "en": ["in terms of", "in the field of", "in the area of", "with regard to", "with respect to",
           "in the domain of", "on the part of", "in relation to", "according to", "due to", "owing to",
           "because of", "as well as", "in addition to", "on behalf of", "in accordance with", "instead of",
           "prior to", "in front of", "in spite of", "by means of", "thanks to", "regardless of"],
    "fr": ["en matière de", "en matière d", "dans le domaine de", "dans le domaine d", "en termes de",
           "en termes d", "au niveau de", "au niveau d", "à l égard de", "à l égard d", "en ce qui concerne",
           "dans le cadre de", "dans le cadre d", "au sein de", "au sein d", "sur le plan de"],
    "de": ["im bereich", "im bereich der", "im bereich des", "auf dem gebiet", "auf dem gebiet der",
           "auf dem gebiet des", "in bezug auf", "im hinblick auf", "im rahmen", "im rahmen der",
           "im rahmen des", "hinsichtlich", "bezüglich"],
    "es": ["en materia de", "en el ámbito de", "en el campo de", "en términos de", "en el marco de",
           "con respecto a", "en relación con"],
    "it": ["in materia di", "nel campo di", "nell ambito di", "in termini di"],
    "pt": ["em matéria de", "no âmbito de", "no campo de", "em termos de"],
}

COMPLEX_PREPOSITIONS: dict[str, tuple[tuple[str, ...], ...]] = {
    k: tuple(sorted((tuple(p.split()) for p in v), key=len, reverse=True)) for k, v in _COMPLEX.items()
}

_CANON = {
    "fr": {"l": "le", "la": "le", "les": "le", "du": "de le", "des": "de le", "d": "de", "au": "à le",
           "aux": "à le", "un": "un", "une": "un", "qu": "que"},
    "de": {"zum": "zu dem", "zur": "zu der", "im": "in dem", "ins": "in das", "am": "an dem", "vom": "von dem",
           "beim": "bei dem", "die": "der", "das": "der", "des": "der", "dem": "der", "den": "der",
           "eine": "ein", "einer": "ein", "eines": "ein", "einem": "ein", "einen": "ein"},
    "es": {"del": "de el", "al": "a el", "la": "el", "los": "el", "las": "el", "una": "un", "unos": "un",
           "unas": "un"},
    "it": {"del": "di il", "della": "di il", "dei": "di il", "degli": "di il", "delle": "di il",
           "al": "a il", "alla": "a il", "ai": "a il", "nel": "in il", "nella": "in il", "lo": "il",
           "la": "il", "i": "il", "gli": "il", "le": "il", "l": "il", "uno": "un", "una": "un"},
    "pt": {"do": "de o", "da": "de o", "dos": "de o", "das": "de o", "no": "em o", "na": "em o",
           "nos": "em o", "nas": "em o", "a": "o", "os": "o", "as": "o", "uma": "um"},
    "en": {"an": "a"},
}

_ARTICLES = {
    "fr": {"le", "un"}, "de": {"der", "ein"}, "es": {"el", "un"}, "it": {"il", "un"}, "pt": {"o", "um"},
    "en": {"the", "a"}, "nl": {"de", "het", "een"},
}

_SUFFIXES = {
    # Endings of inflection and of the derivations a translation uses for one term (Russia / Russian).
    "en": {"", "s", "es", "'s", "n", "an", "ian", "ean", "ese", "ish", "a", "i", "e", "y", "ans", "ns", "um", "ium",
           "ic", "ics", "al", "ial", "ical", "ern", "ist", "ists", "ism", "ies"},
    "de": {"", "e", "en", "n", "s", "es", "er", "em", "ern", "ns", "ens", "ischen", "ische", "isch", "ischer",
           "isches", "ischem", "ien", "in", "innen", "t", "te", "ten", "st", "se", "sen"},  # -nis, -nisse, -nissen
    "fr": {"", "s", "e", "es", "x", "aux", "al", "ale", "ales", "ien", "ienne", "iens", "iennes", "ais", "aise",
           "aises", "ois", "oise", "oises"},
    "es": {"", "s", "es", "a", "as", "o", "os", "ano", "ana", "anos", "anas", "és", "esa"},
    "it": {"", "a", "e", "i", "o", "ano", "ana", "ani", "ane", "ese", "esi"},
    "pt": {"", "s", "a", "as", "o", "os", "ês", "esa"},
    "nl": {"", "s", "en", "e", "se", "er"},
}

# Words of time expressions: units of time and the words that place them ("last week", « l'année
# dernière », „letzte Woche“). A phrase made only of these is a date, not terminology.
_TIME = {
    "en": set("""second seconds minute minutes hour hours day days week weeks weekend weekends month months year
        years decade decades century centuries morning mornings afternoon evening evenings night nights today
        yesterday tomorrow tonight last next past previous coming early earlier late later recent this
        current same following first""".split()),
    "de": set("""sekunde sekunden minute minuten stunde stunden tag tage tagen woche wochen wochenende monat monate
        monaten jahr jahre jahren jahrzehnt jahrzehnte jahrhundert morgen vormittag nachmittag abend nacht
        heute gestern letzt letzte letzten letzter vergangen vergangene vergangenen vorig vorige vorigen
        nächst nächste nächsten kommend kommende kommenden früh früher spät später diese dieses diesem""".split()),
    "fr": set("""seconde secondes minute minutes heure heures jour jours journée semaine semaines week-end mois an
        ans année années décennie siècle matin soir soirée nuit aujourd'hui hier demain dernier dernière
        derniers dernières prochain prochaine passé passée précédent précédente""".split()),
    "es": set("""segundo minuto minutos hora horas día días semana semanas fin mes meses año años década siglo
        mañana tarde noche hoy ayer pasado pasada próximo próxima último última anterior""".split()),
}


def time_words(lang: str | None) -> set[str]:
    return _TIME.get(_base(lang), set())


def stopwords(lang: str | None) -> frozenset[str]:
    return STOPWORDS.get(_base(lang), frozenset())


def links(lang: str | None) -> frozenset[str]:
    return LINKS.get(_base(lang), frozenset())


def coordinators(lang: str | None) -> frozenset[str]:
    return COORDINATORS.get(_base(lang), frozenset())


def complex_prepositions(lang: str | None) -> tuple[tuple[str, ...], ...]:
    return COMPLEX_PREPOSITIONS.get(_base(lang), ())


def function_canon(lang: str | None) -> dict[str, str]:
    return _CANON.get(_base(lang), {})


def articles(lang: str | None) -> set[str]:
    return _ARTICLES.get(_base(lang), set())


def inflection_suffixes(lang: str | None) -> set[str]:
    return _SUFFIXES.get(_base(lang), {"", "s", "e", "es", "en", "n"})


def _base(lang: str | None) -> str:
    return (lang or "").split("-")[0]
