"""The ``mtcheck`` command. Maps errors to exit codes in one spot (0 ran, 1 issues at or above
--fail-on, 2 usage, 3 input, 4 model unavailable); every non-zero exit prints one line on stderr."""
from __future__ import annotations

import enum
import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from .config import Config, find_config, load_config
from .errors import InputError, MtcheckError, UsageError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="mtcheck: translation-quality checks for machine-translated news.",
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class ReportFormat(str, enum.Enum):
    text = "text"
    json = "json"
    html = "html"
    csv = "csv"


class AlignFormat(str, enum.Enum):
    vecalign = "vecalign"
    json = "json"
    tsv = "tsv"


class AlignerChoice(str, enum.Enum):
    auto = "auto"
    length = "length"
    embedding = "embedding"


# Options that check and batch (and align, for the model) share, declared once.
SrcLangOpt = Annotated[Optional[str], typer.Option("--src-lang", help="Source language (ISO 639-1); detected if omitted.")]
TgtLangOpt = Annotated[Optional[str], typer.Option("--tgt-lang", help="Target language (ISO 639-1); detected if omitted.")]
GlossaryOpt = Annotated[Optional[Path], typer.Option("--glossary", help="Glossary (CSV/TSV: source,target,forbidden,note, or TBX).")]
PresegmentedOpt = Annotated[bool, typer.Option("--presegmented", help="One sentence per line; no splitting.")]
ConfigOpt = Annotated[Optional[Path], typer.Option("--config", help="TOML configuration file (default: ./mtcheck.toml when it exists).")]
ModelOpt = Annotated[Optional[str], typer.Option("--model", help="Multilingual encoder: a local folder or a cached Hugging Face model name (embedding aligner, meaning checks, word alignment; needs torch and transformers).")]
ModelRevisionOpt = Annotated[Optional[str], typer.Option("--model-revision", help="Revision (commit, tag or branch) of a Hugging Face model.")]
AllowDownloadOpt = Annotated[bool, typer.Option("--allow-download", help="Let transformers download the model if it is not cached (never by default).")]
AlignerOpt = Annotated[Optional[AlignerChoice], typer.Option("--aligner", help="Sentence aligner: auto (embedding when --model is given), length or embedding.")]
QeModelOpt = Annotated[Optional[str], typer.Option("--qe-model", help="Quality-estimation model (sequence regression, one output; local folder or cached Hugging Face name): a QE score per aligned sentence.")]
QeModelRevisionOpt = Annotated[Optional[str], typer.Option("--qe-model-revision", help="Revision of the QE model.")]
SuppressOpt = Annotated[Optional[Path], typer.Option("--suppress", help="Ignore list (JSON, written by mtcheck ignore): the issues it lists are left out of the report, the score and --fail-on.")]


def _model_settings(model: Optional[str], model_revision: Optional[str], allow_download: bool,
                    aligner: Optional[AlignerChoice], qe_model: Optional[str],
                    qe_model_revision: Optional[str]) -> dict:
    """The model options as Config changes (None: leave the configuration file's value)."""
    return {"model": model, "model_revision": model_revision, "allow_download": allow_download or None,
            "aligner": aligner.value if aligner else None, "qe_model": qe_model,
            "qe_model_revision": qe_model_revision}


class FailOn(str, enum.Enum):
    minor = "minor"
    major = "major"
    critical = "critical"
    never = "never"


def _config(config_path: Optional[Path], **options: object) -> Config:
    """The run's Config: ``--config FILE``, else ``mtcheck.toml`` in the working directory when there is
    one, else the defaults; options given on the command line win."""
    if config_path is None:
        config_path = find_config()
    base = load_config(config_path) if config_path else Config()
    changes = {k: v for k, v in options.items() if v is not None}
    return base.with_(**changes)


def _emit(content: str, output: Optional[Path]) -> None:
    if output is None:
        sys.stdout.write(content)
        sys.stdout.flush()
        return
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(content, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot write output: {exc.strerror or exc}", str(output)) from None


@app.command()
def check(
    source: str = typer.Argument(..., help="Source article (text file, or - for standard input), or a bilingual file (XLIFF, TMX, PO, TSV/CSV)."),
    target: Optional[str] = typer.Argument(None, help="Machine translation (text file, or - for standard input); omitted for a bilingual file."),
    ref: Optional[str] = typer.Option(None, "--ref", help="Human reference translation, for BLEU/chrF/TER."),
    src_lang: SrcLangOpt = None,
    tgt_lang: TgtLangOpt = None,
    glossary: GlossaryOpt = None,
    presegmented: PresegmentedOpt = False,
    fmt: ReportFormat = typer.Option(ReportFormat.text, "--format", help="Report format."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write the report here instead of stdout."),
    fail_on: FailOn = typer.Option(FailOn.major, "--fail-on", help="Exit 1 when an issue is at or above this severity."),
    config_path: ConfigOpt = None,
    model: ModelOpt = None,
    model_revision: ModelRevisionOpt = None,
    allow_download: AllowDownloadOpt = False,
    aligner: AlignerOpt = None,
    qe_model: QeModelOpt = None,
    qe_model_revision: QeModelRevisionOpt = None,
    suppress: SuppressOpt = None,
    strict: bool = typer.Option(False, "--strict", help="A crashing check stops the run (exit 1) instead of being recorded in check_errors."),
) -> None:
    """Check a source article against its machine translation and report the issues."""
    from . import api
    from .io.report import to_csv, to_json, to_text

    cfg = _config(config_path, src_lang=src_lang, tgt_lang=tgt_lang, presegmented=presegmented or None,
                  fail_on=fail_on.value, glossary=str(glossary) if glossary else None,
                  suppress=str(suppress) if suppress else None, strict=strict or None,
                  **_model_settings(model, model_revision, allow_download, aligner, qe_model, qe_model_revision))
    if target is None:
        from .io.bilingual import BILINGUAL_SUFFIXES, is_bilingual

        if not is_bilingual(source):
            raise UsageError(f"give SOURCE and TARGET, or one bilingual file ({', '.join(sorted(BILINGUAL_SUFFIXES))})")
        if ref is not None:
            raise UsageError("--ref is not supported with a bilingual file")
        report = api.check_bilingual(source, cfg)
    else:
        report = api.check_pair(source, target, ref, cfg)
    if fmt is ReportFormat.json:
        content = to_json(report)
    elif fmt is ReportFormat.csv:
        content = to_csv(report)
    elif fmt is ReportFormat.html:
        from .io.report_html import to_html

        content = to_html(report)
    else:
        colour = output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ
        content = to_text(report, colour=colour)
    _emit(content, output)
    if api.fails(report, cfg.fail_on):
        raise typer.Exit(1)


@app.command()
def align(
    source: str = typer.Argument(..., help="Source article (or - for standard input)."),
    target: str = typer.Argument(..., help="Translation (or - for standard input)."),
    src_lang: Optional[str] = typer.Option(None, "--src-lang"),
    tgt_lang: Optional[str] = typer.Option(None, "--tgt-lang"),
    presegmented: bool = typer.Option(False, "--presegmented", help="One sentence per line; no splitting."),
    fmt: AlignFormat = typer.Option(AlignFormat.vecalign, "--format", help="vecalign beads, json or tsv."),
    output: Optional[Path] = typer.Option(None, "-o", "--output"),
    model: Optional[str] = typer.Option(None, "--model", help="Multilingual encoder (local folder or cached Hugging Face name) for the embedding aligner."),
    model_revision: Optional[str] = typer.Option(None, "--model-revision", help="Revision of a Hugging Face model."),
    allow_download: bool = typer.Option(False, "--allow-download", help="Let transformers download the model if it is not cached."),
    aligner: AlignerChoice = typer.Option(AlignerChoice.auto, "--aligner", help="auto (embedding when --model is given), length or embedding."),
) -> None:
    """Align the sentences of SOURCE and TARGET and print the beads."""
    import json

    from . import api
    from .align import format_vecalign

    cfg = Config(src_lang=src_lang, tgt_lang=tgt_lang, presegmented=presegmented, model=model,
                 model_revision=model_revision, allow_download=allow_download, aligner=aligner.value)
    src_doc, tgt_doc, beads = api.align_pair(source, target, cfg)
    if fmt is AlignFormat.vecalign:
        content = format_vecalign(beads)
    elif fmt is AlignFormat.json:
        content = json.dumps([{"source": list(b.source), "target": list(b.target), "score": b.score} for b in beads],
                             ensure_ascii=False) + "\n"
    else:
        lines = []
        for b in beads:
            s = " ".join(src_doc.sentences[i].text for i in b.source).replace("\t", " ")
            t = " ".join(tgt_doc.sentences[j].text for j in b.target).replace("\t", " ")
            lines.append(f"{b.to_vecalign()}\t{s}\t{t}")
        content = "\n".join(lines) + ("\n" if lines else "")
    _emit(content, output)


@app.command()
def terms(
    files: list[str] = typer.Argument(..., help="SOURCE TARGET, or several pairs SOURCE1 TARGET1 SOURCE2 TARGET2 ... for a batch."),
    src_lang: Optional[str] = typer.Option(None, "--src-lang"),
    tgt_lang: Optional[str] = typer.Option(None, "--tgt-lang"),
    presegmented: bool = typer.Option(False, "--presegmented"),
    export: Optional[Path] = typer.Option(None, "--export", help="Write the dominant renderings as a glossary (.csv, .tsv or .tbx)."),
) -> None:
    """Print the term table: each recurring source term, its renderings with counts and locations."""
    from . import api

    if len(files) % 2:
        raise UsageError("terms takes pairs of files: SOURCE TARGET [SOURCE TARGET ...]")
    cfg = Config(src_lang=src_lang, tgt_lang=tgt_lang, presegmented=presegmented)
    pairs = [api.align_pair(files[k], files[k + 1], cfg) for k in range(0, len(files), 2)]
    table, locate = api.term_table_many(pairs)
    lines = []
    for t in table:
        dom = t.dominant
        lines.append(f"{t.source}  ({len(t.occurrences)} occurrences in {len(t.units)} sentences)")
        shown = [locate(o.start, o.end) for o in dom.occurrences[:6]]
        more = len(dom.occurrences) - len(shown)
        where = ", ".join(shown) + (f" and {more} more" if more > 0 else "")
        lines.append(f"    {'✓' if not t.variants else '•'} {dom.text}  ×{len(dom.occurrences)}  at {where}")
        for v in t.variants:
            lines.append(f"    ✗ {v.text}  at {locate(v.start, v.end)}  (confidence {v.confidence:.2f}, {v.how})")
    if not table:
        lines.append("no recurring term found")
    _emit("\n".join(lines) + "\n", None)
    if export is not None:
        from .io.glossary_export import to_glossary_csv, to_glossary_tbx

        suffix = export.suffix.lower()
        if suffix == ".tbx":
            data = to_glossary_tbx(table, pairs[0][0].lang, pairs[0][1].lang)
            try:
                export.write_bytes(data)
            except OSError as exc:
                raise InputError(f"cannot write glossary: {exc.strerror or exc}", str(export)) from None
        elif suffix in (".csv", ".tsv"):
            _emit(to_glossary_csv(table, delimiter="\t" if suffix == ".tsv" else ","), export)
        else:
            raise UsageError(f"--export takes a .csv, .tsv or .tbx file, not '{export.name}'")


@app.command("ui")
def ui_command(
    port: Optional[int] = typer.Option(None, "--server.port", "--port", help="Port of the app (Streamlit's default: 8501)."),
) -> None:
    """Start the review app (Streamlit) and print its address."""
    import importlib.util
    import subprocess

    if importlib.util.find_spec("streamlit") is None:
        raise UsageError("the review app needs streamlit: pip install 'mtcheck[ui]' (or pip install streamlit)")
    script = Path(__file__).resolve().parent.parent / "ui" / "app.py"
    if not script.is_file():
        raise UsageError(f"the review app is not installed next to mtcheck (no {script}); run it from a source checkout")
    cmd = [sys.executable, "-m", "streamlit", "run", str(script),
           "--server.headless", "true", "--browser.gatherUsageStats", "false"]
    if port is not None:
        cmd += ["--server.port", str(port)]
    raise typer.Exit(subprocess.call(cmd))


@app.command()
def batch(
    inputs: list[str] = typer.Argument(..., help="Folders of pairs (NAME.src.txt + NAME.mt.txt [+ NAME.ref.txt], or src/ mt/ ref/ sub-folders), JSONL/TSV/CSV manifests (id, source, target[, reference, src_lang, tgt_lang]), XLIFF/TMX/PO files."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Output folder: reports.jsonl, summary.csv, corpus.json, dashboard.html (and .journal.jsonl for --resume). Without it, --format goes to stdout."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Worker processes (local engine) or local Dask workers."),
    fmt: str = typer.Option("jsonl", "--format", help="Without -o: jsonl (reports, as they are done), csv (summary) or html (dashboard) on stdout."),
    fail_on: FailOn = typer.Option(FailOn.major, "--fail-on", help="Gate: an article fails with an issue at or above this severity."),
    min_score: Optional[float] = typer.Option(None, "--min-score", help="Gate: an article fails with an MQM score below this."),
    resume: bool = typer.Option(False, "--resume", help="Continue the run in -o DIR: articles already there are not checked again."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar (there is none when stderr is not a terminal)."),
    engine: str = typer.Option("local", "--engine", help="local (this machine, --jobs processes) or dask."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler address (tcp://host:8786); without it --engine dask starts a local cluster."),
    src_lang: SrcLangOpt = None,
    tgt_lang: TgtLangOpt = None,
    glossary: GlossaryOpt = None,
    presegmented: PresegmentedOpt = False,
    term_block: int = typer.Option(100, "--term-block", min=0, help="Articles of one language pair pooled per block of the batch term memory (0: no term memory)."),
    config_path: ConfigOpt = None,
    model: ModelOpt = None,
    model_revision: ModelRevisionOpt = None,
    allow_download: AllowDownloadOpt = False,
    aligner: AlignerOpt = None,
    qe_model: QeModelOpt = None,
    qe_model_revision: QeModelRevisionOpt = None,
    suppress: SuppressOpt = None,
    strict: bool = typer.Option(False, "--strict", help="A crashing check makes its article an error record instead of a check_errors entry."),
) -> None:
    """Check many articles: one report per article in input order, a summary, a dashboard, a CI gate."""
    from . import api
    from .batch import gate_line
    from .io.dashboard import dashboard_html, summary_csv

    if fmt not in ("jsonl", "csv", "html"):
        raise UsageError(f"--format takes jsonl, csv or html, not '{fmt}'")
    if engine not in ("local", "dask"):
        raise UsageError(f"--engine takes local or dask, not '{engine}'")
    cfg = _config(config_path, src_lang=src_lang, tgt_lang=tgt_lang, presegmented=presegmented or None,
                  fail_on=fail_on.value, glossary=str(glossary) if glossary else None,
                  suppress=str(suppress) if suppress else None, strict=strict or None,
                  **_model_settings(model, model_revision, allow_download, aligner, qe_model, qe_model_revision))
    if cfg.model or cfg.qe_model:
        api.load_models(cfg)  # a model asked for and unavailable: exit 4 before any article is read
    items = api.discover_batch_inputs(inputs)
    bars: list = []

    def on_start(total: int, done: int) -> None:
        from tqdm import tqdm

        bars.append(tqdm(total=total, initial=done, unit="article", file=sys.stderr, dynamic_ncols=True,
                         disable=quiet or not sys.stderr.isatty()))

    try:
        run = api.run_batch(items, cfg, jobs=jobs, engine=engine, scheduler=scheduler, output_dir=output,
                            resume=resume, stream=sys.stdout if output is None and fmt == "jsonl" else None,
                            block_size=term_block, term_memory=term_block > 0, fail_on=fail_on.value,
                            min_score=min_score, progress=lambda n: bars[0].update(n) if bars else None,
                            on_start=on_start)
    finally:
        for bar in bars:
            bar.close()
    if output is None and fmt == "csv":
        _emit(summary_csv(run.digests), None)
    elif output is None and fmt == "html":
        _emit(dashboard_html(run.digests, run.corpus), None)
    if run.digests and len(run.errors) == len(run.digests):
        first = next(d for d in run.digests if "error" in d)["error"]["message"]
        raise InputError(f"no article could be checked ({len(run.digests)} inputs); first: {first}")
    line = gate_line(run, fail_on.value, min_score)
    if line:
        sys.stderr.write(f"mtcheck: {line}\n")
        raise typer.Exit(1)


def _read_reports(path: Path) -> list[dict]:
    """The reports of a JSON report (``check --format json``) or of a batch's reports.jsonl."""
    import json

    try:
        raw = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the report: {getattr(exc, 'strerror', None) or exc}", str(path)) from None
    try:
        docs = [json.loads(raw)]
    except json.JSONDecodeError:
        try:
            docs = [json.loads(line) for line in raw.splitlines() if line.strip()]
        except json.JSONDecodeError as exc:
            raise InputError(f"not a JSON report of mtcheck check or batch ({exc})", str(path)) from None
    reports = [d for d in docs if isinstance(d, dict) and isinstance(d.get("issues"), list)]
    if not reports and not any(isinstance(d, dict) and "error" in d for d in docs):
        raise InputError("not a JSON report of mtcheck check or batch (no 'issues')", str(path))
    for r in reports:
        fps = r.get("fingerprints")
        if not isinstance(fps, list) or len(fps) != len(r["issues"]):
            raise InputError("the report has no issue fingerprints (made by an older mtcheck?); check again", str(path))
        # Each issue with its fingerprint, for what follows (a copy: the report as read is left alone).
        r["issues"] = [dict(i, fingerprint=fp) for i, fp in zip(r["issues"], fps)]
    return reports


def _report_texts(report: dict) -> tuple[Optional[str], Optional[str]]:
    """The source and target texts a report's offsets index, re-read from its paths when possible."""
    from . import api
    from .io.text import read_text

    src, tgt = report.get("source") or {}, report.get("target") or {}
    try:
        if src.get("path") and src.get("path") == tgt.get("path"):
            s_doc, t_doc, _ = api.bilingual_documents(src["path"], Config(src_lang=src.get("lang"), tgt_lang=tgt.get("lang")))
            return s_doc.text, t_doc.text
        texts = []
        for side in (src, tgt):
            p = side.get("path")
            texts.append(read_text(p).text if p and p != "<stdin>" and Path(p).is_file() else None)
        return texts[0], texts[1]
    except MtcheckError:
        return None, None


@app.command("ignore")
def ignore_command(
    report: Optional[Path] = typer.Argument(None, help="A JSON report (mtcheck check --format json) or a batch's reports.jsonl."),
    issue: list[int] = typer.Option([], "--issue", help="Ignore the N-th issue of the report's issues list (1-based; a single report only). Repeatable."),
    fp: list[str] = typer.Option([], "--fingerprint", help="Ignore the issue of the report with this fingerprint (or a unique prefix of 6+ hex digits). Repeatable."),
    remove: list[str] = typer.Option([], "--remove", help="Remove the entries with this fingerprint (or prefix) from the ignore list. Repeatable."),
    suppress: Optional[Path] = typer.Option(None, "--suppress", help="The ignore list to change (default: suppress of the configuration, else mtcheck-ignore.json)."),
    config_path: Optional[Path] = typer.Option(None, "--config", help="TOML configuration file (its suppress is the default ignore list)."),
) -> None:
    """Mark issues of a report as false alarms: they stay out of later runs that use the ignore list."""
    from .suppress import DEFAULT_FILE, add_entries, entry_for, remove_entries

    configured = None if suppress else _config(config_path).suppress
    target = str(suppress) if suppress else (configured or DEFAULT_FILE)
    if remove:
        if report is not None or issue or fp:
            raise UsageError("--remove takes no REPORT, --issue or --fingerprint")
        bad = [r for r in remove if len(r) < 6]
        if bad:
            raise UsageError(f"--remove needs at least 6 hex digits of a fingerprint, not '{bad[0]}'")
        n = remove_entries(target, remove)
        sys.stdout.write(f"removed {n} entr{'y' if n == 1 else 'ies'} from {target}\n")
        return
    if report is None or not (issue or fp):
        raise UsageError("give a REPORT and --issue N or --fingerprint FP (or --remove FP)")
    reports = _read_reports(report)
    chosen: list[tuple[dict, dict]] = []
    if issue:
        if len(reports) != 1:
            raise UsageError(f"--issue needs a report of one article; {report} has {len(reports)}: use --fingerprint")
        issues = reports[0]["issues"]
        for n in issue:
            if not 1 <= n <= len(issues):
                from .io.report import counted

                raise UsageError(f"--issue {n}: {report} has {counted(len(issues), 'issue')} (numbered from 1)")
            chosen.append((reports[0], issues[n - 1]))
    for f in fp:
        f = f.lower()
        if len(f) < 6:
            raise UsageError(f"--fingerprint needs at least 6 hex digits, not '{f}'")
        found = [(r, i) for r in reports for i in r["issues"] if i["fingerprint"].startswith(f)]
        if not {i["fingerprint"] for _, i in found}:
            raise UsageError(f"no issue with fingerprint '{f}' in {report}")
        if len({i["fingerprint"] for _, i in found}) > 1:
            raise UsageError(f"fingerprint prefix '{f}' is ambiguous in {report}: give more digits")
        chosen.append(found[0])
    texts: dict[int, tuple] = {}
    entries = []
    for r, i in chosen:
        if id(r) not in texts:
            texts[id(r)] = _report_texts(r)
        entries.append(entry_for(i, *texts[id(r)]))
    n = add_entries(target, entries)
    how = ("the configuration's suppress file" if configured else
           f"--suppress {target}, or suppress = \"{target}\" in mtcheck.toml")
    sys.stdout.write(f"added {n} entr{'y' if n == 1 else 'ies'} to {target} ({len(entries) - n} already there); "
                     f"later runs with {how} leave them out\n")


models_app = typer.Typer(no_args_is_help=True, help="Inspect the models mtcheck can use (--model).")
app.add_typer(models_app, name="models")


@models_app.command("check")
def models_check(
    path: str = typer.Argument(..., help="A local model folder, or a Hugging Face model name in the cache."),
    model_revision: Optional[str] = typer.Option(None, "--model-revision", help="Revision of a Hugging Face model."),
    allow_download: bool = typer.Option(False, "--allow-download", help="Let transformers download the model if it is not cached."),
) -> None:
    """Load a model offline and report what it supports (embeddings, word alignment, QE head)."""
    from .models import describe_model

    info = describe_model(path, model_revision, allow_download)
    for key, value in info.items():
        if isinstance(value, bool):
            value = "yes" if value else "no"
        elif isinstance(value, list):
            value = ", ".join(map(str, value)) or "-"
        elif value is None:
            value = "-"
        sys.stdout.write(f"{key:<20} {value}\n")


@app.command("checks")
def list_checks_command() -> None:
    """List the checks: id, category and title, then when each gives false positives."""
    from . import api

    for c in api.list_checks():
        sys.stdout.write(f"{c['id']:<24} {c['category']:<26} {c['title']}\n")
        rest = c["doc"].split("\n", 1)[1].strip() if "\n" in c["doc"] else ""
        for line in rest.splitlines():
            sys.stdout.write(f"{'':<27}{line}\n")


def _one_line(message: str) -> str:
    return " ".join(str(message).split())


def _usage_line(exc: BaseException) -> str:
    fmt = getattr(exc, "format_message", None)
    return _one_line(fmt() if callable(fmt) else str(exc))


def main(argv: Optional[list[str]] = None) -> int:
    """Entry point of the console script; returns the exit code."""
    command = typer.main.get_command(app)
    try:
        result = command.main(args=argv, prog_name="mtcheck", standalone_mode=False)
    except MtcheckError as exc:
        kind = "usage error" if isinstance(exc, UsageError) else "error"
        sys.stderr.write(f"mtcheck: {kind}: {_one_line(str(exc))}\n")
        return exc.exit_code
    except KeyboardInterrupt:
        sys.stderr.write("mtcheck: interrupted\n")
        return 130
    except BrokenPipeError:
        return 0
    except MemoryError:
        sys.stderr.write("mtcheck: error: out of memory (input too large?)\n")
        return 3
    except Exception as exc:  # noqa: BLE001
        # Typer vendors its own copy of click, so its exceptions are recognised by name and shape.
        name = type(exc).__name__
        if name == "Exit":
            return int(getattr(exc, "exit_code", 0) or 0)
        if name == "Abort":
            sys.stderr.write("mtcheck: aborted\n")
            return 130
        if name == "NoArgsIsHelpError":
            ctx = getattr(exc, "ctx", None)
            sys.stdout.write((ctx.get_help() if ctx is not None else _usage_line(exc)) + "\n")
            return 0
        if getattr(exc, "exit_code", None) == 2 and hasattr(exc, "format_message"):
            sys.stderr.write(f"mtcheck: usage error: {_usage_line(exc)} (see mtcheck --help)\n")
            return 2
        if os.environ.get("MTCHECK_DEBUG"):
            raise
        # Last resort: one line, no traceback (MTCHECK_DEBUG=1 shows it).
        sys.stderr.write(f"mtcheck: internal error: {name}: {_one_line(str(exc))} "
                         "(set MTCHECK_DEBUG=1 for a traceback)\n")
        return 1
    return result if isinstance(result, int) else 0


def run() -> None:
    sys.exit(main())


if __name__ == "__main__":
    run()
