# id: dm_27_mappingproxy
# source: python/cpython:Objects/descrobject.c (PyDictProxy_New, mappingproxy_new, mappingproxy_check_mapping,
# mappingproxy_getitem, mappingproxy_get, mappingproxy_keys/values/items/copy, mappingproxy_richcompare,
# mappingproxy_or, mappingproxy_ior, mappingproxy_repr, PyDescr_NewClassMethod, classmethod_get);
# Objects/typeobject.c (type_dict: a new proxy per read; type_add_methods); Lib/test/test_types.py
# (MappingProxyTests); Lib/types.py (MappingProxyType, ClassMethodDescriptorType)
# property: C.__dict__ is a new read-only mappingproxy at every read (40 bytes with the GC head, tracked,
# holding the class's namespace: the count of live proxies goes back to zero when they are dropped);
# reads, len, in, iteration, get/keys/values/items/copy and == forward to the mapping; item assignment and
# deletion are TypeErrors; unhashable in 3.11; `|` unwraps, `|=` refuses; MappingProxyType checks
# its argument; a built-in type's __dict__ is a proxy too, holding its method descriptors and
# dict.fromkeys' classmethod_descriptor, which binds to the type it is read through
import gc
import sys
MappingProxyType = type(type.__dict__)  # as Lib/types.py names it


class C:
    x = 1

    def f(self):
        return 2


d = C.__dict__
print(type(d).__name__, sys.getsizeof(d), gc.is_tracked(d), d is C.__dict__, C.__dict__ == C.__dict__)
print(d['x'], 'x' in d, 'y' in d, d.get('x'), d.get('y', 5), d.get('y'))
print(sorted(k for k in d if not k.startswith('__')), len(d) == len(list(d.keys())))
print(d == dict(d), d.copy() == dict(d), type(d.copy()).__name__, d.copy() is d.copy())
print(sorted(k for k, v in d.items() if not k.startswith('__')), d['f'] in list(d.values()))
for op in ("assign", "delete", "hash", "ior"):
    try:
        if op == "assign":
            d['y'] = 2
        elif op == "delete":
            del d['x']
        elif op == "hash":
            hash(d)
        else:
            d |= {}
    except TypeError as e:
        print(op, e)

m = MappingProxyType({'a': 1})
print(m, m | {'b': 2}, {'b': 2} | m, m | m)


class Rev:
    def __getitem__(self, k):
        return k * 2

    def __reversed__(self):
        return iter('zyx')


print(list(reversed(MappingProxyType(Rev()))), MappingProxyType(Rev())[21])
for bad in ([1], (1,), 3):
    try:
        MappingProxyType(bad)
    except TypeError as e:
        print(e)
print({1: 2} | {3: 4}, dict(m, c=3))

# a proxy keeps its mapping alive, and nothing else: the dict dies with the last proxy
before = len([o for o in gc.get_objects() if type(o) is MappingProxyType])
ps = [C.__dict__ for i in range(5)]
print(len({id(p) for p in ps}), len([o for o in gc.get_objects() if type(o) is MappingProxyType]) - before)
src = {'k': 'v'}
p = MappingProxyType(src)
print(sys.getrefcount(src))
del p
print(sys.getrefcount(src))
del ps

# built-in types' namespaces
print(type(list.__dict__).__name__, list.__dict__['append'], 'append' in list.__dict__, 'nope' in list.__dict__)
print(list.__dict__['append'] is list.append, type(type.__dict__) is MappingProxyType)
fk = dict.__dict__['fromkeys']
print(type(fk).__name__, fk, fk is dict.__dict__['fromkeys'])
print(fk.__get__(None, dict)([1, 2]), fk.__get__({}, None)('ab', 0))
for args in ((None, None), (1, None), (None, int)):
    try:
        fk.__get__(*args)
    except TypeError as e:
        print(e)
print(type(fk), type(list.__dict__['append']), type(dict.fromkeys).__name__)
