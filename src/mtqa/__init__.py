"""mtqa: find what machine translation got wrong in English news before readers do."""

__version__ = "0.1.0"

__all__ = ["__version__", "check_files", "check_text"]


def __getattr__(name: str):
    # The Python API is imported on first use: the `mtqa` command does not need it.
    if name in ("check_files", "check_text"):
        from mtqa import api

        return getattr(api, name)
    raise AttributeError(f"module 'mtqa' has no attribute {name!r}")
