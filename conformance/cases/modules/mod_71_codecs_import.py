# id: mod_71_codecs_import
# source: python/cpython:Lib/codecs.py (CodecInfo, lookup, encode, decode, getencoder); Lib/encodings/__init__.py
# (search_function: __import__('encodings.' + modname, fromlist=_import_tail, level=0)); Python/bltinmodule.c
# builtin___import__; Python/import.c PyImport_ImportModuleLevelObject; Lib/importlib/_bootstrap.py
# (_handle_fromlist); Objects/floatobject.c float_repr (float.__repr__ called unbound by Lib/json/encoder.py)
# property: codecs imports (CodecInfo is a tuple subclass with a __dict__) and looks codecs up through the encodings
# package, whose search function imports the codec module with __import__; __import__ returns the top package
# without a fromlist and the submodule with one, checks its arguments (name str, level >= 0, fromlist items str
# for a package only); json.dumps/loads run (floats through float.__repr__)
import codecs
import gc
import sys

ci = codecs.lookup("UTF-8")
print(type(ci).__name__, isinstance(ci, tuple), len(ci), ci.name, ci._is_text_encoding, sorted(vars(ci)))
print(ci is codecs.lookup("utf_8"), ci[0] is ci.encode, ci.incrementalencoder.__name__, gc.is_tracked(ci))
print(sys.getsizeof(ci) - sys.getsizeof((1, 2, 3, 4)), repr(ci).split(" at ")[0])
print(codecs.lookup("latin-1").name, codecs.lookup("ascii").name, codecs.encode("h\u00e9", "latin-1"), codecs.decode(b"h\xc3\xa9"))
print(codecs.getencoder("ascii")("abc"), codecs.getdecoder("utf-8")(b"xy"))
try:
    codecs.lookup("no-such-codec")
except LookupError as e:
    print("LookupError", e)
m = __import__("encodings.ascii")
print(m.__name__, __import__("encodings.ascii", fromlist=["x"]).__name__, __import__("encodings", fromlist=("utf_8",)).utf_8.__name__)
print(__import__("sys") is sys, __import__(name="codecs", globals=None, locals=None, fromlist=(), level=0) is codecs)
print(__import__("codecs", fromlist=[1]) is codecs, "encodings.latin_1" in sys.modules)
for bad in (lambda: __import__(1), lambda: __import__("encodings", fromlist=[1]), lambda: __import__("codecs", level=-1),
            lambda: __import__(""), lambda: __import__("no_such_module_x"), lambda: __import__()):
    try:
        bad()
    except (TypeError, ValueError, ImportError) as e:
        print(type(e).__name__, e)
import json

print(json.dumps({"b": [1, 2.5, None, True, "x\u00e9", 1e100, -0.0]}, sort_keys=True))
print(json.loads('{"a": [1, 2.25, {"c": null}, "\\u00e9"]}'), json.dumps([1, [2]], indent=1))
print(float.__repr__(2.5), float.__repr__(1e-7))
