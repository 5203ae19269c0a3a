"""Lets `python -m mtqa` behave exactly like the `mtqa` console script."""

from mtqa.cli import main

if __name__ == "__main__":
    main()
