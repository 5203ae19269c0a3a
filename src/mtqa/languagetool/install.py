"""Getting LanguageTool: resolve its jars with Maven into the user cache dir, and verify them.

The jars never go into the repository. ``fetch`` is idempotent: once a verified install
marker exists it returns at once, so `make install` can call it on every run. Where
``mvn`` is absent it falls back to language-tool-python's own download.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from mtqa.atomic import atomic_write
from mtqa.errors import MtqaError

LT_VERSION = "6.8"
MAIN_CLASS = "org.languagetool.server.HTTPServer"
# Jars whose absence means the install is broken (checked by ``verify``).
REQUIRED_JARS = (f"languagetool-server-{LT_VERSION}.jar", f"language-en-{LT_VERSION}.jar",
                 f"languagetool-core-{LT_VERSION}.jar")
MARKER = "installed.json"


class LanguageToolMissing(MtqaError):
    """LanguageTool (or Java) is not available; the message says how to get it."""


def cache_root() -> Path:
    """mtqa's cache directory; MTQA_CACHE_DIR overrides the platform default."""
    override = os.environ.get("MTQA_CACHE_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("mtqa", appauthor=False))


def install_dir(version: str = LT_VERSION) -> Path:
    return cache_root() / "languagetool" / version


def pom_text() -> str:
    return resources.files("mtqa.languagetool").joinpath("pom.xml").read_text(encoding="utf-8")


@dataclass(frozen=True)
class Installation:
    """A verified LanguageTool on disk: what goes on the JVM class path, and its version."""

    directory: Path
    version: str
    classpath: str
    source: str  # "maven" or "language-tool-python"


def find_java() -> str:
    java_home = os.environ.get("JAVA_HOME")
    if java_home and (Path(java_home) / "bin" / "java").is_file():
        return str(Path(java_home) / "bin" / "java")
    java = shutil.which("java")
    if java is None:
        raise LanguageToolMissing("LanguageTool needs Java 17 or newer, and `java` is not on PATH")
    return java


def installed(version: str = LT_VERSION) -> Installation | None:
    """The verified installation of ``version``, or None (cheap: reads one marker file)."""
    directory = install_dir(version)
    try:
        data = json.loads((directory / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if data.get("version") != version or data.get("pom_sha256") not in (_pom_hash(), None):
        return None
    classpath = data.get("classpath", "")
    if not all(Path(entry.rstrip("*")).exists() for entry in classpath.split(os.pathsep) if entry):
        return None
    return Installation(directory, version, classpath, data.get("source", "maven"))


def installed_languages(version: str = LT_VERSION) -> frozenset[str]:
    """Codes of the language modules beside English in the Maven install (`de`, `es`...)."""
    found = installed(version)
    if found is None or found.source != "maven":
        return frozenset()
    suffix = f"-{version}.jar"
    names = (p.name for p in (found.directory / "libs").glob(f"language-*{suffix}"))
    return frozenset(n[len("language-"):-len(suffix)] for n in names) - {"en", "detector"}


def require_installed(version: str = LT_VERSION) -> Installation:
    found = installed(version)
    if found is None:
        raise LanguageToolMissing(
            f"LanguageTool {version} is not installed; run `mtqa languagetool fetch` "
            "(or use --no-grammar, or --languagetool-url URL)"
        )
    return found


def fetch(version: str = LT_VERSION, log=None) -> Installation:
    """Install LanguageTool ``version`` unless a verified install exists; return it."""
    found = installed(version)
    if found is not None:
        return found
    say = log or (lambda message: None)
    directory = install_dir(version)
    directory.parent.mkdir(parents=True, exist_ok=True)
    mvn = shutil.which("mvn")
    if mvn is not None:
        say(f"fetching LanguageTool {version} (English) with Maven into {directory}")
        return _fetch_with_maven(mvn, version, directory)
    say(f"mvn not found; fetching LanguageTool {version} through language-tool-python")
    return _fetch_with_ltp(version, directory)


def _pom_hash() -> str:
    return hashlib.sha256(pom_text().encode("utf-8")).hexdigest()


def _fetch_with_maven(mvn: str, version: str, directory: Path) -> Installation:
    # Resolve into a temporary sibling, then rename: a half-finished fetch never looks installed.
    staging = Path(tempfile.mkdtemp(prefix=f".{version}-", dir=directory.parent))
    try:
        pom = staging / "pom.xml"
        atomic_write(str(pom), pom_text().encode("utf-8"))
        libs = staging / "libs"
        command = [mvn, "-B", "-q", "-f", str(pom), f"-Dlanguagetool.version={version}",
                   "dependency:copy-dependencies", f"-DoutputDirectory={libs}", "-DincludeScope=runtime"]
        result = subprocess.run(command, capture_output=True, text=True, timeout=1800)
        if result.returncode != 0:
            lines = [line for line in (result.stdout + result.stderr).splitlines() if "ERROR" in line]
            detail = lines[0].strip() if lines else f"mvn exited with status {result.returncode}"
            raise LanguageToolMissing(f"Maven could not fetch LanguageTool {version}: {detail}")
        verify_jars(libs)
        if directory.exists():
            shutil.rmtree(directory)
        staging.rename(directory)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return _write_marker(directory, version, str(directory / "libs" / "*"), "maven")


def _fetch_with_ltp(version: str, directory: Path) -> Installation:
    os.environ["LTP_PATH"] = str(directory.parent / "ltp")
    try:
        from language_tool_python.download_lt import download_lt

        download_lt(version)
    except Exception as exc:  # the client raises many kinds; all mean "could not download"
        raise LanguageToolMissing(f"could not download LanguageTool {version}: {exc}") from None
    jar = directory.parent / "ltp" / f"LanguageTool-{version}" / "languagetool-server.jar"
    if not jar.is_file():
        raise LanguageToolMissing(f"language-tool-python's download has no {jar.name}")
    directory.mkdir(parents=True, exist_ok=True)
    return _write_marker(directory, version, str(jar), "language-tool-python")


def verify_jars(libs: Path) -> None:
    """Every required jar is present and a readable zip (catches truncated downloads)."""
    for name in REQUIRED_JARS:
        jar = libs / name
        if not jar.is_file():
            raise LanguageToolMissing(f"LanguageTool install is incomplete: {name} is missing")
        try:
            with zipfile.ZipFile(jar) as archive:
                bad = archive.testzip()
        except (OSError, zipfile.BadZipFile) as exc:
            raise LanguageToolMissing(f"LanguageTool install is damaged: {name}: {exc}") from None
        if bad is not None:
            raise LanguageToolMissing(f"LanguageTool install is damaged: {name}: bad entry {bad}")


def _write_marker(directory: Path, version: str, classpath: str, source: str) -> Installation:
    data = {"version": version, "classpath": classpath, "source": source, "pom_sha256": _pom_hash()}
    atomic_write(str(directory / MARKER), json.dumps(data, indent=2).encode("utf-8"))
    return Installation(directory, version, classpath, source)
