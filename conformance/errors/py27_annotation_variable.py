from __future__ import print_function
# bad input under the py27 profile: a variable annotation (PEP 526) is Python 3.6+ syntax
count = 0
total: int = 5
print(count, total)
