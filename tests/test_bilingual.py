"""Bilingual files: XLIFF 1.2/2.0, TMX, PO, TSV/CSV; their units are the alignment; hostile XML refused."""
import json

import pytest

from mtcheck.cli import main

UNITS = [("The minister spoke on Monday. He was calm.", "Le ministre a parlé lundi. Il était calme."),
         ("Prices rose 4.5% in March.", "Les prix ont augmenté de 45 % en mars."),
         ("Talks resume next week.", "")]

XLIFF12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="a.txt" source-language="en" target-language="fr" datatype="plaintext"><body>
{units}
</body></file></xliff>"""
XLIFF20 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="fr"><file id="f">
{units}
</file></xliff>"""
TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en"
creationtool="t" creationtoolversion="1" o-tmf="t"/><body>
{units}
</body></tmx>"""


def _xliff12():
    return XLIFF12.format(units="\n".join(
        f'<trans-unit id="{k}"><source>{s}</source>' + (f"<target>{t}</target>" if t else "") + "</trans-unit>"
        for k, (s, t) in enumerate(UNITS)))


def _xliff20():
    return XLIFF20.format(units="\n".join(
        f'<unit id="{k}"><segment><source>{s}</source>' + (f"<target>{t}</target>" if t else "") + "</segment></unit>"
        for k, (s, t) in enumerate(UNITS)))


def _tmx():
    return TMX.format(units="\n".join(
        f'<tu><tuv xml:lang="en"><seg>{s}</seg></tuv><tuv xml:lang="fr"><seg>{t}</seg></tuv></tu>' for s, t in UNITS))


def _po():
    head = 'msgid ""\nmsgstr ""\n"Language: fr\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    return head + "".join(f'msgid "{s}"\nmsgstr "{t}"\n\n' for s, t in UNITS)


def _tsv():
    return "source\ttarget\n" + "".join(f"{s}\t{t}\n" for s, t in UNITS)


@pytest.mark.parametrize("name,content", [("a.xlf", _xliff12), ("b.xliff", _xliff20), ("c.tmx", _tmx),
                                          ("d.po", _po), ("e.tsv", _tsv)])
def test_units_are_the_alignment(tmp_path, capsys, name, content):
    path = tmp_path / name
    path.write_text(content(), encoding="utf-8")
    code = main(["check", str(path), "--src-lang", "en", "--tgt-lang", "fr", "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert code == 1
    assert [(b["source"], b["target"]) for b in report["alignment"]] == [([0, 1], [0, 1]), ([2], [2]), ([3], [])]
    tgt_text = "\n\n".join(t for _, t in UNITS)
    src_text = "\n\n".join(s for s, _ in UNITS)
    found = sorted((i["category"], tgt_text[i["target_span"]["start"]:i["target_span"]["end"]] if i["target_span"]
                    else src_text[i["source_span"]["start"]:i["source_span"]["end"]]) for i in report["issues"])
    assert ("accuracy/number", "45 %") in found
    assert ("accuracy/omission", "Talks resume next week.") in found


def test_languages_come_from_the_file(tmp_path, capsys):
    path = tmp_path / "a.xlf"
    path.write_text(_xliff12(), encoding="utf-8")
    main(["check", str(path), "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert (report["source"]["lang"], report["target"]["lang"]) == ("en", "fr")



def _tmx_of(srclang: str, tuvs: list[list[tuple[str, str]]]) -> str:
    """A TMX file: its header's srclang and, per <tu>, its <tuv>s as (xml:lang, text) in document order."""
    head = TMX.replace('srclang="en"', f'srclang="{srclang}"') if srclang else TMX.replace(' srclang="en"', "")
    return head.format(units="\n".join(
        "<tu>" + "".join(f'<tuv xml:lang="{lang}"><seg>{text}</seg></tuv>' for lang, text in tu) + "</tu>"
        for tu in tuvs))


PAIR_UNITS = [[("en", "The minister said on Tuesday that 5 people died."),
               ("fr", "Le ministre a dit mardi que 6 personnes sont mortes.")],
              [("en", "The government will publish the report next week."),
               ("fr", "Le gouvernement publiera le rapport la semaine prochaine.")]]


@pytest.mark.parametrize("srclang,units", [
    ("*all*", PAIR_UNITS),  # TMX's "any language may be the source": the first <tuv> of a unit is its source
    ("", PAIR_UNITS),  # no srclang at all
    ("en-US", [PAIR_UNITS[0], PAIR_UNITS[1][::-1]]),  # a unit with its target <tuv> first
    ("*all*", [[PAIR_UNITS[0][0], ("qq-XX", PAIR_UNITS[0][1][1])],  # a code of no language: detected
               [PAIR_UNITS[1][0], ("qq-XX", PAIR_UNITS[1][1][1])]]),
])
def test_tmx_languages_are_those_of_the_sides_read(tmp_path, capsys, srclang, units):
    """The languages of a TMX file are those of the <tuv>s read as source and target. Before, ``*all*`` was
    taken for the source language and the source's own <tuv> for the target: every French sentence became
    a critical "untranslated" issue of an English target."""
    path = tmp_path / "a.tmx"
    path.write_text(_tmx_of(srclang, units), encoding="utf-8")
    code = main(["check", str(path), "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert code == 1
    assert (report["source"]["lang"], report["target"]["lang"]) == ("en", "fr")
    tgt_text = "\n\n".join(text for _, text in (tu[1] if tu[0][0] == "en" else tu[0] for tu in units))
    assert [(i["check"], tgt_text[i["target_span"]["start"]:i["target_span"]["end"]]) for i in report["issues"]] \
        == [("numbers.mismatch", "6")]



THREE_LANGS = [[("en", "The minister said on Tuesday that 5 people died."),
                ("fr", "Le ministre a dit mardi que 6 personnes sont mortes."),
                ("de", "Der Minister sagte am Dienstag, dass 7 Menschen gestorben seien.")],
               [("de", "Die Regierung wird den Bericht nächste Woche veröffentlichen."),
                ("en", "The government will publish the report next week.")]]  # no French <tuv>


@pytest.mark.parametrize("options,langs,checks", [
    ([], ("en", "fr"), [("numbers.mismatch", "6"), ("align.omission", "")]),  # the first other language
    (["--tgt-lang", "de"], ("en", "de"), [("numbers.mismatch", "7")]),
    (["--src-lang", "de", "--tgt-lang", "en"], ("de", "en"), [("numbers.mismatch", "5")]),
])
def test_a_tmx_of_three_languages_reads_the_sides_asked_for(tmp_path, capsys, options, langs, checks):
    path = tmp_path / "three.tmx"
    path.write_text(_tmx_of("en", THREE_LANGS), encoding="utf-8")
    main(["check", str(path), "--format", "json", *options])
    report = json.loads(capsys.readouterr().out)
    assert (report["source"]["lang"], report["target"]["lang"]) == langs
    tgt_text = "\n\n".join(dict(tu).get(langs[1], "") for tu in THREE_LANGS)
    found = [(i["check"], tgt_text[i["target_span"]["start"]:i["target_span"]["end"]] if i["target_span"] else "")
             for i in report["issues"]]
    assert found == checks


def test_a_side_with_no_letter_and_no_declared_language_is_an_input_error(tmp_path, capsys):
    """A TMX file whose units hold only a source: nothing tells the target's language (it used to be
    "detected" from the empty text as Arabic)."""
    path = tmp_path / "a.tmx"
    path.write_text(_tmx_of("", [[("en", "The minister spoke on Monday.")]]), encoding="utf-8")
    code = main(["check", str(path)])
    err = capsys.readouterr().err
    assert code == 3
    assert err.strip().splitlines() == [
        f"mtcheck: error: {path}: cannot tell the language of a text with no letter; give --src-lang/--tgt-lang"]
    assert main(["check", str(path), "--tgt-lang", "fr", "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert [i["check"] for i in report["issues"]] == ["align.omission"]



@pytest.mark.parametrize("content", [
    "source;target\nThe minister resigned on Monday, aides said.;Le ministre a démissionné mardi, selon ses proches.\n"
    "Prices rose 4.5% in March.;Les prix ont augmenté de 4,5 % en mars.\n",  # Excel's CSV in much of Europe
    "The minister resigned on Monday, aides said.;Le ministre a démissionné mardi, selon ses proches.\n"
    "Prices rose 4.5% in March.;Les prix ont augmenté de 4,5 % en mars.\n",  # no header; commas inside the text
    "source,target\n\"The minister resigned on Monday, aides said.\",\"Le ministre a démissionné mardi, selon ses proches.\"\n"
    "Prices rose 4.5% in March; then fell.,\"Les prix ont augmenté de 4,5 % en mars ; puis baissé.\"\n",
])
def test_comma_and_semicolon_tables(tmp_path, capsys, content):
    path = tmp_path / "a.csv"
    path.write_text(content, encoding="utf-8")
    assert main(["check", str(path), "--src-lang", "en", "--tgt-lang", "fr", "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert [(b["source"], b["target"]) for b in report["alignment"]] == [([0], [0]), ([1], [1])]
    found = [(i["check"], i["suggestion"]) for i in report["issues"]]
    assert found == [("numbers.weekday", "lundi")]


PO_WITH_DEAD_ENTRIES = """msgid ""
msgstr ""
"Language: fr\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

#, fuzzy
msgid "The minister resigned on Monday with 5 aides."
msgstr "Le ministre a démissionné lundi avec 6 collaborateurs."

#~ msgid "An old sentence about 5 people."
#~ msgstr "Une ancienne phrase sur 7 personnes."
"""
XLIFF_NO_TRANSLATE = XLIFF12.format(units="""<trans-unit id="1" translate="no"><source>BBC News at 5</source><target>BBC News at 7</target></trans-unit>
<trans-unit id="2"><source>The minister resigned on Monday with 5 aides.</source><target>Le ministre a démissionné lundi avec 6 collaborateurs.</target></trans-unit>""")


@pytest.mark.parametrize("name,content", [("a.po", PO_WITH_DEAD_ENTRIES), ("a.xlf", XLIFF_NO_TRANSLATE)])
def test_units_not_for_translation_are_left_out(tmp_path, capsys, name, content):
    """An obsolete PO entry (#~) and an XLIFF unit marked translate="no" are not checked (their 5 → 7 was a
    major issue); a fuzzy PO entry, an MT draft, is."""
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    assert main(["check", str(path), "--src-lang", "en", "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert [(b["source"], b["target"]) for b in report["alignment"]] == [([0], [0])]
    tgt_text = "Le ministre a démissionné lundi avec 6 collaborateurs."
    assert [(i["check"], tgt_text[i["target_span"]["start"]:i["target_span"]["end"]]) for i in report["issues"]] \
        == [("numbers.mismatch", "6")]


def test_a_table_with_classic_mac_line_ends(tmp_path, capsys):
    """Lines ended by a lone carriage return (classic Mac OS, some spreadsheet exports) are lines (the table
    was refused as an "internal error", exit 1)."""
    path = tmp_path / "mac.csv"
    path.write_text("source;target\rThe vote is on Monday.;Le vote a lieu mardi.\r", encoding="utf-8", newline="")
    assert main(["check", str(path), "--src-lang", "en", "--tgt-lang", "fr", "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert [(i["check"], i["suggestion"]) for i in report["issues"]] == [("numbers.weekday", "lundi")]



def test_a_whole_article_in_one_cell(tmp_path, capsys):
    """A cell longer than the csv module's default limit (131,072 characters) is read: it was refused as an
    "internal error", exit 1."""
    path = tmp_path / "articles.tsv"
    source = "The vote is on Monday, officials said. " * 3500
    path.write_text(f"source\ttarget\n{source}\t{'Le vote a lieu lundi, selon les responsables. ' * 3500}\n",
                    encoding="utf-8")
    assert len(source) > 131_072
    assert main(["check", str(path), "--src-lang", "en", "--tgt-lang", "fr", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert len(report["alignment"]) == 1 and report["issues"] == []


def test_a_whole_article_in_one_cell_of_a_semicolon_table(tmp_path, capsys):
    """The separator is chosen with cells of any length too: the first lines' long cell made both separators
    unreadable there, and the comma won the tie ("row 1 has 1 column(s)")."""
    path = tmp_path / "articles.csv"
    path.write_text(f"source;target\n{'The vote is on Monday, officials said. ' * 3500};"
                    f"{'Le vote a lieu lundi, selon les responsables. ' * 3500}\n", encoding="utf-8")
    assert main(["check", str(path), "--src-lang", "en", "--tgt-lang", "fr", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert len(report["alignment"]) == 1 and report["issues"] == []

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
<xliff version="1.2"><file source-language="en" target-language="fr"><body>
<trans-unit id="1"><source>&c;</source><target>x</target></trans-unit></body></file></xliff>"""
XXE = """<?xml version="1.0"?>
<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>
<xliff version="1.2"><file source-language="en" target-language="fr"><body>
<trans-unit id="1"><source>&e;</source><target>x</target></trans-unit></body></file></xliff>"""


@pytest.mark.parametrize("content,words", [
    (BILLION_LAUGHS, "refused unsafe XML"),
    (XXE, "refused unsafe XML"),
    ("<xliff version='1.2'><file><body><trans-unit>", "malformed XML"),
    ("<html><body>hello</body></html>", "not XLIFF or TMX"),
    ('<xliff version="1.2"><file source-language="en"><body></body></file></xliff>', "no translation unit"),
    ('<?xml version="1.0" encoding="UTF-9"?><xliff version="1.2"></xliff>', "malformed XML: unknown encoding"),
])
def test_hostile_or_malformed_xml_is_an_input_error(tmp_path, capsys, content, words):
    path = tmp_path / "bad.xlf"
    path.write_text(content, encoding="utf-8")
    code = main(["check", str(path)])
    err = capsys.readouterr().err
    assert code == 3
    assert len(err.strip().splitlines()) == 1 and words in err and str(path) in err and "Traceback" not in err


def test_a_plain_text_file_alone_is_a_usage_error(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text("Hello.\n", encoding="utf-8")
    assert main(["check", str(path)]) == 2
    assert "bilingual file" in capsys.readouterr().err
