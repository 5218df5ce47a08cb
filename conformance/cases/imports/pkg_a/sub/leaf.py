# pkg_a.sub.leaf: imports its grandparent's attribute while the parent package is still initialising
from .. import VALUE, _private
print("pkg_a.sub.leaf: body", __name__, repr(__package__), VALUE, _private)


class Held(object):
    def __init__(self, tag):
        self.tag = tag

    def __del__(self):
        print("del Held", self.tag)


held = Held("pkg_a.sub.leaf")
