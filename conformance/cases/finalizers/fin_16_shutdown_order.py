# id: fin_16_shutdown_order
# source: python/cpython:Python/pylifecycle.c (Py_FinalizeEx: PyGC_Collect before finalize_modules; finalize_remove_modules, _PyGC_CollectNoFail); Modules/gcmodule.c (gc_collect_main merges the younger generations behind the oldest; move_unreachable moves an object reached late to the end of `young`); Python/pythonrun.c (_PyRun_SimpleFileObject deletes __file__ after the run)
# property: the __main__ dict survived start-up in generation 1, so a full collection scans the program's
# objects before it and re-queues those it reaches in dict order, then the objects they reach: gc.collect()
# reorders gc.get_objects(), and at exit the finalizers of objects that die together run in that order
# (d.other, reachable only through d, after every global); globals outside any cycle die with the dict
from __future__ import print_function  # the same file runs on Python 2.7 (py27 profile)
import gc


class D(object):
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name

    def __del__(self):
        print("del", self.name)


def of_class_d():
    return [o for o in gc.get_objects() if type(o) is D]


_a = D("_a")
b = D("b")
c = D("c")
c.self = c
__x = D("__x")
d = D("d")
d.other = D("d.other")
d.other.back = d
e = D("e")
_y = D("_y")
_y.me = _y
print(of_class_d())
gc.collect()
print(of_class_d())
f = D("f")
f.peer = D("f.peer")
print("end")
