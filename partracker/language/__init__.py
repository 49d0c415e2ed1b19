"""Words for readers: the label catalogue, bilingual text, locale formats and diacritic folding."""
