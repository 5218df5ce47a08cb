# id: dm_103_slot_member_replaced
# source: python/cpython:Objects/typeobject.c (_PyType_Lookup finds whatever the class dict holds now), Objects/descrobject.c (member_get/member_set, PyMember_GetOne T_OBJECT_EX), Python/specialize.c (specialize_attr_loadclassattr: LOAD_ATTR_SLOT/STORE_ATTR_SLOT keyed by type version)
# property: a __slots__ member is read and written through the member_descriptor the class holds now: replacing it with a property, deleting it, or a __getattribute__ added later takes over at once, also at call sites that already ran many times; an empty slot raises AttributeError
class S:
    __slots__ = ('a', 'b')
    def __init__(self, a): self.a = a
class T(S):
    __slots__ = ('c',)
def get(o):
    return o.a
def put(o, v):
    o.a = v
objs = [S(1), T(2), S(3)]
for i in range(50):
    for o in objs:
        put(o, get(o) + 1)
print([get(o) for o in objs])
del objs[0].a
try:
    get(objs[0])
except AttributeError as e:
    print("AttributeError", e)
put(objs[0], 10)
print(get(objs[0]))
S.a = property(lambda self: "prop", lambda self, v: print("set", v))
print(get(objs[0]), get(objs[1]))
put(objs[1], 5)
def ga(self, name): return "ga:" + name
T.__getattribute__ = ga
print(get(objs[1]), get(objs[2]))
import sys
x = S.__new__(S)
del S.a
try: get(x)
except AttributeError as e: print("AttributeError", e)
