"""Everything published: one build context, and the pages, charts, feeds, calendars and open data made from it."""
