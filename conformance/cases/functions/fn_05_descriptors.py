# id: fn_05_descriptors
# source: CPython 3.11 Objects/funcobject.c (staticmethod: sm_descr_get returns the function; classmethod:
# cm_descr_get binds it to the class; both 32 bytes + GC head, tracked), Objects/descrobject.c (property:
# property_descr_get / property_descr_set / property_copy for .getter/.setter/.deleter, __set_name__ and
# "property 'x' of 'C' object has no setter"; 64 bytes + GC head), Objects/typeobject.c (super: super_init,
# supercheck, super_getattro walking the MRO after the given class; 40 bytes + GC head),
# Objects/object.c (PyObject_GenericGetAttr: a data descriptor wins over the instance dict)
# property: the four types behave, size and track as CPython's; a property's getter and setter run on
# attribute access; a bound classmethod is a new method object each time; super() finds the next class's
# attribute and binds it
import gc
import sys


class Base:
    count = 0

    def __init__(self, v):
        self._v = v
        Base.count += 1

    @staticmethod
    def twice(x):
        return 2 * x

    @classmethod
    def make(cls, v):
        return cls(v)

    @property
    def v(self):
        print("get v")
        return self._v

    @v.setter
    def v(self, value):
        print("set v", value)
        self._v = value

    def describe(self):
        return "Base(%d)" % self._v

    ro = property(lambda self: self._v * 10, doc="read only")


class Child(Base):
    def __init__(self, v):
        super().__init__(v + 1)

    def describe(self):
        return "Child<" + super().describe() + ">"

    @classmethod
    def make(cls, v):
        inst = super().make(v)
        inst.extra = True
        return inst


b = Base(1)
c = Child.make(5)
print(b.describe(), c.describe(), c._v, c.extra, Base.count)
print(Base.twice(4), b.twice(5), Base.make(3)._v, type(c).__name__)
print(b.v)
b.v = 7
print(b.v, b.ro, Base.ro.__doc__)
b.__dict__["v"] = "shadow"
print(b.v)
for bad in (lambda: setattr(b, "ro", 1), lambda: delattr(b, "v")):
    try:
        bad()
    except AttributeError as e:
        print(e)
sm = Base.__dict__["twice"]
cm = Base.__dict__["make"]
pr = Base.__dict__["v"]
print(type(sm).__name__, type(cm).__name__, type(pr).__name__)
print(sys.getsizeof(sm), sys.getsizeof(cm), sys.getsizeof(pr), gc.is_tracked(sm), gc.is_tracked(cm), gc.is_tracked(pr))
print(sm.__func__ is Base.twice, cm.__func__.__name__, pr.fget.__name__, pr.fset.__name__, pr.fdel)
m1 = Base.make
m2 = Base.make
print(m1 is m2, m1.__self__ is Base, type(m1).__name__)
s = super(Child, c)
print(type(s).__name__, sys.getsizeof(s), gc.is_tracked(s), s.describe())
try:
    super(Child, b)
except TypeError as e:
    print(e)


def plain():
    return super()


try:
    plain()
except RuntimeError as e:
    print(e)
getter_only = property(lambda self: 1)
setter_copy = getter_only.setter(lambda self, v: None)
print(getter_only is setter_copy, setter_copy.fget is getter_only.fget)
free = staticmethod(len)
print(free("abc"))
