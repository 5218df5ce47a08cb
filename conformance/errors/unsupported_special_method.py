# bad input: a special method the data model does not dispatch (nothing calls __format__: there is no
# format() or f-string) is refused instead of silently never being called; __eq__, __repr__ ... are accepted
# (rh_special_method_dispatched: the slot wrappers of Objects/typeobject.c's slotdefs, and __init__/__del__)
class A:
    def __eq__(self, other):
        return True
    def __format__(self):
        return self
print(A() == A())
