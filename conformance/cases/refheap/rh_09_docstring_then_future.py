"""rh_09_docstring_then_future: a module docstring may come before `from __future__ import`.

source: python/cpython:Python/future.c (future_parse: the docstring is skipped before future statements)
property: the program's docstring, then a future import, then code: accepted, and the docstring is the
module's first constant (as pyperformance's bm_generators begins)
"""
from __future__ import print_function  # the same file runs on Python 2.7 (py27 profile)
print("future import after the docstring accepted")
print(__doc__.splitlines()[0])
