"""Help pages without Typer's type placeholders (``<bool>``, ``<list[Path]>``, ``{sparql}``).

Typer 0.2x prints each parameter's Python type; kgraph's help names the value
instead, the way Unix manuals do: ``--store PATH``, ``--relation RELATION``,
``query SPARQL``; flags show no value at all.
"""

from __future__ import annotations

from typing import Any

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup

_NAMES = {"str": "TEXT", "int": "INTEGER", "float": "NUMBER", "bool": "", "Path": "PATH"}


def _value_name(param: Any) -> str | None:
    """What the help shows after an option, or as an argument's name."""
    if getattr(param, "is_flag", False) or getattr(param, "count", False):
        return None
    if param.metavar:
        return param.metavar
    if isinstance(param, TyperArgument):
        return (param.name or "value").upper()
    kind = getattr(param, "type_descriptor", None)
    if kind is not None and kind.is_choice and kind.choices:
        return "|".join(str(getattr(c, "value", c)) for c in kind.choices)
    if kind is not None and kind.is_path:
        return "PATH"
    annotation = getattr(kind, "annotation", None)
    name = "str" if getattr(kind, "is_list", False) else getattr(annotation, "__name__", "")
    return _NAMES.get(name, "VALUE") or None


def _plain(params: list[Any]) -> list[Any]:
    for param in params:
        shown = _value_name(param)
        param.display_type_rich = lambda ctx, shown=shown: shown  # type: ignore[method-assign]
        if isinstance(param, TyperArgument):
            param.display_type_rich = lambda ctx: None  # type: ignore[method-assign]
            param.metavar = param.metavar or shown
    return params


class PlainHelpCommand(TyperCommand):
    """A command whose help names values (PATH, TEXT) instead of Python types."""

    def get_params(self, ctx: Any) -> list[Any]:
        return _plain(super().get_params(ctx))

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar or "[OPTIONS]"]
        for param in self.get_params(ctx):
            if isinstance(param, TyperArgument):
                name = param.metavar or (param.name or "").upper()
                name += "..." if param.nargs != 1 else ""
                pieces.append(name if param.required else f"[{name}]")
        return pieces


class PlainHelpGroup(TyperGroup):
    """The top-level ``kgraph`` group, with the same help style."""

    def get_params(self, ctx: Any) -> list[Any]:
        return _plain(super().get_params(ctx))


class App(typer.Typer):
    """A Typer app whose commands all use `PlainHelpCommand`."""

    def __init__(self, **options: Any) -> None:
        super().__init__(cls=PlainHelpGroup, **options)

    def command(self, *args: Any, **options: Any) -> Any:
        options.setdefault("cls", PlainHelpCommand)
        return super().command(*args, **options)
