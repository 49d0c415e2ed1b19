"""Tools around the pipeline: the command line, the benchmark, synthetic plans, the pull-request summary, CODEOWNERS."""
