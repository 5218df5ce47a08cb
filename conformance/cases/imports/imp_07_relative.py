# id: imp_07_relative
# source: python/cpython:Lib/importlib/_bootstrap.py (_calc___package__, _resolve_name, _sanity_check: "attempted relative import with no known parent package", "attempted relative import beyond top-level package"; _handle_fromlist)
# property: relative imports resolve against __package__ (`from . import m`, `from .m import a`, `from .. import
# m` inside packages, `from .. import a` of a package still initialising); the program, which has no package,
# gets ImportError at the import, and a module going past the top-level package gets the other message
import sys
try:
    from . import anything
except ImportError as e:
    print(type(e).__name__, e)
try:
    from .pkg_a import util
except ImportError as e:
    print(type(e).__name__, e)
import pkg_a.beyond
from pkg_a.sub import leaf, helper, parent_util
print(leaf.VALUE, leaf._private, helper(), parent_util is sys.modules["pkg_a.util"])
import pkg_a
print(pkg_a.sub.parent_util is pkg_a.util, [k for k in dir(pkg_a.sub) if not k.startswith("__")])
