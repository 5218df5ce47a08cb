/* refheap/abstract.h — Python's operators on objects: binary arithmetic, rich comparison, unary
 * operators, ascii() and operator.index(), with CPython 3.11's results and error messages.
 *
 * Every operation is a dispatcher through the operands' type slots (refheap/typeslots.h), as CPython's
 * Objects/abstract.c. Built-in types: int, bool, float (numbers, mixed freely: bool & bool stays bool); str
 * (+, *, and % formatting); list and tuple (+ and *); equality additionally for dict and range, identity
 * for the rest; classes add their special methods when the embedder installs rh_hooks.call.
 * Everything else raises TypeError with CPython's text, e.g. "unsupported operand type(s) for +: 'int'
 * and 'str'" or "'<' not supported between instances of 'str' and 'int'". Ints are arbitrary
 * precision (CPython 3.11's algorithms and allocation sizes, reference/src/long_arith.c).
 * Complex results ((-8.0) ** 0.5) are outside the model: RH_EXC_UNSUPPORTED. Implemented in
 * reference/src/abstract.c.
 */
#ifndef REFHEAP_ABSTRACT_H
#define REFHEAP_ABSTRACT_H
#include <stdint.h>

#include "refheap/object.h"
#include "refheap/runtime.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum rh_binop_kind {
    RH_BINOP_ADD = 0, /* +  */
    RH_BINOP_SUB,     /* -  */
    RH_BINOP_MUL,     /* *  */
    RH_BINOP_TRUEDIV, /* /  */
    RH_BINOP_FLOORDIV,/* // */
    RH_BINOP_MOD,     /* %  (str % args formats) */
    RH_BINOP_POW,     /* ** */
    RH_BINOP_LSHIFT,  /* << */
    RH_BINOP_RSHIFT,  /* >> */
    RH_BINOP_AND,     /* &  */
    RH_BINOP_OR,      /* |  */
    RH_BINOP_XOR,     /* ^  */
    RH_BINOP_MATMUL,  /* @  (nb_matrix_multiply: no built-in type has it; classes' __matmul__) */
    RH_BINOP_DIVMOD,  /* divmod(a, b): nb_divmod, no operator and no in-place form */
    RH_BINOP__COUNT
} rh_binop_kind;

/* Comparison operators, numbered as CPython's Py_LT..Py_GE. */
typedef enum rh_cmp_kind {
    RH_CMP_LT = 0, RH_CMP_LE, RH_CMP_EQ, RH_CMP_NE, RH_CMP_GT, RH_CMP_GE
} rh_cmp_kind;

typedef enum rh_unop_kind {
    RH_UNOP_NEG = 0, /* -x */
    RH_UNOP_POS,     /* +x */
    RH_UNOP_INVERT,  /* ~x */
    RH_UNOP_NOT      /* not x: always a bool */
} rh_unop_kind;

/* "+", "//", "**", ... (static storage). */
const char *rh_binop_symbol(rh_binop_kind op);
const char *rh_cmp_symbol(rh_cmp_kind op);

/* a <op> b. a and b are borrowed. Returns a new reference, or NULL with the runtime error set. */
rh_object *rh_binop(rh_runtime *rt, rh_binop_kind op, rh_object *a, rh_object *b);
/* a <op>= b: as rh_binop, except that a list on the left is changed in place (+= extends it with a
 * list, tuple, range, dict's keys or str's characters; *= repeats it) and returned. a and b are
 * borrowed; returns a new reference (the caller rebinds its target to it), or NULL with the error set. */
rh_object *rh_inplace_binop(rh_runtime *rt, rh_binop_kind op, rh_object *a, rh_object *b);
/* a <op> b as Python's comparison operators (PyObject_RichCompare + truth value): 1 true, 0 false,
 * -1 with the error set. a and b are borrowed. == and != never fail for mismatched types; NaN != NaN.
 * Inside lists/tuples/dicts, items are compared as PyObject_RichCompareBool (identity implies equal). */
int rh_richcompare(rh_runtime *rt, rh_cmp_kind op, rh_object *a, rh_object *b);
/* Py_ReprEnter / Py_ReprLeave for a repr written outside the library (the embedder's OrderedDict): 1 when
 * o is already being repr'd, else o is recorded: 0, or -1 with the error set; leave forgets it. */
int rh_repr_enter(rh_runtime *rt, rh_object *o);
void rh_repr_leave(rh_runtime *rt, rh_object *o);
/* 2.7's print to a file writes a list, tuple or dict with its tp_print (list_print, dict_print, tuple's):
 * no `pieces` (profile repr_pieces) and no Py_ReprEnter for a tuple, down through nested containers; any
 * other item is written by its repr as usual. While on (not 0), rh_str / rh_repr of those types follow
 * that. Returns the previous setting; only a profile with repr_pieces has this mode. */
int rh_repr_set_print(rh_runtime *rt, int on);
/* -o, +o, ~o, not o. o is borrowed; returns a new reference, or NULL with the error set. */
rh_object *rh_unop(rh_runtime *rt, rh_unop_kind op, rh_object *o);
/* ascii(o): repr with every non-ASCII character escaped. o borrowed; new reference or NULL. */
rh_object *rh_ascii(rh_runtime *rt, rh_object *o);
/* operator.index(o) for int and bool: 0 and *out, or -1 with TypeError ("'float' object cannot be
 * interpreted as an integer") or OverflowError ("cannot fit 'int' into an index-sized integer"). */
int rh_index_value(rh_runtime *rt, rh_object *o, int64_t *out);
/* operator.index(o) as an int object (PyNumber_Index: an int as is, a bool as the int of its value, else
 * o's __index__, which must return an int). o borrowed; new reference, or NULL with TypeError. */
rh_object *rh_number_index(rh_runtime *rt, rh_object *o);

/* ---- containers, iteration and calls: generic dispatch through the slots (typeslots.h) ---- */
/* len(o) (PyObject_Size: sq_length, then mp_length): >= 0, or -1 with TypeError "object of type 'int'
 * has no len()". */
int64_t rh_len(rh_runtime *rt, rh_object *o);
/* PyObject_LengthHint(o, dflt): len(o) when its type has one (a TypeError from it means "no length"), else
 * a class's __length_hint__() (NotImplemented: dflt; it must give an int >= 0), else dflt. Built-in
 * iterators answer dflt here (the list and tuple constructors' own paths know their lengths). >= 0, or -1
 * with the error set. */
int64_t rh_length_hint(rh_runtime *rt, rh_object *o, int64_t dflt);
/* o[key] (PyObject_GetItem: mp_subscript, then sq_item with __index__ and a negative index counted from
 * the end). o and key borrowed; new reference, or NULL ("'int' object is not subscriptable"). Slices are
 * outside the library (the interpreter's business). */
rh_object *rh_getitem(rh_runtime *rt, rh_object *o, rh_object *key);
/* o[key] = v / del o[key] (mp_ass_subscript). No steal; 0, or -1 ("'tuple' object does not support item
 * assignment"). */
int rh_setitem(rh_runtime *rt, rh_object *o, rh_object *key, rh_object *v);
int rh_delitem(rh_runtime *rt, rh_object *o, rh_object *key);
/* v in o (sq_contains): 1, 0, or -1 ("argument of type 'int' is not iterable"). */
int rh_contains(rh_runtime *rt, rh_object *o, rh_object *v);
/* iter(o) (tp_iter): a new iterator, or NULL ("'int' object is not iterable"). */
rh_object *rh_getiter(rh_runtime *rt, rh_object *o);
/* iter(callable, sentinel) (PyCallIter_New, t_calliter.c): a new callable_iterator over the two (borrowed). */
rh_object *rh_calliter_new(rh_runtime *rt, rh_object *callable, rh_object *sentinel);
/* PyIter_Next (Objects/abstract.c): tp_iternext, a new reference; NULL with no error set when exhausted
 * (a StopIteration the iterator raised — a generator's `return value`, a __next__ in Python — is cleared
 * here, as PyIter_Next clears it), NULL with an error on failure. next() and `yield from` call tp_iternext
 * themselves, to keep the StopIteration and its value. */
rh_object *rh_iternext(rh_runtime *rt, rh_object *it);
/* callable(*args) (tp_call; functions, methods and built-ins call through rh_hooks.call). args borrowed;
 * new reference, or NULL ("'int' object is not callable"). */
rh_object *rh_call_object(rh_runtime *rt, rh_object *callable, rh_object *const *args, size_t nargs);
/* callable(*args) as the embedder runs calls (rh_hooks.call when installed: any callable, a built-in type
 * such as list included), else rh_call_object. Arguments borrowed; new reference or NULL. */
rh_object *rh_call(rh_runtime *rt, rh_object *callable, rh_object *const *args, size_t nargs);

#ifdef __cplusplus
}
#endif
#endif
