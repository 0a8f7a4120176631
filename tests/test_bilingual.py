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
