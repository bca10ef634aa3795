"""Vietnamese administrative-reform figures out of text and portal HTML.

Pure: text or HTML in, records out. No network, clock or database, and nothing
imported from the rest of the project.

>>> from extract import extract_figures
>>> [(f.metric, f.value) for f in extract_figures("Xã đã tiếp nhận 336 hồ sơ.")]
[('received', 336)]
"""

from __future__ import annotations

from extract.figures import extract_figures
from extract.model import Figure, Page, Widget
from extract.options import ExtractOptions
from extract.page import extract_boxes, extract_page
from extract.version import EXTRACTOR_VERSION

__all__ = [
    "EXTRACTOR_VERSION", "ExtractOptions", "Figure", "Page", "Widget", "extract_boxes",
    "extract_figures", "extract_page",
]
