"""Configuration from TOML: weights, threshold, disabled checks; bad files are usage errors."""
import json

import pytest

from mtcheck.cli import main
from mtcheck.config import Config, load_config
from mtcheck.errors import ConfigError

SRC = "The minister met 120 reporters in Paris on Monday.\n"
TGT = "Le ministre a rencontré 12 journalistes à Paris lundi.\n"


def test_load_config_merges_weights(tmp_path):
    path = tmp_path / "mtcheck.toml"
    path.write_text('mqm_threshold = 85\ndisabled_checks = ["casing.lost"]\n[weights]\nmajor = 4\n', encoding="utf-8")
    cfg = load_config(path)
    assert cfg.mqm_threshold == 85 and cfg.disabled_checks == ("casing.lost",)
    assert cfg.weight("major") == 4.0 and cfg.weight("minor") == 1.0 and cfg.weight("critical") == 25.0
    assert cfg.hash() != Config().hash()


@pytest.mark.parametrize("content,words", [("bogus = 1\n", "unknown configuration keys: bogus"),
                                           ("mqm_threshold = [\n", "cannot read configuration")])
def test_bad_config_is_a_usage_error(tmp_path, capsys, content, words):
    path = tmp_path / "bad.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=words):
        load_config(path)
    src, tgt = tmp_path / "s.txt", tmp_path / "t.txt"
    src.write_text(SRC, encoding="utf-8")
    tgt.write_text(TGT, encoding="utf-8")
    assert main(["check", str(src), str(tgt), "--config", str(path)]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and words in err


def test_config_changes_the_score_and_the_checks(tmp_path, capsys):
    src, tgt = tmp_path / "s.txt", tmp_path / "t.txt"
    src.write_text(SRC, encoding="utf-8")
    tgt.write_text(TGT, encoding="utf-8")
    main(["check", str(src), str(tgt), "--format", "json"])
    default = json.loads(capsys.readouterr().out)
    assert default["scores"]["mqm"] == {"penalty": 5.0, "words": 9, "score": 44.44, "pass": False}
    path = tmp_path / "mtcheck.toml"
    path.write_text("mqm_threshold = 40\n[weights]\nmajor = 2\n", encoding="utf-8")
    main(["check", str(src), str(tgt), "--format", "json", "--config", str(path)])
    custom = json.loads(capsys.readouterr().out)
    assert custom["scores"]["mqm"] == {"penalty": 2.0, "words": 9, "score": 77.78, "pass": True}
    path.write_text('disabled_checks = ["numbers.mismatch"]\n', encoding="utf-8")
    assert main(["check", str(src), str(tgt), "--format", "json", "--config", str(path)]) == 0
    off = json.loads(capsys.readouterr().out)
    assert off["issues"] == [] and "numbers.mismatch" not in off["signature"]
