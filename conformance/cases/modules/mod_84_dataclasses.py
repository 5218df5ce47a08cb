# id: mod_84_dataclasses
# source: python/cpython:Lib/dataclasses.py (dataclass, field, fields, asdict, astuple, replace, make_dataclass, _process_class, _create_fn's exec, _repr_fn's recursive_repr, __post_init__, InitVar, frozen's FrozenInstanceError, order, unsafe_hash, __match_args__), Lib/inspect.py (signature for __doc__), Lib/importlib/__init__.py (_bootstrap._setup over _imp, _warnings), Lib/test/test_dataclasses.py
# property: `import dataclasses` runs as CPython's Lib has it (inspect, ast over `_ast`, importlib's bootstrap over `_imp`) and classes made by @dataclass behave as CPython's
import dataclasses
from dataclasses import InitVar, asdict, astuple, dataclass, field, fields, make_dataclass, replace

@dataclass
class Point:
    x: int
    y: int = 0
    tags: list = field(default_factory=list)

p = Point(1)
print(p, p == Point(1), p != Point(2), Point.__doc__)
print([f.name for f in fields(p)], asdict(p), astuple(Point(2, 3, ['a'])))
print(replace(p, y=5), Point.__match_args__, hash(Point) is not None)

@dataclass(frozen=True, order=True)
class Version:
    major: int
    minor: int = 0

a, b = Version(1, 2), Version(1, 10)
print(a < b, sorted([b, a]), hash(a) == hash(Version(1, 2)), a)
try:
    a.major = 3
except dataclasses.FrozenInstanceError as e:
    print(type(e).__name__, e)

@dataclass
class Scaled:
    value: float
    factor: InitVar[float] = 1.0
    total: float = field(init=False)

    def __post_init__(self, factor):
        self.total = self.value * factor

print(Scaled(2.0, 3.0), Scaled(1.5))

@dataclass(repr=False, eq=False)
class Plain:
    n: int

print(Plain(1) == Plain(1), 'Plain object' in repr(Plain(1)))

@dataclass
class Node:
    name: str
    children: list = field(default_factory=list, repr=False)
    parent: object = field(default=None, compare=False)

root = Node('root')
root.children.append(Node('leaf', parent=root))
print(root, root.children, root == Node('root', [Node('leaf')]))

Pair = make_dataclass('Pair', [('left', int), ('right', int, field(default=0))])
print(Pair(1), Pair(1, 2) == Pair(1, 2), Pair.__name__, dataclasses.is_dataclass(Pair), dataclasses.is_dataclass(3))
try:
    Point()
except TypeError as e:
    print('TypeError:', e)
try:
    @dataclass
    class Bad:
        items: list = []
except ValueError as e:
    print('ValueError:', e)
