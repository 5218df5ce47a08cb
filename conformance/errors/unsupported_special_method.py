# bad input (py27): a special method of 2.7's data model that refheap does not dispatch (__cmp__: 2.7's
# three-way comparison, Objects/typeobject.c slot_tp_compare) is refused instead of silently never being
# called; __eq__, __repr__, __format__ ... are accepted (rh_special_method_dispatched: the slot wrappers of
# Objects/typeobject.c's slotdefs, and __init__/__del__; __format__ through format(), str.format and
# f-strings), and so are the methods only Python code calls by name (__reduce__, __copy__, ...:
# Lib/copy.py, Lib/copyreg.py) and those built-in functions look up (__reversed__, __round__, ...).
# Under the 3.x profiles such a name is an ordinary method, as in CPython 3.
from __future__ import print_function
class A(object):
    def __eq__(self, other):
        return True
    def __reduce__(self):
        return self
    def __reversed__(self):
        return iter([])
    def __cmp__(self, other):
        return 0
print(A() == A())
