"""The installed version of a package, read from its dist-info without importlib.metadata.

Every `mtqa check` names the language detector's version in its report and keys its word
list cache by wordfreq's version; importing importlib.metadata for that (it pulls in the
e-mail parser) costs about 45 ms, a tenth of start-up. The version is the `Version:` field
of the METADATA file beside the package, the same field importlib.metadata reads, which
stays the fallback for any layout this does not recognise.
"""

from __future__ import annotations

import importlib.util
import os
import re
from functools import cache
from pathlib import Path


@cache
def version(distribution: str, module: str) -> str:
    """Version of ``distribution`` (as pip names it) whose top-level import is ``module``."""
    found = _from_dist_info(distribution, module)
    if found is not None:
        return found
    from importlib import metadata

    return metadata.version(distribution)


def _from_dist_info(distribution: str, module: str) -> str | None:
    try:
        spec = importlib.util.find_spec(module)
    except (ImportError, ValueError):
        return None
    if spec is None:
        return None
    if spec.submodule_search_locations:
        location = Path(next(iter(spec.submodule_search_locations)))
    elif spec.origin:
        location = Path(spec.origin)
    else:
        return None
    site = location.parent
    wanted = _normal(distribution)
    try:
        # `name-version.dist-info`; the name never holds a hyphen (wheel file names escape it).
        matches = [e.name for e in os.scandir(site)
                   if e.name.endswith(".dist-info") and _normal(e.name.partition("-")[0]) == wanted]
    except OSError:
        return None
    if len(matches) != 1:
        return None  # none, or several installs side by side: importlib.metadata decides
    try:
        with open(site / matches[0] / "METADATA", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("Version:"):
                    return line.split(":", 1)[1].strip()
                if not line.strip():
                    break  # end of the headers
    except OSError:
        return None
    return None


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()
