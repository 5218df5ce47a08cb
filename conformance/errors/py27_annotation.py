from __future__ import print_function
# bad input under the py27 profile: annotations are Python 3 syntax (2.7's grammar has none: SyntaxError)
def outer():
    def inner(x: int):
        return x
    return inner(1)
print(outer())
