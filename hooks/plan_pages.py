"""MkDocs hook: adapts build events to partracker.site (all logic lives there)."""

from __future__ import annotations

import importlib

from mkdocs.plugins import event_priority, get_plugin_logger

import partracker.site

log = get_plugin_logger("partracker")


# `mkdocs serve` keeps imported modules between rebuilds; reload so code edits take effect.
def on_config(config):
    importlib.reload(partracker.site)
    return partracker.site.on_config(config)


def on_files(files, config):
    return partracker.site.on_files(files, config, log)


# After the search plugin has written its index.
@event_priority(-100)
def on_post_build(config):
    partracker.site.on_post_build(config, log)
