"""markup.tags: inline tags of XLIFF 1.2/2.0 and TMX units missing from their translation or added to it."""
import json

import pytest

from mtcheck.cli import main
from mtcheck.io.bilingual import read_bilingual, tag_key

from .test_bilingual import TMX, XLIFF12, XLIFF20

# (source, target) with XLIFF 1.2 inline markup: a link dropped, a placeholder kept, tags reordered, a tag
# added, a unit left untranslated.
UNITS_12 = [
    ('Read <g id="1">the full report</g> of the ministry<x id="2"/>.', "Lisez le rapport complet du ministère."),
    ('The minister spoke on <ph id="3">{date}</ph> in Paris.', 'Le ministre a parlé le <ph id="3">{date}</ph> à Paris.'),
    ('<g id="4">Prices</g> rose <g id="5">sharply</g> in March.',
     'Les prix ont <g id="5">fortement</g> augmenté en <g id="4">mars</g>.'),
    ("Talks resume next week.", 'Les négociations reprennent <g id="9">la semaine prochaine</g>.'),
    ('Markets <g id="6">closed</g> lower.', ""),
]


def _xliff12(units=UNITS_12):
    return XLIFF12.format(units="\n".join(
        f'<trans-unit id="{k}"><source>{s}</source>' + (f"<target>{t}</target>" if t else "") + "</trans-unit>"
        for k, (s, t) in enumerate(units)))


def _report(tmp_path, capsys, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    main(["check", str(path), "--format", "json", "--fail-on", "never"])
    report = json.loads(capsys.readouterr().out)
    return [(i["severity"], i["category"], i["message"], i["target_span"]["start"])
            for i in report["issues"] if i["check"] == "markup.tags"], report


def test_inline_tags_are_read_from_each_side():
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "a.xlf"
        path.write_text(_xliff12(), encoding="utf-8")
        bf = read_bilingual(str(path))
    assert bf.units[0] == ("Read the full report of the ministry.", "Lisez le rapport complet du ministère.")
    assert bf.tags == (
        (('<g id="1">the full report</g>', '<x id="2"/>'), ()),
        (('<ph id="3">{date}</ph>',), ('<ph id="3">{date}</ph>',)),
        (('<g id="4">Prices</g>', '<g id="5">sharply</g>'), ('<g id="5">fortement</g>', '<g id="4">mars</g>')),
        ((), ('<g id="9">la semaine prochaine</g>',)),
        (('<g id="6">closed</g>',), ()),
    )
    assert [tag_key(t) for t in bf.tags[0][0]] == ['<g id="1">', '<x id="2">']


def test_missing_and_added_tags_of_an_xliff_file(tmp_path, capsys):
    found, _ = _report(tmp_path, capsys, "a.xlf", _xliff12())
    # The target text: the units' texts (tags left out) joined by blank lines; each issue is on its unit.
    texts = ["Lisez le rapport complet du ministère.", "Le ministre a parlé le {date} à Paris.",
             "Les prix ont fortement augmenté en mars."]
    starts = [sum(len(t) + 2 for t in texts[:k]) for k in range(4)]
    assert found == [
        ("minor", "accuracy/omission", 'Inline tag <g id="1">the full report</g> of the source is missing from the '
         "translation", starts[0]),
        ("minor", "accuracy/omission", 'Inline tag <x id="2"/> of the source is missing from the translation', starts[0]),
        ("minor", "accuracy/addition", 'The translation has the inline tag <g id="9">la semaine prochaine</g>, which '
         "the source does not have", starts[3]),
    ]


def test_xliff2_and_tmx_tags(tmp_path, capsys):
    xliff2 = XLIFF20.format(units=(
        '<unit id="1"><segment><source>Click <pc id="1">here</pc> for the <ph id="2"/> report.</source>'
        '<target>Cliquez <pc id="1">ici</pc> pour le rapport.</target></segment></unit>'))
    found, _ = _report(tmp_path, capsys, "b.xliff", xliff2)
    assert [m for _, _, m, _ in found] == ['Inline tag <ph id="2"/> of the source is missing from the translation']
    tmx = TMX.format(units=(
        '<tu><tuv xml:lang="en"><seg>The <bpt i="1">&lt;b&gt;</bpt>minister<ept i="1">&lt;/b&gt;</ept> spoke in '
        'Paris.</seg></tuv><tuv xml:lang="fr"><seg>Le <bpt i="1">&lt;b&gt;</bpt>ministre a parlé à Paris.</seg></tuv>'
        '</tu>'))
    found, _ = _report(tmp_path, capsys, "c.tmx", tmx)
    assert [m for _, _, m, _ in found] == ['Inline tag <ept i="1"></b></ept> of the source is missing from the '
                                           "translation"]


@pytest.mark.parametrize("name,content", [
    ("same.xlf", _xliff12([('A <g id="1">bold</g> move by the <x id="2"/> council.',
                            'Un geste <g id="1">audacieux</g> du <x id="2"/> conseil.')])),
    ("alt.xlf", XLIFF12.format(units=(
        '<trans-unit id="1"><source>A <g id="1">bold</g> move.</source><alt-trans><source>A bold move.</source>'
        '<target>Un geste audacieux.</target></alt-trans><target>Un geste <g id="1">audacieux</g>.</target>'
        '</trans-unit>'))),  # a memory's suggestion (here before the unit's own target) is not the translation
    ("mrk.xlf", _xliff12([('The <mrk mtype="term">council</mrk> met on Monday.<!-- checked -->',
                           "Le conseil s'est réuni lundi.")])),  # a term mark and a comment are no inline tags
    ("plain.po", 'msgid ""\nmsgstr ""\n"Language: fr\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                 'msgid "The council met on Monday."\nmsgstr "Le conseil s\'est réuni lundi."\n'),
])
def test_no_tag_issue_where_the_tags_are_kept_or_the_format_has_none(tmp_path, capsys, name, content):
    found, report = _report(tmp_path, capsys, name, content)
    assert found == [] and "markup.tags@1" in report["signature"]


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_TAGS = ['<g id="1">a</g>', '<g id="1">b</g>', '<x id="2"/>', '<ph id="3">{d}</ph>', '<bpt i="1"><b></bpt>']


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_TAGS), max_size=6), st.lists(st.sampled_from(_TAGS), max_size=6))
def test_unmatched_tags_are_the_multiset_difference_by_key(source, target):
    """Each tag of one side matches one tag of the other with the same name and id (its text aside): what is
    left is the multiset difference of the keys, in the side's order."""
    from collections import Counter

    from mtcheck.checks.markup import _unmatched

    missing = _unmatched(tuple(source), tuple(target))
    assert Counter(map(tag_key, missing)) == Counter(map(tag_key, source)) - Counter(map(tag_key, target))
    rest = iter(source)
    assert all(any(t == u for u in rest) for t in missing)  # in the side's order: a subsequence of it


def test_a_tag_in_the_html_report_is_escaped(tmp_path, capsys):
    """The tag a message quotes comes from the user's file: the HTML report escapes it."""
    path = tmp_path / "x.xlf"
    path.write_text(_xliff12([('Read <g id="&lt;script&gt;alert(1)&lt;/script&gt;">this</g> now.', "Lisez ceci.")]),
                    encoding="utf-8")
    out = tmp_path / "r.html"
    main(["check", str(path), "--format", "html", "-o", str(out), "--fail-on", "never"])
    page = out.read_text(encoding="utf-8")
    assert "<script>" not in page
    assert "Inline tag &lt;g id=&quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;this&lt;/g&gt;" in page
