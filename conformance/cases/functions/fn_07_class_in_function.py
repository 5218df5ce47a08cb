# id: fn_07_class_in_function
# source: CPython 3.11 Python/symtable.c (analyze_block: a class body passes __class__ to its methods;
# drop_class_free sets ste_needs_class_closure), Python/compile.c (compiler_class: the body returns its
# __class__ cell, stored as __classcell__; LOAD_CLASSDEREF for an enclosing function's variable read in a
# class body), Objects/typeobject.c (type_new_set_classcell, super_init_without_args), Python/bltinmodule.c
# (builtin___build_class__)
# property: classes made inside a function see the function's variables, get CPython's qualname, and a
# class whose methods use super() holds itself through the __class__ cell — a cycle only the collector
# frees, after the function that made the class has returned
import gc
import sys


def make(base_value):
    factor = 3

    class Base:
        scaled = base_value * factor

        def value(self):
            return base_value

    class Derived(Base):
        def value(self):
            return super().value() + factor

        def cls(self):
            return __class__

    return Base, Derived


B, D = make(10)
d = D()
print(B.scaled, B().value(), d.value(), d.cls() is D, D.__qualname__, B)
print(type(d), D.value.__closure__[0].cell_contents is D)
print([c.cell_contents for c in D.value.__closure__ if not isinstance(c.cell_contents, type)])


class Tracked:
    def __del__(self):
        print("del Tracked instance")


def factory():
    class Local:
        keep = Tracked()

        def m(self):
            return super().__init__()
    return Local


gc.collect()
gc.disable()
L = factory()
print(L().m(), L.__qualname__)
del L
print("class dropped")
n = gc.collect()
print("collected", n > 0)
gc.enable()


def no_super():
    class Plain:
        def m(self):
            return 1
    return Plain


P = no_super()
print(P.m.__closure__, P().m())


def counter_class():
    total = 0

    class Counter:
        def add(self, n):
            nonlocal total
            total += n
            return total
    return Counter()


ctr = counter_class()
print(ctr.add(2), ctr.add(3), sys.getrefcount(ctr.add.__func__.__closure__[0]))
