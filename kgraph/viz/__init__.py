"""Interactive graph pages (PyVis, self-contained, offline)."""

from kgraph.viz.page import build_network, render_page, write_page

__all__ = ["build_network", "render_page", "write_page"]
