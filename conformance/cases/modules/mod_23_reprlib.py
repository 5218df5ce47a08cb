# id: mod_23_reprlib
# source: python/cpython:Lib/reprlib.py (Repr.repr1, repr_list, repr_dict, repr_str, repr_int, recursive_repr); Modules/_threadmodule.c (thread_get_ident)
# property: Lib's reprlib runs over the native _thread (get_ident keys recursive_repr's running set): the abbreviated
#   reprs of containers, strings and ints under Repr's limits, and recursive_repr's fill value for a self-containing object
import reprlib
print(reprlib.repr(list(range(100))), reprlib.repr(tuple(range(3))), reprlib.repr('x' * 100))
print(reprlib.repr({i: str(i) for i in range(20)}), reprlib.repr(set(range(10))), reprlib.repr(frozenset([1])))
print(reprlib.repr(10 ** 50), reprlib.repr([[[[[1]]]]]), reprlib.repr([]), reprlib.repr({}))
r = reprlib.Repr()
r.maxlist = 2
r.maxstring = 10
print(r.repr([1, 2, 3]), r.repr('abcdefghijklmnop'), r.repr(['a' * 30]))
class Node:
    def __init__(self, name):
        self.name = name
        self.children = []
    @reprlib.recursive_repr('<...>')
    def __repr__(self):
        return 'Node(%s, %r)' % (self.name, self.children)
a = Node('a')
a.children.append(Node('b'))
a.children.append(a)
print(repr(a), Node.__repr__.__name__, Node.__repr__.__qualname__, Node.__repr__.__annotations__)
