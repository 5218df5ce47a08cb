# id: dm_41_dictview_setops
# source: python/cpython:Objects/dictobject.c (dictkeys_contains, dictitems_contains, dictview_richcompare,
# all_contained_in, dictviews_to_set, dictviews_sub, _PyDictView_Intersect, dictviews_or, dictviews_xor,
# dictitems_xor, dictviews_isdisjoint, dictview_repr, dictview_mapping, dictkeys_reversed); Lib/test/test_dictviews.py
# property: keys and items views behave as sets: `in` (items: (key, value) pairs compared by value),
# == / != / < / <= / > / >= against sets, frozensets and views, & | - ^ with any iterable on either side
# giving new sets, isdisjoint; they are unhashable (values views hash by identity and compare by
# identity); repr dict_keys([...]) with "..." for a view inside itself; mapping (3.10+) is a
# mappingproxy of the dict; reversed() of a view; CPython's TypeError messages
import sys

d = {1: 10, 2: 20, 3: 30}
k, i, v = d.keys(), d.items(), d.values()
print(1 in k, 4 in k, (1, 10) in i, (1, 99) in i, [1, 10] in i, (1,) in i, 10 in v, 99 in v)
print(k == {1, 2, 3}, k == frozenset([1, 2, 3]), k == [1, 2, 3], k != {1}, k < {1, 2, 3, 4}, k <= {1, 2, 3})
print(k > {1}, k >= {1, 2, 3, 4}, i == {(1, 10), (2, 20), (3, 30)}, {3: 30, 2: 20, 1: 10}.items() == i)
print(v == v, v == d.values(), k == k, k == {1: 0, 2: 0, 3: 0}.keys())
print(k & {2, 3, 5}, k & [3, 7], [3, 7] & k, k | [9], [9] | k, k - [1], [1, 5] - k, k ^ [3, 4], (3, 4) ^ k)
print(i & [(1, 10), (2, 99)], i | {(4, 40)}, i - [(1, 10)], i ^ {2: 20, 5: 50}.items(), i ^ [(2, 20), (6, 60)])
print(k & k, k - k, k & {1: 0}.keys(), type(k & k).__name__, type(k | ()).__name__)
print(k.isdisjoint([4, 5]), k.isdisjoint(x for x in [3]), k.isdisjoint({3}), i.isdisjoint([(1, 10)]), {}.keys().isdisjoint({}.keys()))
for bad in (k, i):
    try:
        hash(bad)
    except TypeError as e:
        print(e)
print(hash(v) == hash(v), v != d.values())
try:
    k & 5
except TypeError as e:
    print(e)
try:
    k.isdisjoint()
except TypeError as e:
    print(e)
try:
    k.isdisjoint(5)
except TypeError as e:
    print(e)
print(repr(k), str(i), repr(v), repr({}.keys()))
r = {}
r['self'] = r.values()
print(r)
r2 = {}
r2['k'] = r2.items()
print(r2)
print(type(k.mapping).__name__, k.mapping, k.mapping is d, i.mapping[2], sys.getsizeof(v.mapping))
print(list(reversed(k)), list(reversed(v)), list(reversed(i)), list(reversed(d)))
print(type(reversed(k)).__name__, type(reversed(v)).__name__, type(reversed(i)).__name__, type(reversed(d)).__name__)
print(type(k) is type({}.keys()), type(k).__name__, type(v).__name__, type(i).__name__)
try:
    type(k)()
except TypeError as e:
    print(e)
