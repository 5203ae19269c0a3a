"""Configuration: packaged defaults, then the project's file, then command-line flags."""

from mtqa.config.settings import Settings, load_settings

__all__ = ["Settings", "load_settings"]
