# package pkg_a of the imports group (a module file, not a case: cases are cases/<group>/<id>.py only)
print("pkg_a: body starts", __name__, repr(__package__), __path__[0].endswith("pkg_a"), __file__.endswith("__init__.py"))
VALUE = 1
_private = 2
from .util import helper
print("pkg_a: body ends", sorted(k for k in globals() if not k.startswith("__")))
