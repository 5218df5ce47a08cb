"""A library module with a docstring."""
# id: imp_04_docstring_lib
# source: python/cpython:Python/compile.c (compiler_body, compiler_default_arguments: kw-only defaults are a dict keyed by name)
# property: run as a program, a module docstring is __doc__ and **kw binding behaves as CPython's
from __future__ import print_function  # the same file runs on Python 2.7 (py27 profile)
def greet(name, *rest, **kw):
    sep = kw.get("sep", ":")
    return "hello" + sep + name


print(__doc__)
print(greet("main"))
