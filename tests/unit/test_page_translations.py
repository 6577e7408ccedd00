"""Every text a page says through `_()` has its Dutch: an English text on a Dutch page is a bug.

The texts are found as Babel finds them (web/babel.cfg: the routes and the
templates), so a new page's texts fail here until the Dutch catalogue has them.
"""

from __future__ import annotations

from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from web.i18n import FOLDER

ROOT = Path(__file__).resolve().parents[2]


def _page_texts() -> dict[str, str]:
    with (ROOT / "web" / "babel.cfg").open() as config:
        method_map, options_map = parse_mapping_cfg(config)  # type: ignore[no-untyped-call]
    found = extract_from_dir(ROOT, method_map, options_map, keywords={"_": None})
    return {message: file for file, _, message, _, _ in found if isinstance(message, str)}


def test_every_text_of_the_pages_has_its_dutch() -> None:
    with (FOLDER / "nl" / "LC_MESSAGES" / "messages.po").open("rb") as po:
        dutch = read_po(po, locale="nl")
    texts = _page_texts()
    assert len(texts) > 300, "the extraction found the templates"
    missing = {t: f for t, f in texts.items() if not getattr(dutch.get(t), "string", "")}
    assert missing == {}
