# id: mod_10_builtins_dir
# source: python/cpython:Python/bltinmodule.c (_PyBuiltin_Init, builtin_dir); Objects/object.c (PyObject_Dir, _dir_object); Objects/typeobject.c (object___dir___impl, type___dir___impl, merge_class_dict); Objects/moduleobject.c (module_dir); Python/pylifecycle.c (add_main_module)
# property: `import builtins` is the module whose dict is the builtins namespace (the same objects, names
#   added to it are seen as builtins, __main__'s __builtins__ is it); dir() sorts what type(o).__dir__
#   returns (any iterable: list(), then sorted), a metaclass's __dir__ answers dir(cls), object.__dir__
#   gives the instance's and its classes' names, a module's dir is its dict's keys; reversed() calls a
#   class's __reversed__ (None: "not reversible")
import builtins
import gc

print(builtins.len is len, builtins.__name__, __builtins__ is builtins, type(builtins).__name__)
builtins.extra_name = 42
print(extra_name)
del builtins.extra_name
try:
    extra_name
except NameError as e:
    print("NameError:", e)


class A:
    def __init__(self):
        self.zeta = 1
        self.alpha = 2

    def method(self):
        pass


a = A()
d = dir(a)
print([n for n in d if not n.startswith("__")], d == sorted(d), "__init__" in d, "__dir__" in d)
od = object.__dir__(a)
print(type(od).__name__, sorted(od) == d)


class B:
    def __dir__(self):
        return ("b", "c", "a")


print(dir(B()))


class G:
    def __dir__(self):
        return (x for x in "zyx")


print(dir(G()))


class M(type):
    def __dir__(cls):
        return ["z", "y"]


class C(metaclass=M):
    pass


print(dir(C), "__dir__" in dir(M))
print([n for n in dir(A) if not n.startswith("__")])


class Bad:
    def __dir__(self):
        return 5


try:
    dir(Bad())
except TypeError as e:
    print("TypeError:", e)
try:
    dir(1, 2)
except TypeError as e:
    print("TypeError:", e)
print(gc.is_tracked(builtins), [n for n in dir(gc) if n.startswith("get_c")])


class R:
    def __reversed__(self):
        return iter([3, 2, 1])


class NR:
    __reversed__ = None

    def __len__(self):
        return 1

    def __getitem__(self, i):
        return i


print(list(reversed(R())))
try:
    reversed(NR())
except TypeError as e:
    print("TypeError:", e)
