# pkg_a.beyond: three dots from a module of a top-level package go past the top
try:
    from ... import anything
except ImportError as e:
    print("beyond:", type(e).__name__, e)
