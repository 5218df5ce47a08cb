# bad input: annotations are outside the subset (closures, lambda and *args/**kwargs are in it now)
def outer():
    def inner(x: int):
        return x
    return inner(1)
print(outer())
