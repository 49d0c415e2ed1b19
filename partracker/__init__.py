"""partracker — the plan, its obligations and its progress, for Decision 934/QĐ-UBND of Gia Lai.

The pipeline, one folder per step:

- :mod:`partracker.reading` — plan-data/*.yaml → the strict loader → schemas and checks → the plan model;
- :mod:`partracker.domain` — the model, the schedule (dated obligations and statuses), who owes what,
  and what the filed reports say;
- :mod:`partracker.outputs` — one build context → pages, charts, feeds, calendars, open data → site/;
- :mod:`partracker.tools` — the command line, the benchmark, the pull-request summary, CODEOWNERS;
- :mod:`partracker.language` — words (one label catalogue), formats and diacritic folding, used by all.
"""

__version__ = "0.1.0"
