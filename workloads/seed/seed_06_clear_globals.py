# workload: seed_06_clear_globals
# seed: a clear() that deletes every global except functions, classes and modules. The seed's version
# mutates globals() while iterating over it (RuntimeError in Python 3) and misspells __class__
# (value.g__class__); corrected: iterate over a snapshot list, test type(value).__name__, keep dunders.
from __future__ import print_function  # the same file runs on Python 2.7 (py27 profile)
import gc
import sys
def clear():
    for key, value in list(globals().items()):
        if callable(value) or type(value).__name__ == "module":
            continue
        if key[:2] == "__":
            continue
        del globals()[key]
class Keep:
    pass
a = list(range(1000))
b = "text"
c = {"k": a}
clear()
names = []
for key in list(globals().keys()):
    if key[:2] != "__":
        names.append(key)
print(sorted(names))
