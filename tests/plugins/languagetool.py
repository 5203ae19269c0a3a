"""Session fixtures for the real LanguageTool server (filled in by the grammar work)."""
