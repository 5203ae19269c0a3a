"""Which files `mtqa check` and `mtqa fix` read: globs filtered like folders, links kept
inside the folder, each file once."""

from __future__ import annotations

import json

import pytest

from tests.conftest import run_mtqa

CONFIG = 'vocabulary = { reject = ["Kiev -> Kyiv"] }\n'
ARTICLE = "The minister left Kiev on Monday.\n"
FIXED = "The minister left Kyiv on Monday.\n"


def _paths(result) -> list[str]:
    return [d["path"] for d in json.loads(result.stdout)["documents"]]


def _notes(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("mtqa: note: ")]


@pytest.fixture
def site(tmp_path):
    """A site with an article, a vendored package and a README, as in a real repository."""
    (tmp_path / "mtqa.toml").write_text(CONFIG, encoding="utf-8")
    for rel in ("site/news/a.md", "site/node_modules/pkg/README.md", "site/node_modules/pkg/notes.md",
                "site/README.md"):
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(ARTICLE, encoding="utf-8")
    return tmp_path


# --- [inputs] include/exclude apply to quoted globs as to folders -------------------------------

def test_glob_skips_excluded_files_and_folders_as_a_folder_walk_does(site):
    by_glob = run_mtqa("check", "--no-grammar", "-f", "json", "site/**/*.md", cwd=site)
    by_folder = run_mtqa("check", "--no-grammar", "-f", "json", "site", cwd=site)
    assert by_glob.returncode == by_folder.returncode == 0, by_glob.stderr
    assert _paths(by_glob) == _paths(by_folder) == ["site/news/a.md"]


def test_glob_matching_a_folder_walks_it_unless_it_is_excluded(site):
    result = run_mtqa("check", "--no-grammar", "-f", "json", "site/*", cwd=site)
    assert result.returncode == 0, result.stderr
    assert _paths(result) == ["site/news/a.md"]


def test_glob_whose_matches_are_all_excluded_is_an_input_error(site):
    result = run_mtqa("check", "--no-grammar", "site/READ*", cwd=site)
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "mtqa: error: site/READ*: no files to check match this pattern (see [inputs] include and exclude)")


def test_a_file_named_on_the_command_line_is_read_even_if_excluded(site):
    result = run_mtqa("check", "--no-grammar", "-f", "json", "site/README.md", cwd=site)
    assert result.returncode == 0, result.stderr
    assert _paths(result) == ["site/README.md"]


def test_fix_with_a_glob_leaves_excluded_files_alone(site):
    result = run_mtqa("fix", "--no-grammar", "site/**/*.md", cwd=site)
    assert result.returncode == 0, result.stderr
    assert (site / "site/news/a.md").read_text(encoding="utf-8") == FIXED
    for rel in ("site/node_modules/pkg/README.md", "site/node_modules/pkg/notes.md", "site/README.md"):
        assert (site / rel).read_text(encoding="utf-8") == ARTICLE, rel


# --- a file link found in a folder must not lead outside it ----------------------------------

@pytest.fixture
def linked(tmp_path):
    """site/linked.md links to outside.md next to the folder; site/alias.md to a file inside."""
    (tmp_path / "mtqa.toml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "outside.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "a.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "site" / "linked.md").symlink_to(tmp_path / "outside.md")
    (tmp_path / "site" / "other.md").symlink_to(tmp_path / "outside.md")
    return tmp_path


def test_fix_never_writes_through_a_file_link_out_of_the_folder(linked):
    result = run_mtqa("fix", "--no-grammar", "site", cwd=linked)
    assert result.returncode == 0, result.stderr
    assert (linked / "outside.md").read_text(encoding="utf-8") == ARTICLE
    assert (linked / "site" / "a.md").read_text(encoding="utf-8") == FIXED
    assert _notes(result) == ["mtqa: note: site/linked.md: a link to a file outside site; skipped "
                              "(and 1 more such link(s)) (name it on the command line, or use --force, to fix it)"]


def test_fix_force_writes_through_it(linked):
    result = run_mtqa("fix", "--no-grammar", "--force", "site", cwd=linked)
    assert result.returncode == 0, result.stderr
    assert (linked / "outside.md").read_text(encoding="utf-8") == FIXED
    assert (linked / "site" / "linked.md").is_symlink()


def test_check_skips_a_file_link_out_of_the_folder_and_says_so_once(linked):
    for args in (["site"], ["site/*.md"], ["site/**/*.md"]):
        result = run_mtqa("check", "--no-grammar", "-f", "json", *args, cwd=linked)
        assert result.returncode == 0, result.stderr
        assert _paths(result) == ["site/a.md"], args
        assert len(_notes(result)) == 1, result.stderr
        assert "site/linked.md: a link to a file outside site" in result.stderr


def test_a_link_named_on_the_command_line_is_read(linked):
    result = run_mtqa("check", "--no-grammar", "-f", "json", "site/linked.md", cwd=linked)
    assert result.returncode == 0, result.stderr
    assert _paths(result) == ["site/linked.md"]
    assert result.stderr == ""


def test_a_link_inside_the_folder_is_followed(linked):
    (linked / "site" / "linked.md").unlink()
    (linked / "site" / "other.md").unlink()
    (linked / "site" / "sub").mkdir()
    (linked / "site" / "sub" / "b.md").write_text(ARTICLE, encoding="utf-8")
    (linked / "site" / "b.md").symlink_to("sub/b.md")
    result = run_mtqa("fix", "--no-grammar", "site", cwd=linked)
    assert result.returncode == 0, result.stderr
    assert (linked / "site" / "sub" / "b.md").read_text(encoding="utf-8") == FIXED


# --- the same file twice is read once; standard input twice is a usage error -----------------

def test_the_same_file_named_twice_is_read_once(site):
    once = run_mtqa("check", "--no-grammar", "-f", "json", "site/news/a.md", cwd=site)
    twice = run_mtqa("check", "--no-grammar", "-f", "json", "site/news/a.md", "./site/news/a.md",
                     "site/news/../news/a.md", cwd=site)
    assert once.returncode == twice.returncode == 0, twice.stderr
    assert json.loads(twice.stdout)["documents"] == json.loads(once.stdout)["documents"]
    assert _notes(twice) == ["mtqa: note: ./site/news/a.md: the same file as site/news/a.md; read once "
                             "(and 1 more file(s) given twice)"]


def test_a_file_named_and_found_in_a_folder_is_read_once(site):
    result = run_mtqa("check", "--no-grammar", "-f", "json", "site/news/a.md", "site", cwd=site)
    assert result.returncode == 0, result.stderr
    assert _paths(result) == ["site/news/a.md"]


def test_fix_diff_shows_a_file_named_twice_once(site):
    result = run_mtqa("fix", "--no-grammar", "--diff", "site/news/a.md", "./site/news/a.md", cwd=site)
    assert result.returncode == 1, result.stderr
    assert result.stdout.count("+The minister left Kyiv on Monday.") == 1


def test_standard_input_twice_is_a_usage_error():
    result = run_mtqa("check", "--no-grammar", "-", "-", stdin=ARTICLE)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.strip() == "mtqa: error: -: standard input is given 2 times; it can be read only once"
