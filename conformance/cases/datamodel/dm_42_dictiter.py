# id: dm_42_dictiter
# source: python/cpython:Objects/dictobject.c (dictiter_new, dictiter_iternextkey, dictiter_iternextvalue,
# dictiter_iternextitem, dictreviter_iternext, dictiter_len, dictiter_traverse)
# property: a dict's iterators: the items iterator's (key, value) tuple is made with the iterator and
# reused while nobody else holds it (is / gc.get_count), a size change is RuntimeError "dictionary changed
# size during iteration" and stays so, a change of keys at the same size is "dictionary keys changed during
# iteration", __length_hint__ counts down, the iterator drops its dict at the end (sys.getrefcount),
# reverse iterators walk back; for loops over views allocate the view and its iterator
import gc
import sys

d = {'a': 1, 'b': 2, 'c': 3}
it = iter(d.items())
a = next(it)
b = next(it)
print(a, b, a is b)
del a
c = next(it)
print(c, c is b)
for p in d.items():
    last = p
print(last, sys.getrefcount(last))
it = iter(d)
print(it.__length_hint__(), next(it), it.__length_hint__(), sys.getrefcount(d))
print(list(it), it.__length_hint__(), sys.getrefcount(d))
it = iter(d.values())
next(it)
d['z'] = 26
try:
    next(it)
except RuntimeError as e:
    print(e)
del d['z']
try:
    next(it)
except RuntimeError as e:
    print('again:', e)
e = {1: 1, 2: 2}
it = iter(e)
next(it)
del e[2]
e[3] = 3
try:
    print(list(it))
except RuntimeError as ex:
    print(ex)
try:
    for key in d.keys():
        d[key + '!'] = 0
except RuntimeError as ex:
    print(ex)
print(sorted(d))
r = {i: i * i for i in range(5)}
del r[2]
print(list(reversed(r.items())), list(reversed(r.keys())), sys.getsizeof(reversed(r.values())))
rit = reversed(r)
print(next(rit), rit.__length_hint__())
gc.collect()
c0 = gc.get_count()
for x in r.keys():
    c1 = gc.get_count()
for x, y in r.items():
    c2 = gc.get_count()
for x in r:
    c3 = gc.get_count()
print(c1[0] - c0[0], c2[0] - c0[0], c3[0] - c0[0])
