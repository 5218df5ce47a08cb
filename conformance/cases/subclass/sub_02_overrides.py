# id: sub_02_overrides
# source: python/cpython:Objects/typeobject.c (fixup_slot_dispatchers: a class's special methods replace the inherited list/dict slots; wrapper_descriptor list.__len__ etc. call the base's own slot)
# property: special methods a list/dict subclass defines win over the built-in's slots (len, [], repr,
# iteration, in, ==, hash), while list.__getitem__(x, i) and friends called on the type reach the built-in;
# super().__init__ / list.__init__(self, ...) fill the instance; methods without override work
from __future__ import print_function
class L(list):
    def __len__(self): return 42
    def __getitem__(self, i): return ('item', i)
    def __repr__(self): return 'L!' + list.__repr__(self)
    def __iter__(self): return iter([7, 8])
    def __contains__(self, x): return x == 'z'
    def __eq__(self, o): return True
    def __hash__(self): return 5
l = L([1, 2, 3])
print(len(l), l[0], repr(l), str(l), list(l), 'z' in l, 1 in l, l == 3, hash(l))
print(list.__len__(l), list.__getitem__(l, 0), list.__contains__(l, 1), [x for x in l])
print(l + [4], [0] + l, l * 2)
class M(list):
    def __init__(self, a, b):
        super(M, self).__init__([a, b])
        self.tag = a
m = M(1, 2)
print(m, m.tag, len(m), m[1], m[-1], m[0:1], sorted(m), type(m[0:1]).__name__)
class N(list):
    def __init__(self, *a):
        list.__init__(self, a)
    def append(self, x):
        list.append(self, x * 10)
n = N(3, 4, 5)
n.append(6)
print(n, len(n))
class Ctr(dict):
    def __setitem__(self, k, v):
        dict.__setitem__(self, k, v * 10)
c = Ctr(a=1)
c['x'] = 1
print(sorted(c.items()), len(c), 'x' in c, c.get('x'), dict.__getitem__(c, 'x'))
