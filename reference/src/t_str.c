/* t_str.c — the str type: compact PyASCIIObject / PyCompactUnicodeObject layouts, the '' and latin-1
 * singletons, UTF-8 in and out, the str operations of types.h, interning, str repr, and a UTF-8 string
 * builder used by repr and formatting.
 *
 * Owns: rh__type_init_str, rh__strings_init, rh__interned_fini, rh__str_forget_interned, the public str API
 * of types.h (including printf-style `fmt % args`) and the rh__str_* / rh__sb_* helpers of scalars.h.
 *
 * Layout (Include/cpython/unicodeobject.h, 3.11): an ASCII string is a profile->str_ascii_header-byte
 * header (48 in 3.11, 40 in 3.12) followed by its characters and a NUL; any other string has the
 * profile->str_compact_header-byte header (72 / 56) and 1, 2 or 4 bytes per character. Allocation size
 * is header + (len + 1) * kind (PyUnicode_New), so getsizeof('') is 49, 'a' 50, 'é' 74, '€' 76 and a
 * non-BMP character 80 in 3.11. A non-ASCII string keeps its UTF-8 form, once asked for it, in its utf8 /
 * utf8_length fields (PyUnicode_AsUTF8AndSize); __sizeof__ then counts it too. Those two fields sit right
 * after the ASCII header (at the next 8-byte boundary) in both layouts and are reached only through
 * utf8_slot()/utf8_len_slot().
 *
 * Invariants:
 *  - kind is canonical: 1 if every code point is below 256 (ascii if below 128), 2 if below 65536, else 4;
 *    so equal strings have equal kind, length and bytes;
 *  - state.data_offset holds the offset of the characters (the header size), so the accessors that take
 *    no runtime (rh_str_len/char_at/eq) can find them; it is not kept in the 4 padding bytes after
 *    `state` because py27's ASCII header (PyStringObject, 36 bytes) puts characters there;
 *  - an instance of a class deriving from str (rh_str_subtype_new, unicode_subtype_new) is a non-compact
 *    PyUnicodeObject: the class's basicsize (str's 80 plus its __dict__/__weakref__ words), compact = 0,
 *    kind/ascii/length/hash copied from the base value, the characters in a separate rh_mem_malloc'd block
 *    of (len + 1) * kind bytes whose pointer sits at data_offset (str_compact_header: PyUnicodeObject's
 *    data.any); an ASCII one's utf8 fields point at that block. It is never interned, never a singleton;
 *    sdata() and rh__str_data() take both layouts; __sizeof__ is str's basicsize + the block (+ cached
 *    UTF-8), as unicode___sizeof__ computes it;
 *  - an exact str of length 0 is always the static rt->statics->empty_str, and one of length 1 whose code point
 *    is below 256 is always the static rt->statics->latin1[ch] (3.11's unicode_empty / LATIN1 singletons,
 *    get_latin1_char): every operation producing such a string returns the static with a new reference;
 *  - hash is -1 until computed, then cached; hashes are deterministic (FNV-1a + a final mix) rather than
 *    CPython's randomised SipHash: a deliberate difference, since hash values of str are never printed;
 *    with profile->str_hash_py27 (state.hash27, set at creation) they are 2.7's string_hash of the
 *    UTF-8 bytes without -R (2.7's str is those bytes), which also gives 2.7's dict order;
 *  - rt->interned is an open-addressing (linear probing) set of borrowed str pointers holding each
 *    interned string once. Its references are not counted (3.11 PyUnicode_InternInPlace subtracts the
 *    interned dict's two references), so a mortal interned string dies normally and its dealloc removes
 *    it from the set; with profile->interned_immortal (3.12) interning makes the string immortal and it
 *    lives until rh__interned_fini.
 */
#define _GNU_SOURCE /* memmem, memrchr */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "containers.h"
#include "scalars.h"


static rh_type *str_type(rh_runtime *rt) { return rh_builtin_type(rt, RH_K_STR); }
static inline rh_strobj *S(rh_object *o) { return (rh_strobj *)o; }
static inline const rh_strobj *CS(const rh_object *o) { return (const rh_strobj *)o; }
/* compact: the characters follow the header at data_offset; non-compact (a subclass's instance,
 * unicode_subtype_new): data_offset is where PyUnicodeObject's data pointer sits */
static inline char *sdata(const rh_object *o) {
    char *p = (char *)o + CS(o)->state.data_offset;
    return __builtin_expect(CS(o)->state.compact, 1) ? p : *(char **)(void *)p;
}
static inline size_t slen(const rh_object *o) { return (size_t)CS(o)->length; }
static inline int skind(const rh_object *o) { return CS(o)->state.kind; }
static inline int is_str(const rh_object *o) { return o && o->type->kind == RH_K_STR; }

static inline uint32_t read_ch(const char *d, int kind, size_t i) {
    if (kind == 1) return ((const uint8_t *)d)[i];
    if (kind == 2) return ((const uint16_t *)d)[i];
    return ((const uint32_t *)d)[i];
}
static inline void write_ch(char *d, int kind, size_t i, uint32_t ch) {
    if (kind == 1) ((uint8_t *)d)[i] = (uint8_t)ch;
    else if (kind == 2) ((uint16_t *)d)[i] = (uint16_t)ch;
    else ((uint32_t *)d)[i] = ch;
}

/* The utf8 fields follow the ASCII header, at the next 8-byte boundary (py27's 36-byte header: 40). */
static size_t utf8_fields_at(const rh_runtime *rt) {
    return ((size_t)rt->profile->str_ascii_header + 7) & ~(size_t)7;
}
static intptr_t *utf8_len_slot(rh_runtime *rt, rh_object *o) {
    return (intptr_t *)((char *)o + utf8_fields_at(rt));
}
static char **utf8_slot(rh_runtime *rt, rh_object *o) {
    return (char **)((char *)o + utf8_fields_at(rt) + sizeof(intptr_t));
}

static size_t header_size(rh_runtime *rt, int ascii) {
    return ascii ? rt->profile->str_ascii_header : rt->profile->str_compact_header;
}
/* The characters' bytes with their NUL: a non-compact string's separate data block */
static size_t data_size(const rh_object *o) { return (slen(o) + 1) * (size_t)skind(o); }
/* A compact string's allocation size (the header and its characters) */
static size_t alloc_size(const rh_object *o) { return CS(o)->state.data_offset + data_size(o); }

/* Largest possible code point of a canonical string of this kind (a bound good for choosing a kind). */
static uint32_t kind_max(const rh_object *o) {
    if (CS(o)->state.ascii) return 0x7F;
    return skind(o) == 1 ? 0xFF : skind(o) == 2 ? 0xFFFF : 0x10FFFF;
}

static void header_init(rh_runtime *rt, rh_object *o, size_t len, uint32_t maxchar) {
    rh_strobj *s = S(o);
    int ascii = maxchar < 0x80, kind = maxchar < 0x100 ? 1 : maxchar < 0x10000 ? 2 : 4;
    size_t hdr = header_size(rt, ascii);
    memset((char *)o + sizeof(rh_object), 0, hdr - sizeof(rh_object));
    s->length = (intptr_t)len;
    s->hash = -1;
    s->state.kind = (unsigned)kind;
    s->state.compact = 1;
    s->state.ascii = (unsigned)ascii;
    s->state.ready = 1;
    s->state.data_offset = (unsigned)hdr;
    s->state.hash27 = rt->profile->str_hash_py27 != 0;
    write_ch(sdata(o), kind, len, 0);
}

/* ---------------------------------------------------------------- type */

static void str_subtype_free(rh_runtime *rt, rh_object *o);

static void str_dealloc(rh_runtime *rt, rh_object *o) {
    if (S(o)->state.interned) rh__str_forget_interned(rt, o);
    if (!S(o)->state.ascii && *utf8_slot(rt, o))
        rh_mem_free(rt, *utf8_slot(rt, o), (size_t)*utf8_len_slot(rt, o) + 1);
    if (__builtin_expect(!S(o)->state.compact, 0)) {
        str_subtype_free(rt, o);
        return;
    }
    rh__object_free(rt, o, alloc_size(o));
}

/* unicode___sizeof__: the object plus its cached UTF-8 copy when it has one; a non-compact string
 * counts sizeof(PyUnicodeObject) (str's basicsize, whatever its class adds) and its data block */
static size_t str_size_of(rh_runtime *rt, rh_object *o) {
    size_t n = S(o)->state.compact ? alloc_size(o) : str_type(rt)->basicsize + data_size(o);
    if (!S(o)->state.ascii && *utf8_slot(rt, o)) n += (size_t)*utf8_len_slot(rt, o) + 1;
    return n;
}

static void str_slots(rh_type *t);

void rh__type_init_str(rh_runtime *rt, rh_type *t) {
    t->name = "str";
    t->kind = RH_K_STR;
    t->flags = RH_TPFLAG_BASETYPE;
    t->basicsize = rt->profile->str_compact_header + sizeof(void *); /* sizeof(PyUnicodeObject): 80 */
    t->itemsize = 0;
    t->base = rh_builtin_type(rt, RH_K_OBJECT);
    t->dealloc = str_dealloc;
    t->size_of = str_size_of;
    str_slots(t);
}

int rh__strings_init(rh_runtime *rt) {
    rh_type *t = str_type(rt);
    rh_object *e = (rh_object *)rt->statics->empty_str;
    rh__static_init(rt, e, t);
    header_init(rt, e, 0, 0);
    for (uint32_t ch = 0; ch < 256; ch++) {
        rh_object *c = (rh_object *)rt->statics->latin1[ch];
        rh__static_init(rt, c, t);
        header_init(rt, c, 1, ch);
        rh_assert(alloc_size(c) + 3 <= RH_STR_STATIC_BYTES); /* + room for a 2-byte UTF-8 copy */
        write_ch(sdata(c), 1, 0, ch);
    }
    return 0;
}

static rh_object *latin1(rh_runtime *rt, uint32_t ch) {
    rh_assert(ch < 256);
    rh_object *o = (rh_object *)rt->statics->latin1[ch];
    rh_incref(o);
    return o;
}

static rh_object *empty(rh_runtime *rt) {
    rh_object *o = rh_empty_str(rt);
    rh_incref(o);
    return o;
}

static rh_object *str_alloc_raw(rh_runtime *rt, size_t len, uint32_t maxchar) {
    int kind = maxchar < 0x100 ? 1 : maxchar < 0x10000 ? 2 : 4;
    size_t hdr = header_size(rt, maxchar < 0x80);
    if (len > (RH_SSIZE_MAX - hdr) / (size_t)kind - 1) { /* PyUnicode_New's limit */
        rh_err_nomemory(rt);
        return NULL;
    }
    rh_object *o = rh__object_alloc(rt, str_type(rt), hdr + (len + 1) * (size_t)kind);
    if (!o) return NULL;
    header_init(rt, o, len, maxchar);
    return o;
}

/* A string holding n characters of `kind` data (any width): singletons for length 0 and 1, otherwise a
 * new string in the narrowest kind that fits. */
static rh_object *from_kind_data(rh_runtime *rt, int kind, const char *d, size_t n) {
    if (n == 0) return empty(rt);
    uint32_t maxc = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t c = read_ch(d, kind, i);
        if (c > maxc) maxc = c;
    }
    if (n == 1 && maxc < 256) return latin1(rt, maxc);
    rh_object *o = str_alloc_raw(rt, n, maxc);
    if (!o) return NULL;
    int k = skind(o);
    if (k == kind) memcpy(sdata(o), d, n * (size_t)k);
    else for (size_t i = 0; i < n; i++) write_ch(sdata(o), k, i, read_ch(d, kind, i));
    return o;
}

/* ---------------------------------------------------------------- subclass instances */

/* The slot of a non-compact string's data pointer: PyUnicodeObject's data.any, after the compact header */
static char **data_ptr_slot(rh_object *o) { return (char **)(void *)((char *)o + CS(o)->state.data_offset); }

/* subtype_dealloc ends in str_dealloc (instance_dealloc re-tracked o for it), which comes here once the
 * cached UTF-8 is gone: the data block (unicode_dealloc's PyObject_Free of data.any), then the object's
 * block of its class's basicsize */
static void str_subtype_free(rh_runtime *rt, rh_object *o) {
    rh__gc_untrack(rt, o);
    char *d = *data_ptr_slot(o);
    if (d) rh_mem_free(rt, d, data_size(o));
    rh__object_free(rt, o, o->type->basicsize);
}

rh_object *rh_str_subtype_new(rh_runtime *rt, rh_object *cls, rh_object *v) {
    rh_type *t = (rh_type *)(void *)cls;
    rh_assert(t->kind == RH_K_STR && (t->flags & RH_TPFLAG_HEAPTYPE) && is_str(v));
    size_t n = data_size(v);
    rh_object *o = rh__object_alloc(rt, t, t->basicsize);
    if (!o) return NULL;
    memset((char *)o + sizeof(rh_object), 0, t->basicsize - sizeof(rh_object));
    rh_strobj *s = S(o);
    s->length = CS(v)->length;
    s->hash = CS(v)->hash; /* unicode_subtype_new copies the base value's hash */
    s->state.kind = CS(v)->state.kind;
    s->state.ascii = CS(v)->state.ascii;
    s->state.ready = 1;
    s->state.compact = 0;
    s->state.data_offset = (unsigned)rt->profile->str_compact_header; /* where data.any sits */
    s->state.hash27 = CS(v)->state.hash27;
    char *d = rh_mem_malloc(rt, n);
    if (!d) { /* unicode_dealloc of the half-made object: no data block yet, only the object */
        str_subtype_free(rt, o);
        rh_decref(rt, cls); /* the object held a reference to its class */
        return NULL;
    }
    memcpy(d, sdata(v), n);
    *data_ptr_slot(o) = d;
    if (s->state.ascii) { /* an ASCII string's utf8 is its data (unicode_subtype_new) */
        *utf8_slot(rt, o) = d;
        *utf8_len_slot(rt, o) = s->length;
    }
    rh__gc_track(rt, o);
    return o;
}

/* unicode_result_unchanged / PyUnicode_FromObject: the str itself when exact, else an exact copy of its
 * characters (_PyUnicode_Copy). refheap gives the '' and Latin-1 singletons for 0 and 1 characters (the
 * invariant above), where CPython's copy of one character is a new object: only `is` tells. New reference
 * or NULL. */
static rh_object *result_unchanged(rh_runtime *rt, rh_object *s) {
    if (__builtin_expect(CS(s)->state.compact, 1)) {
        rh_incref(s);
        return s;
    }
    return from_kind_data(rt, skind(s), sdata(s), slen(s));
}

rh_object *rh_str_exact(rh_runtime *rt, rh_object *s) { return result_unchanged(rt, s); }

/* ---------------------------------------------------------------- accessors */

size_t rh_str_len(rh_object *o) { return slen(o); }

uint32_t rh_str_char_at(rh_object *o, size_t i) {
    rh_assert(i < slen(o));
    return read_ch(sdata(o), skind(o), i);
}

const void *rh_str_raw(rh_object *o, int *kind) {
    *kind = skind(o);
    return sdata(o);
}

int rh_str_eq(rh_object *a, rh_object *b) {
    if (a == b) return 1;
    if (slen(a) != slen(b) || skind(a) != skind(b)) return 0;
    if (CS(a)->hash != -1 && CS(b)->hash != -1 && CS(a)->hash != CS(b)->hash) return 0;
    return memcmp(sdata(a), sdata(b), slen(a) * (size_t)skind(a)) == 0;
}

/* ---------------------------------------------------------------- UTF-8 */

/* Length of the valid UTF-8 sequence at s (strict: no overlongs, surrogates or values above U+10FFFF),
 * storing its code point; 0 if invalid (then *why says what is wrong). */
static size_t utf8_next(const unsigned char *s, size_t n, uint32_t *cp, const char **why) {
    unsigned c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t len;
    unsigned lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else {
        *why = "invalid start byte";
        return 0;
    }
    uint32_t v = c & (0x7F >> len);
    for (size_t i = 1; i < len; i++) {
        if (i >= n) {
            *why = "unexpected end of data";
            return 0;
        }
        unsigned b = s[i];
        if (b < (i == 1 ? lo : 0x80) || b > (i == 1 ? hi : 0xBF)) {
            *why = "invalid continuation byte";
            return 0;
        }
        v = (v << 6) | (b & 0x3F);
    }
    *cp = v;
    return len;
}

static size_t utf8_put(char *out, uint32_t cp) {
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* share_char: a one-character latin-1 result is the shared singleton (PyUnicode_FromStringAndSize), else a
 * new object as a method writing into a fresh buffer makes it */
static rh_object *from_utf8(rh_runtime *rt, const char *s, size_t n, int share_char) {
    const unsigned char *u = (const unsigned char *)s;
    size_t count = 0, i = 0;
    uint32_t maxc = 0, cp;
    while (i < n) {
        const char *why = NULL;
        size_t k = utf8_next(u + i, n - i, &cp, &why);
        if (!k) {
            rh_err_set(rt, RH_EXC_UNICODEDECODE, "'utf-8' codec can't decode byte 0x%02x in position %zu: %s", u[i], i,
                       why);
            return NULL;
        }
        if (cp > maxc) maxc = cp;
        i += k;
        count++;
    }
    if (count == 0) return empty(rt);
    if (count == 1 && maxc < 256 && share_char) return latin1(rt, maxc);
    rh_object *o = str_alloc_raw(rt, count, maxc);
    if (!o) return NULL;
    if (maxc < 0x80) {
        memcpy(sdata(o), s, n);
        return o;
    }
    char *d = sdata(o);
    int kind = skind(o);
    const char *why;
    for (i = 0, count = 0; i < n; count++) {
        i += utf8_next(u + i, n - i, &cp, &why);
        write_ch(d, kind, count, cp);
    }
    return o;
}

rh_object *rh_str_from_utf8(rh_runtime *rt, const char *s, size_t n) { return from_utf8(rt, s, n, 1); }
rh_object *rh_str_from_utf8_fresh(rh_runtime *rt, const char *s, size_t n) { return from_utf8(rt, s, n, 0); }
rh_object *rh_str_from_cstr(rh_runtime *rt, const char *s) { return rh_str_from_utf8(rt, s, strlen(s)); }

static size_t utf8_length(rh_object *o) {
    size_t n = 0, len = slen(o);
    const char *d = sdata(o);
    int kind = skind(o);
    for (size_t i = 0; i < len; i++) {
        uint32_t c = read_ch(d, kind, i);
        n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    }
    return n;
}

static void utf8_encode(rh_object *o, char *out) {
    size_t len = slen(o), k = 0;
    const char *d = sdata(o);
    int kind = skind(o);
    for (size_t i = 0; i < len; i++) k += utf8_put(out + k, read_ch(d, kind, i));
    out[k] = '\0';
}

const char *rh_str_utf8(rh_runtime *rt, rh_object *o, size_t *len) {
    if (S(o)->state.ascii) {
        if (len) *len = slen(o);
        return sdata(o);
    }
    char **slot = utf8_slot(rt, o);
    if (!*slot) {
        size_t n = utf8_length(o);
        char *u;
        if (rh_is_static(rt, o)) u = sdata(o) + 2; /* latin-1 singleton: room after its character */
        else if (!(u = rh_mem_malloc(rt, n + 1))) return NULL;
        utf8_encode(o, u);
        *slot = u;
        *utf8_len_slot(rt, o) = (intptr_t)n;
    }
    if (len) *len = (size_t)*utf8_len_slot(rt, o);
    return *slot;
}

size_t rh_str_utf8_copy(rh_object *o, char *buf, size_t cap) {
    size_t len = slen(o), total = S(o)->state.ascii ? len : utf8_length(o);
    if (cap == 0) return total;
    if (S(o)->state.ascii) {
        size_t n = len < cap - 1 ? len : cap - 1;
        memcpy(buf, sdata(o), n);
        buf[n] = '\0';
        return total;
    }
    size_t k = 0;
    char tmp[4];
    for (size_t i = 0; i < len; i++) {
        size_t w = utf8_put(tmp, read_ch(sdata(o), skind(o), i));
        if (k + w > cap - 1) break;
        memcpy(buf + k, tmp, w);
        k += w;
    }
    buf[k] = '\0';
    return total;
}

int rh_str_eq_cstr(rh_object *a, const char *s) {
    size_t n = strlen(s), len = slen(a);
    if (CS(a)->state.ascii) return n == len && memcmp(sdata(a), s, n) == 0;
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, j = 0;
    for (; i < n && j < len; j++) {
        uint32_t cp;
        const char *why;
        size_t k = utf8_next(u + i, n - i, &cp, &why);
        if (!k || cp != rh_str_char_at(a, j)) return 0;
        i += k;
    }
    return i == n && j == len;
}

/* ---------------------------------------------------------------- hash */

/* 2.7's string_hash (Objects/stringobject.c, no hash randomisation): x = p[0] << 7, then
 * x = (1000003 * x) ^ byte for every byte, x ^= length; 0 for ''. Over the UTF-8 of the code points. */
static uint64_t hash27_byte(uint64_t x, unsigned char c, int first) {
    if (first) x = (uint64_t)c << 7;
    return (1000003u * x) ^ c;
}

static int64_t str_hash27(const rh_object *o) {
    size_t n = slen(o), nbytes = 0;
    uint64_t x = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char u[4];
        uint32_t c = read_ch(sdata(o), skind(o), i);
        size_t k = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
        if (k == 1) u[0] = (unsigned char)c;
        else {
            for (size_t j = k - 1; j > 0; j--, c >>= 6) u[j] = (unsigned char)(0x80 | (c & 0x3F));
            u[0] = (unsigned char)((0xF00u >> k) | c); /* 110xxxxx, 1110xxxx, 11110xxx */
        }
        for (size_t j = 0; j < k; j++, nbytes++) x = hash27_byte(x, u[j], nbytes == 0);
    }
    if (nbytes == 0) return 0;
    int64_t r = (int64_t)(x ^ nbytes);
    return r == -1 ? -2 : r;
}

/* FNV-1a over the bytes + a final mix; -1 is reported as -2. bytes hashes with it too (t_bytes.c), so a
 * bytes and a str of the same 1-byte-kind data hash alike, as _Py_HashBytes makes them in CPython. */
int64_t rh__hash_bytes(const void *data, size_t nbytes) {
    const unsigned char *p = (const unsigned char *)data;
    uint64_t h = 0;
    if (nbytes) {
        h = 0xcbf29ce484222325ull ^ nbytes;
        for (size_t i = 0; i < nbytes; i++) {
            h ^= p[i];
            h *= 0x100000001b3ull;
        }
        h ^= h >> 33; /* final avalanche (MurmurHash3 fmix64) */
        h *= 0xff51afd7ed558ccdull;
        h ^= h >> 33;
        h *= 0xc4ceb9fe1a85ec53ull;
        h ^= h >> 33;
    }
    int64_t r = (int64_t)h;
    return r == -1 ? -2 : r;
}

int64_t rh__str_hash(rh_object *o) {
    rh_strobj *s = S(o);
    if (s->hash != -1) return s->hash;
    if (s->state.hash27) return s->hash = str_hash27(o);
    return s->hash = rh__hash_bytes(sdata(o), slen(o) * (size_t)skind(o));
}

/* ---------------------------------------------------------------- operations */

/* s[start:start+n] (n >= 2 or a singleton), narrowed to the smallest kind that holds it. */
static rh_object *substring(rh_runtime *rt, rh_object *s, size_t start, size_t n) {
    int kind = skind(s);
    return from_kind_data(rt, kind, sdata(s) + start * (size_t)kind, n);
}

static void copy_into(rh_object *dst, size_t at, rh_object *src) {
    size_t n = slen(src);
    int dk = skind(dst), sk = skind(src);
    if (dk == sk) memcpy(sdata(dst) + at * (size_t)dk, sdata(src), n * (size_t)dk);
    else for (size_t i = 0; i < n; i++) write_ch(sdata(dst), dk, at + i, read_ch(sdata(src), sk, i));
}

rh_object *rh_str_concat(rh_runtime *rt, rh_object *a, rh_object *b) {
    if (!is_str(a) || !is_str(b)) {
        rh_err_set(rt, RH_EXC_TYPE, "can only concatenate str (not \"%s\") to str",
                   rh_type_name(is_str(a) ? b : a));
        return NULL;
    }
    if (slen(a) == 0) return result_unchanged(rt, b); /* PyUnicode_Concat: PyUnicode_FromObject */
    if (slen(b) == 0) return result_unchanged(rt, a);
    if (slen(a) > RH_SSIZE_MAX - slen(b)) {
        rh_err_set(rt, RH_EXC_OVERFLOW, "strings are too large to concat");
        return NULL;
    }
    uint32_t maxc = kind_max(a) > kind_max(b) ? kind_max(a) : kind_max(b);
    rh_object *r = str_alloc_raw(rt, slen(a) + slen(b), maxc);
    if (!r) return NULL;
    copy_into(r, 0, a);
    copy_into(r, slen(a), b);
    return r;
}

rh_object *rh_str_repeat(rh_runtime *rt, rh_object *a, int64_t n) {
    size_t len = slen(a);
    if (n <= 0 || len == 0) return empty(rt);
    if (n == 1) return result_unchanged(rt, a);
    if (len > RH_SSIZE_MAX / (uint64_t)n) {
        rh_err_set(rt, RH_EXC_OVERFLOW, "repeated string is too long");
        return NULL;
    }
    rh_object *r = str_alloc_raw(rt, len * (size_t)n, kind_max(a));
    if (!r) return NULL;
    size_t kb = len * (size_t)skind(a);
    if (len == 1 && skind(a) == 1) {
        memset(sdata(r), sdata(a)[0], (size_t)n);
    } else {
        for (int64_t i = 0; i < n; i++) memcpy(sdata(r) + (size_t)i * kb, sdata(a), kb);
    }
    return r;
}

rh_object *rh_str_getitem(rh_runtime *rt, rh_object *s, int64_t i) {
    int64_t len = (int64_t)slen(s);
    if (i < 0) i += len;
    if (i < 0 || i >= len) {
        rh_err_set(rt, RH_EXC_INDEX, "string index out of range");
        return NULL;
    }
    uint32_t ch = read_ch(sdata(s), skind(s), (size_t)i);
    if (ch < 256) return latin1(rt, ch);
    rh_object *r = str_alloc_raw(rt, 1, ch);
    if (r) write_ch(sdata(r), skind(r), 0, ch);
    return r;
}

rh_object *rh_str_slice(rh_runtime *rt, rh_object *s, int64_t start, int64_t stop, int64_t step) {
    int64_t n = 0;
    if (step > 0 && start < stop) n = (stop - start - 1) / step + 1;
    else if (step < 0 && stop < start) n = (start - stop - 1) / -step + 1;
    if (n <= 0) return empty(rt);
    if (start == 0 && step == 1 && (size_t)n == slen(s)) return result_unchanged(rt, s);
    if (n == 1) return rh_str_getitem(rt, s, start);
    if (step == 1) return substring(rt, s, (size_t)start, (size_t)n);
    uint32_t maxc = 0;
    for (int64_t i = 0, j = start; i < n; i++, j += step) {
        uint32_t c = read_ch(sdata(s), skind(s), (size_t)j);
        if (c > maxc) maxc = c;
    }
    rh_object *r = str_alloc_raw(rt, (size_t)n, maxc);
    if (!r) return NULL;
    for (int64_t i = 0, j = start; i < n; i++, j += step)
        write_ch(sdata(r), skind(r), (size_t)i, read_ch(sdata(s), skind(s), (size_t)j));
    return r;
}

static int is_space(uint32_t c) {
    if (c < 0x80) return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20);
    return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 ||
           c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

void rh__text_strip(const char **s, size_t *n) {
    const unsigned char *u = (const unsigned char *)*s;
    size_t a = 0, b = *n;
    uint32_t cp;
    const char *why;
    while (a < b) {
        size_t k = utf8_next(u + a, b - a, &cp, &why);
        if (!k || !is_space(cp)) break;
        a += k;
    }
    while (b > a) {
        size_t start = b - 1;
        while (start > a && (u[start] & 0xC0) == 0x80) start--;
        size_t k = utf8_next(u + start, b - start, &cp, &why);
        if (k != b - start || !is_space(cp)) break;
        b = start;
    }
    *s += a;
    *n = b - a;
}

/* The list str.split starts from (Objects/stringlib/split.h): PREALLOC_SIZE(maxcount) slots, at most
 * MAX_PREALLOC (12), where an unlimited maxcount counts as the most splits the text can hold from 3.12
 * (unicodeobject.c split: (len - 1) / 2 + 1 for whitespace, len / len(sep) + 1 for a separator) and as
 * PY_SSIZE_T_MAX before. */
static rh_object *split_list(rh_runtime *rt, int64_t maxcount, size_t len1, size_t len2) {
    if (maxcount < 0 && rt->profile->str_split_prealloc_by_length)
        maxcount = len2 ? (int64_t)(len1 / len2) + 1 : ((int64_t)len1 - 1) / 2 + 1;
    return rh__list_new_prealloc(rt, maxcount < 0 || maxcount >= 12 ? 12 : (size_t)maxcount + 1);
}

/* SPLIT_ADD: s[start:end] appended to l; `unsplit` (nothing was split off: all of s) appends s itself, as
 * split and split_whitespace do. -1 on MemoryError. */
static int split_add(rh_runtime *rt, rh_object *l, rh_object *s, size_t start, size_t end, int unsplit) {
    rh_object *part = unsplit ? result_unchanged(rt, s) : substring(rt, s, start, end - start);
    if (!part) return -1;
    int rc = rh__list_add_prealloc(rt, l, part);
    rh_decref(rt, part);
    return rc;
}

/* Index of the first occurrence of sep in s at or after i, or len(s). */
static size_t find_from(rh_object *s, rh_object *sep, size_t i) {
    size_t n = slen(s), m = slen(sep);
    const char *d = sdata(s), *e = sdata(sep);
    int k = skind(s), ke = skind(sep);
    for (; i + m <= n; i++) {
        size_t j = 0;
        while (j < m && read_ch(d, k, i + j) == read_ch(e, ke, j)) j++;
        if (j == m) return i;
    }
    return n;
}

/* split_whitespace (Objects/stringlib/split.h) */
static int split_ws_into(rh_runtime *rt, rh_object *l, rh_object *s, int64_t maxcount) {
    size_t len = slen(s), i = 0, j;
    const char *d = sdata(s);
    int kind = skind(s);
    while (maxcount-- > 0) {
        while (i < len && is_space(read_ch(d, kind, i))) i++;
        if (i == len) break;
        j = i++;
        while (i < len && !is_space(read_ch(d, kind, i))) i++;
        if (split_add(rt, l, s, j, i, j == 0 && i == len) < 0) return -1;
    }
    while (i < len && is_space(read_ch(d, kind, i))) i++; /* maxcount reached: the rest is one item */
    return i < len ? split_add(rt, l, s, i, len, 0) : 0;
}

rh_object *rh_str_split(rh_runtime *rt, rh_object *s, rh_object *sep, int64_t maxsplit) {
    size_t len1 = slen(s), len2 = sep ? slen(sep) : 0;
    if (sep && len2 == 0) {
        rh_err_set(rt, RH_EXC_VALUE, "empty separator");
        return NULL;
    }
    if (sep && rt->profile->str_split_short_single && (skind(s) < skind(sep) || len1 < len2)) {
        rh_object *l = rh_list_new(rt, 1); /* unicodeobject.c split: no room for a separator */
        rh_object *whole = l ? result_unchanged(rt, s) : NULL; /* STRINGLIB_CHECK_EXACT, else a copy */
        if (l && !whole) {
            rh_decref(rt, l);
            return NULL;
        }
        if (l) rh_list_set_init(l, 0, whole);
        return l;
    }
    rh_object *l = split_list(rt, maxsplit, len1, len2);
    if (!l) return NULL;
    int64_t maxcount = maxsplit < 0 ? INT64_MAX : maxsplit;
    int rc = 0;
    if (!sep) {
        rc = split_ws_into(rt, l, s, maxcount);
    } else {
        size_t j = 0, at;
        while (rc == 0 && maxcount-- > 0 && (at = find_from(s, sep, j)) < len1) {
            rc = split_add(rt, l, s, j, at, 0);
            j = at + len2;
        }
        if (rc == 0) rc = split_add(rt, l, s, j, len1, j == 0);
    }
    if (rc < 0) {
        rh_decref(rt, l);
        return NULL;
    }
    return l;
}

rh_object *rh_str_split_ws(rh_runtime *rt, rh_object *s) { return rh_str_split(rt, s, NULL, -1); }

/* Index of the last occurrence of sep in s ending at or before `end`, or SIZE_MAX. */
static size_t rfind_before(rh_object *s, rh_object *sep, size_t end) {
    size_t m = slen(sep);
    const char *d = sdata(s), *e = sdata(sep);
    int k = skind(s), ke = skind(sep);
    for (size_t i = end; i >= m; i--) {
        size_t j = 0;
        while (j < m && read_ch(d, k, i - m + j) == read_ch(e, ke, j)) j++;
        if (j == m) return i - m;
    }
    return SIZE_MAX;
}

/* rsplit_whitespace (Objects/stringlib/split.h): pieces from the right, the list reversed at the end */
static int rsplit_ws_into(rh_runtime *rt, rh_object *l, rh_object *s, int64_t maxcount) {
    size_t i = slen(s), j;
    const char *d = sdata(s);
    int kind = skind(s);
    while (maxcount-- > 0) {
        while (i > 0 && is_space(read_ch(d, kind, i - 1))) i--;
        if (i == 0) break;
        j = i--;
        while (i > 0 && !is_space(read_ch(d, kind, i - 1))) i--;
        if (split_add(rt, l, s, i, j, i == 0 && j == slen(s)) < 0) return -1;
    }
    while (i > 0 && is_space(read_ch(d, kind, i - 1))) i--; /* maxcount reached: the rest is one item */
    return i > 0 ? split_add(rt, l, s, 0, i, 0) : 0;
}

rh_object *rh_str_rsplit(rh_runtime *rt, rh_object *s, rh_object *sep, int64_t maxsplit) {
    size_t len1 = slen(s), len2 = sep ? slen(sep) : 0;
    if (sep && len2 == 0) {
        rh_err_set(rt, RH_EXC_VALUE, "empty separator");
        return NULL;
    }
    if (sep && rt->profile->str_split_short_single && (skind(s) < skind(sep) || len1 < len2)) {
        rh_object *l = rh_list_new(rt, 1); /* unicodeobject.c rsplit: no room for a separator */
        rh_object *whole = l ? result_unchanged(rt, s) : NULL; /* STRINGLIB_CHECK_EXACT, else a copy */
        if (l && !whole) {
            rh_decref(rt, l);
            return NULL;
        }
        if (l) rh_list_set_init(l, 0, whole);
        return l;
    }
    rh_object *l = split_list(rt, maxsplit, len1, len2);
    if (!l) return NULL;
    int64_t maxcount = maxsplit < 0 ? INT64_MAX : maxsplit;
    int rc = 0;
    if (!sep) {
        rc = rsplit_ws_into(rt, l, s, maxcount);
    } else {
        size_t j = len1, at;
        while (rc == 0 && maxcount-- > 0 && (at = rfind_before(s, sep, j)) != SIZE_MAX) {
            rc = split_add(rt, l, s, at + len2, j, 0);
            j = at;
        }
        if (rc == 0) rc = split_add(rt, l, s, 0, j, j == len1);
    }
    if (rc == 0) rc = rh_list_reverse(rt, l);
    if (rc < 0) {
        rh_decref(rt, l);
        return NULL;
    }
    return l;
}

rh_object *rh_str_join_array(rh_runtime *rt, rh_object *sep, rh_object *const *items, size_t n) {
    if (n == 0) return empty(rt);
    size_t total = 0;
    uint32_t maxc = n > 1 ? kind_max(sep) : 0;
    for (size_t i = 0; i < n; i++) {
        rh_object *it = items[i];
        if (!is_str(it)) {
            rh_err_set(rt, RH_EXC_TYPE, "sequence item %zu: expected str instance, %s found", i, rh_type_name(it));
            return NULL;
        }
        if (n == 1) return result_unchanged(rt, it); /* _PyUnicode_JoinArray: an exact item itself, else a copy */
        size_t add = slen(it) + (i ? slen(sep) : 0);
        if (total > RH_SSIZE_MAX - add) {
            rh_err_set(rt, RH_EXC_OVERFLOW, "join() result is too long for a Python string");
            return NULL;
        }
        total += add;
        if (kind_max(it) > maxc) maxc = kind_max(it);
    }
    if (total == 0) return empty(rt);
    if (total == 1) /* one 1-character item among empty ones: that item is a singleton already */
        for (size_t i = 0; i < n; i++)
            if (slen(items[i])) return from_kind_data(rt, skind(items[i]), sdata(items[i]), 1);
    rh_object *r = str_alloc_raw(rt, total, maxc);
    if (!r) return NULL;
    size_t at = 0;
    for (size_t i = 0; i < n; i++) {
        if (i) {
            copy_into(r, at, sep);
            at += slen(sep);
        }
        copy_into(r, at, items[i]);
        at += slen(items[i]);
    }
    return r;
}

rh_object *rh_str_join(rh_runtime *rt, rh_object *sep, rh_object *seq) {
    rh_kind k = seq->type->kind;
    if (k != RH_K_LIST && k != RH_K_TUPLE) {
        rh_err_set(rt, RH_EXC_TYPE, "can only join an iterable");
        return NULL;
    }
    if (k == RH_K_LIST) return rh_str_join_array(rt, sep, ((rh_list *)(void *)seq)->item, rh_list_len(seq));
    return rh_str_join_array(rt, sep, ((rh_tuple *)(void *)seq)->item, rh_tuple_len(seq));
}

/* ---------------------------------------------------------------- interning */

static size_t home_slot(rh_runtime *rt, rh_object *s) {
    return (size_t)rh__str_hash(s) & (rt->interned_cap - 1);
}

/* The slot holding a string equal to s, or the empty slot where it would go. */
static size_t intern_lookup(rh_runtime *rt, rh_object *s) {
    size_t mask = rt->interned_cap - 1, i = home_slot(rt, s);
    while (rt->interned[i] && !rh_str_eq(rt->interned[i], s)) i = (i + 1) & mask;
    return i;
}

static int intern_grow(rh_runtime *rt) {
    size_t old_cap = rt->interned_cap, cap = old_cap ? old_cap * 2 : 64;
    rh_object **old = rt->interned, **t = calloc(cap, sizeof *t);
    if (!t) {
        rh_err_nomemory(rt);
        return -1;
    }
    rt->interned = t;
    rt->interned_cap = cap;
    for (size_t i = 0; i < old_cap; i++)
        if (old[i]) t[intern_lookup(rt, old[i])] = old[i];
    free(old);
    return 0;
}

int rh_str_intern_in_place(rh_runtime *rt, rh_object **p) {
    rh_object *s = *p;
    if (!is_str(s)) {
        rh_err_set(rt, RH_EXC_TYPE, "intern() argument must be str, not %s", s ? rh_type_name(s) : "NULL");
        return -1;
    }
    if (S(s)->state.interned) return 0;
    if (!CS(s)->state.compact) return 0; /* PyUnicode_InternInPlace: a subclass's instance is left alone */
    if ((rt->interned_n + 1) * 3 >= rt->interned_cap * 2 && intern_grow(rt) != 0) return -1;
    size_t i = intern_lookup(rt, s);
    if (rt->interned[i]) { /* an equal string is interned already: use it */
        rh_object *t = rt->interned[i];
        rh_incref(t);
        rh_decref(rt, s);
        *p = t;
        return 0;
    }
    rt->interned[i] = s;
    rt->interned_n++;
    if (rt->profile->interned_immortal) {
        S(s)->state.interned = RH_SSTATE_INTERNED_IMMORTAL;
        if (!rh_is_static(rt, s)) s->refcnt = RH_REFCNT_IMMORTAL;
    } else {
        S(s)->state.interned = RH_SSTATE_INTERNED_MORTAL;
    }
    return 0;
}

rh_object *rh_str_intern_utf8(rh_runtime *rt, const char *s, size_t n) {
    rh_object *o = rh_str_from_utf8(rt, s, n);
    if (o && rh_str_intern_in_place(rt, &o) != 0) {
        rh_decref(rt, o);
        return NULL;
    }
    return o;
}

int rh_str_is_interned(rh_runtime *rt, rh_object *o) {
    (void)rt;
    return is_str(o) && S(o)->state.interned != RH_SSTATE_NOT_INTERNED;
}

int rh_str_is_name_like(rh_object *o) {
    if (!is_str(o) || !S(o)->state.ascii) return 0;
    const char *d = sdata(o);
    for (size_t i = 0, n = slen(o); i < n; i++) {
        char c = d[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return 0;
    }
    return 1; /* all_name_chars: the empty string qualifies too */
}

void rh__str_forget_interned(rh_runtime *rt, rh_object *s) {
    size_t mask = rt->interned_cap - 1, i = home_slot(rt, s);
    while (rt->interned[i] != s) {
        rh_assert(rt->interned[i]);
        i = (i + 1) & mask;
    }
    /* backward-shift deletion keeps every entry reachable from its home slot without tombstones */
    for (size_t j = (i + 1) & mask; rt->interned[j]; j = (j + 1) & mask) {
        size_t h = home_slot(rt, rt->interned[j]);
        int movable = i <= j ? (h <= i || h > j) : (h <= i && h > j);
        if (movable) {
            rt->interned[i] = rt->interned[j];
            i = j;
        }
    }
    rt->interned[i] = NULL;
    rt->interned_n--;
    S(s)->state.interned = RH_SSTATE_NOT_INTERNED;
    rh__types_modified(rt); /* the type cache keys names by address: a new name may take this one's */
}

void rh__interned_fini(rh_runtime *rt) {
    for (size_t i = 0; i < rt->interned_cap; i++) {
        rh_object *s = rt->interned[i];
        if (!s) continue;
        int immortal = S(s)->state.interned == RH_SSTATE_INTERNED_IMMORTAL;
        S(s)->state.interned = RH_SSTATE_NOT_INTERNED;
        if (immortal && !rh_is_static(rt, s)) { /* immortal interned strings die with the runtime */
            s->refcnt = 0;
            s->type->dealloc(rt, s);
        }
    }
    free(rt->interned);
    rt->interned = NULL;
    rt->interned_cap = rt->interned_n = 0;
}

/* ---------------------------------------------------------------- string builder */

void rh__sb_init(rh__sb *b, rh_runtime *rt) {
    b->rt = rt;
    b->buf = b->inl;
    b->len = 0;
    b->cap = sizeof b->inl;
    b->heap = 0;
    b->failed = 0;
}

static int sb_reserve(rh__sb *b, size_t extra) {
    if (b->failed) return -1;
    if (b->len + extra <= b->cap) return 0;
    size_t cap = b->cap * 2;
    while (cap < b->len + extra) cap *= 2;
    char *nb;
    if (b->heap) {
        nb = rh_mem_realloc(b->rt, b->buf, b->cap, cap);
    } else if ((nb = rh_mem_malloc(b->rt, cap))) {
        memcpy(nb, b->buf, b->len);
    }
    if (!nb) {
        b->failed = 1;
        return -1;
    }
    b->buf = nb;
    b->cap = cap;
    b->heap = 1;
    return 0;
}

int rh__sb_putn(rh__sb *b, const char *s, size_t n) {
    if (sb_reserve(b, n)) return -1;
    memcpy(b->buf + b->len, s, n);
    b->len += n;
    return 0;
}
char *rh__sb_grow(rh__sb *b, size_t n) {
    if (sb_reserve(b, n)) return NULL;
    b->len += n;
    return b->buf + b->len - n;
}

int rh__sb_puts(rh__sb *b, const char *s) { return rh__sb_putn(b, s, strlen(s)); }
int rh__sb_putc(rh__sb *b, char c) { return rh__sb_putn(b, &c, 1); }

static int sb_putcp(rh__sb *b, uint32_t cp) {
    if (sb_reserve(b, 4)) return -1;
    b->len += utf8_put(b->buf + b->len, cp);
    return 0;
}

static int sb_pad(rh__sb *b, char c, size_t n) {
    if (sb_reserve(b, n)) return -1;
    memset(b->buf + b->len, c, n);
    b->len += n;
    return 0;
}

int rh__sb_printf(rh__sb *b, const char *fmt, ...) {
    char tmp[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0) return -1;
    if ((size_t)n < sizeof tmp) return rh__sb_putn(b, tmp, (size_t)n);
    if (sb_reserve(b, (size_t)n + 1)) return -1;
    va_start(ap, fmt);
    vsnprintf(b->buf + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return 0;
}

int rh__sb_put_str(rh__sb *b, rh_object *s) {
    if (S(s)->state.ascii) return rh__sb_putn(b, sdata(s), slen(s));
    size_t n = utf8_length(s);
    if (sb_reserve(b, n + 1)) return -1;
    utf8_encode(s, b->buf + b->len);
    b->len += n;
    return 0;
}

rh_object *rh__sb_finish(rh__sb *b) {
    rh_object *r = b->failed ? NULL : rh_str_from_utf8(b->rt, b->buf, b->len);
    rh__sb_free(b);
    return r;
}

rh_object *rh__sb_finish_fresh(rh__sb *b) {
    rh_object *r = NULL;
    if (!b->failed && b->len > 0) {
        r = str_alloc_raw(b->rt, b->len, 0x7F);
        if (r) memcpy(sdata(r), b->buf, b->len);
    } else if (!b->failed) {
        r = empty(b->rt);
    }
    rh__sb_free(b);
    return r;
}

void rh__sb_free(rh__sb *b) {
    if (b->heap) rh_mem_free(b->rt, b->buf, b->cap);
    b->buf = b->inl;
    b->heap = 0;
    b->len = 0;
    b->cap = sizeof b->inl;
}

/* ---------------------------------------------------------------- repr */

/* Py_UNICODE_ISPRINTABLE for code points >= 128, approximated without the Unicode database: everything
 * is printable except C1 controls and NBSP (U+0080-U+00A0), the soft hyphen, the other space separators,
 * line/paragraph separators, the format characters (Cf) of Unicode 14, surrogates, private use areas,
 * noncharacters, and the unassigned planes 3 (beyond CJK extension G) to 13. Unassigned code points
 * inside assigned blocks are treated as printable (CPython escapes them): a documented approximation. */
static int printable(uint32_t c) {
    static const uint32_t ranges[][2] = {
        {0x0080, 0x00A0},   {0x00AD, 0x00AD},   {0x0600, 0x0605},   {0x061C, 0x061C},
        {0x06DD, 0x06DD},   {0x070F, 0x070F},   {0x0890, 0x0891},   {0x08E2, 0x08E2},
        {0x1680, 0x1680},   {0x180E, 0x180E},   {0x2000, 0x200F},   {0x2028, 0x202F},
        {0x205F, 0x206F},   {0x3000, 0x3000},   {0xD800, 0xF8FF},   {0xFDD0, 0xFDEF},
        {0xFEFF, 0xFEFF},   {0xFFF0, 0xFFFB},   {0x110BD, 0x110BD}, {0x110CD, 0x110CD},
        {0x13430, 0x13438}, {0x1BCA0, 0x1BCA3}, {0x1D173, 0x1D17A}, {0x3134B, 0xDFFFF},
        {0xE0000, 0xE00FF}, {0xE01F0, 0x10FFFF},
    };
    if ((c & 0xFFFE) == 0xFFFE) return 0; /* U+xFFFE / U+xFFFF noncharacters in every plane */
    for (size_t i = 0; i < sizeof ranges / sizeof ranges[0]; i++)
        if (c >= ranges[i][0] && c <= ranges[i][1]) return 0;
    return 1;
}

int rh__sb_put_escape(rh__sb *b, uint32_t ch) {
    if (ch <= 0xFF) return rh__sb_printf(b, "\\x%02x", ch);
    if (ch <= 0xFFFF) return rh__sb_printf(b, "\\u%04x", ch);
    return rh__sb_printf(b, "\\U%08x", ch);
}

/* unicode_repr: single quotes unless the string holds ' and no "; escapes \\ \t \n \r and the quote,
 * \xNN for other ASCII controls, the non-printable rest as \x, \u or \U (ascii_only: every non-ASCII). */
int rh__sb_put_str_repr(rh__sb *b, rh_object *s, int ascii_only) {
    size_t len = slen(s);
    const char *d = sdata(s);
    int kind = skind(s), sq = 0, dq = 0;
    for (size_t i = 0; i < len; i++) {
        uint32_t c = read_ch(d, kind, i);
        sq |= c == '\'';
        dq |= c == '"';
    }
    char quote = (sq && !dq) ? '"' : '\'';
    int rc = rh__sb_putc(b, quote);
    for (size_t i = 0; i < len && rc == 0; i++) {
        uint32_t c = read_ch(d, kind, i);
        if (c == (uint32_t)quote || c == '\\') {
            char esc[2] = {'\\', (char)c};
            rc = rh__sb_putn(b, esc, 2);
        } else if (c == '\t') rc = rh__sb_puts(b, "\\t");
        else if (c == '\n') rc = rh__sb_puts(b, "\\n");
        else if (c == '\r') rc = rh__sb_puts(b, "\\r");
        else if (c < 0x20 || c == 0x7F) rc = rh__sb_put_escape(b, c);
        else if (c < 0x7F) rc = rh__sb_putc(b, (char)c);
        else if (ascii_only || !printable(c)) rc = rh__sb_put_escape(b, c);
        else rc = sb_putcp(b, c);
    }
    return rc ? rc : rh__sb_putc(b, quote);
}

/* ---------------------------------------------------------------- fmt % args (PyUnicode_Format) */

enum { F_LJUST = 1, F_SIGN = 2, F_BLANK = 4, F_ALT = 8, F_ZERO = 16 };

typedef struct fmt_ctx {
    rh_runtime *rt;
    rh__sb out;
    rh_object *fmt;
    size_t pos;           /* next character of fmt */
    rh_object *args;      /* a tuple (arglen >= 0) or one object (arglen == -1) */
    int64_t arglen, argidx;
    rh_object *dict;      /* the mapping for %(key)s, or NULL */
    rh_object *keyval;    /* owned: the value of the last %(key) lookup (then args == keyval) */
} fmt_ctx;

typedef struct fmt_spec {
    int flags;
    int64_t width, prec; /* prec -1: none */
    uint32_t ch;
} fmt_spec;

static uint32_t fmt_peek(fmt_ctx *c) { return c->pos < slen(c->fmt) ? rh_str_char_at(c->fmt, c->pos) : 0; }
static int fmt_at_end(fmt_ctx *c) { return c->pos >= slen(c->fmt); }

static rh_object *fmt_next_arg(fmt_ctx *c) {
    if (c->argidx < c->arglen) {
        int64_t i = c->argidx++;
        return c->arglen < 0 ? c->args : rh_tuple_get(c->args, (size_t)i);
    }
    rh_err_set(c->rt, RH_EXC_TYPE, "not enough arguments for format string");
    return NULL;
}

static int is_intlike(rh_object *o) { return o->type->kind == RH_K_INT || o->type->kind == RH_K_BOOL; }

/* %(key): look key up in the mapping; the value becomes the only argument of this conversion. */
static int fmt_mapping_key(fmt_ctx *c) {
    size_t start = ++c->pos;
    int depth = 1;
    while (depth > 0 && !fmt_at_end(c)) {
        uint32_t ch = rh_str_char_at(c->fmt, c->pos++);
        depth += ch == '(' ? 1 : ch == ')' ? -1 : 0;
    }
    if (depth > 0) {
        rh_err_set(c->rt, RH_EXC_VALUE, "incomplete format key");
        return -1;
    }
    if (!c->dict) {
        rh_err_set(c->rt, RH_EXC_TYPE, "format requires a mapping");
        return -1;
    }
    if (c->dict->type->kind != RH_K_DICT) {
        rh_err_set(c->rt, RH_EXC_TYPE, "%s indices must be integers or slices, not str", rh_type_name(c->dict));
        return -1;
    }
    rh_object *key = substring(c->rt, c->fmt, start, c->pos - 1 - start);
    if (!key) return -1;
    rh_object *v = rh_dict_get(c->rt, c->dict, key);
    if (!v && !rh_err_occurred(c->rt)) {
        rh_err_set_key(c->rt, key);
    }
    rh_decref(c->rt, key);
    if (!v) return -1;
    rh_incref(v);
    rh_xdecref(c->rt, c->keyval);
    c->keyval = c->args = v;
    c->arglen = -1;
    c->argidx = -2;
    return 0;
}

/* A width or precision: '*' takes an int argument, else decimal digits. */
static int fmt_number(fmt_ctx *c, int64_t *out, const char *what) {
    if (fmt_peek(c) == '*') {
        c->pos++;
        rh_object *v = fmt_next_arg(c);
        if (!v) return -1;
        int64_t n;
        if (!is_intlike(v)) {
            rh_err_set(c->rt, RH_EXC_TYPE, "* wants int");
            return -1;
        }
        if (rh_int_as_i64(c->rt, v, &n) != 0 || n > INT32_MAX || n < -INT32_MAX) {
            rh_err_clear(c->rt);
            rh_err_set(c->rt, RH_EXC_VALUE, "%s too big", what);
            return -1;
        }
        *out = n;
        return 1;
    }
    int any = 0;
    int64_t n = 0;
    for (uint32_t ch; (ch = fmt_peek(c)) >= '0' && ch <= '9'; c->pos++, any = 1) {
        n = n * 10 + (ch - '0');
        if (n > INT32_MAX) {
            rh_err_set(c->rt, RH_EXC_VALUE, "%s too big", what);
            return -1;
        }
    }
    *out = n;
    return any;
}

static int fmt_parse_spec(fmt_ctx *c, fmt_spec *sp) {
    sp->flags = 0;
    sp->width = -1;
    sp->prec = -1;
    if (fmt_peek(c) == '(' && !fmt_at_end(c) && fmt_mapping_key(c) != 0) return -1;
    for (;; c->pos++) {
        uint32_t ch = fmt_peek(c);
        int f = ch == '-' ? F_LJUST : ch == '+' ? F_SIGN : ch == ' ' ? F_BLANK : ch == '#' ? F_ALT
              : ch == '0' ? F_ZERO : 0;
        if (!f || fmt_at_end(c)) break;
        sp->flags |= f;
    }
    int r = fmt_number(c, &sp->width, "width");
    if (r < 0) return -1;
    if (r == 0) sp->width = -1;
    else if (sp->width < 0) { /* a negative '*' width left-justifies */
        sp->flags |= F_LJUST;
        sp->width = -sp->width;
    }
    if (fmt_peek(c) == '.' && !fmt_at_end(c)) {
        c->pos++;
        if (fmt_number(c, &sp->prec, "precision") < 0) return -1;
        if (sp->prec < 0) sp->prec = 0;
    }
    if (fmt_at_end(c)) {
        rh_err_set(c->rt, RH_EXC_VALUE, "incomplete format");
        return -1;
    }
    sp->ch = rh_str_char_at(c->fmt, c->pos++);
    return 0;
}

/* Emit sign/prefix + body padded to the width: zeros go between prefix and body with '0' (not '-'). */
static int fmt_emit_padded(fmt_ctx *c, const fmt_spec *sp, const char *prefix, const char *body, size_t blen,
                           size_t body_chars) {
    size_t plen = strlen(prefix), chars = plen + body_chars;
    size_t pad = sp->width > 0 && (size_t)sp->width > chars ? (size_t)sp->width - chars : 0;
    rh__sb *o = &c->out;
    if (sp->flags & F_LJUST) {
        rh__sb_puts(o, prefix);
        rh__sb_putn(o, body, blen);
        return sb_pad(o, ' ', pad);
    }
    if (sp->flags & F_ZERO) {
        rh__sb_puts(o, prefix);
        sb_pad(o, '0', pad);
        return rh__sb_putn(o, body, blen);
    }
    sb_pad(o, ' ', pad);
    rh__sb_puts(o, prefix);
    return rh__sb_putn(o, body, blen);
}

static void sign_prefix(char *prefix, int neg, int flags) {
    prefix[0] = neg ? '-' : (flags & F_SIGN) ? '+' : (flags & F_BLANK) ? ' ' : '\0';
    prefix[1] = '\0';
}

/* %d %i %u %x %X %o: the digits of the int (a float is truncated to one first, PyNumber_Long) */
static int fmt_int(fmt_ctx *c, const fmt_spec *sp, rh_object *v) {
    uint32_t ch = sp->ch;
    int integer_only = ch == 'x' || ch == 'X' || ch == 'o';
    rh_object *x;
    if (is_intlike(v)) {
        x = v;
        rh_incref(x);
    } else if (v->type->kind == RH_K_FLOAT && !integer_only) {
        if (!(x = rh_int_from_double(c->rt, rh_float_value(v)))) return -1;
    } else {
        rh_err_set(c->rt, RH_EXC_TYPE, "%%%c format: %s is required, not %s", (char)ch,
                   integer_only ? "an integer" : "a real number", rh_type_name(v));
        return -1;
    }
    char prefix[4];
    int base = ch == 'o' ? 8 : (ch == 'x' || ch == 'X') ? 16 : 10, neg = rh__int_sign(x) < 0;
    rh__sb digits;
    rh__sb_init(&digits, c->rt);
    int rc = rh__int_format_digits(&digits, x, base, ch == 'X');
    rh_decref(c->rt, x);
    sign_prefix(prefix, neg, sp->flags);
    if ((sp->flags & F_ALT) && base != 10) {
        size_t p = strlen(prefix);
        prefix[p] = '0';
        prefix[p + 1] = ch == 'o' ? 'o' : (char)ch;
        prefix[p + 2] = '\0';
    }
    size_t n = digits.len, zeros = sp->prec > 0 && (size_t)sp->prec > n ? (size_t)sp->prec - n : 0;
    rh__sb body;
    rh__sb_init(&body, c->rt);
    if (rc == 0) {
        char *z = rh__sb_grow(&body, zeros);
        if (z) memset(z, '0', zeros);
        rc = z ? rh__sb_putn(&body, digits.buf, n) : -1;
    }
    if (rc == 0) rc = fmt_emit_padded(c, sp, prefix, body.buf, body.len, body.len);
    rh__sb_free(&digits);
    rh__sb_free(&body);
    return rc;
}

static int fmt_float(fmt_ctx *c, const fmt_spec *sp, rh_object *v) {
    double d;
    if (is_intlike(v)) {
        if (rh_int_as_double(c->rt, v, &d)) return -1;
    } else if (v->type->kind == RH_K_FLOAT) d = rh_float_value(v);
    else {
        rh_err_set(c->rt, RH_EXC_TYPE, "must be real number, not %s", rh_type_name(v));
        return -1;
    }
    int upper = sp->ch == 'E' || sp->ch == 'F' || sp->ch == 'G';
    char prefix[4], body[400];
    size_t n;
    if (isnan(d) || isinf(d)) {
        sign_prefix(prefix, isinf(d) && d < 0, sp->flags);
        n = (size_t)snprintf(body, sizeof body, "%s", isnan(d) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf"));
    } else {
        char f[16];
        int prec = sp->prec < 0 ? 6 : (sp->prec > 120 ? 120 : (int)sp->prec);
        snprintf(f, sizeof f, "%%%s.%d%c", (sp->flags & F_ALT) ? "#" : "", prec, (char)sp->ch);
        sign_prefix(prefix, signbit(d) != 0, sp->flags);
        int k = snprintf(body, sizeof body, f, fabs(d));
        n = k < 0 ? 0 : (size_t)k < sizeof body ? (size_t)k : sizeof body - 1;
    }
    return fmt_emit_padded(c, sp, prefix, body, n, n);
}

/* %s %r %a: the text of str()/repr()/ascii(), cut to the precision, padded with spaces */
static int fmt_text(fmt_ctx *c, const fmt_spec *sp, rh_object *v) {
    rh_object *s = sp->ch == 's' ? rh_str(c->rt, v) : sp->ch == 'r' ? rh_repr(c->rt, v) : rh_ascii(c->rt, v);
    if (!s) return -1;
    size_t chars = slen(s);
    if (sp->prec >= 0 && (size_t)sp->prec < chars) chars = (size_t)sp->prec;
    rh__sb tmp;
    rh__sb_init(&tmp, c->rt);
    rh_object *cut = chars == slen(s) ? (rh_incref(s), s) : substring(c->rt, s, 0, chars);
    rh_decref(c->rt, s);
    if (!cut) return -1;
    int rc = rh__sb_put_str(&tmp, cut);
    rh_decref(c->rt, cut);
    fmt_spec plain = *sp;
    plain.flags &= F_LJUST;
    if (rc == 0) rc = fmt_emit_padded(c, &plain, "", tmp.buf, tmp.len, chars);
    rh__sb_free(&tmp);
    return rc;
}

static int fmt_char(fmt_ctx *c, const fmt_spec *sp, rh_object *v) {
    uint32_t ch;
    if (is_intlike(v)) {
        int64_t x;
        if (!rh__int_i64(v, &x) || x < 0 || x > 0x10FFFF) {
            rh_err_set(c->rt, RH_EXC_OVERFLOW, "%%c arg not in range(0x110000)");
            return -1;
        }
        ch = (uint32_t)x;
    } else if (is_str(v) && slen(v) == 1) {
        ch = rh_str_char_at(v, 0);
    } else {
        rh_err_set(c->rt, RH_EXC_TYPE, "%%c requires int or char");
        return -1;
    }
    char body[4];
    size_t n = utf8_put(body, ch);
    fmt_spec plain = *sp;
    plain.flags &= F_LJUST;
    return fmt_emit_padded(c, &plain, "", body, n, 1);
}

static int fmt_one(fmt_ctx *c) {
    size_t start = c->pos - 1; /* the '%' */
    fmt_spec sp;
    if (fmt_parse_spec(c, &sp) != 0) return -1;
    if (sp.ch == '%' && c->pos == start + 2) return rh__sb_putc(&c->out, '%'); /* "%%" */
    rh_object *v = fmt_next_arg(c);
    if (!v) return -1;
    switch (sp.ch) {
    case 's': case 'r': case 'a': return fmt_text(c, &sp, v);
    case 'd': case 'i': case 'u': case 'x': case 'X': case 'o': return fmt_int(c, &sp, v);
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': return fmt_float(c, &sp, v);
    case 'c': return fmt_char(c, &sp, v);
    default:
        rh_err_set(c->rt, RH_EXC_VALUE, "unsupported format character '%c' (0x%x) at index %zu",
                   sp.ch >= 32 && sp.ch <= 126 ? (char)sp.ch : '?', sp.ch, c->pos - 1);
        return -1;
    }
}

/* No '%' in the str: formatting copies it whole */
static int is_plain_text(rh_object *fmt) {
    for (size_t i = 0, n = slen(fmt); i < n; i++)
        if (rh_str_char_at(fmt, i) == '%') return 0;
    return 1;
}

rh_object *rh_str_format_percent(rh_runtime *rt, rh_object *fmt, rh_object *args) {
    fmt_ctx c = {.rt = rt, .fmt = fmt, .args = args, .arglen = -1, .argidx = -2};
    rh_kind ak = args->type->kind;
    if (ak == RH_K_TUPLE) {
        c.arglen = (int64_t)rh_tuple_len(args);
        c.argidx = 0;
    }
    if (ak == RH_K_DICT || ak == RH_K_LIST || ak == RH_K_RANGE) c.dict = args; /* PyMapping_Check */
    rh__sb_init(&c.out, rt);
    int rc = 0;
    size_t len = slen(fmt);
    while (rc == 0 && c.pos < len) {
        size_t lit = c.pos;
        while (c.pos < len && rh_str_char_at(fmt, c.pos) != '%') c.pos++;
        if (c.pos > lit) { /* literal text */
            if (S(fmt)->state.ascii) rc = rh__sb_putn(&c.out, sdata(fmt) + lit, c.pos - lit);
            else for (size_t i = lit; i < c.pos && rc == 0; i++) rc = sb_putcp(&c.out, rh_str_char_at(fmt, i));
        }
        if (rc == 0 && c.pos < len) {
            c.pos++;
            rc = fmt_one(&c);
        }
    }
    if (rc == 0 && c.argidx < c.arglen && !c.dict) {
        rh_err_set(rt, RH_EXC_TYPE, "not all arguments converted during string formatting");
        rc = -1;
    }
    rh_xdecref(rt, c.keyval);
    if (rc != 0 || c.out.failed) {
        if (c.out.failed && !rh_err_occurred(rt)) rh_err_nomemory(rt);
        rh__sb_free(&c.out);
        return NULL;
    }
    if (len > 0 && is_plain_text(fmt)) {
        rh__sb_free(&c.out); /* the one literal chunk is the whole format: _PyUnicodeWriter_WriteStr keeps */
        rh_incref(fmt);      /* the str itself (readonly buffer), a subclass's instance too */
        return fmt;
    }
    return rh__sb_finish(&c.out);
}

/* ---------------------------------------------------------------- slots (Objects/unicodeobject.c) */

static int str_repr_into(rh__sb *b, rh_object *o) { return rh__sb_put_str_repr(b, o, 0); }

/* unicode_str: an exact str is its own str() */
/* unicode_str: unicode_result_unchanged (a subclass's instance gives an exact copy) */
static rh_object *str_str(rh_runtime *rt, rh_object *o) { return result_unchanged(rt, o); }

static int64_t str_hash(rh_runtime *rt, rh_object *o) { return rh__str_hash(o); }

static int str_cmp(rh_object *a, rh_object *b) {
    size_t na = slen(a), nb = slen(b), n = na < nb ? na : nb;
    for (size_t i = 0; i < n; i++) {
        uint32_t x = rh_str_char_at(a, i), y = rh_str_char_at(b, i);
        if (x != y) return x < y ? -1 : 1;
    }
    return na < nb ? -1 : na > nb;
}

/* PyUnicode_RichCompare */
static rh_object *str_richcompare(rh_runtime *rt, rh_object *a, rh_object *b, int op) {
    if (!is_str(a) || !is_str(b)) return rh__notimpl(rt);
    if (op == RH_CMP_EQ || op == RH_CMP_NE) return rh_bool(rt, rh_str_eq(a, b) == (op == RH_CMP_EQ));
    return rh__cmp_result(rt, op, str_cmp(a, b));
}

static intptr_t str_length(rh_runtime *rt, rh_object *o) { return (intptr_t)slen(o); }

/* PyUnicode_Concat */
static rh_object *str_concat(rh_runtime *rt, rh_object *a, rh_object *b) {
    if (!is_str(b)) {
        rh_err_set(rt, RH_EXC_TYPE, "can only concatenate str (not \"%s\") to str", rh_type_name(b));
        return NULL;
    }
    return rh_str_concat(rt, a, b);
}

static rh_object *str_repeat(rh_runtime *rt, rh_object *a, intptr_t n) { return rh_str_repeat(rt, a, n); }

/* unicode_getitem */
static rh_object *str_item(rh_runtime *rt, rh_object *o, intptr_t i) {
    if (i < 0 || (size_t)i >= slen(o)) {
        rh_err_set(rt, RH_EXC_INDEX, "string index out of range");
        return NULL;
    }
    return rh_str_getitem(rt, o, i);
}

/* ---------------------------------------------------------------- searching */

/* s[i, i + len(p)) == p, character by character */
static int match_at(const rh_object *s, size_t i, const rh_object *p) {
    for (size_t j = 0, m = slen(p); j < m; j++)
        if (read_ch(sdata(s), skind(s), i + j) != read_ch(sdata(p), skind(p), j)) return 0;
    return 1;
}

/* rh_str_search by characters (any kinds) */
static int64_t search_by_chars(const rh_object *s, int64_t st, int64_t en, const rh_object *p, int dir) {
    int64_t m = (int64_t)slen(p), r = dir ? -1 : 0;
    if (dir < 0) {
        for (int64_t i = en - m; i >= st; i--)
            if (match_at(s, (size_t)i, p)) return i;
        return r;
    }
    for (int64_t i = st; i + m <= en; i++)
        if (match_at(s, (size_t)i, p)) {
            if (dir) return i;
            r++;
            i += m - 1;
        }
    return r;
}

/* The position of the first (dir > 0) or last (dir < 0) occurrence of p in s[st, en), -1 if none, or
 * (dir 0) the number of non-overlapping occurrences scanning forward: the find family's answer, as
 * Objects/stringlib/fastsearch.h gives it. Needs 1 <= len(p) <= en - st. A pattern of a narrower kind is
 * widened to s's, so that a match is one memcmp of raw characters (memchr/memmem do the scanning); one of
 * a wider kind (CPython never finds it: any_find_slice) is compared character by character. */
int64_t rh_str_search(rh_object *s, int64_t st, int64_t en, rh_object *p, int dir) {
    int sk = skind(s), pk = skind(p);
    const char *sd = sdata(s), *pd = sdata(p);
    size_t m = slen(p);
    if (pk > sk) return search_by_chars(s, st, en, p, dir);
    char buf[256], *wide = NULL;
    if (pk < sk) { /* widen p to sk bytes per character */
        size_t need = m * (size_t)sk;
        if (!(wide = need <= sizeof buf ? buf : malloc(need))) return search_by_chars(s, st, en, p, dir);
        for (size_t j = 0; j < m; j++) {
            uint32_t c = read_ch(pd, pk, j);
            if (sk == 2) { uint16_t v = (uint16_t)c; memcpy(wide + 2 * j, &v, 2); }
            else memcpy(wide + 4 * j, &c, 4);
        }
        pd = wide;
    }
    size_t k = (size_t)sk, mb = m * k;
    const char *lo = sd + (size_t)st * k, *hi = sd + (size_t)en * k;
    int64_t r = dir ? -1 : 0;
    if (dir == 0 && k == 1 && m == 1) { /* countchar */
        unsigned char c = (unsigned char)pd[0];
        for (const char *at = lo; at < hi; at++) r += (unsigned char)*at == c;
    } else if (dir >= 0) {
        for (const char *at = lo; (size_t)(hi - at) >= mb;) {
            const char *f = k == 1 && m == 1 ? memchr(at, pd[0], (size_t)(hi - at)) : memmem(at, (size_t)(hi - at), pd, mb);
            if (!f) break;
            if ((size_t)(f - sd) % k) { at = f + 1; continue; } /* a match across characters of a wide kind */
            if (dir) { r = (int64_t)((size_t)(f - sd) / k); break; }
            r++;
            at = f + mb;
        }
    } else if (k == 1 && m == 1) {
        const char *f = memrchr(lo, pd[0], (size_t)(hi - lo));
        if (f) r = (int64_t)(f - sd);
    } else {
        for (const char *at = hi - mb; at >= lo; at -= k)
            if (memcmp(at, pd, mb) == 0) { r = (int64_t)((size_t)(at - sd) / k); break; }
    }
    if (wide && wide != buf) free(wide);
    return r;
}

/* PyUnicode_Contains: substring search */
static int str_contains(rh_runtime *rt, rh_object *o, rh_object *v) {
    if (!is_str(v)) {
        rh_err_set(rt, RH_EXC_TYPE, "'in <string>' requires string as left operand, not %s", rh_type_name(v));
        return -1;
    }
    size_t n = slen(o), m = slen(v);
    if (m == 0) return 1;
    return m <= n && rh_str_search(o, 0, (int64_t)n, v, 1) >= 0;
}

/* unicode_subscript for an integer key (slices are the interpreter's) */
static rh_object *str_subscript(rh_runtime *rt, rh_object *o, rh_object *key) {
    int64_t i;
    if (!key->type->as_number.nb_index) {
        rh_err_set(rt, RH_EXC_TYPE, "string indices must be integers, not '%s'", rh_type_name(key));
        return NULL;
    }
    if (rh_index_value(rt, key, &i) != 0) return NULL;
    return str_item(rt, o, i < 0 ? i + (int64_t)slen(o) : i);
}

/* unicode_mod: str % args formats; anything else on the left is not str's business */
static rh_object *str_mod(rh_runtime *rt, rh_object *a, rh_object *b) {
    return is_str(a) ? rh_str_format_percent(rt, a, b) : rh__notimpl(rt);
}

static void str_slots(rh_type *t) {
    t->tp_repr = rh__repr_by_builder;
    t->repr_into = str_repr_into;
    t->tp_str = str_str;
    t->tp_hash = str_hash;
    t->tp_richcompare = str_richcompare;
    t->tp_iter = rh_iter_new;
    t->as_number.nb_remainder = str_mod;
    t->as_sequence = (rh_sequence_methods){.sq_length = str_length, .sq_concat = str_concat,
                                           .sq_repeat = str_repeat, .sq_item = str_item,
                                           .sq_contains = str_contains};
    t->as_mapping = (rh_mapping_methods){.mp_length = str_length, .mp_subscript = str_subscript};
}
