# pkg_a.sub: a nested package; relative imports one and two levels up
print("pkg_a.sub: body", __name__, repr(__package__))
from .. import util as parent_util
from ..util import helper
from . import leaf
print("pkg_a.sub: leaf bound", leaf.__name__, parent_util.__name__, helper())
