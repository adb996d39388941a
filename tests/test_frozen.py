"""model.frozen behaves as @dataclass(frozen=True) does for the model's value classes."""
from __future__ import annotations

import inspect
from dataclasses import FrozenInstanceError as DataclassFrozen
from dataclasses import dataclass

import pytest

from model.frozen import FrozenInstanceError, frozen


@frozen
class Light:
    key: str
    label: str
    parts: tuple[str, ...] = ()
    size: int = 1


@dataclass(frozen=True)
class Heavy:
    key: str
    label: str
    parts: tuple[str, ...] = ()
    size: int = 1


def twins(*args, **kwargs):
    return Light(*args, **kwargs), Heavy(*args, **kwargs)


@pytest.mark.parametrize("args, kwargs", [(("a", "甲"), {}), (("a", "甲", ("x",)), {"size": 3}),
                                          ((), {"label": "乙", "key": "b", "parts": ("y", "z")})])
def test_same_fields_defaults_repr_equality_and_hash(args, kwargs):
    light, heavy = twins(*args, **kwargs)
    assert repr(light).removeprefix("Light") == repr(heavy).removeprefix("Heavy")
    assert hash(light) == hash(heavy)
    assert light == Light(*args, **kwargs) and not light != Light(*args, **kwargs)
    assert light != Light("other", "甲") and light != heavy
    assert Light.__match_args__ == Heavy.__match_args__
    assert str(inspect.signature(Light)) == str(inspect.signature(Heavy))


def test_wrong_arguments_are_refused_as_dataclasses_refuse_them():
    for call in (lambda cls: cls("a"), lambda cls: cls("a", "b", (), 1, 2), lambda cls: cls("a", "b", colour=1),
                 lambda cls: cls("a", "b", key="c")):
        with pytest.raises(TypeError):
            call(Heavy)
        with pytest.raises(TypeError):
            call(Light)


def test_fields_cannot_be_changed_or_deleted():
    light, heavy = twins("a", "甲")
    for obj, error in ((light, FrozenInstanceError), (heavy, DataclassFrozen)):
        with pytest.raises(error, match="cannot assign to field 'key'"):
            obj.key = "b"
        with pytest.raises(error, match="cannot delete field 'label'"):
            del obj.label
        with pytest.raises(AttributeError):
            obj.extra = 1
    assert light.key == "a" and light.label == "甲"


def test_classes_of_as_many_fields_keep_their_own_names_defaults_and_errors():
    """__init__ is one compiled function per number of fields, renamed for each class."""

    @frozen
    class Other:
        colour: str
        shape: str
        count: int = 2
        weight: float = 0.5

    assert Light.__init__.__code__.co_code == Other.__init__.__code__.co_code
    assert str(inspect.signature(Other)) == "(colour: 'str', shape: 'str', count: 'int' = 2, weight: 'float' = 0.5) -> None"
    assert (Other("红", "圆").count, Light("a", "b").size, Light("a", "b").parts) == (2, 1, ())
    assert Other.__init__.__qualname__ == Other.__init__.__code__.co_qualname
    assert Other.__init__.__qualname__.endswith("Other.__init__")
    with pytest.raises(TypeError, match="missing 1 required positional argument: 'shape'"):
        Other("红")
    with pytest.raises(TypeError, match="unexpected keyword argument 'key'"):
        Other("红", "圆", key="a")


def test_a_field_without_default_after_one_with_is_refused_as_dataclasses_refuse_it():
    with pytest.raises(TypeError):
        @dataclass(frozen=True)
        class HeavyBad:
            key: str = ""
            label: str

    with pytest.raises(TypeError):
        @frozen
        class LightBad:
            key: str = ""
            label: str


def test_many_fields_as_few():
    names = [f"f{i}" for i in range(12)]
    wide = frozen(type("Wide", (), {"__annotations__": {n: "int" for n in names}, "f11": 11}))
    value = wide(*range(11))
    assert [getattr(value, n) for n in names] == list(range(12))
    assert str(inspect.signature(wide)).startswith("(f0: 'int', f1: 'int'") and "f11: 'int' = 11" in str(inspect.signature(wide))
    with pytest.raises(TypeError):
        wide(*range(13))
