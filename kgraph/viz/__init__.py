"""Interactive graph pages (PyVis, self-contained, offline)."""

from kgraph.viz.page import MEASURES, build_network, render_page, write_page

__all__ = ["MEASURES", "build_network", "render_page", "write_page"]
