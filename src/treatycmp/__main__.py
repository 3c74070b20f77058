"""Run treatycmp as ``python -m treatycmp``."""

from .cli import main

main()
