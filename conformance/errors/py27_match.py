from __future__ import print_function
# bad input under the py27 profile: the match statement is Python 3.10+ syntax
x = 1
match x:
    case 1:
        print("one")
