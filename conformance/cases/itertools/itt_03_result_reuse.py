# id: itt_03_result_reuse
# source: python/cpython:Modules/itertoolsmodule.c (product_next, combinations_next, cwr_next, permutations_next: the result tuple is updated in place when its refcount is 1, else copied with _PyTuple_FromArray; zip_longest_next reuses its result and re-tracks it, bpo-42536); python/cpython:Lib/test/test_itertools.py (test_*_tuple_reuse)
# property: a loop that drops each result gets the same tuple every time (ids equal, no tuple allocated per step),
# while results kept alive are fresh tuples each step (ids distinct, gc count grows by one per item)
import gc
import itertools as it
def ids(iterator):
    return len(set(map(id, iterator)))
def kept(iterator):
    return len(set(map(id, list(iterator))))
for name, make in [("product", lambda: it.product("abc", repeat=2)), ("permutations", lambda: it.permutations("abcd", 2)),
                   ("combinations", lambda: it.combinations("abcde", 3)),
                   ("cwr", lambda: it.combinations_with_replacement("abc", 2)),
                   ("zip_longest", lambda: it.zip_longest("abc", "de"))]:
    print(name, ids(make()), kept(make()))
gc.collect()
c0 = gc.get_count()[0]
for t in it.product(range(3), repeat=3):
    pass
print("loop", gc.get_count()[0] - c0)
gc.collect()
c0 = gc.get_count()[0]
keep = list(it.combinations(range(6), 2))
print("kept", gc.get_count()[0] - c0, len(keep))
p = it.product("ab", "cd")
first = next(p)
second = next(p)
print(first, second, first is second)
del first, second
x = next(p)
gc.collect()
print(x, gc.is_tracked(x))
del x
print(next(p), list(p))
