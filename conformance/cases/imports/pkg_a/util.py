# pkg_a.util: a submodule; its object at module level is finalized when the module's dict is wiped at exit
print("pkg_a.util: body", __name__, repr(__package__), "__path__" in globals())


class Held(object):
    def __init__(self, tag):
        self.tag = tag

    def __del__(self):
        print("del Held", self.tag)


held = Held("pkg_a.util")


def helper():
    return "helper of " + __name__
