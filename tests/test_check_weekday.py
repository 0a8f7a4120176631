"""numbers.weekday: a day of the week the translation names but the aligned source does not."""
from __future__ import annotations

import pytest

from mtcheck.types import Bead

from .check_helpers import assert_table, flagged, run

CHECK = "numbers.weekday"

CASES = [
    # Wrong days, from the human references of WMT 2021 news (en→de) and their kind in other pairs.
    ("en→de, the reference's slip", "Trump on Wednesday announced that he was deploying 100 federal agents to Chicago.",
     "en", "Trump kündigte am Dienstag an, dass er 100 Bundesagenten nach Chicago entsenden würde.", "de",
     [(CHECK, "major", "Dienstag")]),
    ("en→de, a compound", "The cart was overturned on Thursday evening by civic officials.", "en",
     "Der Karren wurde am Mittwochabend von Beamten der Stadtverwaltung umgeworfen.", "de",
     [(CHECK, "major", "Mittwochabend")]),
    ("zh→fr, 周四", "外交部发言人周四表示，中方欢迎这一决定。", "zh",
     "Le porte-parole a déclaré mercredi que la Chine saluait cette décision.", "fr", [(CHECK, "major", "mercredi")]),
    ("zh→en, 星期日", "星期日上午，数千人在广场集会。", "zh", "On Saturday morning, thousands rallied in the square.", "en",
     [(CHECK, "major", "Saturday")]),
    ("ja→en", "首相は木曜日に記者会見を開いた。", "ja", "The prime minister held a press conference on Tuesday.", "en",
     [(CHECK, "major", "Tuesday")]),
    ("ko→en", "정부는 월요일 새 제도를 발표했다.", "ko", "The government announced the new system on Tuesday.", "en",
     [(CHECK, "major", "Tuesday")]),
    ("en→ko, a particle after the day", "The vote is on Thursday.", "en", "투표는 수요일에 실시된다.", "ko",
     [(CHECK, "major", "수요일")]),
    ("en→ko, right", "The vote is on Thursday.", "en", "투표는 목요일에 실시된다.", "ko", []),
    ("en→nl", "The vote is on Thursday.", "en", "De stemming vindt woensdag plaats.", "nl",
     [(CHECK, "major", "woensdag")]),
    ("en→nl, plural adverb", "The museum is closed on Mondays.", "en", "Het museum is maandags gesloten.", "nl", []),
    ("en→ru, в среду", "The vote is on Thursday.", "en", "Голосование пройдёт в среду.", "ru", [(CHECK, "major", "среду")]),
    ("en→ru, right", "The vote is on Wednesday.", "en", "Голосование пройдёт в среду.", "ru", []),
    ("en→pl, w sobotę", "They protested on Saturday.", "en", "Protestowali w niedzielę.", "pl", [(CHECK, "major", "niedzielę")]),
    ("en→pl, right", "They protested on Saturday.", "en", "Protestowali w sobotę.", "pl", []),
    ("fr→es", "Le sommet s'ouvrira lundi à Bruxelles.", "fr", "La cumbre se inaugurará el martes en Bruselas.", "es",
     [(CHECK, "major", "martes")]),
    ("de→en, plural adverb", "Das Museum ist montags geschlossen.", "de", "The museum is closed on Tuesdays.", "en",
     [(CHECK, "major", "Tuesdays")]),
    ("two days, one wrong", "Talks ran from Monday to Wednesday.", "en", "Les pourparlers ont duré de lundi à jeudi.", "fr",
     [(CHECK, "major", "jeudi")]),
    # Right days, in every form.
    ("zh→en, 周四 = Thursday", "外交部发言人周四表示，中方欢迎这一决定。", "zh",
     "The foreign ministry spokesman said on Thursday that China welcomed the decision.", "en", []),
    ("en→fr, plural", "The market opens on Mondays.", "en", "Le marché ouvre les lundis.", "fr", []),
    ("en→de, Sonnabend = Samstag", "The vote is on Saturday.", "en", "Die Wahl ist am Sonnabend.", "de", []),
    ("zh 礼拜天 = Sunday", "礼拜天商店照常营业。", "zh", "Shops open as usual on Sunday.", "en", []),
    # Silent on purpose.
    ("a day on one side only: the date instead", "The vote is on Thursday.", "en", "Le vote a lieu le 3 septembre.", "fr", []),
    ("a day added, none in the source", "The vote is on 3 September.", "en", "Le vote a lieu le jeudi 3 septembre.", "fr", []),
    ("es: Domingo is a name", "Plácido Domingo cantó el lunes en Madrid.", "es", "Plácido Domingo sang on Monday in Madrid.",
     "en", []),
    ("fr: a capitalised day inside a sentence is a name", "Wednesday Addams returns on Friday.", "en",
     "Mercredi Addams revient vendredi.", "fr", []),
    ("zh: 每周三次 is three times a week", "该中心每周三次向公众开放，周四闭馆。", "zh",
     "The centre opens to the public three times a week and closes on Thursday.", "en", []),
    ("zh: 每周五天 is five days a week", "员工每周五天上班。", "zh", "Staff work five days a week, from Monday.", "en", []),
    ("en→sv, på tisdagen", "The police said on Wednesday.", "en", "Det uppgav polisen på tisdagen.", "sv",
     [(CHECK, "major", "tisdagen")]),
    ("en→sv, right", "The police said on Wednesday.", "en", "Det uppgav polisen på onsdagen.", "sv", []),
    ("en→da, søndag", "They protested on Saturday.", "en", "De demonstrerede søndag.", "da", [(CHECK, "major", "søndag")]),
    ("en→no, right", "They protested on Saturday.", "en", "De demonstrerte lørdag.", "no", []),
    ("en→cs, ve středu", "The vote is on Thursday.", "en", "Hlasování se koná ve středu.", "cs", [(CHECK, "major", "středu")]),
    ("en→cs, right", "The vote is on Wednesday.", "en", "Hlasování se koná ve středu.", "cs", []),
    ("en→fi, tiistaina", "The police said on Wednesday.", "en", "Poliisi kertoi tiistaina.", "fi", [(CHECK, "major", "tiistaina")]),
    ("en→fi, right", "The police said on Wednesday.", "en", "Poliisi kertoi keskiviikkona.", "fi", []),
    ("en→tr, salı günü", "The police said on Wednesday.", "en", "Polis salı günü açıklama yaptı.", "tr",
     [(CHECK, "major", "salı")]),
    ("en→tr, right; pazar is a market", "The police said on Wednesday that the market share fell.", "en",
     "Polis çarşamba günü pazar payının düştüğünü söyledi.", "tr", []),
    ("en→tr, pazar günü", "They protested on Saturday.", "en", "Pazar günü protesto ettiler.", "tr",
     [(CHECK, "major", "Pazar günü")]),
    ("en→ro, marți", "The police said on Wednesday.", "en", "Poliția a declarat marți.", "ro", [(CHECK, "major", "marți")]),
    ("en→ro, luni is months", "The police said on Wednesday that prices rose for three months.", "en",
     "Poliția a declarat miercuri că prețurile au crescut trei luni.", "ro", []),
    ("en→hu, kedden", "The police said on Wednesday.", "en", "A rendőrség kedden közölte.", "hu", [(CHECK, "major", "kedden")]),
    ("en→hu, right", "They protested on Saturday.", "en", "Szombaton tüntettek.", "hu", []),
    ("en→el, την Τρίτη", "The police said on Wednesday.", "en", "Η αστυνομία ανέφερε την Τρίτη.", "el",
     [(CHECK, "major", "Τρίτη")]),
    ("en→el, τρίτη is third", "The police said on Wednesday that it was the third increase.", "en",
     "Η αστυνομία ανέφερε την Τετάρτη ότι ήταν η τρίτη αύξηση.", "el", []),
    ("en→uk, у вівторок", "The police said on Wednesday.", "en", "Поліція повідомила у вівторок.", "uk",
     [(CHECK, "major", "вівторок")]),
    ("en→uk, п’ятницю", "They protested on Friday.", "en", "Вони протестували в п’ятницю.", "uk", []),
    ("en→ar, يوم الثلاثاء", "The police said on Wednesday.", "en", "وقالت الشرطة يوم الثلاثاء.", "ar",
     [(CHECK, "major", "الثلاثاء")]),
    ("en→ar, right", "The police said on Wednesday.", "en", "وقالت الشرطة يوم الأربعاء.", "ar", []),
    ("en→he, ביום שלישי", "The police said on Wednesday.", "en", "המשטרה מסרה ביום שלישי.", "he",
     [(CHECK, "major", "ביום שלישי")]),
    ("en→he, right; שבת alone is no day", "The union went on strike on Wednesday.", "en", "הוועד שבת ביום רביעי.", "he",
     []),
    ("en→hi, मंगलवार", "The police said on Wednesday.", "en", "पुलिस ने मंगलवार को कहा।", "hi", [(CHECK, "major", "मंगलवार")]),
    ("en→id, Selasa", "The police said on Wednesday.", "en", "Polisi mengatakan pada hari Selasa.", "id",
     [(CHECK, "major", "Selasa")]),
    ("en→id, minggu is a week", "The police said on Wednesday that prices rose last week.", "en",
     "Polisi mengatakan pada hari Rabu bahwa harga naik minggu lalu.", "id", []),
    ("en→ms, Ahad", "They protested on Saturday.", "en", "Mereka membantah pada hari Ahad.", "ms", [(CHECK, "major", "Ahad")]),
    ("en→vi, thứ Ba", "The police said on Wednesday.", "en", "Cảnh sát cho biết hôm thứ Ba.", "vi",
     [(CHECK, "major", "thứ Ba")]),
    ("en→vi, thứ ba is third", "The police said on Wednesday it was the third rise.", "en",
     "Cảnh sát cho biết hôm thứ Tư rằng đây là lần tăng thứ ba.", "vi", []),
    ("en→sk, v utorok", "The police said on Wednesday.", "en", "Polícia to uviedla v utorok.", "sk",
     [(CHECK, "major", "utorok")]),
    ("en→hr, u srijedu", "The vote is on Wednesday.", "en", "Glasanje je u srijedu.", "hr", []),
    ("en→sr, у уторак", "The vote is on Wednesday.", "en", "Гласање је у уторак.", "sr", [(CHECK, "major", "уторак")]),
    ("en→sl, v sredo", "The vote is on Wednesday.", "en", "Glasovanje bo v sredo.", "sl", []),
    ("en→bg, във вторник", "The police said on Wednesday.", "en", "Полицията съобщи във вторник.", "bg",
     [(CHECK, "major", "вторник")]),
    ("en→ca, dimarts", "The police said on Wednesday.", "en", "Ho va dir la policia dimarts.", "ca",
     [(CHECK, "major", "dimarts")]),
    ("en→fa, سه‌شنبه", "The police said on Wednesday.", "en", "پلیس روز سه‌شنبه اعلام کرد.", "fa",
     [(CHECK, "major", "سه‌شنبه")]),
    ("en→fa, چهارشنبه is no شنبه", "The police said on Wednesday.", "en", "پلیس روز چهارشنبه اعلام کرد.", "fa", []),
    ("en→fa, سه شنبه with a space", "The police said on Wednesday.", "en", "پلیس روز سه شنبه اعلام کرد.", "fa",
     [(CHECK, "major", "سه شنبه")]),
    ("a language with no list", "The vote is on Thursday.", "en", "Balsavimas vyks trečiadienį.", "lt", []),
]


@pytest.mark.parametrize("name,src,src_lang,tgt,tgt_lang,expected", CASES, ids=[c[0] for c in CASES])
def test_weekday_table(name, src, src_lang, tgt, tgt_lang, expected):
    assert_table([CHECK], src, src_lang, tgt, tgt_lang, expected)


def test_message_and_suggestion_in_the_target_language():
    issues, source, target = run("外交部发言人周四表示，中方欢迎这一决定。", "zh",
                                 "Le porte-parole a déclaré mercredi que la Chine saluait cette décision.", "fr", [CHECK])
    (issue,) = issues
    assert issue.message == "Source names Thursday; the translation has Wednesday"
    assert source.text[issue.source_span.start:issue.source_span.end] == "周四"
    assert issue.suggestion == "jeudi"


def test_a_day_named_by_a_neighbouring_source_is_an_alignment_slip():
    src = "The vote was on Monday.\nResults came on Tuesday.\n"
    tgt = "Le vote a eu lieu mardi.\nLes résultats sont arrivés lundi.\n"
    slipped = (Bead((0,), (0,)), Bead((1,), (1,)))
    issues, source, target = run(src, "en", tgt, "fr", [CHECK], alignment=slipped)
    assert flagged(issues, source, target) == []
    far = "The vote was on Monday.\nThe count took all night.\nResults came on Tuesday.\n"
    far_tgt = "Le vote a eu lieu mardi.\nLe dépouillement a duré toute la nuit.\nLes résultats sont arrivés lundi.\n"
    beads = (Bead((0,), (0,)), Bead((1,), (1,)), Bead((2,), (2,)))
    issues, source, target = run(far, "en", far_tgt, "fr", [CHECK], alignment=beads)
    assert flagged(issues, source, target) == [(CHECK, "major", "lundi"), (CHECK, "major", "mardi")]
