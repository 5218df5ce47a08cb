# id: exc_06_repr_in_containers
# source: python/cpython:Objects/exceptions.c (BaseException_repr: type name and the repr of args, one argument without its tuple); Objects/listobject.c list_repr, Objects/tupleobject.c tuple_repr, Objects/dictobject.c dict_repr (each item through PyObject_Repr, so the type's tp_repr)
# property: an exception inside a list, tuple, dict or set prints as repr() prints it (ValueError('boom')), for built-in exception types, their subclasses and exception classes of the program
e = ValueError("boom")
print((e,), [e], {1: e}, {e: 0} == {e: 0}, repr(e))
class E(Exception):
    pass
class R(KeyError):
    def __repr__(self):
        return "R!"
print([E(1, 2)], (KeyError('k'),), [OSError(2, "No such file")], [StopIteration()], [R('x')])
print([ZeroDivisionError("division by zero"), UnicodeError(), SystemExit(3), [TypeError("a", 1)]])
print(str([e]) == "[" + repr(e) + "]", "%r" % ([e],), f"{[e]!r}", "{}".format((e,)))
