"""mtqa: find what machine translation got wrong in English news before readers do."""

__version__ = "0.1.0"

from mtqa.api import check_files, check_text  # noqa: E402

__all__ = ["__version__", "check_files", "check_text"]
