# pkg_a.circ_a: imports circ_b, which imports circ_a back while circ_a is half initialised
print("circ_a: starts")
BEFORE = "defined before the cycle"
from . import circ_b
AFTER = "defined after the cycle"
print("circ_a: ends", circ_b.seen)
