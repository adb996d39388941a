"""@frozen: immutable value classes like @dataclass(frozen=True), set up cheaply when the module loads.

dataclasses generates six methods per class from source text (exec) and inspects the annotations,
which costs start-up time for the dozens of classes the model defines. Here only __init__ is made per class,
from an __init__ of as many parameters compiled with this module (one compiled per number of fields beyond
nine), its names replaced; equality, hashing, repr and immutability are shared functions over the field values.
Behaviour is that of a frozen dataclass: fields in annotation order, defaults, == and hash over the field
values of the same class, Name(field=value, …) repr, assignment raising FrozenInstanceError (an
AttributeError).
"""
from __future__ import annotations

from functools import lru_cache
from operator import attrgetter
from types import CodeType, FunctionType


class FrozenInstanceError(AttributeError):
    """An attempt to change a field of a frozen value."""


def frozen(cls: type) -> type:
    """Class decorator: the class's annotated attributes become its fields, those with a value get a default."""
    names = tuple(cls.__dict__.get("__annotations__", {}))
    defaults = {name: cls.__dict__[name] for name in names if name in cls.__dict__}
    values = _values(names)
    cls.__init__ = _make_init(cls, names, defaults)
    cls.__eq__ = _eq(values)
    cls.__hash__ = lambda self: hash(values(self))
    cls.__repr__ = lambda self: f"{type(self).__qualname__}({', '.join(f'{n}={getattr(self, n)!r}' for n in names)})"
    cls.__setattr__, cls.__delattr__ = _refuse_change(cls, names)
    cls.__match_args__ = names
    return cls


def _values(names: tuple[str, ...]):
    """obj -> the tuple of its field values."""
    if len(names) > 1:
        return attrgetter(*names)
    return lambda obj: tuple(getattr(obj, name) for name in names)


def _make_init(cls: type, names: tuple[str, ...], defaults: dict):
    argdefs = tuple(defaults[name] for name in names if name in defaults)
    if names[len(names) - len(argdefs):] != tuple(name for name in names if name in defaults):
        raise TypeError(f"{cls.__qualname__}: a field without a default follows one with a default")
    code = _init_code(len(names))
    placeholders = code.co_varnames[1:]
    rename = dict(zip(placeholders, names))
    code = code.replace(co_varnames=("self", *names), co_consts=tuple(rename.get(c, c) for c in code.co_consts),
                        co_name="__init__", co_qualname=f"{cls.__qualname__}.__init__")
    init = FunctionType(code, _INIT_GLOBALS, "__init__", argdefs or None)
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__annotations__ = {**cls.__dict__.get("__annotations__", {}), "return": None}
    return init


_set = object.__setattr__
_INIT_GLOBALS = {"_set": _set}

# __init__ for 0–9 fields, ready compiled with this module: field "_0" set to _0, … (renamed by _make_init)
_READY = (
    lambda self: None,
    lambda self, _0: _set(self, "_0", _0),
    lambda self, _0, _1: _set(self, "_0", _0) or _set(self, "_1", _1),
    lambda self, _0, _1, _2: _set(self, "_0", _0) or _set(self, "_1", _1) or _set(self, "_2", _2),
    lambda self, _0, _1, _2, _3: (
        _set(self, "_0", _0) or _set(self, "_1", _1) or _set(self, "_2", _2) or _set(self, "_3", _3)),
    lambda self, _0, _1, _2, _3, _4: (
        _set(self, "_0", _0) or _set(self, "_1", _1) or _set(self, "_2", _2) or _set(self, "_3", _3) or
        _set(self, "_4", _4)),
    lambda self, _0, _1, _2, _3, _4, _5: (
        _set(self, "_0", _0) or _set(self, "_1", _1) or _set(self, "_2", _2) or _set(self, "_3", _3) or
        _set(self, "_4", _4) or _set(self, "_5", _5)),
    lambda self, _0, _1, _2, _3, _4, _5, _6: (
        _set(self, "_0", _0) or _set(self, "_1", _1) or _set(self, "_2", _2) or _set(self, "_3", _3) or
        _set(self, "_4", _4) or _set(self, "_5", _5) or _set(self, "_6", _6)),
    lambda self, _0, _1, _2, _3, _4, _5, _6, _7: (
        _set(self, "_0", _0) or _set(self, "_1", _1) or _set(self, "_2", _2) or _set(self, "_3", _3) or
        _set(self, "_4", _4) or _set(self, "_5", _5) or _set(self, "_6", _6) or _set(self, "_7", _7)),
    lambda self, _0, _1, _2, _3, _4, _5, _6, _7, _8: (
        _set(self, "_0", _0) or _set(self, "_1", _1) or _set(self, "_2", _2) or _set(self, "_3", _3) or
        _set(self, "_4", _4) or _set(self, "_5", _5) or _set(self, "_6", _6) or _set(self, "_7", _7) or
        _set(self, "_8", _8)),
)


@lru_cache(maxsize=None)
def _init_code(count: int) -> CodeType:
    """The code of __init__(self, _0, _1, …) setting field "_0" to _0, "_1" to _1, …, as dataclasses writes it."""
    if count < len(_READY):
        return _READY[count].__code__
    params = [f"_{i}" for i in range(count)]
    body = [f"    _set(self, {name!r}, {name})" for name in params]
    namespace = dict(_INIT_GLOBALS)
    exec(f"def __init__(self, {', '.join(params)}):\n" + ("\n".join(body) or "    pass"), namespace)
    return namespace["__init__"].__code__


def _eq(values):
    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return values(self) == values(other)
        return NotImplemented

    return __eq__


def _refuse_change(cls: type, names: tuple[str, ...]):
    fields = frozenset(names)

    def __setattr__(self, name, value):
        if type(self) is cls or name in fields:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)

    def __delattr__(self, name):
        if type(self) is cls or name in fields:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)

    return __setattr__, __delattr__
