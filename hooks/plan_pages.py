"""MkDocs hook: forwards the build events to partracker (all logic lives in the package)."""

from __future__ import annotations

from mkdocs.plugins import event_priority, get_plugin_logger

from partracker.outputs import live

log = get_plugin_logger("partracker")


def on_startup(command, dirty):
    live.startup(command, dirty)


# Under `mkdocs serve`, an edit to any file of the package takes effect at the next rebuild.
def on_config(config):
    return live.site_module(refresh=True).on_config(config, log)


def on_files(files, config):
    return live.site_module().on_files(files, config, log)


def on_serve(server, config, builder):
    return live.site_module().on_serve(server, config, log)


# After the search plugin has written its index.
@event_priority(-100)
def on_post_build(config):
    live.site_module().on_post_build(config, log)
