# pkg_a.star: `from pkg_a.star import *` binds exactly __all__, underscored names included
__all__ = ["a", "_b"]
a = "a"
_b = "_b"
c = "not in __all__"
