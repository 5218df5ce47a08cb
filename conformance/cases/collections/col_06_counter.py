# id: col_06_counter
# source: python/cpython:Lib/collections/__init__.py (Counter: __init__/update through _count_elements, most_common, elements, subtract, __add__/__sub__/__or__/__and__, __pos__/__neg__, total, __missing__, __repr__); Lib/test/test_collections.py (TestCounter)
# property: Counter is Lib's dict subclass: counting through update (a dict subclass whose class defines
#   __delitem__ but not __setitem__ stores with dict's), most_common ordering (ties in insertion order),
#   elements, subtract, the arithmetic operators dropping non-positive counts, unary +/-, total(), a
#   missing key reads 0 without being stored; getsizeof and gc tracking as a dict subclass instance
import sys, gc
from collections import Counter
c = Counter('abracadabra')
print(c, c.most_common(3), c['z'], 'z' in c, len(c), c.total())
print(sorted(c.elements()), list(Counter(a=2, b=0, c=-1).elements()))
d = Counter(a=1, b=5, r=1)
print(c + d, c - d, c | d, c & d)
print(+Counter(a=1, b=-2), -Counter(a=1, b=-2))
c.subtract('aaab')
print(c)
c.update({'a': 10}, z=2)
print(c, c.most_common(1))
del c['z']
del c['nothere']
print(c, 'z' in c)
e = Counter()
for word in 'the cat and the hat and the bat'.split():
    e[word] += 1
print(e.most_common(2), e['the'], e['dog'])
print(Counter({'x': 3}) == Counter(x=3), Counter(a=1) == Counter(a=1, b=0), Counter('aab') < Counter('aaabc'))
print(type(c).__mro__[1].__name__, gc.is_tracked(Counter()), sys.getsizeof(Counter()) == sys.getsizeof({}) + 0, sys.getsizeof(Counter()))
print(repr(Counter()), Counter(a=1).copy(), type(Counter(a=1).copy()).__name__)
try:
    Counter(1, 2)
except TypeError as ex:
    print('TypeError', ex)
