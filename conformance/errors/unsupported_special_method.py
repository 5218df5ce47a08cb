# bad input: a special method the data model does not dispatch (no `with` statement calls __enter__) is
# refused instead of silently never being called; __eq__, __repr__, __add__ ... are accepted
# (rh_special_method_dispatched: the slot wrappers of Objects/typeobject.c's slotdefs, and __init__/__del__)
class A:
    def __eq__(self, other):
        return True
    def __enter__(self):
        return self
print(A() == A())
