# id: dm_28_simplenamespace
# source: python/cpython:Objects/namespaceobject.c (_PyNamespace_New, namespace_new, namespace_init,
# namespace_repr, namespace_richcompare, namespace_traverse, namespace_clear); Python/sysmodule.c
# (make_impl_info: sys.implementation); Lib/test/test_types.py (SimpleNamespaceTests); Lib/types.py
# property: sys.implementation is a types.SimpleNamespace holding name, cache_tag, version, hexversion and
# _multiarch in that order; a namespace is 40 bytes with the GC head, tracked, its attributes are its
# __dict__'s entries (set, read, deleted there; absent: AttributeError with the type's name), its repr
# lists them as keyword arguments and guards recursion ("namespace(...)"), two are equal when their dicts
# are, it is unhashable, takes no positional arguments, and a cycle through it is collected
import gc
import sys

SimpleNamespace = type(sys.implementation)  # as Lib/types.py names it
print(sys.implementation)
print(SimpleNamespace, sys.implementation.name, sys.implementation.cache_tag, sys.implementation.version is sys.version_info)

n = SimpleNamespace(a=1, b=[2])
print(n, sys.getsizeof(n), gc.is_tracked(n), n == SimpleNamespace(b=[2], a=1), n != SimpleNamespace(a=1))
print(n == 1, n.__dict__ is n.__dict__, n.__dict__, n.__class__ is SimpleNamespace)
n.c = n
print(n)
n.__dict__['d'] = 'via dict'
print(n.d, vars(n) is n.__dict__)
del n.a
print(n.__dict__.keys() if False else sorted(n.__dict__))
for op in ("del", "get", "new", "hash"):
    try:
        if op == "del":
            del n.zz
        elif op == "get":
            n.zz
        elif op == "new":
            SimpleNamespace(1)
        else:
            hash(n)
    except (AttributeError, TypeError) as e:
        print(op, type(e).__name__, e)
print(SimpleNamespace(), getattr(n, 'zz', 'default'), hasattr(n, 'b'))

# a namespace in a cycle is found by the collector and freed with its dict
gc.collect()
c = SimpleNamespace(name='cycle')
c.me = c
del c
print(gc.collect())
