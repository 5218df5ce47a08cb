# id: bytes_11_codec_error_handlers
# source: python/cpython:Objects/unicodeobject.c (unicode_decode_utf8, ascii_decode, unicode_encode_ucs1); Objects/stringlib/codecs.h (utf8_decode: the maximal-subpart error ranges); Python/codecs.c (PyCodec_ReplaceErrors, PyCodec_IgnoreErrors); Lib/test/test_codecs.py (UTF8Test.test_invalid_cb_for_3bytes_seq and friends)
# property: bytes.decode / str.encode / str(bytes, ...) / bytes(str, ...) with errors='replace' and 'ignore': one U+FFFD for each maximal invalid UTF-8 subpart (a cut sequence, a bad lead byte, an overlong or surrogate form), each non-ASCII byte for ascii; '?' or nothing for a character latin-1 or ascii cannot encode; the lengths of the results, and that valid input comes back unchanged
samples = [b"plain", b"a\xffb", b"\xe2\x82", b"\xe2\x82\xac", b"\xf0\x9f\x98", b"\xf0\x9f\x98\x80z",
           b"\xed\xa0\x80", b"\xc0\xaf", b"\xe0\x80\x80", b"\xf4\x90\x80\x80", b"\x80\x80", b"\xc3", b"caf\xc3\xa9"]
for b in samples:
    r = b.decode("utf-8", errors="replace")
    i = b.decode("utf-8", "ignore")
    print(repr(b), ascii(r), len(r), ascii(i), len(i))
    print("  ascii:", ascii(b.decode("ascii", "replace")), ascii(b.decode("ascii", errors="ignore")))
print(ascii(str(b"x\xfey", "utf-8", "replace")), bytes("h\xe9\u20ac!", "ascii", "replace"))
for s in ["plain", "h\xe9llo", "\u20ac5", "\U0001f600 x"]:
    print(ascii(s), s.encode("ascii", "replace"), s.encode("ascii", "ignore"),
          s.encode("latin-1", errors="replace"), s.encode("latin-1", "ignore"))
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print("strict still raises:", type(e).__name__)
