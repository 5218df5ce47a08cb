# pkg_a.nostar: without __all__, `import *` binds the names that do not start with '_'
x = "x"
_y = "_y"
z = "z"


def f():
    return "f"
