# id: mod_61_atexit
# source: python/cpython:Modules/atexitmodule.c (atexit_register, atexit_unregister, atexit_callfuncs, atexit_run_exitfuncs, atexit_clear, atexit_ncallbacks); Python/pylifecycle.c (Py_FinalizeEx: _PyAtExit_Call before the shutdown collection); Lib/test/test_atexit.py
# property: atexit.register keeps (func, args, kwargs) and returns func (usable as a decorator); at exit the
#   callbacks run last registered first, after the main module's code and before its objects die; one that
#   raises is reported on stderr and the others still run; unregister removes every entry of a function,
#   also from inside a running callback; _run_exitfuncs runs and clears them; the argument errors
import atexit


def bye(name, punct="!"):
    print("bye", name + punct)


def boom():
    print("boom runs")
    raise ValueError("in a callback")


class Res:
    def __del__(self):
        print("Res.__del__ after the callbacks")


def late():
    print("late: unregistering bye")
    atexit.unregister(bye)


keep = Res()
base = atexit._ncallbacks()
r = atexit.register(bye, "first")
print(r is bye, atexit._ncallbacks() - base)
atexit.register(boom)
atexit.register(bye, "second", punct="?")
atexit.register(late)


@atexit.register
def deco():
    print("deco, keep alive:", keep is not None)


print(deco.__name__, atexit._ncallbacks() - base)
for bad in ((), (1,), ("s",)):
    try:
        atexit.register(*bad)
    except TypeError as e:
        print("TypeError:", e)
for bad in ((), (1, 2)):
    try:
        atexit.unregister(*bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    atexit._ncallbacks(1)
except TypeError as e:
    print("TypeError:", e)
atexit.register(print, "removed")
atexit.unregister(print)
atexit.unregister(len)
print(atexit._ncallbacks() - base)


class Eq:
    def __eq__(self, other):
        print("Eq.__eq__ asked")
        return False

    __hash__ = None

    def __call__(self):
        print("Eq called at exit")


atexit.register(Eq())
atexit.unregister(bye)
atexit.register(bye, "third")
atexit.register(bye, "run early")
atexit.register(lambda: print("lambda, early"))
saved = atexit._ncallbacks()
atexit.unregister(bye)
print("run now:")
atexit._run_exitfuncs()
print("after _run_exitfuncs", atexit._ncallbacks())
atexit.register(bye, "again")
atexit.register(late)
atexit.register(deco)
atexit.register(bye, "kw", punct=".")
atexit._clear()
print("after _clear", atexit._ncallbacks())
atexit.register(bye, "third")
atexit.register(boom)
atexit.register(late)
atexit.register(deco)
atexit.register(bye, "last", punct="?")
print("main done")
