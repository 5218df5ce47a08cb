# pkg_a.circ_b: `from pkg_a import circ_a` finds the partly initialised module through sys.modules
# (import_from's fallback: pkg_a has no attribute circ_a yet)
import sys
print("circ_b: starts", "pkg_a.circ_a" in sys.modules)
from pkg_a import circ_a
seen = (hasattr(circ_a, "BEFORE"), hasattr(circ_a, "AFTER"))
try:
    from pkg_a.circ_a import AFTER
except ImportError as e:
    print("circ_b:", type(e).__name__, str(e).split(" (")[0])
print("circ_b: ends", seen)
