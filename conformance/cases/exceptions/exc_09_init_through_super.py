# id: exc_09_init_through_super
# source: python/cpython:Objects/exceptions.c (BaseException_init, StopIteration_init, OSError_init, SyntaxError_init, BaseException_methods); Objects/typeobject.c (super_getattro); Lib/re/_constants.py (error.__init__ calls super().__init__(msg))
# property: a class deriving from a built-in exception reaches BaseException.__init__ (and the layout's own
#           init: StopIteration.value, OSError's errno/strerror/filename, SyntaxError's fields) through
#           super().__init__ and Exception.__init__(self, ...); keywords are refused; with_traceback and add_note
#           through the class and super(); the instance's args, str and size
import sys


class Plain(Exception):
    def __init__(self, msg, extra=None):
        self.extra = extra
        super().__init__(msg)


p = Plain("m", 5)
print(p.args, str(p), p.extra, repr(p))


class Old(ValueError):
    def __init__(self, a, b):
        ValueError.__init__(self, a, b)


print(Old(1, 2).args, str(Old(1, 2)))


class Stop(StopIteration):
    def __init__(self, v):
        super().__init__(v, "more")


s = Stop(7)
print(s.args, s.value)


class NoFile(OSError):
    def __init__(self, name):
        super().__init__(2, "No such file", name)


nf = NoFile("x.txt")
print(nf.args, nf.errno, nf.strerror, nf.filename, str(nf))


class Syn(SyntaxError):
    def __init__(self):
        super().__init__("bad", ("f.py", 4, 2, "x y\n"))


sy = Syn()
print(sy.msg, sy.lineno, sy.offset, str(sy))

try:
    super(Plain, p).__init__(a=1)
except TypeError as e:
    print("TypeError", e)
try:
    Exception.__init__(5)
except TypeError as e:
    print("TypeError", e)
print(Exception.with_traceback(p, None) is p)
BaseException.add_note(p, "via the class")
super(Plain, p).add_note("via super")
print(p.__notes__)
print(sys.getsizeof(p) == sys.getsizeof(Plain("x")), "extra" in p.__dict__)


class Again(Exception):
    def __init__(self):
        super().__init__("first")
        super().__init__("second", 2)


print(Again().args)
