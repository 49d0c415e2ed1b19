"""Draw the picture a shared link to the site shows (OpenGraph/Twitter), one per language, 1200 × 630 px.

Usage: python3 scripts/share_image.py

Writes partracker/outputs/assets/share-vi.png and share-en.png, which the build publishes as
``<lang>/assets/share.png``. The words are the site's own: its name from the label catalogue, the decision's number from
plan-data/ and the description from mkdocs.yml / mkdocs.en.yml. Run it again after changing either, and look at the pictures.
Uses the browser of the project's one setting (partracker/tools/browser.py), never a downloaded one.
"""

from __future__ import annotations

import html
from pathlib import Path

from mkdocs.config import load_config
from playwright.sync_api import sync_playwright

from partracker.language.labels import labels
from partracker.outputs.mkdocs_site import config_file
from partracker.reading.dataset import load_dataset
from partracker.tools import browser as browser_setting

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "partracker" / "outputs" / "assets"
SIZE = {"width": 1200, "height": 630}
PAGE = """<!doctype html><html lang="{lang}"><meta charset="utf-8"><style>
html,body{{margin:0;width:1200px;height:630px;overflow:hidden}}
body{{box-sizing:border-box;padding:72px 80px;background:#3f51b5;color:#fff;font-family:"DejaVu Sans","Liberation Sans",sans-serif;
  display:flex;flex-direction:column;justify-content:space-between}}
.kicker{{font-size:30px;letter-spacing:.04em;opacity:.85}}
h1{{font-size:64px;line-height:1.15;margin:0}}
p{{font-size:32px;line-height:1.4;margin:0;opacity:.95}}
.bar{{height:10px;width:180px;background:#ffca28;border-radius:5px}}
</style><body><div class="kicker">{number}</div><h1>{name}</h1><p>{description}</p><div class="bar"></div></body></html>"""


def main() -> None:
    plan = load_dataset(ROOT / "plan-data", with_reports=False).plan
    assert plan is not None, "plan-data/ does not validate: run `partracker validate`"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=browser_setting.find(), args=list(browser_setting.ARGS))
        page = browser.new_page(viewport=SIZE, device_scale_factor=1)
        for lang in ("vi", "en"):
            words = labels(lang)
            description = load_config(str(config_file(ROOT, lang))).site_description
            number = words.format("feed_title", number=plan.meta.number)
            page.set_content(PAGE.format(lang=lang, number=html.escape(number), name=html.escape(words.site_name), description=html.escape(description)))
            target = OUT / f"share-{lang}.png"
            page.screenshot(path=str(target), clip={"x": 0, "y": 0, **SIZE})
            print(target)
        browser.close()


if __name__ == "__main__":
    main()
