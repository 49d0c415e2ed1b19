"""The plan as data and its rules: the model, dated obligations and statuses, duties, progress (never reads files or the clock)."""
