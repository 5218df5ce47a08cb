/* ops.c — operations on values for the VM: str()/repr(), arithmetic, comparison, membership, truth.
 *
 * Owns hx_obj_repr/hx_obj_str (the callable and module kinds are formatted here, the rest by the library),
 * the mapping of the VM's operators onto the library's (refheap/abstract.h: rh_binop,
 * rh_inplace_binop, rh_unop, rh_richcompare, rh_contains: CPython 3.11's results and messages, dispatched
 * through the type slots, so a class's special methods serve exactly as a built-in type's), and truth.
 * Invariants: arguments are borrowed; results are new references (or 1/0 for predicates), NULL/-1 with
 * the runtime error set.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "interp.h"

/* ---------------------------------------------------------------- str / repr */

static rh_object *fmt_str(hx_interp *I, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static rh_object *fmt_str(hx_interp *I, const char *fmt, ...) {
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return rh_str_from_cstr(I->rt, buf);
}

const char *hx_cstr(hx_interp *I, rh_object *s) {
    const char *u = s ? rh_str_utf8(I->rt, s, NULL) : NULL;
    return u ? u : "?";
}

rh_object *hx_obj_repr(hx_interp *I, rh_object *o) {
    switch (rh_kind_of(o)) {
    case RH_K_FUNCTION:
        return fmt_str(I, "<function %s at 0x%" PRIxPTR ">", hx_cstr(I, rh_func_qualname(o)), rh_id(o));
    case RH_K_METHOD: {
        rh_object *self = rh_method_self(o);
        rh_object *sr = hx_obj_repr(I, self);
        if (!sr) return NULL;
        rh_object *r = fmt_str(I, "<bound method %s of %s>", hx_cstr(I, rh_func_qualname(rh_method_func(o))), hx_cstr(I, sr));
        rh_decref(I->rt, sr);
        return r;
    }
    case RH_K_BUILTIN: {
        rh_object *self = rh_builtin_self(o);
        if (self && rh_kind_of(self) != RH_K_MODULE)
            return fmt_str(I, "<built-in method %s of %s object at 0x%" PRIxPTR ">", rh_builtin_get_def(o)->name,
                           hx_tname(self), rh_id(self));
        return fmt_str(I, "<built-in function %s>", rh_builtin_get_def(o)->name);
    }
    case RH_K_MODULE: return fmt_str(I, "<module '%s' (built-in)>", hx_cstr(I, rh_module_name(o)));
    case RH_K_FILE: return fmt_str(I, "<%s object at 0x%" PRIxPTR ">", rh_box_type_name(o), rh_id(o));
    default: return rh_repr(I->rt, o);
    }
}

rh_object *hx_obj_str(hx_interp *I, rh_object *o) {
    switch (rh_kind_of(o)) {
    case RH_K_FUNCTION: case RH_K_METHOD: case RH_K_BUILTIN: case RH_K_MODULE: case RH_K_FILE:
        return hx_obj_repr(I, o);
    default: return rh_str(I->rt, o);
    }
}

/* ---------------------------------------------------------------- int values */

int hx_is_intlike(rh_object *o) { rh_kind k = rh_kind_of(o); return k == RH_K_INT || k == RH_K_BOOL; }

/* ---------------------------------------------------------------- comparison */

int hx_compare(hx_interp *I, int op, rh_object *a, rh_object *b) {
    rh_runtime *rt = I->rt;
    switch (op) {
    case CMP_IS: return a == b;
    case CMP_ISNOT: return a != b;
    case CMP_IN: case CMP_NOTIN: { /* PySequence_Contains: sq_contains, else along an iteration */
        int r = rh_contains(rt, b, a);
        return r < 0 ? -1 : op == CMP_IN ? r : !r;
    }
    case CMP_LT: return rh_richcompare(rt, RH_CMP_LT, a, b);
    case CMP_LE: return rh_richcompare(rt, RH_CMP_LE, a, b);
    case CMP_EQ: return rh_richcompare(rt, RH_CMP_EQ, a, b);
    case CMP_NE: return rh_richcompare(rt, RH_CMP_NE, a, b);
    case CMP_GT: return rh_richcompare(rt, RH_CMP_GT, a, b);
    case CMP_GE: return rh_richcompare(rt, RH_CMP_GE, a, b);
    default: break;
    }
    rh_err_set(rt, RH_EXC_UNSUPPORTED, "comparison operator %d", op);
    return -1;
}

/* ---------------------------------------------------------------- arithmetic: the library's operators
 * (refheap/abstract.h, CPython's results and messages); the harness's op codes map onto them. */
static int lib_binop_kind(int op) {
    switch (op) {
    case OP_ADD: return RH_BINOP_ADD;
    case OP_SUB: return RH_BINOP_SUB;
    case OP_MUL: return RH_BINOP_MUL;
    case OP_DIV: return RH_BINOP_TRUEDIV;
    case OP_FLOORDIV: return RH_BINOP_FLOORDIV;
    case OP_MOD: return RH_BINOP_MOD;
    case OP_POW: return RH_BINOP_POW;
    case OP_LSHIFT: return RH_BINOP_LSHIFT;
    case OP_RSHIFT: return RH_BINOP_RSHIFT;
    case OP_AND: return RH_BINOP_AND;
    case OP_OR: return RH_BINOP_OR;
    case OP_XOR: return RH_BINOP_XOR;
    case OP_MATMUL: return RH_BINOP_MATMUL;
    default: return -1;
    }
}

rh_object *hx_eval_binop(hx_interp *I, int op, rh_object *a, rh_object *b, int inplace) {
    int k = lib_binop_kind(op);
    /* Python 2's classic division (py27 without `from __future__ import division`): int / int floors */
    if (k == RH_BINOP_TRUEDIV && I->classic_division && a->type->kind == RH_K_INT && b->type->kind == RH_K_INT)
        k = RH_BINOP_FLOORDIV;
    if (k < 0) {
        rh_err_set(I->rt, RH_EXC_UNSUPPORTED, "binary operator %d", op);
        return NULL;
    }
    return inplace ? rh_inplace_binop(I->rt, (rh_binop_kind)k, a, b) : rh_binop(I->rt, (rh_binop_kind)k, a, b);
}

rh_object *hx_eval_unary(hx_interp *I, rh_object *a, int op) {
    switch (op) {
    case OP_NEG: return rh_unop(I->rt, RH_UNOP_NEG, a);
    case OP_POS: return rh_unop(I->rt, RH_UNOP_POS, a);
    case OP_INVERT: return rh_unop(I->rt, RH_UNOP_INVERT, a);
    default:
        rh_err_set(I->rt, RH_EXC_UNSUPPORTED, "unary operator %d", op);
        return NULL;
    }
}
