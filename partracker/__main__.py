"""``python -m partracker``: the command line (:mod:`partracker.tools.cli`)."""

from partracker.tools.cli import main

main()
