# bad input: nested functions (closures) are outside the subset
def outer():
    x = 1
    def inner():
        return x
    return inner()
print(outer())
