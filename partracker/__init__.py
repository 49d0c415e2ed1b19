"""partracker — the plan, its obligations and its progress, for Decision 934/QĐ-UBND of Gia Lai.

The pipeline: plan-data/*.yaml → :mod:`yamlload` → :mod:`dataset` (validate, model) →
:mod:`schedule` (dated obligations) → :mod:`site` and :mod:`export` (render) → site/.
"""

__version__ = "0.1.0"
