"""mypy plugin: the rows of a peewee ``.tuples()`` / ``.dicts()`` query are tuples / dicts.

peewee's bundled stubs type ``ModelSelect[M].tuples()`` as the query itself, so iterating it would
yield ``M`` model instances; at run time it yields plain tuples (or dicts). This plugin gives those
calls the row type instead (``ModelSelect[tuple[Any, ...]]``), so ``.where()``, ``.order_by()``,
``.get()`` and iteration keep working and a row is checked as the tuple it is, not as a model.
Read by mypy alone (``[tool.mypy] plugins``); nothing here runs with the app.
"""

from __future__ import annotations

from collections.abc import Callable

from mypy.plugin import MethodContext, Plugin
from mypy.types import AnyType, Instance, Type, TypeOfAny, get_proper_type


def _rows_as(row_type: Callable[[MethodContext], Type]) -> Callable[[MethodContext], Type]:
    def hook(ctx: MethodContext) -> Type:
        query = get_proper_type(ctx.type)
        if isinstance(query, Instance) and query.type.fullname == "peewee.ModelSelect":
            return query.copy_modified(args=[row_type(ctx)])
        return ctx.default_return_type  # table queries: their rows are untyped already

    return hook


def _tuple_row(ctx: MethodContext) -> Type:
    return ctx.api.named_generic_type("builtins.tuple", [AnyType(TypeOfAny.special_form)])


def _dict_row(ctx: MethodContext) -> Type:
    text = ctx.api.named_generic_type("builtins.str", [])
    return ctx.api.named_generic_type("builtins.dict", [text, AnyType(TypeOfAny.special_form)])


HOOKS = {"tuples": _rows_as(_tuple_row), "dicts": _rows_as(_dict_row)}


class PeeweeRowsPlugin(Plugin):
    def get_method_hook(self, fullname: str) -> Callable[[MethodContext], Type] | None:
        module, _, method = fullname.rpartition(".")
        return HOOKS.get(method) if module.startswith("peewee.") else None


def plugin(version: str) -> type[Plugin]:
    return PeeweeRowsPlugin
