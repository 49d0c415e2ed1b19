"""Reading plan-data/: the strict YAML loader, schemas, located bilingual problems, the plan model built from checked files."""
