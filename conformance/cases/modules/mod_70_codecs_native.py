# id: mod_70_codecs_native
# source: python/cpython:Modules/_codecsmodule.c (_codecs_register, _codecs_unregister, _codecs_lookup_impl, _codecs_encode_impl, _codecs_decode_impl, _codecs_utf_8_decode_impl, _codecs_lookup_error_impl, _codecs_register_error_impl); Python/codecs.c (normalizestring, _PyCodec_Lookup, _PyCodec_EncodeInternal, PyCodec_LookupError, PyCodec_RegisterError, strict_errors)
# property: the native _codecs: search functions registered in order, lookup normalises the name (lower
#   case, spaces and hyphens to underscores) and caches the answer (the search function is asked once),
#   None means "next", a non-4-tuple answer is a TypeError, unknown names a LookupError; encode/decode go
#   through the looked-up codec; unregister empties the cache; utf_8_decode with final=False stops before a
#   truncated sequence; the codec functions return (result, consumed); the built-in error handlers resolve
#   by name and strict raises its argument; the argument errors
import _codecs
seen = []
def enc(s, errors="strict"):
    return (s.encode("latin-1", errors), len(s))
def dec(b, errors="strict"):
    return (b.decode("latin-1", errors), len(b))
INFO = (enc, dec, None, None)
def search(name):
    seen.append(name)
    if name == "refheap_test":
        return INFO
    if name == "refheap_bad":
        return (1, 2)
    return None
print(_codecs.register(search))
print(_codecs.lookup("Refheap Test") is INFO, _codecs.lookup("REFHEAP_TEST") is INFO, seen)
print(_codecs.lookup("refheap-test") is INFO, seen)
print(_codecs.encode("x\xe9", "refheap test"), _codecs.decode(b"\xe9", encoding="refheap_test"), seen)
for call in [lambda: _codecs.lookup("refheap-nope"), lambda: _codecs.lookup("refheap_bad"), lambda: _codecs.lookup(1),
             lambda: _codecs.register(1), lambda: _codecs.encode("\u20ac", "refheap_test"), lambda: _codecs.lookup_error("refheap"),
             lambda: _codecs.register_error("refheap", 3), lambda: _codecs.utf_8_encode(b"x"), lambda: _codecs.utf_8_decode("x")]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__ + ":", e)
print(len(seen), seen[-2:])
names = ("register", "unregister", "lookup", "encode", "decode", "lookup_error", "register_error", "utf_8_encode", "utf_8_decode")
print(hasattr(_codecs, "_forget_codec"), [n for n in names if hasattr(_codecs, n)])
print(_codecs.unregister(search), _codecs.unregister(search))
print(_codecs.utf_8_decode(b"a\xc3", None, False), _codecs.utf_8_decode(b"a\xc3\xa9", "strict", True), _codecs.utf_8_decode(b"\xe2\x82"))
print(_codecs.utf_8_encode("\xe9\u20ac"))
print(_codecs.latin_1_encode("\xe9"), _codecs.latin_1_decode(b"\xff"), _codecs.ascii_encode("ab"), _codecs.ascii_decode(b"ab", "strict"))
for call in [lambda: _codecs.utf_8_decode(b"a\xffb", "strict", True), lambda: _codecs.ascii_encode("\xe9")]:
    try:
        print(call())
    except UnicodeError as e:
        print(type(e).__name__ + ":", e)
for name in ["strict", "ignore", "replace", "xmlcharrefreplace", "backslashreplace", "namereplace", "surrogateescape", "surrogatepass"]:
    h = _codecs.lookup_error(name)
    print(name, type(h).__name__, h is _codecs.lookup_error(name))
try:
    _codecs.lookup_error("strict")(ValueError("raised by strict"))
except ValueError as e:
    print("ValueError:", e)
def mine(exc):
    return ("?", 1)
import sys

print(sys.getrefcount(mine), _codecs.register_error("refheap", mine), _codecs.lookup_error("refheap") is mine, sys.getrefcount(mine))
# argument errors: encode/decode parse as Argument Clinic (harness/src/args.c), lookup is METH_O
for f in [lambda: _codecs.encode('a', bad=1), lambda: _codecs.encode('a', 'b', 'c', 'd'), lambda: _codecs.encode(),
          lambda: _codecs.encode('a', obj='x'), lambda: _codecs.decode(b'a', encoding='ascii', errors='strict', x=1),
          lambda: _codecs.lookup(encoding='x'), lambda: _codecs.lookup(), lambda: _codecs.lookup('a', 'b')]:
    try:
        f()
    except TypeError as e:
        print("TypeError:", e)
