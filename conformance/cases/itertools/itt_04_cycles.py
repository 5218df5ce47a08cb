# id: itt_04_cycles
# source: python/cpython:Modules/itertoolsmodule.c (the tp_traverse and tp_clear of every type: cycle_traverse, chain_traverse, groupby_traverse, teedataobject_traverse, tee_traverse, product_traverse, ...)
# property: reference cycles through itertools objects are found and collected (gc.collect() counts every object
# freed), and the objects left are the ones CPython leaves
import gc
import itertools as it
class Box:
    pass
def collect(make):
    gc.collect()
    b = Box()
    b.it = make(b)
    del b
    return gc.collect()
print("cycle", collect(lambda b: it.cycle([b])))
print("repeat", collect(lambda b: it.repeat(b)))
print("chain", collect(lambda b: it.chain([b])))
print("count", collect(lambda b: it.count(b.__class__ and 0)))
print("accumulate", collect(lambda b: it.accumulate([b], lambda x, y: b)))
print("starmap", collect(lambda b: it.starmap(b.__class__, [b])))
print("islice", collect(lambda b: it.islice([b], 1)))
print("zip_longest", collect(lambda b: it.zip_longest([1], fillvalue=b)))
print("product", collect(lambda b: it.product([b], "ab")))
print("permutations", collect(lambda b: it.permutations([b, 1])))
print("combinations", collect(lambda b: it.combinations([b, 1], 1)))
print("groupby", collect(lambda b: it.groupby([b], key=lambda x: b)))
def tee_cycle(b):
    t1, t2 = it.tee([b, b])
    next(t1)
    b.other = t2
    return t1
print("tee", collect(tee_cycle))
def grouper_cycle(b):
    g = it.groupby([b, b])
    k, grp = next(g)
    b.grp = grp
    return g
print("grouper", collect(grouper_cycle))
