# workload: seed_02_alias_and_is
# seed: "x = 3.14; y = x" (one object, two names), "a = 1; b = 1; a is b", "good" / "very good morning",
# "[] is []". In a script all equal constants of the module are one object (compiler constant merging),
# so "very good morning" is shared here even though the seed (interactive) saw False.
from __future__ import print_function  # the same file runs on Python 2.7 (py27 profile)
import sys
x = 3.14
y = x
print(id(x) == id(y), x is y)
print(sys.getrefcount(x) - sys.getrefcount(y))
a = 1
b = 1
print(a is b)
a = "good"
b = "good"
print(a is b)
a = "very good morning"
b = "very good morning"
print(a is b)
a = []
b = []
print(a is b)
a = 257
b = int("257")
print(a == b, a is b)
