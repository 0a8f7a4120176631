"""The facade the CLI and the UI call: read, segment, align, check, score. No printing here."""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import Optional, Sequence

from . import __version__
from .config import Config
from .errors import LanguageError, UsageError
from .io.text import read_text
from .langid import detect_document_language, has_letter, iso_639_1, script_mismatch, scripts_of_lang
from .segment import SPLITTER_NAME, split_sentences
from .types import Bead, Document, Issue, Report, Scores

def normalise_lang(lang: Optional[str]) -> Optional[str]:
    """ISO 639-1 code from what a user typed (``FR``, ``fr-FR``, ``zh-Hans`` → ``fr``, ``zh``); a code that
    names no language of ISO 639-1 (``zz``, ``fra``, ``english``) is a usage error."""
    if lang is None or not lang.strip():
        return None
    code = iso_639_1(lang)
    if code is None:
        raise UsageError(f"'{lang}' is not an ISO 639-1 language code (e.g. en, fr, zh)")
    return code


def _detected_language(text: str, path: str) -> str:
    """The language of ``text`` detected, or a LanguageError when it holds no letter to tell it by (a text of
    digits and punctuation, a bilingual file whose target units are all empty)."""
    if not has_letter(text):
        raise LanguageError("cannot tell the language of a text with no letter; give --src-lang/--tgt-lang", path)
    return detect_document_language(text)


def make_document(text: str, *, path: Optional[str], lang: Optional[str], encoding: Optional[str],
                  presegmented: bool = False) -> Document:
    """Build a Document from decoded text: detect the language when not given, check the declared
    language against the script of the text, and split sentences."""
    declared = normalise_lang(lang)
    if declared is None:
        code, detected = _detected_language(text, path or "<text>"), True
    else:
        code, detected = declared, False
        dominant = script_mismatch(text, scripts_of_lang(code), 0.3)
        if dominant is not None:
            # Addresses are written in Latin letters in every language (« 请访问www.example.com。»): they say
            # nothing of the text's language (the checks' URL, e-mail, handle and hashtag pattern).
            from .checks.data import blank_spans, url_spans

            dominant = script_mismatch(blank_spans(text, url_spans(text)), scripts_of_lang(code), 0.3)
        if dominant is not None:
            raise LanguageError(f"declared language '{code}' but the text is mostly in {dominant} script", path or "<text>")
    sentences = split_sentences(text, code, presegmented=presegmented)
    return Document(text=text, lang=code, path=path, encoding=encoding, sentences=sentences, lang_detected=detected)


def load_document(path: str, *, lang: Optional[str] = None, config: Config = Config()) -> Document:
    decoded = read_text(path, max_chars=config.max_chars)
    shown = "<stdin>" if path == "-" else path
    return make_document(decoded.text, path=shown, lang=lang, encoding=decoded.encoding,
                         presegmented=config.presegmented)


def _check_languages(source: Document, target: Document) -> None:
    if source.lang == target.lang:
        raise LanguageError(
            f"source and target are both in '{source.lang}'; give --src-lang/--tgt-lang if detection is wrong",
            target.path or "<target>",
        )


def signature(config: Config) -> str:
    from .checks.registry import REGISTRY

    try:
        sig = _base_signature(config, tuple(REGISTRY.values()))
    except TypeError:  # a configuration holding an unhashable value: made anew
        sig = _base_signature.__wrapped__(config, ())
    if config.model:
        from .models import model_signature

        sig += f"|model:{model_signature(config)}"
    if config.qe_model:
        from .models.qe import qe_signature

        sig += f"|qe:{qe_signature(config)}"
    return sig


@lru_cache(maxsize=64)
def _base_signature(config: Config, registered: tuple) -> str:
    """Versions, the checks that run and the configuration's hash: a function of the (frozen)
    configuration and of the registered checks (``registered``: their CheckInfo, the key of the cache), made
    once per configuration (a batch checks every article under one or a few)."""
    from .align import ALIGNER_NAME, ALIGNER_VERSION
    from .checks.registry import checks_signature

    if _aligner(config) == "embedding":
        from .align.embedding import ALIGNER_NAME, ALIGNER_VERSION  # type: ignore[no-redef]
    return (f"mtcheck:{__version__}|split:{SPLITTER_NAME}|align:{ALIGNER_NAME}@{ALIGNER_VERSION}"
            f"|checks:{checks_signature(config)}|cfg:{config.hash()}")


_ALIGNERS = ("auto", "length", "embedding")


def _aligner(config: Config) -> str:
    """The sentence aligner a configuration asks for: ``embedding`` when asked, or ``auto`` with a model."""
    if config.aligner not in _ALIGNERS:
        raise UsageError(f"aligner must be one of {', '.join(_ALIGNERS)}, not '{config.aligner}'")
    if config.aligner == "embedding" and not config.model:
        raise UsageError("the embedding aligner needs a model: give --model NAME_OR_PATH")
    if config.aligner == "embedding" or (config.aligner == "auto" and config.model):
        return "embedding"
    return "length"


def align_documents(source: Document, target: Document, config: Optional[Config] = None) -> tuple[Bead, ...]:
    """Align two segmented documents: the embedding aligner when ``config.aligner`` is ``embedding``, or
    ``auto`` with a model configured; else the default length-and-anchor aligner."""
    if config is not None and _aligner(config) == "embedding":
        from .align.embedding import align_documents as _align_embedding
        from .models import encoder_for

        encoder = encoder_for(config)
        assert encoder is not None  # _aligner() requires a model for the embedding aligner
        return tuple(_align_embedding(source, target, encoder))
    from .align import align_documents as _align

    return tuple(_align(source, target))


def load_models(config: Config) -> None:
    """Load the encoder (``config.model``) and QE model (``config.qe_model``) a configuration asks for, once
    per process; ModelUnavailable (exit 4) when one cannot be loaded."""
    if config.model:
        from .models import encoder_for

        encoder_for(config)
    if config.qe_model:
        from .models.qe import qe_model_for

        qe_model_for(config)


def check_documents(source: Document, target: Document, reference: Optional[Document] = None,
                    config: Config = Config(), alignment: Optional[Sequence[Bead]] = None,
                    glossary_entries: Optional[Sequence] = None, inline_tags: Sequence = ()) -> Report:
    """Check a decoded pair: align (unless ``alignment`` is given, as a bilingual file's units are),
    run every enabled check, score. Deterministic for the same input. ``inline_tags``: each bead's inline
    tags (source, target) of a bilingual file, in the order of ``alignment``."""
    from .checks import CheckContext, run_checks
    from .score import mqm_score, score_against_reference

    _check_languages(source, target)
    load_models(config)  # a model asked for and unavailable stops the run here (exit 4), not in a check
    alignment = tuple(alignment) if alignment is not None else align_documents(source, target, config)
    glossary: tuple = tuple(glossary_entries or ())
    if config.glossary and glossary_entries is None:
        from .terms.glossary import load_glossary

        glossary = load_glossary(config.glossary)
    ctx = CheckContext(source=source, target=target, alignment=alignment, config=config, glossary=glossary,
                       inline_tags=tuple(inline_tags) if len(inline_tags) == len(alignment) else ())
    issues, errors = run_checks(ctx)
    issues = sorted(set(issues), key=Issue.sort_key)
    suppressed: list[Issue] = []
    suppressions = None
    if config.suppress:
        from .suppress import load_suppressions

        suppressions = load_suppressions(config.suppress)
        if len(suppressions):
            issues, suppressed = suppressions.split(issues, source.text, target.text)
    mqm = mqm_score(issues, source, config)
    bleu, chrf, ter = score_against_reference(target, reference)
    qe = None
    if config.qe_model:
        from .models.qe import score_beads

        qe = score_beads(source, target, alignment, config)
    sig = signature(config)
    if glossary_entries is not None:
        import hashlib

        digest = hashlib.sha256(repr(sorted(map(repr, glossary))).encode()).hexdigest()[:10]
        sig += f"|glossary:{digest}"
    if suppressions is not None and len(suppressions):
        sig += f"|suppress:{suppressions.digest()}"
    return Report(
        signature=sig,
        source=source,
        target=target,
        reference=reference,
        alignment=alignment,
        issues=tuple(issues),
        scores=Scores(mqm=mqm, bleu=bleu, chrf=chrf, ter=ter, qe=qe),
        check_errors=tuple(errors),
        suppressed=tuple(suppressed),
    )


def check_pair(source_path: str, target_path: str, reference_path: Optional[str] = None,
               config: Config = Config()) -> Report:
    """Read, segment, align, check and score one article pair given as file paths (``-`` = stdin)."""
    if source_path == "-" and target_path == "-":
        raise UsageError("only one of SOURCE and TARGET can be '-' (standard input)")
    source = load_document(source_path, lang=config.src_lang, config=config)
    target = load_document(target_path, lang=config.tgt_lang, config=config)
    _check_languages(source, target)
    reference = None
    if reference_path is not None:
        reference = load_document(reference_path, lang=target.lang, config=config)
    return check_documents(source, target, reference, config)


def bilingual_documents(path: str, config: Config = Config()) -> tuple[Document, Document, tuple[Bead, ...]]:
    """Documents and alignment from a bilingual file (XLIFF, TMX, PO, TSV/CSV). Each side's text is its
    units joined by blank lines (offsets in reports index that text); each unit is one bead."""
    return _bilingual_parts(path, config)[:3]  # type: ignore[return-value]


def _bilingual_parts(path: str, config: Config) -> tuple[Document, Document, tuple[Bead, ...], tuple]:
    """``bilingual_documents`` and each bead's inline tags (source, target) where the format has them."""
    from .io.bilingual import read_bilingual

    asked_src, asked_tgt = normalise_lang(config.src_lang), normalise_lang(config.tgt_lang)
    bf = read_bilingual(path, max_chars=config.max_chars, src_lang=asked_src, tgt_lang=asked_tgt)
    src_lang = asked_src or bf.source_lang
    tgt_lang = asked_tgt or bf.target_lang
    sides = []
    for side, lang in ((0, src_lang), (1, tgt_lang)):
        texts = [u[side] for u in bf.units]
        text = "\n\n".join(texts)
        code = lang or _detected_language(text, path)
        sentences = []
        per_unit: list[tuple[int, ...]] = []
        offset = 0
        for k, unit_text in enumerate(texts):
            first = len(sentences)
            for sent in split_sentences(unit_text, code, presegmented=config.presegmented):
                sentences.append(replace(sent, start=sent.start + offset, end=sent.end + offset, paragraph=k))
            per_unit.append(tuple(range(first, len(sentences))))
            offset += len(unit_text) + 2
        doc = Document(text=text, lang=code, path=path, encoding=bf.format, sentences=tuple(sentences),
                       lang_detected=lang is None)
        sides.append((doc, per_unit))
    (source, src_units), (target, tgt_units) = sides
    kept = [k for k, (s, t) in enumerate(zip(src_units, tgt_units)) if s or t]
    beads = tuple(Bead(src_units[k], tgt_units[k], 1.0) for k in kept)
    tags = tuple(bf.tags[k] for k in kept) if bf.tags else ()
    return source, target, beads, tags


def check_bilingual(path: str, config: Config = Config()) -> Report:
    """Check a bilingual file; its units give the alignment (and, in XLIFF and TMX, the inline tags)."""
    source, target, beads, tags = _bilingual_parts(path, config)
    return check_documents(source, target, None, config, alignment=beads, inline_tags=tags)


def check_texts(source_text: str, target_text: str, *, src_lang: Optional[str] = None,
                tgt_lang: Optional[str] = None, reference_text: Optional[str] = None,
                config: Config = Config(), glossary: Optional[Sequence] = None) -> Report:
    """Check a pair given as strings (the UI and tests use this); ``glossary`` is a sequence of
    ``mtcheck.terms.glossary.GlossaryEntry`` used instead of ``config.glossary``."""
    source = make_document(source_text, path=None, lang=src_lang or config.src_lang, encoding=None,
                           presegmented=config.presegmented)
    target = make_document(target_text, path=None, lang=tgt_lang or config.tgt_lang, encoding=None,
                           presegmented=config.presegmented)
    reference = None
    if reference_text is not None:
        reference = make_document(reference_text, path=None, lang=target.lang, encoding=None,
                                  presegmented=config.presegmented)
    return check_documents(source, target, reference, config, glossary_entries=glossary)


def align_pair(source_path: str, target_path: str, config: Config = Config()) -> tuple[Document, Document, tuple[Bead, ...]]:
    source = load_document(source_path, lang=config.src_lang, config=config)
    target = load_document(target_path, lang=config.tgt_lang, config=config)
    _check_languages(source, target)
    return source, target, align_documents(source, target, config)


def term_table(source: Document, target: Document, alignment: Optional[Sequence[Bead]] = None) -> list:
    """Every recurring source term with its renderings (``mtcheck.terms.drift.TermRenderings``)."""
    from .terms.drift import find_renderings

    beads = tuple(alignment) if alignment is not None else align_documents(source, target)
    return [t for t in find_renderings(source, target, beads) if t.dominant is not None]


def term_table_many(pairs: Sequence[tuple[Document, Document, tuple[Bead, ...]]]):  # type: ignore[no-untyped-def]
    """The term table over one or more aligned pairs (pooled as one corpus), and a function that turns a
    corpus target offset into ``path:start-end`` of the article it falls in."""
    import bisect

    from .batch import _pool
    from .terms.drift import find_renderings

    if len(pairs) == 1:
        src, tgt, beads = pairs[0]
        table = [t for t in find_renderings(src, tgt, beads) if t.dominant is not None]
        return table, lambda start, end: f"{start}-{end}"
    src, tgt, beads, slices = _pool(pairs)
    table = [t for t in find_renderings(src, tgt, beads, min_units=3) if t.dominant is not None]
    starts = [sl.tgt_offset for sl in slices]

    def locate(start: int, end: int) -> str:
        k = bisect.bisect_right(starts, start) - 1
        off = slices[k].tgt_offset
        return f"{pairs[k][1].path or k}:{start - off}-{end - off}"

    return table, locate


def check_batch(items, config: Config = Config(), jobs: int = 1, progress=None, term_memory: bool = True):  # type: ignore[no-untyped-def]
    """Check many articles (``mtcheck.batch.BatchInput``) and flag terms rendered otherwise than the
    batch usually renders them. Returns one ``BatchResult`` per input, in input order."""
    from .batch import check_batch as _check_batch

    return _check_batch(items, config=config, jobs=jobs, progress=progress, term_memory=term_memory)


def list_checks() -> list[dict]:
    """Every registered check: id, category, version, title, and its docstring (false positives)."""
    from .checks import REGISTRY

    return [
        {"id": c.id, "category": c.category.value, "version": c.version, "title": c.title, "doc": c.doc}
        for c in sorted(REGISTRY.values(), key=lambda c: c.id)
    ]


def fails(report: Report, fail_on: str) -> bool:
    """True when the report has an issue at or above ``fail_on`` (``never`` never fails)."""
    from .types import Severity

    if fail_on == "never":
        return False
    threshold = Severity(fail_on).rank
    return any(i.severity.rank >= threshold and i.severity is not Severity.INFO for i in report.issues)


__all__: Sequence[str] = (
    "check_pair", "check_texts", "check_documents", "align_pair", "list_checks", "load_document",
    "make_document", "fails",
)


def discover_batch_inputs(paths: Sequence[str]) -> list:
    """The articles named by ``mtcheck batch`` INPUT arguments (``mtcheck.batch.BatchInput``), in order;
    an input that cannot be used is an item carrying its error."""
    from .io.batch_inputs import discover_inputs

    return discover_inputs(paths)


def run_batch(items, config: Config = Config(), **options):  # type: ignore[no-untyped-def]
    """Run a batch (``mtcheck.batch.run_batch``: engines, output folder, resume) and return its
    ``BatchRun``: one digest per article, the corpus summary."""
    from .batch import run_batch as _run_batch

    return _run_batch(items, config, **options)
