# id: dm_98_property_doc_set
# source: python/cpython:Objects/descrobject.c (property_members: __doc__ is a writable T_OBJECT, property_init's doc from fget); Lib/urllib/parse.py (_DefragResultBase.url.__doc__ = ...); Lib/collections/__init__.py (namedtuple field getters)
# property: a property's __doc__ can be assigned (replacing the getter's docstring or an explicit doc, kept by getter/setter copies made later), as urllib.parse does for its namedtuple fields (what `import pathlib` needed); the old doc's reference is released
import sys
class C:
    @property
    def x(self):
        "getter doc"
        return 1
print(C.x.__doc__)
C.x.__doc__ = 'new doc'
print(C.x.__doc__, C().x)
p = property(lambda s: 2, doc='explicit')
d = 'a doc string ' * 3
before = sys.getrefcount(d)
p.__doc__ = d
print(p.__doc__ == d, sys.getrefcount(d) - before)
p.__doc__ = None
print(p.__doc__, sys.getrefcount(d) - before)
from collections import namedtuple
P = namedtuple('P', 'a b')
P.a.__doc__ = 'the a field'
print(P.a.__doc__, P(1, 2).a)
