"""Interactive graph pages (PyVis, self-contained, offline)."""

from kgraph.viz.page import MEASURES, PageView, build_network, page_html, render_page, write_page

__all__ = ["MEASURES", "PageView", "build_network", "page_html", "render_page", "write_page"]
