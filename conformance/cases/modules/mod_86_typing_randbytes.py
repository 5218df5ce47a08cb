# id: mod_86_typing_randbytes
# source: python/cpython:Lib/typing.py (_GenericAlias.__mro_entries__, _SpecialForm, Generic, Protocol and runtime_checkable, _BaseGenericAlias.__setattr__ through super(), __typing_subst__), Lib/random.py (Random.randbytes: getrandbits(n * 8).to_bytes(n, 'little')), Modules/_randommodule.c (genrand_uint32), Lib/dataclasses.py with typing annotations
# property: `import typing` runs (PEP 560 bases, its own dunder protocol, super().__setattr__); generic aliases, Generic and runtime-checkable Protocol subclasses behave as CPython's; a seeded Random's randbytes are CPython's bytes
import random
import typing
from dataclasses import dataclass, field
from typing import Dict, Generic, List, Optional, Protocol, TypeVar, runtime_checkable

T = TypeVar('T')


class Box(Generic[T]):
    def __init__(self, item: T):
        self.item = item


@runtime_checkable
class Closable(Protocol):
    def close(self) -> None: ...


class File:
    def close(self):
        pass


print(List[int], Dict[str, List[int]], Optional[int], typing.Union[int, str])
print(Box[int], Box(3).item, Box.__mro__[1:], isinstance(File(), Closable), isinstance(3, Closable))
print(typing.get_origin(List[int]), typing.get_args(Dict[str, int]), T, T.__name__)


@dataclass
class Inventory:
    names: List[str] = field(default_factory=list)
    counts: Dict[str, int] = field(default_factory=dict)
    owner: Optional[str] = None


inv = Inventory(['a'])
print(inv, Inventory.__annotations__['names'])

r = random.Random(12345)
print(r.randbytes(0), r.randbytes(1), r.randbytes(5), r.randbytes(8).hex(), len(r.randbytes(1000)))
random.seed(7)
print(random.randbytes(6), random.getrandbits(16))
try:
    r.randbytes(-1)
except ValueError as e:
    print('ValueError:', e)
