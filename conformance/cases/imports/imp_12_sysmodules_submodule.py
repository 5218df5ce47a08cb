# id: imp_12_sysmodules_submodule
# source: python/cpython:Lib/importlib/_bootstrap.py (_find_and_load: sys.modules first; _find_and_load_unlocked: "No module named %r; %r is not a package"); Lib/os.py (sys.modules['os.path'] = path)
# property: a module that is no package can still have a dotted "submodule" placed in sys.modules by its body
#   (os.py's os.path): an unconditional top-level `from m.sub import x` finds it there (here the module imports
#   itself, as the program and as a module); another dotted name under it is a ModuleNotFoundError with
#   CPython's message; the alias is the very object put there
from __future__ import print_function
import sys
class _Path:
    sep = '/'
    def join(self, a, b):
        return a + self.sep + b
path = _Path()
sys.modules['imp_12_sysmodules_submodule.path'] = path
print('body of', __name__)
import imp_12_sysmodules_submodule as me
from imp_12_sysmodules_submodule.path import sep, join
print(__name__, sep, join('a', 'b'), sys.modules['imp_12_sysmodules_submodule.path'] is me.path)
if __name__ == '__main__':
    print(hasattr(me, '__path__'), type(sys.modules['imp_12_sysmodules_submodule.path']).__name__, me.path is path)
    try:
        from imp_12_sysmodules_submodule.other import x
    except ImportError as e:
        print(type(e).__name__, e, getattr(e, 'name', None))
