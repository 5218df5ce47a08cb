# bad input: a special method the data model does not dispatch (nothing calls __length_hint__:
# operator.length_hint is not modelled) is refused instead of silently never being called; __eq__, __repr__,
# __format__ ... are accepted (rh_special_method_dispatched: the slot wrappers of Objects/typeobject.c's
# slotdefs, and __init__/__del__; __format__ through format(), str.format and f-strings), and so are the
# methods only Python code calls by name (__reduce__, __copy__, ...: Lib/copy.py, Lib/copyreg.py)
class A:
    def __eq__(self, other):
        return True
    def __reduce__(self):
        return self
    def __length_hint__(self):
        return 0
print(A() == A())
