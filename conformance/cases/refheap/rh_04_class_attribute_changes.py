# id: rh_04_class_attribute_changes
# source: refheap's own case; CPython 3.11 Objects/typeobject.c:_PyType_Lookup (the method cache),
# PyType_Modified (type_setattro invalidates the version tags of the class and its subclasses)
# property: a class attribute seen through an instance, a subclass or a method call reflects every later
# change: setting and deleting it on the class or on a base, defining a method after first use, a new class
# at the address of a freed one; lookups are cached but never stale
from __future__ import print_function  # the same file runs on Python 2.7 (py27 profile)
class Base:
    colour = "red"
    def who(self):
        return "base"

class Derived(Base):
    pass

d = Derived()
print(d.colour, d.who(), Derived.colour)
Base.colour = "blue"
print(d.colour, Derived.colour)
Derived.colour = "green"
print(d.colour, Base.colour)
del Derived.colour
print(d.colour)
def who2(self):
    return "patched"
Base.who = who2
print(d.who())
del Base.who
try_missing = "who" in dir(d)
print(try_missing)
for i in range(3):
    class Temp:
        value = i
    t = Temp()
    print(t.value)
    del t, Temp
counter = Base()
Base.count = 0
for i in range(5):
    Base.count += 1
    print(counter.count, d.count)
