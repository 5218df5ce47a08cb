# id: wr_17_finalize
# source: python/cpython:Lib/weakref.py (finalize.__init__/__call__/detach/peek/alive/atexit/__repr__/_exitfunc/_select_for_exit); Modules/atexitmodule.c (atexit_register, atexit_callfuncs); Lib/test/test_weakref.py:FinalizeTestCase.test_finalize / test_order / test_all_freed / test_atexit
# property: weakref.finalize: the function runs once, at the referent's death by refcount or by collection of its cycle, with its
#   args and kwargs, and returns its result when called early (later calls: None); alive / peek / detach; finalizers still alive
#   at shutdown run in reverse creation order through atexit (atexit=True), those with atexit=False do not; gc counts of the objects
import gc
import weakref


class Res:
    def __init__(self, name):
        self.name = name


def report(*args, **kwargs):
    print("finalized", args, sorted(kwargs.items()))
    return "result %s" % (args,)


a = Res("a")
f = weakref.finalize(a, report, "a", 1, key="v")
print(f.alive, f.peek()[0] is a, f.peek()[1] is report, f.peek()[2:], f.atexit)
del a
print("after del a", f.alive, f.peek(), f(), f.detach())

b = Res("b")
g = weakref.finalize(b, report, "b")
print(g(), g.alive, g(), g.peek())
del b
print("b gone")

c = Res("c")
h = weakref.finalize(c, report, "c")
det = h.detach()
print(det[0] is c, det[1] is report, det[2:], h.alive, h.detach(), h())
del c, det
print("c gone quietly")

d = Res("d")
d.self = d
k = weakref.finalize(d, report, "d in a cycle")
del d
print("before collect", k.alive)
gc.collect()
print("after collect", k.alive)

# an early call from the finalizer's own function list order; held by the registry while alive
order = []
objs = [Res(i) for i in range(3)]
fins = [weakref.finalize(x, order.append, x.name) for x in objs]
del objs[1]
del objs[0]
print(order, [fn.alive for fn in fins])
del objs[:]
print(order)

# the objects one finalize makes and keeps (gen-0 count: the finalize, its _Info, the ref, the args tuple),
# and what its death leaves (the callback is called without an argument tuple: PyObject_CallOneArg)
gc.collect()
gc.disable()
e = Res("e")
before = gc.get_count()[0]
fe = weakref.finalize(e, order.append, "e")
print("gc objects", gc.get_count()[0] - before, len(weakref.finalize._registry))
del e
print("gc objects after", gc.get_count()[0] - before, len(weakref.finalize._registry), fe.alive, order[-1])
gc.enable()

# left for shutdown: run in reverse order of creation, except atexit=False
keep = [Res("late1"), Res("late2"), Res("quiet"), Res("late3")]
for r in keep:
    fn = weakref.finalize(r, report, "at exit", r.name)
    if r.name == "quiet":
        fn.atexit = False
del fn, r
print("end of program")
