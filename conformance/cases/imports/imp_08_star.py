# id: imp_08_star
# source: python/cpython:Python/ceval.c (import_all_from: __all__ if present, names in any case; else the __dict__'s keys not starting with '_'); Lib/importlib/_bootstrap.py (_handle_fromlist: '*' imports the submodules __all__ names)
# property: `from m import *` binds exactly __all__ (underscored names too, other names not), or without __all__
# every public name of the module's dict (including what the module itself imported), in the dict's order
before = set(globals())
from pkg_a.star import *
print(sorted(set(globals()) - before))
before = set(globals())
from pkg_a.nostar import *
print(sorted(set(globals()) - before), f())
before = set(globals())
from pkg_a import *
print(sorted(set(globals()) - before))

