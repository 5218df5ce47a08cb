/* scalars.h — private cross-file helpers of the scalar types (t_int.c, t_float.c, t_str.c,
 * t_none_bool.c) and the generic operations (abstract.c). Not installed.
 *
 * Map: int helpers (t_int.c), float formatting/hashing/arithmetic kernels (t_float.c),
 * str internals and a UTF-8 string builder (t_str.c), pointer hashing and the recursion limit
 * (abstract.c). Everything here is named rh__<type>_* so it cannot clash with other modules.
 */
#ifndef REFHEAP_SCALARS_H
#define REFHEAP_SCALARS_H
#include <stdarg.h>

#include "internal.h"

typedef struct rh__sb rh__sb;

/* ---------------------------------------------------------------- t_int.c
 * Ints are arbitrary precision (longint.h has the digit-level interface); these are the helpers other
 * types need. None of them allocates unless it says so. */
/* 1 and *v when the int's (or bool's) value fits an int64, else 0 (nothing set). */
int rh__int_i64(const rh_object *o, int64_t *v);
/* hash() of an int64 value / of an int or bool object (long_hash: modulo 2**61 - 1 with the sign; -1
 * maps to -2). */
int64_t rh__int_hash(int64_t v);
int64_t rh__int_hash_obj(rh_object *o);
/* repr(int) appended to b (ValueError beyond 4300 digits, as 3.11.7). 0 or -1. */
int rh__int_repr_into(rh__sb *b, rh_object *o);
/* The digits of |o| in base 8, 10 or 16 (upper: A-F), appended to b without sign or prefix. 0 or -1. */
int rh__int_format_digits(rh__sb *b, rh_object *o, int base, int upper);
int rh__int_sign(const rh_object *o); /* -1, 0, 1 */
/* The sign of (o - d) computed exactly (float_richcompare's int branch); d is not NaN. */
int rh__int_cmp_double(rh_object *o, double d);
/* int.__sizeof__ (also bool's): 24 + 4 * max(1, |ob_size|) (3.11) or 24 + 4 * |ob_size| (3.10). */
size_t rh__int_size_of(rh_runtime *rt, rh_object *o);
/* The bytes of an int subclass's instance o (pre-header excluded): PyType_GenericAlloc's
 * _PyObject_VAR_SIZE(type, n + 1) for the n digits long_subtype_new asked for (2.7: the basic size). */
size_t rh__int_subtype_bytes(const rh_object *o);

/* ---------------------------------------------------------------- t_none_bool.c */
/* repr of None, True or False (none_repr, bool_repr): static storage. */
const char *rh__none_bool_repr(rh_object *o);

/* ---------------------------------------------------------------- t_float.c */
#define RH_FLOAT_REPR_MAX 32
/* repr(v): the shortest string that round-trips, in Python's 'r' format. Returns the length. */
size_t rh__float_repr(double v, char buf[RH_FLOAT_REPR_MAX]);
/* hash(float) (_Py_HashDouble): equal to hash(int) for integral values; NaN hashes by identity (o). */
int64_t rh__float_hash(rh_object *o, double v);
/* Python's float //, %, ** with CPython 3.11's errors. Return 0 and *out, or -1 with the error set. */
int rh__float_floordiv(rh_runtime *rt, double a, double b, double *out);
int rh__float_mod(rh_runtime *rt, double a, double b, double *out);
int rh__float_pow(rh_runtime *rt, double a, double b, double *out);

/* ---------------------------------------------------------------- t_str.c */
/* Cached hash of a str. */
int64_t rh__str_hash(rh_object *s);
/* The hash of n bytes as str's (3.x) hash of the same kind-1 data: bytes and str share it (_Py_HashBytes). */
int64_t rh__hash_bytes(const void *p, size_t n);

/* A growable UTF-8 buffer for building a str (repr, % formatting). Memory comes from the runtime's
 * allocator once it outgrows the inline part; after a failure every put returns -1 and finish NULL. */
struct rh__sb {
    rh_runtime *rt;
    char *buf;
    size_t len, cap;
    int heap;     /* buf is allocator memory (else it is inl) */
    int failed;   /* an allocation failed: MemoryError is set */
    char inl[240];
};
void rh__sb_init(rh__sb *b, rh_runtime *rt);
int rh__sb_putn(rh__sb *b, const char *s, size_t n);
int rh__sb_puts(rh__sb *b, const char *s);
int rh__sb_putc(rh__sb *b, char c);
int rh__sb_printf(rh__sb *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int rh__sb_put_str(rh__sb *b, rh_object *s);               /* the characters of a str */
/* Append repr(s) (unicode_repr); ascii_only escapes every non-ASCII character (ascii()). */
int rh__sb_put_str_repr(rh__sb *b, rh_object *s, int ascii_only);
/* Append a code point escaped as \xNN, \uNNNN or \UNNNNNNNN. */
int rh__sb_put_escape(rh__sb *b, uint32_t ch);
rh_object *rh__sb_finish(rh__sb *b);                      /* new reference to the str, or NULL */
/* The same for ASCII-only contents, as a new str even for one character (no Latin-1 singleton): what
 * CPython's functions that write into a PyUnicode_New of the final length return. */
rh_object *rh__sb_finish_fresh(rh__sb *b);
void rh__sb_free(rh__sb *b);
/* Make room for n more bytes and count them as written: the caller fills them. NULL after a failure. */
char *rh__sb_grow(rh__sb *b, size_t n);

/* Strip leading/trailing whitespace of UTF-8 text in place (pointer and length). */
void rh__text_strip(const char **s, size_t *n);

/* ---------------------------------------------------------------- abstract.c */
/* _Py_HashPointer: the address rotated right by 4 bits; -1 maps to -2. */
int64_t rh__hash_pointer(const void *p);
/* Append repr(o) to b: the type's repr_into, or its tp_repr's str. */
int rh__repr_into(rh__sb *b, rh_object *o);
/* t_genericalias.c: an alias's or a union's item in its repr (a class as module.qualname, else its repr) */
int rh__genericalias_repr_item(rh__sb *b, rh_object *p);
/* Py_ReprEnter/Py_ReprLeave around items(b, o): a container already being repr'd appends `again`
 * ("[...]"); each container is a level of the recursion depth (rh_recursion_enter). */
int rh__repr_guarded(rh__sb *b, rh_object *o, const char *again, int (*items)(rh__sb *b, rh_object *o));
/* 2.7's list_repr and dict_repr gather a non-empty container's item reprs in a new list joined at the end,
 * tuplerepr in a new tuple of its length (profile repr_pieces): *pieces is that object (tuple_n 0: the list),
 * for the caller to drop after the items; NULL when the profile has none. 0, or -1 with MemoryError. */
int rh__repr_pieces(rh_runtime *rt, size_t tuple_n, rh_object **pieces);
int rh__repr_empty(rh__sb *b, const char *text); /* "[]" / "()": a recursion level, no Py_ReprEnter */

/* tuplehash's xxHash64-style rounds (3.8+, Objects/tupleobject.c), shared with range_hash. */
#define RH_XXPRIME_1 11400714785074694791ull
#define RH_XXPRIME_2 14029467366897019727ull
#define RH_XXPRIME_5 2870177450012600261ull
static inline uint64_t rh__xx_round(uint64_t acc, int64_t lane) {
    acc += (uint64_t)lane * RH_XXPRIME_2;
    acc = (acc << 31) | (acc >> 33);
    return acc * RH_XXPRIME_1;
}
static inline int64_t rh__xx_finish(uint64_t acc, size_t len) {
    acc += len ^ (RH_XXPRIME_5 ^ 3527539ull);
    return acc == UINT64_MAX ? 1546275796 : (int64_t)acc;
}

#endif
