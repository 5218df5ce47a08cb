/* refheap/types.h — constructors and accessors of the built-in types and of classes/instances.
 *
 * Every constructor returns a new reference or NULL with the runtime error set (MemoryError when the
 * allocator fails). Accessors that return objects say "borrowed" or "new reference". Sizes, growth and
 * freelists follow CPython 3.11 (profile-driven); see docs/design.md §Objects.
 */
#ifndef REFHEAP_TYPES_H
#define REFHEAP_TYPES_H
#include <stddef.h>
#include <stdint.h>

#include "refheap/object.h"
#include "refheap/runtime.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- int (reference/src/t_int.c, long_arith.c): arbitrary precision, 30-bit digits, 4 bytes each, sign in
 * ob_size (PyLongObject). In the py27 profile ints are 2.7's PyIntObject (one C long); a value beyond it
 * raises OverflowError there (refheap models no 2.7 `long`, docs/conformance.md). */
rh_object *rh_int_from_i64(rh_runtime *rt, int64_t v);          /* new reference; small-int cache */
int rh_int_as_i64(rh_runtime *rt, rh_object *o, int64_t *out);  /* 0, or -1 OverflowError beyond int64 */
/* int(text) with optional sign/whitespace/underscores, base 10. New reference; ValueError on bad text
 * or beyond 4300 digits (sys.int_info.default_max_str_digits). */
rh_object *rh_int_from_text(rh_runtime *rt, const char *s, size_t n);
/* int(text, base): base 2..36, or 0 for a literal's prefix (0x, 0o, 0b; a leading 0 only for zero).
 * Power-of-two bases have no digit limit (PyLong_FromString). New reference, or NULL with ValueError. */
rh_object *rh_int_from_text_base(rh_runtime *rt, const char *s, size_t n, int base);
/* int(f) for a float value (PyLong_FromDouble, truncating): new reference, or NULL with ValueError (NaN)
 * or OverflowError (infinity). */
rh_object *rh_int_from_double(rh_runtime *rt, double v);
/* float(o) for an int or bool o (PyLong_AsDouble: correctly rounded, half to even): 0 and *out, or -1 with
 * OverflowError "int too large to convert to float". o borrowed. */
int rh_int_as_double(rh_runtime *rt, rh_object *o, double *out);
/* _PyLong_Frexp: |o| = x * 2**e with 0.5 <= x < 1, x rounded half-even to 53 bits, for any size of o
 * (math.log of an int past a double's range); o != 0 */
double rh_int_frexp(rh_object *o, int64_t *e);
int rh_int_is_small_cached(rh_runtime *rt, rh_object *o);
/* ---- struct sequences (t_structseq.c, Objects/structseq.c): a tuple of kind RH_K_TUPLE whose type is a
 * static subtype of tuple naming its fields (repr "sys.version_info(major=3, ...)", fields as attributes
 * through the type's tp_getattro); 80 bytes for 5 fields (3.x, untracked GC object), 64 in 2.7 (no GC). */
/* os.stat_result has 19 fields of which 10 are in the sequence (getsizeof 120 in 3.11), os.terminal_size 2. */
/* _thread._ExceptHookArgs has 4 (exc_type, exc_value, exc_traceback, thread); time.struct_time 11, 9 in the sequence. */
typedef enum rh_structseq_kind { RH_SS_VERSION_INFO, RH_SS_STAT_RESULT, RH_SS_TERMINAL_SIZE, RH_SS_EXCEPTHOOK_ARGS, RH_SS_STRUCT_TIME, RH_SS_FLOAT_INFO, RH_SS_INT_INFO, RH_SS_LONG_INFO, RH_SS_FLAGS_27, RH_SS_FLAGS_310, RH_SS_FLAGS_311, RH_SS_FLAGS_313, RH_SS__COUNT } rh_structseq_kind;
rh_type *rh_structseq_type(rh_runtime *rt, rh_structseq_kind k);  /* borrowed, lives with the runtime */
/* A new struct sequence of type k holding values (borrowed, as many as the type has fields, hidden ones too). */
rh_object *rh_structseq_new(rh_runtime *rt, rh_structseq_kind k, rh_object *const *values);
/* Field i of struct sequence o, hidden ones included (borrowed; NULL past the last). */
rh_object *rh_structseq_hidden_item(rh_object *o, size_t i);
/* The kind of struct-sequence type t (borrowed), or -1 when t is none of them. */
int rh_structseq_kind_of(const rh_object *t);
/* structseq_new(type, sequence, dict=None) (Objects/structseq.c): a new struct sequence of kind k from the
 * items of seq (any iterable, borrowed), the fields past them taken from dict (borrowed, NULL or None:
 * none) or None, tracked by the collector (as structseq_new_impl); NULL with TypeError ("constructor requires a sequence", "... takes a 4-sequence (3-sequence
 * given)", "... takes a dict as second arg, if any"). */
rh_object *rh_structseq_from_sequence(rh_runtime *rt, rh_structseq_kind k, rh_object *seq, rh_object *dict);
/* int.bit_length() / int.bit_count() of an int or bool o: the bits of |o|, the one bits of |o|. */
int64_t rh_int_bit_length(const rh_object *o);
int64_t rh_int_bit_count(const rh_object *o);
/* The value of an exact int (not a bool) of at most two 30-bit digits (py27: any PyIntObject): 1 and *v,
 * or 0 with nothing set. An interpreter's fast path, as CPython 3.11's BINARY_OP_ADD_INT and
 * COMPARE_OP_INT_JUMP specialisations use only compact ints (Python/ceval.c); it creates nothing. Inline,
 * so it reads PyLongObject's public layout: ob_size is the signed digit count (py27: the value itself),
 * the 30-bit digits follow as uint32_t, least significant first (Include/cpython/longintrepr.h). */
RH_ALWAYS_INLINE int rh_int_small_value(const rh_object *o, int64_t *v) {
    if (o->type->kind != RH_K_INT || (o->type->flags & RH_TPFLAG_HEAPTYPE)) return 0; /* PyLong_CheckExact */
    intptr_t n = ((const rh_varobject *)o)->size;
    if (o->type->flags & RH_TPFLAG_INT_WORD) { *v = n; return 1; }
    const uint32_t *d = (const uint32_t *)(const void *)((const rh_varobject *)o + 1);
    int64_t m;
    switch (n) {
    case 0: *v = 0; return 1;
    case 1: case -1: m = d[0]; break;
    case 2: case -2: m = ((int64_t)d[1] << 30) | d[0]; break;
    default: return 0;
    }
    *v = n < 0 ? -m : m;
    return 1;
}
/* The value of an exact int of at most one digit (|v| < 2**30: CPython's IS_MEDIUM_VALUE; py27: any
 * PyIntObject): 1 and *v, or 0. +, -, *, // and % of two such ints create exactly the object
 * rh_int_from_i64 creates for the result (_PyLong_FromSTwoDigits, fast_floor_div, fast_mod), so an
 * interpreter may compute them directly; with two-digit operands it may not (x_add and x_mul allocate
 * more digits than the result keeps, see docs/design.md). Creates nothing. */
int rh_int_medium_value(const rh_object *o, int64_t *v);
/* hex(o), oct(o), bin(o) for an int or bool o (PyNumber_ToBase): base 16, 8 or 2 with CPython's prefix
 * ("-0x1f"; py27's oct is "017"). New reference or NULL. */
rh_object *rh_int_to_base(rh_runtime *rt, rh_object *o, int base);
/* int.from_bytes's core (_PyLong_FromByteArray): n bytes at b (least significant first when little; two's
 * complement when is_signed and the top bit is set). New reference (the small-int cache for small values)
 * or NULL; RH_EXC_UNSUPPORTED in the py27 int layout. */
rh_object *rh_int_from_bytes(rh_runtime *rt, const unsigned char *b, size_t n, int little, int is_signed);
/* int.to_bytes's core (_PyLong_AsByteArray): an int or bool o (borrowed) into out[0..n). 0, or -1 with
 * OverflowError "can't convert negative int to unsigned" or "int too big to convert". */
int rh_int_to_bytes(rh_runtime *rt, rh_object *o, unsigned char *out, size_t n, int little, int is_signed);

/* ---- float (t_float.c): PyFloatObject, 24 bytes, freelist of profile->float_freelist ---- */
rh_object *rh_float_new(rh_runtime *rt, double v);              /* new reference */
double rh_float_value(rh_object *o);
rh_object *rh_float_from_text(rh_runtime *rt, const char *s, size_t n); /* float("..."), ValueError */

/* ---- complex (t_complex.c): PyComplexObject, 32 bytes (header + two doubles), no freelist, untracked ---- */
rh_object *rh_complex_new(rh_runtime *rt, double real, double imag); /* new reference */
double rh_complex_real(rh_object *o);
double rh_complex_imag(rh_object *o);
/* complex(text) for the str `text` whose UTF-8 is s[0:n] (complex_subtype_from_string): new reference, or
 * NULL with ValueError ("complex() arg is a malformed string"; a misplaced '_': "could not convert string
 * to complex: '...'"). */
rh_object *rh_complex_from_text(rh_runtime *rt, rh_object *text, const char *s, size_t n);
/* The complex arithmetic kernels (+ - * / ** of Objects/complexobject.c) on plain parts, for the slots
 * and the compiler's constant folding: op is an rh_binop_kind. 0 and *rr, *ri, or one of these. */
enum { RH_COMPLEX_NO_OP = -1, RH_COMPLEX_ZERO_DIVISION = 1, RH_COMPLEX_ZERO_POWER, RH_COMPLEX_POW_OVERFLOW };
int rh_complex_compute(int op, double ar, double ai, double br, double bi, double *rr, double *ri);

/* ---- str (t_str.c): compact ASCII / latin-1 / UCS-2 / UCS-4 layouts as PyASCIIObject/PyCompact ---- */
rh_object *rh_str_from_utf8(rh_runtime *rt, const char *s, size_t n);  /* new ref; ValueError on bad UTF-8 */
rh_object *rh_str_from_cstr(rh_runtime *rt, const char *s);            /* new ref */
/* rh_str_from_utf8, but one character is a new object, never the shared one (2.7's string methods that
 * fill PyString_FromStringAndSize(NULL, n): string_lower and the other case methods). New ref. */
rh_object *rh_str_from_utf8_fresh(rh_runtime *rt, const char *s, size_t n);
/* UTF-8 of the string (borrowed; for non-ASCII cached in the object as CPython's utf8 field). */
const char *rh_str_utf8(rh_runtime *rt, rh_object *o, size_t *len);
/* The UTF-8 of the string without caching it (so print() leaves sys.getsizeof alone, as CPython's does):
 * writes at most cap-1 bytes (whole characters) and a NUL into buf when cap > 0; returns the full length. */
size_t rh_str_utf8_copy(rh_object *o, char *buf, size_t cap);
size_t rh_str_len(rh_object *o);                                       /* code points */
uint32_t rh_str_char_at(rh_object *o, size_t i);
/* The code points' storage (borrowed): *kind bytes per character (1, 2 or 4), as PEP 393's data. */
const void *rh_str_raw(rh_object *o, int *kind);
/* The find family's search (Objects/stringlib/fastsearch.h): the index of the first (dir > 0) or last
 * (dir < 0) occurrence of p in s[st, en), -1 if none, or (dir 0) the number of non-overlapping
 * occurrences. Needs 0 <= st, en <= len(s) and 1 <= len(p) <= en - st. Allocates nothing visible. */
int64_t rh_str_search(rh_object *s, int64_t st, int64_t en, rh_object *p, int dir);
rh_object *rh_str_concat(rh_runtime *rt, rh_object *a, rh_object *b);  /* new ref */
rh_object *rh_str_repeat(rh_runtime *rt, rh_object *a, int64_t n);     /* new ref */
/* s[i] and s[start:stop:step] with Python's index rules (already-normalised by rh_slice_indices). */
rh_object *rh_str_getitem(rh_runtime *rt, rh_object *s, int64_t i);
rh_object *rh_str_slice(rh_runtime *rt, rh_object *s, int64_t start, int64_t stop, int64_t step);
rh_object *rh_str_split_ws(rh_runtime *rt, rh_object *s);               /* s.split(): new list */
/* s.split(sep, maxsplit) (sep NULL: runs of whitespace; maxsplit < 0: no limit): a new list sized as
 * CPython's split preallocates it (per profile); an unsplit s is itself the only item. ValueError for an
 * empty sep. */
rh_object *rh_str_split(rh_runtime *rt, rh_object *s, rh_object *sep, int64_t maxsplit);
rh_object *rh_str_rsplit(rh_runtime *rt, rh_object *s, rh_object *sep, int64_t maxsplit); /* the same from the right */
rh_object *rh_str_join(rh_runtime *rt, rh_object *sep, rh_object *seq); /* sep.join(list|tuple) */
/* _PyUnicode_JoinArray: sep.join of n items (borrowed); new reference or NULL */
rh_object *rh_str_join_array(rh_runtime *rt, rh_object *sep, rh_object *const *items, size_t n);
rh_object *rh_str_format_percent(rh_runtime *rt, rh_object *fmt, rh_object *args); /* fmt % args */
int rh_str_eq(rh_object *a, rh_object *b);                              /* 1/0, both str */
/* unicode_subtype_new (Objects/unicodeobject.c): an instance of cls, a class deriving from str (borrowed),
 * holding the characters of the str v (borrowed, exact or not): a non-compact string (the class's basicsize,
 * its characters in a separate block), GC-tracked. New reference, or NULL with MemoryError. */
rh_object *rh_str_subtype_new(rh_runtime *rt, rh_object *cls, rh_object *v);
/* PyUnicode_FromObject / unicode_result_unchanged: an exact str equal to the str s: s itself when it is
 * exact, else a copy of a subclass's instance. New reference or NULL. */
rh_object *rh_str_exact(rh_runtime *rt, rh_object *s);
int rh_str_eq_cstr(rh_object *a, const char *s);
/* Interning (sys.intern, identifier-like constants): replaces *p (a reference the caller owns) by the
 * interned equal string, adjusting references. The interned table's references are not counted (3.11);
 * in profiles with interned_immortal the string becomes immortal. Returns 0 or -1. */
int rh_str_intern_in_place(rh_runtime *rt, rh_object **p);
rh_object *rh_str_intern_utf8(rh_runtime *rt, const char *s, size_t n);  /* new ref to interned str */
int rh_str_is_interned(rh_runtime *rt, rh_object *o);
/* Whether CPython's compiler would intern this constant: ASCII [A-Za-z0-9_]* (all_name_chars). */
int rh_str_is_name_like(rh_object *o);

/* ---- tuple (t_tuple.c): GC, 24 + 8n, freelists per size, () singleton ---- */
rh_object *rh_tuple_new(rh_runtime *rt, size_t n);  /* new ref, items NULL; n == 0 gives () */
/* Set item i of a tuple under construction. Steals v. */
void rh_tuple_set(rh_object *t, size_t i, rh_object *v);
rh_object *rh_tuple_get(rh_object *t, size_t i);     /* borrowed */
size_t rh_tuple_len(rh_object *t);
/* tuple(o) for a tuple (itself), list, str, dict (its keys) or range; TypeError otherwise. New reference. */
rh_object *rh_tuple_from_iterable(rh_runtime *rt, rh_object *o);
/* tuple.__new__(cls, ...) for a class deriving from tuple (tuple_subtype_new): a new, tracked instance of
 * cls holding the n items (borrowed). */
rh_object *rh_tuple_subtype_new(rh_runtime *rt, rh_object *cls, rh_object *const *items, size_t n);
/* int.__new__(cls, ...) for a class deriving from int (long_subtype_new): a new, tracked instance of cls
 * with the value of v (borrowed int or bool; 2.7: any PyIntObject value). */
rh_object *rh_int_subtype_new(rh_runtime *rt, rh_object *cls, rh_object *v);
rh_object *rh_tuple_pack(rh_runtime *rt, size_t n, ...); /* new ref; does not steal the items */
rh_object *rh_tuple_concat(rh_runtime *rt, rh_object *a, rh_object *b);
rh_object *rh_tuple_slice(rh_runtime *rt, rh_object *t, int64_t start, int64_t stop, int64_t step);
int rh_tuple_maybe_untrack(rh_runtime *rt, rh_object *t);  /* _PyTuple_MaybeUntrack; 1 if untracked */

/* ---- list (t_list.c): GC, 56 + 8*allocated, list_resize over-allocation, freelist 80 ---- */
rh_object *rh_list_new(rh_runtime *rt, size_t n);     /* new ref; n slots filled with NULL (set them) */
void rh_list_set_init(rh_object *l, size_t i, rh_object *v);  /* fill slot i of a new list; steals v */
size_t rh_list_len(rh_object *l);
size_t rh_list_allocated(rh_object *l);
rh_object *rh_list_get(rh_object *l, size_t i);       /* borrowed */
int rh_list_setitem(rh_runtime *rt, rh_object *l, int64_t i, rh_object *v); /* no steal; IndexError */
int rh_list_delitem(rh_runtime *rt, rh_object *l, int64_t i);
int rh_list_append(rh_runtime *rt, rh_object *l, rh_object *v);  /* no steal */
int rh_list_insert(rh_runtime *rt, rh_object *l, int64_t where, rh_object *v); /* no steal; list.insert */
rh_object *rh_list_pop(rh_runtime *rt, rh_object *l, int64_t i); /* new ref; IndexError */
int rh_list_remove(rh_runtime *rt, rh_object *l, rh_object *v);  /* ValueError if absent */
int rh_list_clear(rh_runtime *rt, rh_object *l);
int rh_list_reverse(rh_runtime *rt, rh_object *l);
int rh_list_sort(rh_runtime *rt, rh_object *l);   /* stable; ints/floats/strs; TypeError otherwise */
/* l.extend(x) for x a list, tuple, str, dict (its keys) or range (TypeError otherwise), with list_extend's
 * preallocation per profile; x may be l. 0, or -1 with the error set. */
int rh_list_extend(rh_runtime *rt, rh_object *l, rh_object *iterable);
/* list(x) (from_freelist 0: a fresh object, as list_vectorcall's PyType_GenericAlloc) or PySequence_List(x)
 * (from_freelist 1: PyList_New(0), as sorted() starts), then rh_list_extend. New reference or NULL. */
rh_object *rh_list_from_iterable(rh_runtime *rt, rh_object *iterable, int from_freelist);
rh_object *rh_list_concat(rh_runtime *rt, rh_object *a, rh_object *b);
rh_object *rh_list_repeat(rh_runtime *rt, rh_object *a, int64_t n);   /* [x] * n; MemoryError if huge */
rh_object *rh_list_slice(rh_runtime *rt, rh_object *l, int64_t start, int64_t stop, int64_t step);
/* l[start:stop:step] = v (v NULL: del l[start:stop:step]), the bounds as rh_slice_indices adjusted them;
 * v is a list or tuple (the caller makes any other iterable a list, as PySequence_Fast does) and may be l.
 * One resize for the whole slice (list_ass_slice; list_ass_subscript for step != 1); ValueError when an
 * extended slice and v differ in length. 0, or -1 with the error set. */
int rh_list_ass_slice(rh_runtime *rt, rh_object *l, int64_t start, int64_t stop, int64_t step, rh_object *v);
rh_object *rh_list_from_range(rh_runtime *rt, int64_t start, int64_t stop, int64_t step); /* list(range) */

/* ---- dict (t_dict.c): 3.11 combined/split tables, sizes and growth, freelists ---- */
rh_object *rh_dict_new(rh_runtime *rt);                   /* new ref; shares the empty keys */
rh_object *rh_dict_new_fresh(rh_runtime *rt);             /* dict(): dict_new's tp_alloc, never the freelist; new ref */
rh_object *rh_dict_new_presized(rh_runtime *rt, size_t n);/* _PyDict_NewPresized (general keys table) */
/* The dict dict.fromkeys fills (_PyDict_FromKeys: the class called, so dict_new's object, never the
 * freelist), resized for n keys when its source is a dict or set (n 0 otherwise). New ref. */
rh_object *rh_dict_new_fromkeys(rh_runtime *rt, size_t n);
/* The dict a {k: v, ...} display of n items evaluates to (_PyDict_FromItems: presized, unicode table if all
 * keys are str, for n <= 15; larger displays grow from an empty dict as 3.11 compiles them). Borrows keys
 * and values. New reference or NULL. */
rh_object *rh_dict_from_items(rh_runtime *rt, rh_object *const *keys, rh_object *const *values, size_t n);
/* The same from n key, value pairs laid out one after the other (kv[2i], kv[2i+1]), as BUILD_MAP finds them
 * on the stack (3.11's BUILD_MAP calls _PyDict_FromItems with a stride of 2). */
rh_object *rh_dict_from_pairs(rh_runtime *rt, rh_object *const *kv, size_t n);
rh_object *rh_dict_get(rh_runtime *rt, rh_object *d, rh_object *key); /* borrowed or NULL (no error
                                                              set when absent; error set if unhashable) */
int rh_dict_set(rh_runtime *rt, rh_object *d, rh_object *key, rh_object *v);  /* no steal */
/* d[key] for an exact dict, as 3.11's BINARY_SUBSCR_DICT (Python/ceval.c): PyDict_GetItemWithError and a
 * KeyError(key) when absent, without the mapping-slot dispatch. New reference or NULL with the error set. */
rh_object *rh_dict_subscript(rh_runtime *rt, rh_object *d, rh_object *key);
int rh_dict_del(rh_runtime *rt, rh_object *d, rh_object *key);   /* KeyError if absent */
rh_object *rh_dict_pop(rh_runtime *rt, rh_object *d, rh_object *key, rh_object *dflt); /* new ref */
int rh_dict_clear(rh_runtime *rt, rh_object *d);
size_t rh_dict_len(rh_object *d);
/* Iterate in insertion order: *pos starts at 0; returns 1 with borrowed *k, *v, or 0 at the end. */
int rh_dict_next(rh_object *d, size_t *pos, rh_object **k, rh_object **v);
/* An interpreter's cache of global names (CPython 3.11's LOAD_GLOBAL_MODULE / LOAD_GLOBAL_BUILTIN,
 * Python/specialize.c), which holds versions and indices, never references:
 *  rh_dict_keys_version: a nonzero number naming the current set of keys of a combined str-keyed table
 *    (_PyDictKeys_GetVersionForCurrentState): it stays while only values change and is given up when a key
 *    is added or removed or the table is replaced; 0 for any other dict (split, general or 2.7 table).
 *  rh_dict_key_index: the entry index of key in such a table (borrowed key), -1 when absent or the dict
 *    has no version. No error is left set.
 *  rh_dict_versioned_value: the value (borrowed) of entry ix while d's keys are still at `version`
 *    (nonzero), else NULL.
 *  rh_dict_keys_at_version: 1 while d's keys are still at `version` (nonzero), else 0. */
uint32_t rh_dict_keys_version(rh_runtime *rt, rh_object *d);
intptr_t rh_dict_key_index(rh_runtime *rt, rh_object *d, rh_object *key);
rh_object *rh_dict_versioned_value(const rh_object *d, uint32_t version, intptr_t ix);
int rh_dict_keys_at_version(const rh_object *d, uint32_t version);
/* PyDict_Merge(a, b, override=1), as dict(b), a.update(b) and {**b} do: every item of dict b stored in
 * dict a, with CPython's table policy — 3.11 clones a clean table into an empty dict and otherwise
 * resizes once for len(a) + len(b) before inserting; 2.7 resizes once when fill + len(b) would pass 2/3.
 * So sizes and iteration order are CPython's. No reference stolen; 0, or -1 with the error set. */
int rh_dict_merge(rh_runtime *rt, rh_object *a, rh_object *b);
/* d.copy() (PyDict_Copy): a clean combined table is cloned, a split one keeps its shared keys, anything
 * else is merged into a presized dict. New reference, or NULL with the error set. */
rh_object *rh_dict_copy(rh_runtime *rt, rh_object *d);
rh_object *rh_dict_keys_list(rh_runtime *rt, rh_object *d);  /* new list */
rh_object *rh_dict_items_list(rh_runtime *rt, rh_object *d); /* new list of 2-tuples */
rh_object *rh_dict_get_cstr(rh_runtime *rt, rh_object *d, const char *key); /* borrowed or NULL */
int rh_dict_set_cstr(rh_runtime *rt, rh_object *d, const char *key, rh_object *v);
int rh_dict_maybe_untrack(rh_runtime *rt, rh_object *d);   /* _PyDict_MaybeUntrack */

/* ---- range (t_range.c): 48 bytes ---- */
rh_object *rh_range_new(rh_runtime *rt, int64_t start, int64_t stop, int64_t step); /* ValueError step 0 */
int64_t rh_range_len(rh_object *r);
int64_t rh_range_item(rh_object *r, int64_t i);
int64_t rh_range_step(rh_object *r); /* a range that is not rh_range_is_long */
/* range(start, stop, step) from int objects of any size (borrowed): ValueError when step is 0. New reference. */
rh_object *rh_range_from_ints(rh_runtime *rt, rh_object *start, rh_object *stop, rh_object *step);
/* 1 when start, stop, step or the length of range r does not fit an int64: rh_range_len and rh_range_item
 * must not be used on it (its slots compute on the int objects). */
int rh_range_is_long(rh_object *r);
/* r[st:sp:step] for slice indices already adjusted to r's length (compute_slice). New reference or NULL. */
rh_object *rh_range_slice(rh_runtime *rt, rh_object *r, int64_t st, int64_t sp, int64_t step);
/* r.count(v) and r.index(v) (range_count, range_index): arithmetic for an int or bool, else v compared
 * with each item in order (_PySequence_IterSearch). v borrowed; a new int, or NULL with the error set
 * (index: ValueError "5 is not in range" for an int, "sequence.index(x): x not in sequence" otherwise). */
rh_object *rh_range_count(rh_runtime *rt, rh_object *r, rh_object *v);
rh_object *rh_range_index(rh_runtime *rt, rh_object *r, rh_object *v);
/* r.start (i 0), r.stop (1) or r.step (2): borrowed */
rh_object *rh_range_field(rh_object *r, int i);
/* reversed(r) (range_reverse): a range_iterator, or a longrange_iterator when the values do not fit. New. */
rh_object *rh_range_reversed(rh_runtime *rt, rh_object *r);

/* ---- set and frozenset (t_set.c): PySetObject, 200 bytes + GC head with an 8-entry table inside; a larger
 * table is one 16 * size allocation. Tracked from creation; table order, growth and probing as CPython's
 * (profile->set_table_py27 for 2.7's). Arguments borrowed; -1 / NULL with the error set. ---- */
rh_object *rh_set_new(rh_runtime *rt, rh_object *iterable);       /* set(iterable); NULL iterable: set() */
/* frozenset(iterable): a frozenset argument is returned itself (new reference). */
rh_object *rh_frozenset_new(rh_runtime *rt, rh_object *iterable);
int rh_set_is_anyset(rh_object *o);                               /* a set or a frozenset */
int rh_set_add(rh_runtime *rt, rh_object *s, rh_object *key);     /* PySet_Add; no steal */
int rh_set_update(rh_runtime *rt, rh_object *s, rh_object *iterable); /* _PySet_Update (set_update_internal) */
int rh_set_discard(rh_runtime *rt, rh_object *s, rh_object *key); /* 1 removed, 0 absent, -1 */
int rh_set_contains(rh_runtime *rt, rh_object *s, rh_object *key);/* 1, 0, -1 */
int rh_set_clear(rh_runtime *rt, rh_object *s);
rh_object *rh_set_pop(rh_runtime *rt, rh_object *s);              /* new ref; KeyError when empty */
rh_object *rh_set_copy(rh_runtime *rt, rh_object *s);             /* a new set (frozenset for a frozenset) */
size_t rh_set_len(rh_object *s);
/* Table order: *pos starts at 0; 1 with a borrowed *key, or 0 at the end. */
int rh_set_next(rh_object *s, size_t *pos, rh_object **key);
typedef enum rh_set_op {
    RH_SETOP_UNION, RH_SETOP_INTERSECTION, RH_SETOP_DIFFERENCE, RH_SETOP_SYMMETRIC_DIFFERENCE
} rh_set_op;
/* s.union(other), s.intersection(other), ... with other any iterable: a new set of s's type. */
rh_object *rh_set_operation(rh_runtime *rt, rh_set_op op, rh_object *s, rh_object *other);
/* s.update(other), s.intersection_update(other), ... in place. 0 or -1. */
int rh_set_update_op(rh_runtime *rt, rh_set_op op, rh_object *s, rh_object *other);
int rh_set_issubset(rh_runtime *rt, rh_object *s, rh_object *other);   /* 1, 0, -1 */
int rh_set_issuperset(rh_runtime *rt, rh_object *s, rh_object *other); /* 1, 0, -1 */

/* ---- iterator built-ins (t_enumerate.c, t_zipmap.c): enumerate, reversed, zip, map, filter as CPython
 * 3.11's enumobject.c / bltinmodule.c objects, GC-tracked from creation. Arguments borrowed. ---- */
rh_object *rh_enumerate_new(rh_runtime *rt, rh_object *iterable, int64_t start);
/* reversed(seq): list_reverseiterator for a list, a reversed object for another sequence (sq_length and
 * sq_item), TypeError "'x' object is not reversible" otherwise. */
rh_object *rh_reversed_new(rh_runtime *rt, rh_object *seq);
rh_object *rh_zip_new(rh_runtime *rt, rh_object *const *iterables, size_t n);
rh_object *rh_map_new(rh_runtime *rt, rh_object *func, rh_object *const *iterables, size_t n);
rh_object *rh_filter_new(rh_runtime *rt, rh_object *func, rh_object *iterable);  /* func None: truth */

/* ---- classes and instances (t_class.c) ----
 * rh_class_new: `class name(bases): <ns>`; bases is a tuple of classes (may be empty: object), ns a dict
 * (borrowed; copied). Detects __del__ and __slots__ (a tuple/list of str in ns). New reference. */
rh_object *rh_class_new(rh_runtime *rt, rh_object *name, rh_object *bases, rh_object *ns);
/* The same made by the metaclass meta (type or a class deriving from it, which the class's type becomes,
 * holding a reference to it as any heap type's instance): type_new's allocation by metatype->tp_alloc. */
rh_object *rh_class_new_meta(rh_runtime *rt, rh_object *meta, rh_object *name, rh_object *bases, rh_object *ns);
/* _PyType_CalculateMetaclass: the most derived of meta and the bases' types (borrowed), or NULL with
 * CPython's "metaclass conflict" TypeError. bases a tuple. */
rh_object *rh_type_calculate_metaclass(rh_runtime *rt, rh_object *meta, rh_object *bases);
/* type.__subclasses__(): a new list of the live classes naming cls among their bases, oldest first (a
 * built-in type's: empty, not tracked). */
rh_object *rh_class_subclasses(rh_runtime *rt, rh_object *cls);
/* lookup_maybe_method's MRO walk by an ASCII name, without allocating: the first heap class on cls's MRO
 * whose namespace holds name gives the value (borrowed), else NULL (built-in types' methods are not seen). */
rh_object *rh_class_special(rh_runtime *rt, rh_object *cls, const char *name);
/* _PyObject_LookupSpecial then a call: self.name(*args) with the method found on type(self)'s heap classes
 * (a function gets self first; another descriptor is bound with its tp_descr_get). name must be a string
 * with static storage (the lookup cache keys on its address); args borrowed, nargs <= 3. *found = 0 and
 * NULL without an error when no heap class on the MRO defines it. New reference or NULL. */
rh_object *rh_call_special(rh_runtime *rt, rh_object *self, const char *name, rh_object *const *args, size_t nargs,
                           int *found);
/* PyObject_TypeCheck: type(o) is cls or a subclass of it (cls a type object). */
int rh_type_check(rh_object *o, rh_object *cls);
int rh_is_class(rh_object *o);
/* py27: the type 2.7's type() reports for a classic instance (`instance`) or a classic class
 * (`classobj`); NULL for anything else. Borrowed (a static type object of the runtime). */
rh_object *rh_classic_type_of(rh_runtime *rt, rh_object *o);
/* A new instance of cls with no attributes, GC-tracked (as object.__new__). New reference. */
rh_object *rh_instance_new(rh_runtime *rt, rh_object *cls);
/* Attribute lookup on an instance: own attributes (values/dict/slots), then the class MRO. Class
 * attributes that are functions are returned as they are (the interpreter binds methods).
 * Returns a new reference, or NULL: with AttributeError set when absent. */
rh_object *rh_getattr(rh_runtime *rt, rh_object *o, rh_object *name);
rh_object *rh_class_lookup(rh_runtime *rt, rh_object *cls, rh_object *name);  /* borrowed, MRO */
/* C.__dict__: a new read-only mappingproxy of the class's namespace (type_dict), or NULL for a class
 * without one. New reference. */
rh_object *rh_class_dict(rh_runtime *rt, rh_object *cls);
/* mappingproxy(mapping) without the argument check (PyDictProxy_New): new reference, GC-tracked; the proxy
 * holds a reference to mapping (borrowed here). rh_mappingproxy_mapping: the mapping (borrowed). */
rh_object *rh_mappingproxy_new(rh_runtime *rt, rh_object *mapping);
rh_object *rh_mappingproxy_mapping(rh_object *proxy);
/* A new types.SimpleNamespace whose __dict__ is dict (borrowed; NULL: a new empty dict), GC-tracked.
 * rh_namespace_dict: that dict (borrowed). */
rh_object *rh_namespace_new(rh_runtime *rt, rh_object *dict);
rh_object *rh_namespace_dict(rh_object *ns);
/* Py_GenericAlias(origin, args): a new types.GenericAlias (origin and args borrowed; args not a tuple is
 * wrapped in one), GC-tracked. The accessors return borrowed references; the parameters slot is NULL until
 * the embedder computes __parameters__ and stores a new reference there. */
rh_object *rh_genericalias_new(rh_runtime *rt, rh_object *origin, rh_object *args);
/* ga_new's allocation: a new alias of type (types.GenericAlias or a class deriving from it; borrowed), made
 * and tracked first, then given origin and args (borrowed; args wrapped as above). New reference or NULL. */
rh_object *rh_genericalias_new_type(rh_runtime *rt, rh_object *type, rh_object *origin, rh_object *args);
rh_object *rh_genericalias_origin(rh_object *ga);
rh_object *rh_genericalias_args(rh_object *ga);
rh_object **rh_genericalias_parameters_slot(rh_object *ga);
/* types.UnionType (t_union.c; made by `int | str`, the nb_or of type): whether o is one, its args tuple
 * (borrowed) and its parameters slot (NULL until the embedder stores a new reference there) */
int rh_union_check(rh_object *o);
/* slice objects (t_slice.c): rh_slice_new takes borrowed bounds (NULL means None) and returns a new
 * reference (the parked slice when profile->slice_cache holds one), or NULL; the field getters borrow;
 * rh_slice_cached says whether a parked slice waits (the next rh_slice_new allocates nothing). */
rh_object *rh_slice_new(rh_runtime *rt, rh_object *start, rh_object *stop, rh_object *step);
int rh_slice_check(rh_object *o);
rh_object *rh_slice_start(rh_object *s);
rh_object *rh_slice_stop(rh_object *s);
rh_object *rh_slice_step(rh_object *s);
int rh_slice_cached(rh_runtime *rt);
/* _PySlice_GetLongIndices: slice s's start, stop and step (new references in out[0..2]) adjusted to a
 * sequence of length `length` (an int object >= 0, borrowed), on int objects of any size. The bounds go
 * through __index__; 0, or -1 with TypeError (a bound without __index__) or ValueError (step 0). */
int rh_slice_long_indices(rh_runtime *rt, rh_object *s, rh_object *length, rh_object *out[3]);
/* _string's formatteriterator / fieldnameiterator (t_fmtiter.c; kind RH_K_FORMATTERITER or
 * RH_K_FIELDNAMEITER) over str[start:end] (str borrowed, a reference taken): a new reference or NULL. The
 * cursor is {start, end, index} (index: the field name iterator's), the embedder's to advance; the str is
 * borrowed. The embedder installs the types' tp_iternext. */
rh_object *rh_fmtiter_new(rh_runtime *rt, rh_kind kind, rh_object *str, int64_t start, int64_t end);
rh_object *rh_fmtiter_str(rh_object *o);
int64_t *rh_fmtiter_cursor(rh_object *o);
rh_object *rh_union_args(rh_object *u);
rh_object **rh_union_parameters_slot(rh_object *u);

/* Dict views and dict iterators (t_dictview.c). rh_dictview_new: a new dict_keys / dict_values /
 * dict_items (kind RH_K_DICTKEYS ...) over dict (borrowed; a dict or a dict subclass's instance), tracked;
 * rh_dictview_dict its dict (borrowed); rh_dictview_is_view: one of the three kinds.
 * rh_dictiter_new: a new iterator of kind RH_K_DICTITER_KEY .. RH_K_DICTREVITER_ITEM over dict;
 * rh_dictiter_len its __length_hint__. rh_dictview_reversed: reversed(view) (3.8+), a new reverse iterator.
 * rh_dictview_isdisjoint: view.isdisjoint(other): 1, 0, or -1 with the error set. */
rh_object *rh_dictview_new(rh_runtime *rt, rh_object *dict, rh_kind kind);
rh_object *rh_dictview_dict(rh_object *view);
int rh_dictview_is_view(rh_object *o);
rh_object *rh_dictiter_new(rh_runtime *rt, rh_object *dict, rh_kind kind);
int64_t rh_dictiter_len(rh_object *it);
rh_object *rh_dictview_reversed(rh_runtime *rt, rh_object *view);
int rh_dictview_isdisjoint(rh_runtime *rt, rh_object *self, rh_object *other);

/* collections.OrderedDict's fields and iterator (t_odict.c, CPython 3.11 Objects/odictobject.c); the
 * class is the embedder's, a class deriving from dict whose instances are rh_odict_basicsize() bytes
 * with the __dict__ word at rh_odict_dictoffset() and weak references at rh_odict_weaklistoffset().
 * Every function takes such an instance (borrowed), 3.x profiles only.
 *  rh_odict_setitem / _delitem / _ass_sub: PyODict_SetItem / PyODict_DelItem / odict_mp_ass_sub (0, -1);
 *  rh_odict_end_key: the first (last) key, borrowed, NULL when empty;
 *  rh_odict_move_to_end: the key's node to the end or the front (KeyError when absent);
 *  rh_odict_pop_known: the key's node and item removed, the value returned (new reference, or NULL);
 *  rh_odict_keys_equal: the two key orders equal (1, 0, -1); rh_odict_clear_nodes: every node freed;
 *  rh_odict_sizeof: odict_sizeof; rh_odict_traverse_nodes: the instance dict and the nodes' keys;
 *  rh_odictiter_new: odictiter_new, kind RH_ODICT_ITER_KEYS | _VALUES | _REVERSED (new reference). */
enum { RH_ODICT_ITER_REVERSED = 1, RH_ODICT_ITER_KEYS = 2, RH_ODICT_ITER_VALUES = 4 };
size_t rh_odict_basicsize(void);
size_t rh_odict_dictoffset(void);
size_t rh_odict_weaklistoffset(void);
int rh_odict_setitem(rh_runtime *rt, rh_object *o, rh_object *key, rh_object *value);
int rh_odict_delitem(rh_runtime *rt, rh_object *o, rh_object *key);
int rh_odict_ass_sub(rh_runtime *rt, rh_object *o, rh_object *key, rh_object *value);
rh_object *rh_odict_end_key(rh_object *o, int last);
int rh_odict_move_to_end(rh_runtime *rt, rh_object *o, rh_object *key, int last);
rh_object *rh_odict_pop_known(rh_runtime *rt, rh_object *o, rh_object *key);
int rh_odict_keys_equal(rh_runtime *rt, rh_object *a, rh_object *b);
void rh_odict_clear_nodes(rh_runtime *rt, rh_object *o);
size_t rh_odict_sizeof(rh_runtime *rt, rh_object *o);
int rh_odict_traverse_nodes(rh_object *o, rh_visitproc visit, void *arg);
size_t rh_odict_state(rh_object *o);
rh_object *rh_odictiter_new(rh_runtime *rt, rh_object *od, int kind);
/* rh_odict_class_layout: the embedder's `class OrderedDict(dict): __slots__ = ()` made PyODict_Type's layout */
void rh_odict_class_layout(rh_runtime *rt, rh_object *cls);
/* rh_odict_pairs: odict_repr's list of (key, value) tuples in order (exact OrderedDicts). New list or NULL. */
rh_object *rh_odict_pairs(rh_runtime *rt, rh_object *o);
int rh_setattr(rh_runtime *rt, rh_object *o, rh_object *name, rh_object *v);  /* no steal */
int rh_delattr(rh_runtime *rt, rh_object *o, rh_object *name);                /* AttributeError */
/* An interpreter's inline caches for instance attributes (CPython 3.11's LOAD_ATTR_INSTANCE_VALUE and
 * STORE_ATTR_INSTANCE_VALUE, Python/specialize.c). Nothing here creates an object or changes a count
 * beyond what the generic path does.
 *  rh_types_epoch: moves on whenever a class is made, changed or freed; a cache filled at one epoch is
 *    valid only at that epoch.
 *  rh_instance_value_index: when getattr(o, name) reads o's own values array (3.11 managed-dict instance,
 *    values not yet made into a dict, no data descriptor of that name on the class), the index of name in
 *    the class's shared keys, with the keys' identity in *keys; else -1 (no error is left set).
 *  rh_instance_value_cached: o's value at ix (borrowed) if o still reads through those keys, else NULL.
 *  rh_instance_value_replace: o.name = v (v borrowed) for a name at ix of those keys, whether o has a
 *    value there yet or not (a new one joins the insertion order, as the generic path does): 1 done, 0
 *    when the generic path must run (other keys, no values array). */
/*  rh_instance_method_state: 1 when o reads its own attributes through a values array whose shared keys
 *    hold no `name` (so a method found on the class is what o.name means: LOAD_METHOD_WITH_VALUES), with
 *    that state in *keys, *nentries (the keys only grow), or has no attributes of its own at all (*keys
 *    NULL); else 0 (no error left set).
 *  rh_instance_state_same: 1 if o still reads through those keys with that many entries. */
/*  rh_instance_dict_hint: when getattr(o, name) reads o's materialized __dict__ (a managed-dict instance
 *    whose values became a dict, no data descriptor of that name on the class), the entry index of name
 *    in that dict (LOAD_ATTR_WITH_HINT's hint); else -1 (no error left set).
 *  rh_instance_dict_hinted: the value at that entry (borrowed) while it still holds name, else NULL.
 *  rh_instance_dict_hint_replace: o.name = v (v borrowed) over that entry's existing value
 *    (STORE_ATTR_WITH_HINT, the dict tracked as the generic path would): 1 done, 0 for the generic path. */
/*  rh_instance_slot_offset: when getattr(o, name) and o.name = v go to a __slots__ member of o's class
 *    (the generic attribute protocol, a member_descriptor of that name on the class: LOAD_ATTR_SLOT /
 *    STORE_ATTR_SLOT), the member's byte offset in o; else 0 (no error left set). The offset holds for
 *    every instance of that class while rh_types_epoch stays.
 *  rh_instance_slot_get: the member at that offset (borrowed), NULL when empty (the generic path then
 *    raises the AttributeError).
 *  rh_instance_slot_replace: the member at that offset = v (v borrowed, the old value released). */
size_t rh_instance_slot_offset(rh_runtime *rt, rh_object *o, rh_object *name);
static inline rh_object *rh_instance_slot_get(const rh_object *o, size_t off) {
    return *(rh_object *const *)(const void *)((const char *)o + off);
}
void rh_instance_slot_replace(rh_runtime *rt, rh_object *o, size_t off, rh_object *v);
intptr_t rh_instance_dict_hint(rh_runtime *rt, rh_object *o, rh_object *name);
rh_object *rh_instance_dict_hinted(rh_object *o, rh_object *name, intptr_t hint);
int rh_instance_dict_hint_replace(rh_runtime *rt, rh_object *o, rh_object *name, intptr_t hint, rh_object *v);
int rh_instance_method_state(rh_runtime *rt, rh_object *o, rh_object *name, const void **keys, intptr_t *nentries);
int rh_instance_state_same(const rh_object *o, const void *keys, intptr_t nentries);
uint64_t rh_types_epoch(const rh_runtime *rt);
intptr_t rh_instance_value_index(rh_runtime *rt, rh_object *o, rh_object *name, const void **keys);
rh_object *rh_instance_value_cached(const rh_object *o, const void *keys, intptr_t ix);
int rh_instance_value_replace(rh_runtime *rt, rh_object *o, const void *keys, intptr_t ix, rh_object *v);
/* object.__getattribute__ / object.__setattr__ (v NULL: object.__delattr__): the generic attribute
 * protocol, bypassing a class's own __getattribute__/__getattr__/__setattr__/__delattr__ (what such a
 * method calls to reach the instance's attributes). Results as rh_getattr / rh_setattr. */
rh_object *rh_object_generic_getattr(rh_runtime *rt, rh_object *o, rh_object *name);
int rh_object_generic_setattr(rh_runtime *rt, rh_object *o, rh_object *name, rh_object *v);
/* object.__repr__(o): object_repr's "<module.C object at 0x...>", whatever o's class defines. New str or NULL. */
rh_object *rh_object_repr(rh_runtime *rt, rh_object *o);
/* 1 if a method of this name defined in a class body is called by the library (a slot wrapper of
 * Objects/typeobject.c's slotdefs — __repr__, __eq__, __add__, __getattr__ ... — or __init__/__del__),
 * 0 for any other name. No runtime needed. */
int rh_special_method_dispatched(const char *name);
/* descr's tp_descr_get(descr, obj, type) (its type must have one) with descr held by one more reference
 * for the call, as _PyObject_GenericGetAttrWithDict and type_getattro Py_INCREF what _PyType_Lookup
 * found: a descriptor's __get__ sees that count, and may drop the class's own. New reference or NULL. */
rh_object *rh_descr_get(rh_runtime *rt, rh_object *descr, rh_object *obj, rh_object *type);
/* _PyObject_IsInstanceDictEmpty: 1 when o has no attribute in its values array or __dict__ (or no dict at
 * all), 0 otherwise; materialises nothing. */
int rh_instance_dict_is_empty(rh_object *o);
/* A class's tp_dictoffset when its instances keep a __dict__ pointer slot (not a managed dict), else 0. */
size_t rh_class_dictoffset(rh_object *cls);
/* The instance's __dict__, materialising it as 3.11 does when asked. New reference. */
rh_object *rh_instance_dict(rh_runtime *rt, rh_object *o);

/* ---- slices ---- */
/* Normalise Python slice bounds against length n (PySlice_AdjustIndices). has_* say which were given. */
int64_t rh_slice_indices(int64_t n, int has_start, int64_t *start, int has_stop, int64_t *stop,
                         int64_t step);

#ifdef __cplusplus
}
#endif
#endif
