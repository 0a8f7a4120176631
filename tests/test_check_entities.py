"""Table tests of the entity checks: URLs, e-mails, handles and hashtags, acronyms, identifiers, names."""
from __future__ import annotations

from pathlib import Path

import pytest

from mtcheck.config import Config

from .check_helpers import assert_table, flagged, run

ENTITY_CHECKS = ("entities.url", "entities.email", "entities.handle", "entities.acronym", "entities.name")

# (id, source, source lang, target, target lang, expected (check, severity, flagged text; "src:" = source))
CASES = [
    ("NATO -> OTAN is an equivalent", "NATO leaders will meet in Brussels on Tuesday.", "en",
     "Les dirigeants de l'OTAN se réuniront mardi à Bruxelles.", "fr", []),
    ("NATO -> « l'Alliance » is not in the file", "NATO leaders will meet in Brussels on Tuesday.", "en",
     "Les dirigeants de l'Alliance se réuniront mardi à Bruxelles.", "fr",
     [("entities.acronym", "minor", "src:NATO")]),
    ("UK -> britische (adjective), EU kept", "The EU and UK negotiators met again.", "en",
     "Die Unterhändler der EU und die britischen Unterhändler trafen sich erneut.", "de", []),
    ("BBC dropped, WHO kept", "The WHO said the BBC was wrong.", "en",
     "Die WHO sagte, die Zeitung habe sich geirrt.", "de", [("entities.acronym", "minor", "src:BBC")]),
    ("北约 of a Chinese source rendered NATO", "北约秘书长斯托尔滕贝格发表讲话。", "zh",
     "NATO Secretary General Stoltenberg delivered a speech.", "en", []),
    ("联合国 not rendered", "联合国秘书长古特雷斯发表讲话。", "zh",
     "Secretary-General Guterres delivered a speech.", "en", [("entities.acronym", "minor", "src:联合国")]),
    ("shouted capitals are no acronym", "Couple MACED at dog park, police say.", "en",
     "Ein Paar wurde in einem Hundepark mit Pfefferspray besprüht, so die Polizei.", "de", []),
    ("identifier changed A380 -> A350, CEO -> boss, Elon dropped", "特斯拉CEO Elon Musk谈A380计划。", "zh",
     "Tesla boss Musk discussed the A350 plan.", "en",
     [("entities.acronym", "minor", "src:CEO"), ("entities.name", "major", "A350"),
      ("entities.name", "minor", "src:Elon")]),
    ("G20 -> 二十国集团", "The G20 summit opened in Rome.", "en", "二十国集团峰会在罗马开幕。", "zh", []),
    ("COVID-19 written Covid 19", "COVID-19 cases rose again.", "en", "Les cas de Covid 19 ont de nouveau augmenté.", "fr", []),
    ("URL kept (scheme, www, slash aside), e-mail changed, hashtag dropped",
     "Write to press@example.org, visit https://www.example.org/news/ and follow @Reuters #COP26.", "en",
     "Écrivez à presse@example.org, consultez example.org/news et suivez @Reuters.", "fr",
     [("entities.email", "major", "presse@example.org"), ("entities.handle", "minor", "src:#COP26")]),
    ("URL missing", "The report is at www.insee.fr.", "fr", "The report is on the institute's website.", "en",
     [("entities.url", "major", "src:www.insee.fr")]),
    ("URL changed", "Le rapport est en ligne sur www.insee.fr.", "fr", "The report is online at www.insee.com.", "en",
     [("entities.url", "major", "www.insee.com")]),
    ("a name with two letters swapped", "Kanye West issues public apology to Kim Kardashian.", "en",
     "Kayne West entschuldigt sich öffentlich bei Kim Kardashian.", "de",
     [("entities.name", "minor", "Kayne")]),
    ("a vowel changed inside a name", "The talks with Stoltenberg took place in Syria.", "en",
     "Les entretiens avec Stoltenburg ont eu lieu en Syrie.", "fr", [("entities.name", "minor", "Stoltenburg")]),
    ("cognates and exonyms are spelt otherwise", "President Tebboune spoke about Kashmir in December.", "en",
     "Präsident Tebboune sprach im Dezember über Kaschmir.", "de", []),
    ("a URL the translator added for a name of the source is fine", "中伏首日：北京开启降雨模式-新华网", "zh",
     "Beijing starts the rainfall mode – www.xinhuanet.com", "en", []),
]


@pytest.mark.parametrize("case_id,src,sl,tgt,tl,expected", CASES, ids=[c[0] for c in CASES])
def test_entity_table(case_id, src, sl, tgt, tl, expected):
    assert_table(ENTITY_CHECKS, src, sl, tgt, tl, expected)


def test_equivalents_file_from_config(tmp_path: Path):
    extra = tmp_path / "mine.tsv"
    extra.write_text("id\ten\tfr\nsncf\tSNCF|French rail operator\tSNCF\n", encoding="utf-8")
    src, tgt = "La SNCF annonce une grève.", "The French rail operator announced a strike."
    issues, source, target = run(src, "fr", tgt, "en", ENTITY_CHECKS)
    assert flagged(issues, source, target) == [("entities.acronym", "minor", "src:SNCF")]
    issues, source, target = run(src, "fr", tgt, "en", ENTITY_CHECKS,
                                 config=Config(entity_equivalents=str(extra)))
    assert flagged(issues, source, target) == []
    # The same from mtcheck.toml, the path relative to the file; a missing file is a configuration error.
    from mtcheck.config import load_config
    from mtcheck.errors import ConfigError

    (tmp_path / "mtcheck.toml").write_text('entity_equivalents = "mine.tsv"\n', encoding="utf-8")
    assert load_config(tmp_path / "mtcheck.toml").entity_equivalents == str(extra)
    (tmp_path / "bad.toml").write_text('entity_equivalents = "nope.tsv"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="entity_equivalents: no such file: .*nope.tsv"):
        load_config(tmp_path / "bad.toml")
