"""`source_lang` takes a language's name as well as its code, wherever it is written: the
command line, the config file, Markdown front matter, JSONL fields and `mtqa serve`.
"Hebrew" means 'he' (so the he-en pack runs); a value that is neither a name nor an ISO
639 code is an error naming where it was written and suggesting the code."""

from __future__ import annotations

import json
import warnings

import pytest

from mtqa.config.languages import UnknownLanguage, language_code, normalise_lang
from mtqa.config.settings import load_settings
from mtqa.errors import ConfigError
from tests.conftest import run_mtqa

# A Hebrew calque of the he-en pack that only runs when the source is known to be Hebrew
# (confidence 0.7: below the high-precision subset run for an unknown source language).
CALQUE = "The prime minister has not yet come down from the tree on the budget.\n"


def _codes(result) -> list[str]:
    assert result.returncode in (0, 1), result.stderr
    report = json.loads(result.stdout)
    return [f["rule"] for d in report["documents"] for f in d["findings"]]


@pytest.mark.parametrize("value", ["he", "Hebrew", "hebrew", "HE-il", "heb", "iw", "עברית", " Hebrew "])
def test_names_and_codes_of_a_language_mean_its_code(value):
    assert language_code(value) == "he"


def test_other_codes_and_names():
    assert [language_code(v) for v in ("Russian", "zh_Hant_TW", "Farsi", "ger", "Greek", "yue", "")] == \
        ["ru", "zh", "fa", "de", "el", "yue", None]


@pytest.mark.parametrize("value", ["xx", "Hebrw", "klingonese", "../../etc", "x" * 5000])
def test_anything_else_is_unknown(value):
    with pytest.raises(UnknownLanguage):
        language_code(value)
    assert normalise_lang(value) is None  # inside a document: an unknown source language


def test_source_lang_name_on_the_command_line_runs_the_language_pack(tmp_path):
    (tmp_path / "a.txt").write_text(CALQUE)
    by_name = run_mtqa("check", "a.txt", "--no-grammar", "--source-lang", "Hebrew", "-f", "json", cwd=tmp_path)
    assert "MTQA-HE-012" in _codes(by_name)
    assert json.loads(by_name.stdout)["provenance"]["source_lang"] == "he"


def test_unknown_source_lang_on_the_command_line_is_a_usage_error(tmp_path):
    (tmp_path / "a.txt").write_text(CALQUE)
    for value, hint in (("xx", "ISO 639 code"), ("Hebrw", "did you mean 'he'")):
        result = run_mtqa("check", "a.txt", "--no-grammar", "--source-lang", value, cwd=tmp_path)
        assert result.returncode == 2
        assert "'--source-lang'" in result.stderr and hint in result.stderr
        assert result.stdout == ""


def test_source_lang_name_in_the_config_file(tmp_path):
    config = tmp_path / "mtqa.toml"
    config.write_text('fail_on = ""\nsource_lang = "Hebrew"\n')
    assert load_settings(config).source_lang == "he"
    config.write_text('fail_on = ""\nsource_lang = "Hebrw"\n')
    with pytest.raises(ConfigError, match=rf"^{config}:2: option 'source_lang': unknown language 'Hebrw': "
                                          r"did you mean 'he' \(Hebrew\)\?"):
        load_settings(config)


def test_source_lang_name_in_front_matter_and_jsonl(tmp_path):
    (tmp_path / "a.md").write_text(f"---\ntitle: Talks\nsource_lang: Hebrew\n---\n\n{CALQUE}")
    (tmp_path / "b.jsonl").write_text(json.dumps({"doc": "b", "text": CALQUE.strip(), "source_lang": "Hebrew"}) + "\n")
    for name in ("a.md", "b.jsonl"):
        assert "MTQA-HE-012" in _codes(run_mtqa("check", name, "--no-grammar", "-f", "json", cwd=tmp_path)), name


def test_serve_takes_a_name_and_refuses_an_unknown_language():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient
    from mtqa.server import ServerConfig, create_app
    from tests.server.conftest import make_service, no_grammar_settings

    settings = no_grammar_settings()
    config = ServerConfig.from_settings(settings.server)
    service = make_service(settings, config)
    try:
        with TestClient(create_app(settings, config, service), base_url="http://127.0.0.1:8081") as client:
            named = client.post("/api/check", json={"text": CALQUE, "source_lang": "Hebrew"})
            assert named.status_code == 200
            assert "MTQA-HE-012" in [f["rule"] for d in named.json()["documents"] for f in d["findings"]]
            unknown = client.post("/api/check", json={"text": CALQUE, "source_lang": "xx"})
            assert unknown.status_code == 400
            assert "'source_lang': unknown language 'xx'" in unknown.json()["error"]["message"]
    finally:
        service.close()
