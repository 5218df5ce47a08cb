# id: itt_02_sizes_tracking
# source: python/cpython:Modules/itertoolsmodule.c (the object structs; product_sizeof, permutations_sizeof, combinations_sizeof, cwr_sizeof; teedataobject with LINKCELLS 57); python/cpython:Objects/typeobject.c (PyType_GenericAlloc tracks GC objects at creation)
# property: sys.getsizeof of every itertools object (the combinatoric ones grow with their index arrays), each tracked
# by the collector from its creation, and the tee data blocks a tee walks through (one _tee_dataobject per 57 values)
import gc
import itertools as it
import sys
objs = [it.count(), it.count(1.5), it.cycle([1]), it.repeat(1), it.accumulate([1]), it.chain([1]), it.compress([1], [1]),
        it.dropwhile(None, [1]), it.takewhile(None, [1]), it.filterfalse(None, [1]), it.groupby([1]), it.islice([1], 2),
        it.pairwise([1]), it.starmap(None, [1]), it.tee([1])[0], it.zip_longest([1]), it.product([1]),
        it.product("ab", "cd", repeat=3), it.permutations([1, 2]), it.permutations(range(5), 2), it.combinations([1, 2], 1),
        it.combinations(range(9), 7), it.combinations_with_replacement([1, 2], 1), it.combinations_with_replacement("ab", 4)]
for o in objs:
    print(type(o).__name__, sys.getsizeof(o), gc.is_tracked(o))
k, grp = next(it.groupby("aab"))
print(type(grp).__name__, sys.getsizeof(grp), gc.is_tracked(grp))
t = it.tee(range(200))[0]
blocks = [x for x in gc.get_referents(t) if type(x).__name__ == "_tee_dataobject"]
print(len(blocks), sys.getsizeof(blocks[0]), gc.is_tracked(blocks[0]))
del blocks
for _ in range(57):
    next(t)
d1 = [x for x in gc.get_referents(t) if type(x).__name__ == "_tee_dataobject"][0]
next(t)
d2 = [x for x in gc.get_referents(t) if type(x).__name__ == "_tee_dataobject"][0]
print(d1 is d2, next(t))
