/* vm.c — the frame-based VM: executes the bytecode of compile.c over librefheap objects.
 *
 * Owns frames (fast locals, value stack and loop cursors in one LIFO arena block, as 3.11's
 * _PyInterpreterFrame keeps localsplus on the thread's data stack), the instruction loop, calls (Python
 * functions, bound methods, classes, built-ins: hx_call) and the execution of module and class bodies.
 * Invariants (those of CPython 3.11's ceval.c):
 *  - every stack slot holds an owned reference, a NULL pushed by PUSH_NULL/LOAD_METHOD, or, in the self
 *    slot of a call, a built-in method def tagged with bit 0 (the receiver then sits in the callable slot:
 *    what 3.11's LOAD_METHOD of a method descriptor leaves, with no bound object made);
 *  - an instruction releases its operands when it is done with them, in ceval.c's order, and on error the
 *    stack is released top first before the frame's locals (slot order) — _PyFrame_Clear;
 *  - arguments of a call to a Python function move into the callee's fast locals (3.11) or are copied
 *    (profile call_args_stolen = 0: 3.10, 2.7) and the caller's stack keeps its own until the call returns;
 *  - a frame's line is recomputed from the instruction index only when it is needed (traceback).
 */
#include <stdlib.h>
#include <string.h>

#include "interp.h"
#include "report.h"

/* Each Python frame is a level of the runtime's recursion depth (rh_recursion_enter, as 3.11's
 * _Py_EnterRecursivePy), the module's frame included: at the default limit 999 function frames fit. */

static rh_object *newref(rh_object *o) { rh_incref(o); return o; }

static inline int is_tagged(const rh_object *o) { return ((uintptr_t)o & 1u) != 0; }
static inline rh_object *tag_def(const rh_builtin_def *d) { return (rh_object *)((uintptr_t)d | 1u); }
static inline const rh_builtin_def *untag_def(rh_object *o) { return (const rh_builtin_def *)((uintptr_t)o & ~(uintptr_t)1); }

/* Release one stack slot: NULL and tagged defs hold no reference. */
static inline void release_slot(rh_runtime *rt, rh_object *o) {
    if (o && !is_tagged(o)) rh_decref(rt, o);
}

/* ---------------------------------------------------------------- frames */

/* Words a frame of unit c needs: fast locals, the value stack, a cursor per nested for loop. */
static size_t frame_words(const hx_code *c) {
    return (size_t)c->nslots + (size_t)c->stacksize + HX_LOOP_WORDS * (size_t)c->nloopslots;
}

/* frame_setup and frame_clear run once per call: inlined into the call paths, as 3.11's frame push and
 * pop are part of the call instruction */
static inline __attribute__((always_inline)) void frame_setup(hx_interp *I, hx_frame *fr, hx_code *c,
                                                              rh_object *globals, rh_object *ns) {
    memset(fr, 0, sizeof *fr);
    fr->code = c;
    fr->fast = hx_frame_alloc(I, frame_words(c), (size_t)c->nslots);
    fr->loops = (int64_t *)(fr->fast + c->nslots + c->stacksize);
    fr->globals = globals;
    fr->ns = ns;
    fr->line = c->line;
    fr->back = I->frame;
}

rh_object *hx_frame_object(hx_interp *I, hx_frame *f) {
    if (f->frame_obj) return f->frame_obj;
    hx_code *c = f->code;
    rh_object *name = rh_str_intern_utf8(I->rt, c->name, strlen(c->name));
    if (!name) return NULL;
    f->frame_obj = rh_frame_new(I->rt, f, c, name, f->func, f->globals, c->nslots, c->stacksize);
    rh_decref(I->rt, name);
    if (f->frame_obj) rh_frame_set_lineno(f->frame_obj, f->line);
    return f->frame_obj;
}

/* frame_alloc under 3.10 and 2.7 (profile frame_per_call): every call's frame object, made before the
 * arguments are bound (_PyEval_MakeFrameVector), f_back its caller's; it holds no function (3.10's frames
 * keep the code and the globals). 0, or -1 with MemoryError. */
static __attribute__((noinline)) int frame_per_call(hx_interp *I, hx_frame *fr) {
    hx_code *c = fr->code;
    rh_object *name = c->co_zombie.zombie ? NULL : hx_name(I, c->name); /* a zombie keeps its unit's name */
    rh_object *back = fr->back ? hx_frame_object(I, fr->back) : NULL;
    if ((!name && !c->co_zombie.zombie) || (fr->back && !back)) return -1;
    fr->frame_obj = rh_frame_acquire(I->rt, &c->co_zombie, fr, c, name, NULL, fr->globals, back, c->nslots,
                                     c->co_stacksize);
    if (!fr->frame_obj) return -1;
    rh_frame_set_lineno(fr->frame_obj, fr->line);
    return 0;
}
#define FRAME_PER_CALL(I, fr) (__builtin_expect((I)->frame_per_call, 0) ? frame_per_call(I, fr) : 0)

/* HX_COMP_FRAME: the frame object of the call of comprehension k of f's unit (3.10: every comprehension
 * is a function call; 2.7: set and dict comprehensions), f_back the comprehension around it or f's own.
 * 0, or -1 with MemoryError. */
static __attribute__((noinline)) int comp_frame_enter(hx_interp *I, hx_frame *f, int k) {
    hx_code *u = f->code->co_comps[k].unit;
    if (u->zombie_of) u = u->zombie_of; /* one code object for equal comprehensions */
    if (I->ncompframes == I->capcompframes) {
        int cap = I->capcompframes ? 2 * I->capcompframes : 16;
        struct hx_compframe *p = realloc(I->compframes, (size_t)cap * sizeof *p);
        if (!p) { rh_err_nomemory(I->rt); return -1; }
        I->compframes = p;
        I->capcompframes = cap;
    }
    struct hx_compframe *top = I->ncompframes ? &I->compframes[I->ncompframes - 1] : NULL;
    rh_object *back = top && top->owner == f ? top->fo : hx_frame_object(I, f);
    rh_object *name = u->co_zombie.zombie ? NULL : hx_name(I, u->name);
    if (!back || (!name && !u->co_zombie.zombie)) return -1;
    /* the <listcomp> code's own locals (.0 and the target) and stack are not counted separately: 2 + 4 */
    rh_object *fo = rh_frame_acquire(I->rt, &u->co_zombie, NULL, u, name, NULL, f->globals, back, 2, 4);
    if (!fo) return -1;
    rh_frame_set_lineno(fo, u->line);
    I->compframes[I->ncompframes++] = (struct hx_compframe){f, k, fo};
    return 0;
}

/* The innermost comprehension frame of f leaves (its call returned or failed): frame_dealloc, or, still
 * referenced (a traceback), it keeps its f_back and is tracked */
static void comp_frame_leave(hx_interp *I) {
    rh_object *fo = I->compframes[--I->ncompframes].fo;
    if (rh_refcount(fo) > 1) rh_frame_take_ownership(I->rt, fo, NULL, 0, NULL);
    rh_decref(I->rt, fo);
}

/* An error leaves the comprehensions of f that do not hold instruction `target` (-1: all of f's) */
static __attribute__((noinline)) void comp_frames_unwind(hx_interp *I, hx_frame *f, int target) {
    while (I->ncompframes) {
        struct hx_compframe *top = &I->compframes[I->ncompframes - 1];
        const struct hx_comp *r = &f->code->co_comps[top->k];
        if (top->owner != f || (target >= r->start && target < r->end)) break;
        comp_frame_leave(I);
    }
}

/* take_ownership: the frame object fo, still referenced elsewhere, takes the locals over, with the caller's
 * frame object (made now if need be) as its f_back. When that allocation fails f_back stays NULL and its
 * MemoryError is dropped (PyErr_Clear); the error the frame is unwinding with stays pending. */
static __attribute__((noinline)) void frame_hand_over(hx_interp *I, hx_frame *fr, rh_object *fo) {
    rh_object *back = NULL;
    if (fr->back) {
        rh_err_state s;
        int pending = rh_err_occurred(I->rt) != RH_EXC_NONE;
        if (pending) rh_err_save(I->rt, &s);
        back = hx_frame_object(I, fr->back);
        if (!back) rh_err_clear(I->rt);
        if (pending) rh_err_restore_state(I->rt, &s);
    }
    rh_frame_take_ownership(I->rt, fo, fr->fast, fr->code->nslots, back);
}

/* _PyFrame_Clear: a frame object still referenced elsewhere (a traceback) takes the locals over, with the
 * caller's frame object as its f_back; otherwise it goes first, then the locals in slot order. */
static inline __attribute__((always_inline)) void frame_clear(hx_interp *I, hx_frame *fr) {
    hx_code *c = fr->code;
    rh_object *fo = fr->frame_obj;
    if (fo) {
        fr->frame_obj = NULL;
        rh_frame_set_lineno(fo, fr->line);
        if (rh_refcount(fo) > 1) frame_hand_over(I, fr, fo);
        rh_decref(I->rt, fo);
    }
    for (int i = 0; i < c->nslots; i++) {
        rh_object *v = fr->fast[i];
        fr->fast[i] = NULL;
        rh_xdecref(I->rt, v);
    }
    hx_frame_free(I, fr->fast);
}

/* ---------------------------------------------------------------- errors raised by instructions */

static void unbound_local(hx_interp *I, hx_code *c, int slot) {
    if (rh_runtime_profile(I->rt)->version_hex >= 0x030B) /* ceval.c UNBOUNDLOCAL_ERROR_MSG, 3.11's wording */
        rh_err_set(I->rt, RH_EXC_UNBOUNDLOCAL, "cannot access local variable '%s' where it is not associated with a value",
                   c->slotnames[slot]);
    else
        rh_err_set(I->rt, RH_EXC_UNBOUNDLOCAL, "local variable '%s' referenced before assignment", c->slotnames[slot]);
}

/* ---------------------------------------------------------------- 2.x's exception state
 * 2.7's ceval.c keeps the exception being handled in the thread state, with its traceback beside it (an
 * exception holds none), and sets it when an except clause or a with statement's __exit__ is given an
 * exception (set_exc_info; a finally block is not). The first time a frame catches one, the thread's state
 * before is saved in the frame (f_exc_*) and given back when the frame returns, fails or yields
 * (reset_exc_info): until then sys.exc_info() and a bare `raise` see the last exception caught, past the end
 * of its clause, and nothing is unbound at the end of `except E as e`. */
static __attribute__((noinline)) void set_exc_info(hx_interp *I, hx_frame *f, rh_object *value, rh_object *tb) {
    rh_runtime *rt = I->rt;
    if (!I->npy2saved || I->py2saved[I->npy2saved - 1].frame != f) { /* this frame didn't catch one before */
        if (I->npy2saved == I->cappy2saved) {
            I->cappy2saved = I->cappy2saved ? 2 * I->cappy2saved : 16;
            I->py2saved = realloc(I->py2saved, (size_t)I->cappy2saved * sizeof *I->py2saved);
            if (!I->py2saved) abort();
        }
        struct hx_py2saved *s = &I->py2saved[I->npy2saved++];
        s->frame = f;
        s->value = rh_exc_handled(rt);
        s->tb = rh_exc_handled_tb(rt);
        rh_xincref(s->value);
        rh_xincref(s->tb);
    }
    rh_incref(value);
    rh_xincref(tb);
    rh_object *old = rh_exc_handled_swap(rt, value), *oldtb = rh_exc_handled_tb_swap(rt, tb);
    rh_xdecref(rt, old);
    rh_xdecref(rt, oldtb);
    hx_sys_exc_mirror(I);
}
static __attribute__((noinline)) void reset_exc_info(hx_interp *I) {
    rh_runtime *rt = I->rt;
    struct hx_py2saved *s = &I->py2saved[--I->npy2saved];
    rh_object *old = rh_exc_handled_swap(rt, s->value), *oldtb = rh_exc_handled_tb_swap(rt, s->tb);
    rh_xdecref(rt, old);
    rh_xdecref(rt, oldtb);
    hx_sys_exc_mirror(I);
}
/* The traceback an instruction of a 2.x handler reads: TOP when it is an item, NULL for None */
static inline rh_object *tb_item(rh_runtime *rt, rh_object *o) { return o == rh_none(rt) ? NULL : o; }

/* The 2.x forms of the handler instructions, out of the instruction loop (its hot paths keep their
 * registers). PUSH_EXC_INFO: top[-1] is the exception; it becomes its traceback (arg & 2: a with statement's,
 * the item under it; else the one exception_unwind left in I->py2_tb) and the exception goes to top[0], the
 * caller's new top; the exception is the handled one unless arg & 1 (a finally block). */
static __attribute__((noinline)) void py2_push_exc_info(hx_interp *I, hx_frame *f, rh_object **top, uint32_t arg) {
    rh_object *v = top[-1], *w;
    if (arg & 2) w = newref(top[-2]);
    else {
        w = I->py2_tb ? I->py2_tb : newref(rh_none(I->rt));
        I->py2_tb = NULL;
    }
    top[-1] = w;
    top[0] = v;
    if (arg & 1) return; /* a finally block: 2.7 neither normalizes nor sets the handled exception */
    if (v == I->py2_raised) { /* PyErr_NormalizeException of an instance: PyObject_IsSubclass(inclass, type) */
        rh_object *cls = (rh_object *)rh_type_of(v);
        if (hx_py27_check_hook(I, cls, "__subclasscheck__", cls) < 0) rh_err_clear(I->rt); /* (allocations only) */
    }
    I->py2_raised = NULL;
    set_exc_info(I, f, v, tb_item(I->rt, w));
}
/* RERAISE (2.7's END_FINALLY): v (stolen) raised again with the traceback item tbi (borrowed); the frame's
 * line is the traceback's when that entry is the frame's own */
static __attribute__((noinline)) void py2_reraise(hx_interp *I, hx_frame *f, rh_object *v, rh_object *tbi) {
    rh_object *w = tb_item(I->rt, tbi);
    if (v == rh_exc_handled(I->rt)) I->py2_raised = v; /* an except handler normalized it: an instance now */
    if (w && rh_tb_frame(w) == f->frame_obj) f->line = rh_tb_lineno(w);
    rh_xincref(w);
    rh_err_restore(I->rt, v, w);
}
/* exception_unwind's 2.x fetch (2.7 pushes tb, value, type): the exception (new reference, NULL when
 * normalizing failed) and its traceback, which takes the index's place (*tb_item: new reference, None when
 * there is none) for a handler that has one, else waits in I->py2_tb for the handler's PUSH_EXC_INFO */
static __attribute__((noinline)) rh_object *py2_fetch(hx_interp *I, int lasti, rh_object **tb_item_out) {
    rh_object *tb, *v = rh_err_fetch_tb(I->rt, &tb);
    *tb_item_out = NULL;
    if (!v) {
        rh_xdecref(I->rt, tb);
        return NULL;
    }
    if (lasti) *tb_item_out = tb ? tb : newref(rh_none(I->rt));
    else I->py2_tb = tb;
    return v;
}

/* do_raise (ceval.c): raise exc (an exception class is called, an instance raised as it is) with cause.
 * Both stolen. Returns 1 when the exception keeps its traceback (bare `raise`: exception_unwind without
 * a new entry), 0 when it is a new raise (error: adds this frame), with the error set either way. */
static __attribute__((noinline)) int do_raise(hx_interp *I, rh_object *exc, rh_object *cause) {
    rh_runtime *rt = I->rt;
    if (!exc) {
        rh_object *v = rh_exc_handled(rt);
        if (!v) {
            if (I->exc_py2) /* 2.7's do_raise: type = tstate->exc_type, or None */
                rh_err_set(rt, RH_EXC_TYPE, "exceptions must be old-style classes or derived from BaseException, not NoneType");
            else
                rh_err_set(rt, RH_EXC_RUNTIME, "No active exception to reraise");
            return 0;
        }
        rh_object *tb = I->exc_py2 ? rh_exc_handled_tb(rt) : rh_exc_traceback(rt, v);
        if (I->exc_py2) I->py2_raised = v;
        rh_xincref(tb);
        rh_incref(v);
        rh_err_restore(rt, v, tb);
        return 1;
    }
    rh_object *value = NULL;
    if (rh_is_exc_class(exc)) {
        value = hx_call(I, exc, NULL, 0, NULL, NULL, 0);
        if (!value) goto fail;
        if (!rh_is_exc_instance(value)) {
            rh_err_set(rt, RH_EXC_TYPE, "calling %s should have returned an instance of BaseException, not %s",
                       ((rh_type *)(void *)exc)->name, hx_tname(value));
            goto fail;
        }
    } else if (rh_is_exc_instance(exc)) {
        value = exc;
        exc = NULL;
    } else {
        rh_err_set(rt, RH_EXC_TYPE, "exceptions must derive from BaseException");
        goto fail;
    }
    if (cause) {
        rh_object *fixed = NULL;
        if (rh_is_exc_class(cause)) {
            if (!(fixed = hx_call(I, cause, NULL, 0, NULL, NULL, 0))) goto fail;
        } else if (rh_is_exc_instance(cause)) {
            fixed = cause;
            rh_incref(fixed);
        } else if (cause != rh_none(rt)) {
            rh_err_set(rt, RH_EXC_TYPE, "exception causes must derive from BaseException");
            goto fail;
        }
        rh_exc_set_cause(rt, value, fixed);
        rh_xdecref(rt, fixed);
    }
    rh_xdecref(rt, exc);
    rh_xdecref(rt, cause);
    rh_err_set_object(rt, value);
    return 0;
fail:
    rh_xdecref(rt, value);
    rh_xdecref(rt, exc);
    rh_xdecref(rt, cause);
    return 0;
}

/* 2.7's do_raise (ceval.c) for `raise type[, value[, tb]]` (all stolen; value and tb NULL or None when absent):
 * the first item of nested tuples is the type; a class is instantiated as PyErr_NormalizeException does
 * (value an instance of it: raised as it is; a tuple: the arguments; None: none; else the one argument); an
 * instance is raised with no separate value. With a traceback given the exception continues it (1: no entry for
 * this frame, WHY_RERAISE), else 0; the error is set either way. */
static __attribute__((noinline)) int do_raise_py2(hx_interp *I, rh_object *type, rh_object *value, rh_object *tb) {
    rh_runtime *rt = I->rt;
    rh_object *none = rh_none(rt), *exc = NULL;
    if (tb == none) rh_setref(rt, &tb, NULL);
    if (value == none) rh_setref(rt, &value, NULL);
    if (tb && rh_kind_of(tb) != RH_K_TRACEBACK) {
        rh_err_set(rt, RH_EXC_TYPE, "raise: arg 3 must be a traceback or None");
        goto fail;
    }
    while (rh_kind_of(type) == RH_K_TUPLE && rh_tuple_len(type) > 0) {
        rh_object *first = newref(rh_tuple_get(type, 0));
        rh_decref(rt, type);
        type = first;
    }
    if (rh_is_exc_class(type)) {
        /* PyErr_NormalizeException: an instance value is tested with PyObject_IsSubclass */
        if (value && rh_is_exc_instance(value) && hx_py27_check_hook(I, type, "__subclasscheck__", (rh_object *)rh_type_of(value)) < 0)
            goto fail;
        if (value && rh_exc_class_matches((rh_object *)rh_type_of(value), type)) exc = newref(value);
        else {
            size_t n = !value ? 0 : rh_kind_of(value) == RH_K_TUPLE ? rh_tuple_len(value) : 1;
            rh_object **argv = n ? malloc(n * sizeof *argv) : NULL;
            if (n && !argv) {
                rh_err_nomemory(rt);
                goto fail;
            }
            for (size_t i = 0; i < n; i++) argv[i] = newref(rh_kind_of(value) == RH_K_TUPLE ? rh_tuple_get(value, i) : value);
            exc = hx_call(I, type, argv, (int)n, NULL, NULL, 0);
            free(argv);
        }
        if (!exc) goto fail;
        if (!rh_is_exc_instance(exc)) { /* PyErr_NormalizeException keeps a non-instance as the value */
            rh_err_set(rt, RH_EXC_TYPE, "calling %s should have returned an instance of BaseException, not %s",
                       ((rh_type *)(void *)type)->name, hx_tname(exc));
            goto fail;
        }
    } else if (rh_is_exc_instance(type)) {
        if (value) {
            rh_err_set(rt, RH_EXC_TYPE, "instance exception may not have a separate value");
            goto fail;
        }
        exc = newref(type);
    } else {
        rh_err_set(rt, RH_EXC_TYPE, "exceptions must be old-style classes or derived from BaseException, not %s",
                   hx_tname(type));
        goto fail;
    }
    rh_decref(rt, type);
    rh_xdecref(rt, value);
    I->py2_raised = exc;
    rh_err_restore(rt, exc, tb);
    return tb != NULL;
fail:
    rh_xdecref(rt, exc);
    rh_decref(rt, type);
    rh_xdecref(rt, value);
    rh_xdecref(rt, tb);
    return 0;
}

/* check_except_type_valid + PyErr_GivenExceptionMatches: 1, 0, or -1 (TypeError) */
static int exc_matches(hx_interp *I, rh_object *exc, rh_object *type) {
    int ok = rh_is_exc_class(type);
    if (rh_kind_of(type) == RH_K_TUPLE) {
        ok = 1;
        for (size_t i = 0; i < rh_tuple_len(type); i++) ok &= rh_is_exc_class(rh_tuple_get(type, i));
    }
    if (!ok) {
        rh_err_set(I->rt, RH_EXC_TYPE, "catching classes that do not inherit from BaseException is not allowed");
        return -1;
    }
    rh_object *cls = (rh_object *)rh_type_of(exc);
    if (I->exc_py2) { /* 2.7's PyErr_GivenExceptionMatches: PyObject_IsSubclass per class, in order, to the first
                       * match, each through type's own __subclasscheck__ (hx_py27_check_hook) */
        int tup = rh_kind_of(type) == RH_K_TUPLE;
        for (size_t i = 0, n = tup ? rh_tuple_len(type) : 1; i < n; i++) {
            rh_object *one = tup ? rh_tuple_get(type, i) : type;
            if (hx_py27_check_hook(I, one, "__subclasscheck__", cls) < 0) return -1;
            if (rh_exc_class_matches(cls, one)) return 1;
        }
        return 0;
    }
    return rh_exc_class_matches(cls, type);
}

/* WITH_EXCEPT_START: exitf(type(val), val, val.__traceback__), both borrowed; new reference or NULL */
static __attribute__((noinline)) rh_object *with_except_start(hx_interp *I, rh_object *exitf, rh_object *val,
                                                              rh_object *py2tb) {
    rh_runtime *rt = I->rt;
    rh_object *tb = I->exc_py2 ? tb_item(rt, py2tb) : rh_exc_traceback(rt, val);
    rh_object *argv[3] = {newref((rh_object *)rh_type_of(val)), newref(val), newref(tb ? tb : rh_none(rt))};
    rh_incref(exitf);
    rh_object *r = hx_call(I, exitf, argv, 3, NULL, NULL, 0);
    rh_decref(rt, exitf);
    return r;
}

/* A comprehension refheap runs inline has a frame of its own in CPython before 3.12 (PEP 709), and a list
 * comprehension from 3.0 (2.7's is inline too): for the innermost such comprehension around instruction
 * `at`, the traceback entry of that frame (a finished frame object, f_back the enclosing frame's, as
 * PyTraceBack_Here makes while the error leaves it), then the same for the comprehensions around it; the
 * enclosing frame's own entry is then at the call of the outermost one (returned). */
static __attribute__((noinline)) int comp_frames_here(hx_interp *I, hx_frame *f, int at) {
    rh_runtime *rt = I->rt;
    uint32_t v = rh_runtime_profile(rt)->version_hex;
    hx_code *c = f->code;
    const struct hx_comp *chain[64]; /* innermost first; each entry's instruction there */
    int where[64], n = 0;
    for (int cur = at; n < 64;) {
        const struct hx_comp *in = NULL;
        for (int k = 0; k < c->ncomps; k++) {
            const struct hx_comp *r = &c->co_comps[k];
            if (cur >= r->start && cur < r->end && (!in || r->end - r->start < in->end - in->start)) in = r;
        }
        if (!in || v >= 0x030C || (in->which == 0 && v < 0x0300)) break;
        chain[n] = in;
        where[n++] = cur;
        cur = in->call_at;
    }
    if (!n) return at;
    rh_object *fo[64] = {0}, *back = hx_frame_object(I, f);
    if (I->frame_per_call) { /* 3.10/2.7: the comprehensions' own frame objects (HX_COMP_FRAME) */
        for (int k = 0, j = I->ncompframes - 1; k < n; k++) {
            while (j >= 0 && I->compframes[j].owner == f && &c->co_comps[I->compframes[j].k] != chain[k]) j--;
            if (j < 0 || I->compframes[j].owner != f) break;
            rh_frame_set_lineno(I->compframes[j].fo, c->co_lines[where[k]]);
            rh_err_add_traceback(rt, I->compframes[j].fo, where[k], c->co_lines[where[k]]);
        }
        return chain[n - 1]->call_at;
    }
    for (int k = n - 1; k >= 0 && back; k--) { /* outermost first, each the next one's f_back */
        const hx_code *u = chain[k]->unit;
        rh_object *name = rh_str_intern_utf8(rt, u->name, strlen(u->name));
        fo[k] = name ? rh_frame_new(rt, NULL, chain[k]->unit, name, f->func, f->globals, 0, 0) : NULL;
        rh_xdecref(rt, name);
        if (!fo[k]) break;
        rh_frame_take_ownership(rt, fo[k], NULL, 0, back);
        rh_frame_set_lineno(fo[k], c->co_lines[where[k]]);
        back = fo[k];
    }
    for (int k = 0; k < n; k++) {
        if (fo[k]) rh_err_add_traceback(rt, fo[k], where[k], c->co_lines[where[k]]);
        rh_xdecref(rt, fo[k]);
    }
    return chain[n - 1]->call_at;
}

/* The traceback entry of frame f for the instruction at index `at` (PyTraceBack_Here) */
static __attribute__((noinline)) void traceback_here(hx_interp *I, hx_frame *f, int at) {
    if (f->code->ncomps) at = comp_frames_here(I, f, at);
    f->line = f->code->co_lines[at];
    if (hx_frame_object(I, f)) {
        rh_frame_set_lineno(f->frame_obj, f->line);
        rh_err_add_traceback(I->rt, f->frame_obj, at, f->line);
    }
}

/* A with statement's manager lacks the method `name`: 1 when the caller is to raise 3.11's TypeError; before
 * 3.11 special_lookup (ceval.c) raised AttributeError(name), which is set here (0). Other errors stay (0). */
static int protocol_error(hx_interp *I, const char *name) {
    if (rh_err_occurred(I->rt) != RH_EXC_ATTRIBUTE) return 0;
    if (rh_runtime_profile(I->rt)->version_hex >= 0x030B) return 1;
    rh_err_set(I->rt, RH_EXC_ATTRIBUTE, "%s", name);
    return 0;
}

/* BEFORE_WITH / BEFORE_ASYNC_WITH (async): *top (the manager) becomes its __exit__ / __aexit__, and
 * __enter__() / __aenter__() is returned (new reference; `async with` awaits it) */
static __attribute__((noinline)) rh_object *before_with(hx_interp *I, rh_object **top, int async) {
    rh_runtime *rt = I->rt;
    rh_object *mgr = *top;
    const char *en = async ? "__aenter__" : "__enter__", *ex = async ? "__aexit__" : "__exit__";
    const char *kind = async ? "asynchronous " : "";
    rh_object *enter = hx_getattr_obj(I, mgr, async ? I->s_aenter : I->s_enter);
    if (!enter) {
        if (protocol_error(I, en))
            rh_err_set(rt, RH_EXC_TYPE, "'%s' object does not support the %scontext manager protocol", hx_tname(mgr), kind);
        return NULL;
    }
    rh_object *exit = hx_getattr_obj(I, mgr, async ? I->s_aexit : I->s_exit);
    if (!exit) {
        if (protocol_error(I, ex))
            rh_err_set(rt, RH_EXC_TYPE, "'%s' object does not support the %scontext manager protocol (missed %s method)",
                       hx_tname(mgr), kind, ex);
        rh_decref(rt, enter);
        return NULL;
    }
    *top = exit;
    rh_decref(rt, mgr);
    rh_object *res = hx_call(I, enter, NULL, 0, NULL, NULL, 0);
    rh_decref(rt, enter);
    return res;
}

/* ---------------------------------------------------------------- the instruction loop */

static int run_frame(hx_interp *I, hx_frame *f);
static rh_object *call_py_exact(hx_interp *I, rh_object *fn, rh_object **args, int n);

/* A call of a function of code c with n positional arguments and nothing else binds them to its first n
 * fast locals and nothing more (CALL_PY_EXACT_ARGS's test, Python/specialize.c: argcount == co_argcount
 * of a function without *args, **kwargs or keyword-only parameters). */
static inline int exact_args(const hx_code *c, int n) {
    return n == c->nparams && !c->varargs && !c->varkw && !c->nkwonly && !c->co_flags; /* (co_flags: generator code) */
}

/* 2.7's METH_VARARGS functions and methods among those refheap has (Python/bltinmodule.c,
 * Objects/listobject.c, dictobject.c, stringobject.c, tupleobject.c, setobject.c, Modules/gcmodule.c,
 * Python/sysmodule.c): called, they get an argument tuple (2.7's call_function: load_args), and with
 * keywords a dict first (do_call: update_keyword_args). kind -1: a function (of builtins or a module). */
static const struct { int kind; const char *name; } py27_varargs[] = {
    {-1, "__import__"}, {-1, "cmp"}, {-1, "compile"}, {-1, "delattr"}, {-1, "dir"}, {-1, "divmod"}, {-1, "eval"},
    {-1, "filter"}, {-1, "format"}, {-1, "getattr"}, {-1, "hasattr"}, {-1, "intern"}, {-1, "isinstance"},
    {-1, "issubclass"}, {-1, "iter"}, {-1, "map"}, {-1, "max"}, {-1, "min"}, {-1, "next"}, {-1, "open"}, {-1, "pow"},
    {-1, "range"}, {-1, "reduce"}, {-1, "round"}, {-1, "setattr"}, {-1, "sorted"}, {-1, "sum"}, {-1, "unichr"},
    {-1, "vars"}, {-1, "zip"}, {-1, "chr"}, {-1, "collect"}, {-1, "getsizeof"},
    {RH_K_LIST, "insert"}, {RH_K_LIST, "pop"}, {RH_K_LIST, "index"}, {RH_K_LIST, "sort"},
    {RH_K_DICT, "get"}, {RH_K_DICT, "setdefault"}, {RH_K_DICT, "pop"}, {RH_K_DICT, "update"}, {RH_K_DICT, "fromkeys"},
    {RH_K_STR, "split"}, {RH_K_STR, "rsplit"}, {RH_K_STR, "count"}, {RH_K_STR, "endswith"}, {RH_K_STR, "startswith"},
    {RH_K_STR, "find"}, {RH_K_STR, "rfind"}, {RH_K_STR, "index"}, {RH_K_STR, "rindex"}, {RH_K_STR, "lstrip"},
    {RH_K_STR, "rstrip"}, {RH_K_STR, "strip"}, {RH_K_STR, "replace"}, {RH_K_STR, "translate"}, {RH_K_STR, "ljust"},
    {RH_K_STR, "rjust"}, {RH_K_STR, "center"}, {RH_K_STR, "zfill"}, {RH_K_STR, "expandtabs"},
    {RH_K_STR, "splitlines"}, {RH_K_STR, "encode"}, {RH_K_STR, "decode"}, {RH_K_STR, "format"},
    {RH_K_TUPLE, "index"},
    {RH_K_SET, "difference"}, {RH_K_SET, "difference_update"}, {RH_K_SET, "intersection"},
    {RH_K_SET, "intersection_update"}, {RH_K_SET, "union"}, {RH_K_SET, "update"},
    {RH_K_FROZENSET, "difference"}, {RH_K_FROZENSET, "intersection"}, {RH_K_FROZENSET, "union"},
};

static int packs_py27(const rh_builtin_def *d, rh_object *self) {
    int k = !self || rh_kind_of(self) == RH_K_MODULE ? -1 : (int)rh_kind_of(self);
    if (self && k == RH_K_TYPE) k = (int)((rh_type *)self)->kind; /* dict.fromkeys */
    for (size_t i = 0; i < sizeof py27_varargs / sizeof py27_varargs[0]; i++)
        if (py27_varargs[i].kind == k && !strcmp(py27_varargs[i].name, d->name)) return 1;
    return 0;
}

rh_object *hx_call_def(hx_interp *I, const rh_builtin_def *d, rh_object *self, rh_object **args, int nargs,
                       char **kwn, rh_object **kwv, int nkw) {
    return hx_call_def_packed(I, d, self, args, nargs, kwn, kwv, nkw, 0);
}

rh_object *hx_call_def_packed(hx_interp *I, const rh_builtin_def *d, rh_object *self, rh_object **args, int nargs,
                              char **kwn, rh_object **kwv, int nkw, int force) {
    rh_runtime *rt = I->rt;
    const rh_profile *p = rh_runtime_profile(rt);
    int packs = force || (d->flags & HX_METH_VARARGS) || ((d->flags & HX_METH_VARARGS_TO312) && p->varargs_find_minmax) ||
                (p->python2 && packs_py27(d, self));
    int prepacked = I->ext_prepacked;
    I->ext_prepacked = 0;
    if (!prepacked) I->call_kwdict = NULL; /* (call_ex set it for this callee) */
    if (!packs || prepacked) {
        rh_object *r = ((hx_cfn)d->fn)(I, self, args, nargs, kwn, kwv, nkw);
        I->call_kwdict = NULL;
        return r;
    }
    rh_object *t = NULL, *kd = NULL, *r = NULL;
    for (int pass = 0; pass < 2; pass++) {
        if (pass == p->python2) { /* _PyTuple_FromArray (2.7: load_args, after the keyword dict); no arguments:
                                   * the empty tuple, nothing allocated */
            if (!nargs) continue;
            if (!(t = rh_tuple_new(rt, (size_t)nargs))) goto out;
            for (int i = 0; i < nargs; i++) rh_tuple_set(t, (size_t)i, newref(args[i]));
        } else if (nkw) { /* _PyStack_AsDict (2.7: update_keyword_args) */
            if (!(kd = rh_dict_new(rt))) goto out;
            for (int i = 0; i < nkw; i++) {
                rh_object *k = hx_name(I, kwn[i]);
                if (!k || rh_dict_set(rt, kd, k, kwv[i]) != 0) goto out;
            }
        }
    }
    I->call_kwdict = kd;
    r = ((hx_cfn)d->fn)(I, self, args, nargs, kwn, kwv, nkw);
    I->call_kwdict = NULL;
out:
    rh_xdecref(rt, kd);
    rh_xdecref(rt, t);
    return r;
}

/* Call with n arguments at args (consumed), nkw of them keywords named by kw. The callable slot is
 * args[-2], the self slot args[-1]; both are consumed too. */
static rh_object *call_stack(hx_interp *I, rh_object **args, int n, const char *const *kwn, int nkw) {
    rh_runtime *rt = I->rt;
    rh_object *callable = args[-2], *self = args[-1];
    int npos = n - nkw;
    rh_object *r;
    if (is_tagged(self)) {
        const rh_builtin_def *d = untag_def(self);
        r = hx_call_def(I, d, callable, args, npos, (char **)kwn, args + npos, nkw);
        for (int i = 0; i < n; i++) rh_decref(rt, args[i]);
    } else if (self) {
        r = hx_call(I, callable, args - 1, npos + 1, (char **)kwn, args + npos, nkw);
    } else {
        r = hx_call(I, callable, args, npos, (char **)kwn, args + npos, nkw);
    }
    rh_decref(rt, callable);
    return r;
}

/* PySequence_Tuple of what hx_iter_list made (a list or a tuple, consumed): a new tuple of its items, or
 * NULL with MemoryError */
static rh_object *tuple_of(rh_runtime *rt, rh_object *l) {
    int list = rh_kind_of(l) == RH_K_LIST;
    rh_object *t = rh_tuple_new(rt, list ? rh_list_len(l) : rh_tuple_len(l));
    for (size_t i = 0; t && i < rh_tuple_len(t); i++) rh_tuple_set(t, i, newref(list ? rh_list_get(l, i) : rh_tuple_get(l, i)));
    rh_decref(rt, l);
    return t;
}

/* CALL_FUNCTION_EX: fn(*seq, **kwargs) (kwargs a dict or NULL; both stolen). The argument tuple lives for
 * the whole call (PySequence_Tuple of a non-tuple); with keywords, _PyVectorcall_Call's _PyStack_UnpackDict
 * makes a tuple of the names and a new argument array holding one more reference to every argument, both
 * alive until the call returns. 3.12+ (call_ex_inline) pushes a Python function's frame instead and drops
 * the tuple, the dict and the names before the callee runs, the frame owning the arguments alone. */
static rh_object *call_ex(hx_interp *I, rh_object *fn, rh_object *seq, rh_object *kwargs);
rh_object *hx_call_ex(hx_interp *I, rh_object *fn, rh_object *seq, rh_object *kwargs) { return call_ex(I, fn, seq, kwargs); }
static rh_object *call_ex(hx_interp *I, rh_object *fn, rh_object *seq, rh_object *kwargs) {
    rh_runtime *rt = I->rt;
    rh_object *tup = seq;
    if (rh_kind_of(seq) != RH_K_TUPLE) {
        rh_object *l = hx_iter_list(I, seq);
        if (!l) {
            if (rh_err_occurred(rt) == RH_EXC_TYPE && rh_kind_of(fn) == RH_K_FUNCTION)
                rh_err_set(rt, RH_EXC_TYPE, "%s() argument after * must be an iterable, not %s",
                           hx_cstr(I, rh_func_qualname(fn)), hx_tname(seq));
            rh_decref(rt, seq);
            rh_xdecref(rt, kwargs);
            return NULL;
        }
        tup = tuple_of(rt, l);
        rh_decref(rt, seq); /* Py_SETREF(callargs, PySequence_Tuple(callargs)) */
        if (!tup) { rh_xdecref(rt, kwargs); return NULL; }
    }
    size_t n = rh_tuple_len(tup), nkw = kwargs ? rh_dict_len(kwargs) : 0;
    if (n + nkw > RH_ARGS_MAX) {
        rh_err_set(rt, RH_EXC_UNSUPPORTED, "more than %d call arguments", RH_ARGS_MAX);
        rh_decref(rt, tup);
        rh_xdecref(rt, kwargs);
        return NULL;
    }
    int inline_frame = rh_runtime_profile(rt)->call_ex_inline && rh_kind_of(fn) == RH_K_FUNCTION;
    /* 2.7's function_call: the keywords go to the frame as a tuple of (name, value) pairs, each with a new
     * reference (kwtuple), and the positional arguments as the argument tuple's own items */
    int py27_func = rh_runtime_profile(rt)->python2 && rh_kind_of(fn) == RH_K_FUNCTION;
    rh_object *a[RH_ARGS_MAX], *kwv[RH_ARGS_MAX], *kv2[RH_ARGS_MAX], *names = NULL;
    char *kwn[RH_ARGS_MAX];
    int py27 = rh_runtime_profile(rt)->python2;
    if (nkw) { /* _PyStack_UnpackDict (2.7: function_call's kwtuple; for anything else the dict as it is) */
        if ((!py27 || py27_func) && !(names = rh_tuple_new(rt, py27_func ? 2 * nkw : nkw))) {
            rh_decref(rt, tup);
            rh_decref(rt, kwargs);
            return NULL;
        }
        size_t pos = 0, i = 0;
        rh_object *k, *v;
        while (rh_dict_next(kwargs, &pos, &k, &v)) {
            if (py27_func) {
                rh_tuple_set(names, 2 * i, newref(k));
                rh_tuple_set(names, 2 * i + 1, newref(v));
            } else if (names) {
                rh_tuple_set(names, i, newref(k));
            }
            kwn[i] = (char *)hx_cstr(I, k);
            kwv[i++] = v;
        }
        if (!inline_frame && !py27) {
            for (size_t j = 0; j < n; j++) rh_incref(rh_tuple_get(tup, j));
            for (size_t j = 0; j < nkw; j++) rh_incref(kwv[j]);
        }
    }
    for (size_t i = 0; i < n; i++) a[i] = newref(rh_tuple_get(tup, i));
    for (size_t i = 0; i < nkw; i++) kv2[i] = newref(kwv[i]);
    rh_object *r;
    if (inline_frame) {
        /* the names stay alive for the call (kwn points into them); the tuple and the dict go once the
         * callee's frame holds its arguments (call_pyfunc: release_ex_args) */
        I->ex_release[0] = tup;
        I->ex_release[1] = kwargs;
        r = hx_call(I, fn, a, (int)n, kwn, kv2, (int)nkw);
        rh_xdecref(rt, names);
        return r;
    }
    /* 3.10 calls a function with the tuple's items themselves (PyObject_Call -> _PyFunction_Vectorcall on
     * _PyTuple_ITEMS), 2.7 with the argument tuple's items (function_call -> PyEval_EvalCodeEx): the
     * references just made for `a` go to the callee's frame, not on top of it */
    I->ex_steal = !rh_runtime_profile(rt)->call_args_stolen && rh_kind_of(fn) == RH_K_FUNCTION;
    I->ext_prepacked = py27 && !py27_func; /* PyObject_Call(func, callargs, kwdict) */
    I->call_kwdict = I->ext_prepacked && nkw ? kwargs : NULL;
    r = hx_call(I, fn, a, (int)n, kwn, kv2, (int)nkw);
    I->ex_steal = I->ext_prepacked = 0;
    I->call_kwdict = NULL;
    if (nkw && py27) {
        rh_xdecref(rt, names);
    } else if (nkw) { /* _PyStack_UnpackDict_Free */
        for (size_t j = 0; j < n; j++) rh_decref(rt, rh_tuple_get(tup, j));
        for (size_t j = 0; j < nkw; j++) rh_decref(rt, kwv[j]);
        rh_decref(rt, names);
    }
    rh_decref(rt, tup);
    rh_xdecref(rt, kwargs);
    return r;
}

static const char *function_str(hx_interp *I, rh_object *fn, char *buf, size_t n);
static int dict_update_generic(hx_interp *I, rh_object *d, rh_object *m);
/* 2.7's ext_do_call (Python/ceval.c) for HX_CALL_EXT27: a **map that is not a dict is copied into a new
 * one (PyDict_Update), a *seq that is not a tuple becomes one (PySequence_Tuple); with name=value pairs the
 * keyword dict is a new dict or a copy of the map, filled from the last pair to the first
 * (update_keyword_args); then update_star_args makes the argument tuple of the stack's arguments (their
 * references moved) and the star tuple's items (new references), and the star tuple stays alive until
 * the call returns. args: the npos arguments then the nkw (name, value) pairs, all consumed, as are seq
 * and map (either NULL). New reference or NULL. */
static rh_object *ext_do_call27(hx_interp *I, rh_object *fn, rh_object **args, int npos, int nkw, rh_object *seq,
                                rh_object *map) {
    rh_runtime *rt = I->rt;
    char fs[160];
    rh_object *kw = NULL, *callargs = NULL, *r = NULL;
    if (map && rh_kind_of(map) != RH_K_DICT) {
        rh_object *d = rh_dict_new(rt);
        if (!d || dict_update_generic(I, d, map) != 0) {
            if (d && rh_err_occurred(rt) == RH_EXC_ATTRIBUTE) {
                rh_err_clear(rt);
                rh_err_set(rt, RH_EXC_TYPE, "%s argument after ** must be a mapping, not %s",
                           function_str(I, fn, fs, sizeof fs), hx_tname(map));
            }
            rh_xdecref(rt, d);
            goto fail;
        }
        rh_decref(rt, map);
        map = d;
    }
    if (seq && rh_kind_of(seq) != RH_K_TUPLE) {
        rh_object *t = NULL, *l = hx_iter_list(I, seq);
        if (!l && rh_err_occurred(rt) == RH_EXC_TYPE)
            rh_err_set(rt, RH_EXC_TYPE, "%s argument after * must be an iterable, not %s",
                       function_str(I, fn, fs, sizeof fs), hx_tname(seq));
        if (!l || !(t = tuple_of(rt, l))) goto fail;
        rh_decref(rt, seq);
        seq = t;
    }
    if (nkw) {
        kw = map ? rh_dict_copy(rt, map) : rh_dict_new(rt);
        rh_xdecref(rt, map);
        map = NULL;
        if (!kw) goto fail;
        for (int i = nkw - 1; i >= 0; i--) {
            rh_object *k = args[npos + 2 * i], *v = args[npos + 2 * i + 1];
            if (rh_dict_get(rt, kw, k)) {
                rh_err_set(rt, RH_EXC_TYPE, "%s got multiple values for keyword argument '%s'",
                           function_str(I, fn, fs, sizeof fs), hx_cstr(I, k));
                goto fail;
            }
            if (rh_dict_set(rt, kw, k, v) != 0) goto fail;
            rh_decref(rt, v);
            rh_decref(rt, k);
            args[npos + 2 * i] = args[npos + 2 * i + 1] = NULL;
        }
    } else {
        kw = map;
        map = NULL;
    }
    size_t nstar = seq ? rh_tuple_len(seq) : 0;
    if (!(callargs = rh_tuple_new(rt, (size_t)npos + nstar))) goto fail;
    for (size_t i = 0; i < nstar; i++) rh_tuple_set(callargs, (size_t)npos + i, newref(rh_tuple_get(seq, i)));
    for (int i = npos - 1; i >= 0; i--) {
        rh_tuple_set(callargs, (size_t)i, args[i]);
        args[i] = NULL;
    }
    r = call_ex(I, fn, callargs, kw); /* consumes both */
    kw = NULL;
fail:
    for (int i = npos + 2 * nkw - 1; i >= 0; i--) rh_xdecref(rt, args[i]);
    rh_xdecref(rt, kw);
    rh_xdecref(rt, map);
    rh_xdecref(rt, seq);
    return r;
}

/* The way of LOAD_METHOD site mc valid for obj: its class at the current epoch, and obj still reading its
 * own attributes through the same shared keys without the name (LOAD_METHOD_WITH_VALUES), or -1. */
static inline int method_cache_way(rh_runtime *rt, const hx_mcache *mc, rh_object *obj) {
    for (int w = 0; w < HX_ACACHE_WAYS; w++)
        if (mc->way[w].type == obj->type)
            return mc->way[w].epoch == rh_types_epoch(rt) &&
                           rh_instance_state_same(obj, mc->way[w].keys, mc->way[w].nentries) ? w : -1;
    return -1;
}

/* Remember at site mc that obj.name is the class's function func (borrowed: the epoch guards it) or the
 * built-in method def, while obj's own attributes do not hold the name. */
static void method_cache_fill(rh_runtime *rt, hx_mcache *mc, rh_object *obj, rh_object *name, rh_object *func,
                              const rh_builtin_def *def) {
    const void *keys;
    intptr_t nentries;
    if (!rh_instance_method_state(rt, obj, name, &keys, &nentries)) return;
    unsigned w = mc->next;
    for (unsigned i = 0; i < HX_ACACHE_WAYS; i++)
        if (mc->way[i].type == obj->type) w = i;      /* refill the class's own way */
    if (w == mc->next) mc->next = (w + 1) % HX_ACACHE_WAYS;
    mc->way[w].type = obj->type;
    mc->way[w].epoch = rh_types_epoch(rt);
    mc->way[w].keys = keys;
    mc->way[w].nentries = nentries;
    mc->way[w].func = func;
    mc->way[w].def = def;
}

/* LOAD_METHOD: (func, self) when a plain function is found on an instance's class, (receiver, tagged
 * def) for a built-in method of a built-in receiver, else (attribute, NULL). Consumes obj. 0 or -1. */
/* format_exc_check_arg's NameError: the pending NameError gets the name (a C string) */
static __attribute__((noinline)) void name_error_context(hx_interp *I, const char *name) {
    rh_object *n = hx_name(I, name); /* (NULL: its MemoryError is the pending error now) */
    if (n) rh_err_name_context(I->rt, NULL, n);
}

static int load_method(hx_interp *I, rh_object *obj, rh_object *name, hx_mcache *mc, rh_object **out) {
    rh_runtime *rt = I->rt;
    rh_kind k = rh_kind_of(obj);
    if (k == RH_K_INSTANCE) {
        int w = method_cache_way(rt, mc, obj);
        if (w >= 0 && mc->way[w].func) {
            out[0] = newref(mc->way[w].func);
            out[1] = obj;
            return 0;
        }
        rh_object *attr = rh_getattr(rt, obj, name);
        if (!attr) { /* object's own __reduce_ex__ ... (builtins_reduce.c), called with obj as self */
            const rh_builtin_def *d = rh_err_occurred(rt) == RH_EXC_ATTRIBUTE && !(rh_type_of(obj)->flags & RH_TPFLAG_CLASSIC)
                                          ? hx_object_method_def(I, name) : NULL;
            if (!d) {
                rh_err_name_context(rt, obj, name); /* _PyObject_GetMethod's set_attribute_error_context */
                rh_decref(rt, obj);
                return -1;
            }
            rh_err_clear(rt);
            out[0] = obj;
            out[1] = tag_def(d);
            return 0;
        }
        if (rh_kind_of(attr) == RH_K_FUNCTION && rh_class_lookup(rt, (rh_object *)rh_type_of(obj), name) == attr) {
            method_cache_fill(rt, mc, obj, name, attr, NULL);
            out[0] = attr;
            out[1] = obj;
            return 0;
        }
        rh_decref(rt, obj);
        out[0] = attr;
        out[1] = NULL;
        return 0;
    }
    if (hx_is_builtin_subclass_instance(obj) && k != RH_K_GENERICALIAS) { /* a subclass's own names first; no bound
                                                                             * method is made (ga_getattro: below) */
        int w = method_cache_way(rt, mc, obj);
        if (w >= 0 && mc->way[w].def) {
            out[0] = obj;
            out[1] = tag_def(mc->way[w].def);
            return 0;
        }
        rh_object *fn = NULL;
        const rh_builtin_def *d = NULL;
        int found = hx_builtin_subclass_method(I, obj, name, &fn, &d);
        if (found == 2) {
            method_cache_fill(rt, mc, obj, name, NULL, d);
            out[0] = obj;
            out[1] = tag_def(d);
            return 0;
        }
        if (found < 0) rh_err_name_context(rt, obj, name);
        if (found != 1) rh_decref(rt, obj);
        if (found < 0) return -1;
        out[0] = fn;
        out[1] = found == 1 ? obj : NULL;
        return 0;
    }
    if (k != RH_K_MODULE && k != RH_K_TYPE && k != RH_K_FUNCTION && k != RH_K_METHOD && k != RH_K_WEAKREF) {
        /* the def depends only on the receiver's kind and the name: remembered at the site */
        const rh_builtin_def *d = mc->mkind == (int)k + 1 ? mc->mdef : hx_find_method_def(I, obj, hx_cstr(I, name));
        if (!d && k == RH_K_OBJECT) d = hx_object_method_def(I, name); /* object().__getstate__() */
        if (d) {
            mc->mdef = d;
            mc->mkind = (int)k + 1;
            out[0] = obj;
            out[1] = tag_def(d);
            return 0;
        }
    }
    rh_object *fn = hx_getattr_obj(I, obj, name);
    if (!fn) rh_err_name_context(rt, obj, name);
    rh_decref(rt, obj);
    if (!fn) return -1;
    out[0] = fn;
    out[1] = NULL;
    return 0;
}

/* MAKE_FUNCTION */
static rh_object *make_function(hx_interp *I, hx_frame *f, hx_code *sub, rh_object *name, rh_object *defs) {
    rh_runtime *rt = I->rt;
    rh_object *fn = rh_func_new(rt, sub, f->globals, name, sub->co_qualname, defs);
    rh_xdecref(rt, defs);
    return fn;
}

/* MAKE_FUNCTION's keyword-only defaults (flag 2), annotations tuple (flag 4) and closure (flag 8), all
 * stolen, set on fn (may be NULL: then they are only released). Returns fn. */
static rh_object *function_extras(hx_interp *I, rh_object *fn, rh_object *kwdefs, rh_object *ann, rh_object *closure) {
    if (fn && kwdefs) rh_func_set_kwdefaults(I->rt, fn, kwdefs);
    if (fn && ann) rh_func_set_annotations(I->rt, fn, ann);
    if (fn && closure) rh_func_set_closure(I->rt, fn, closure);
    rh_xdecref(I->rt, kwdefs);
    rh_xdecref(I->rt, ann);
    rh_xdecref(I->rt, closure);
    return fn;
}

/* A class body's namespace (PEP 3115): an exact dict takes the dict's own path, anything else its
 * __getitem__/__setitem__/__delitem__ (ceval.c's PyDict_CheckExact tests before PyObject_GetItem/SetItem). */
static int ns_is_dict(hx_interp *I, rh_object *ns) {
    return rh_type_of(ns) == rh_builtin_type(I->rt, RH_K_DICT);
}

/* ns[name]: new reference; NULL with no error when the key is missing (KeyError cleared), NULL with the
 * error set on any other failure. */
static rh_object *ns_load(hx_interp *I, rh_object *ns, rh_object *name) {
    rh_runtime *rt = I->rt;
    if (ns_is_dict(I, ns)) {
        rh_object *v = rh_dict_get(rt, ns, name);
        return v ? newref(v) : NULL;
    }
    rh_object *v = hx_subscr(I, ns, name);
    if (!v && rh_err_occurred(rt) == RH_EXC_KEY) rh_err_clear(rt);
    return v;
}

/* ns[name] = v (v borrowed). 0 or -1. */
static int ns_store(hx_interp *I, rh_object *ns, rh_object *name, rh_object *v) {
    return ns_is_dict(I, ns) ? rh_dict_set(I->rt, ns, name, v) : hx_store_subscr(I, ns, name, v);
}

/* ns[name] = v under an interned name. 0 or -1. */
static int ns_store_cstr(hx_interp *I, rh_object *ns, const char *name, rh_object *v) {
    rh_object *k = hx_name(I, name);
    return k ? ns_store(I, ns, k, v) : -1;
}

/* del ns[name]. 0 or -1. */
static int ns_delete(hx_interp *I, rh_object *ns, rh_object *name) {
    return ns_is_dict(I, ns) ? rh_dict_del(I->rt, ns, name) : hx_del_subscr(I, ns, name);
}

/* SETUP_ANNOTATIONS (ceval.c, 3.11): a module or class body with annotated assignments gets an empty
 * __annotations__ dict in its namespace unless one is there. 0 or -1. */
static int setup_annotations(hx_interp *I, hx_frame *f) {
    rh_runtime *rt = I->rt;
    rh_object *ns = f->ns ? f->ns : f->globals;
    rh_object *k = hx_name(I, "__annotations__");
    if (!k || !ns) return -1;
    rh_object *have = ns_load(I, ns, k);
    if (have) {
        rh_decref(rt, have);
        return 0;
    }
    if (rh_err_occurred(rt)) return -1;
    rh_object *d = rh_dict_new(rt);
    int rc = d ? ns_store(I, ns, k, d) : -1;
    rh_xdecref(rt, d);
    return rc;
}

/* The error of LOAD_DEREF / DELETE_DEREF on an empty cell (format_exc_unbound): a cell variable is an
 * unbound local, a free variable unbound in its enclosing scope. */
static __attribute__((noinline)) void unbound_deref(hx_interp *I, hx_code *c, int slot) {
    for (int i = 0; i < c->nfree; i++)
        if (c->freeslots[i] == slot) {
            if (rh_runtime_profile(I->rt)->version_hex >= 0x030B)
                rh_err_set(I->rt, RH_EXC_NAME, "cannot access free variable '%s' where it is not associated with a "
                           "value in enclosing scope", c->slotnames[slot]);
            else
                rh_err_set(I->rt, RH_EXC_NAME, "free variable '%s' referenced before assignment in enclosing scope",
                           c->slotnames[slot]);
            return;
        }
    unbound_local(I, c, slot);
}

/* _PyObject_FunctionStr: "__main__.f()" with the module and qualname of a function or method, the
 * name of a built-in, the type's name else */
static const char *function_str(hx_interp *I, rh_object *fn, char *buf, size_t n) {
    if (rh_kind_of(fn) == RH_K_METHOD) fn = rh_method_func(fn);
    if (rh_runtime_profile(I->rt)->python2) { /* 2.7: PyEval_GetFuncName, then PyEval_GetFuncDesc */
        if (rh_kind_of(fn) == RH_K_FUNCTION) snprintf(buf, n, "%s()", hx_cstr(I, rh_func_name(fn)));
        else if (rh_kind_of(fn) == RH_K_BUILTIN) snprintf(buf, n, "%s()", rh_builtin_get_def(fn)->name);
        else if (rh_kind_of(fn) == RH_K_TYPE) snprintf(buf, n, "%s constructor", ((const rh_type *)fn)->name);
        else snprintf(buf, n, "%s object", hx_tname(fn));
        return buf;
    }
    if (rh_kind_of(fn) == RH_K_FUNCTION) snprintf(buf, n, "__main__.%s()", hx_cstr(I, rh_func_qualname(fn)));
    else if (rh_kind_of(fn) == RH_K_BUILTIN) snprintf(buf, n, "%s()", rh_builtin_get_def(fn)->name);
    else snprintf(buf, n, "%s object", hx_tname(fn));
    return buf;
}

/* DICT_MERGE (_PyDict_MergeEx with override 2, format_kwargs_error): the mapping's items into dict; a
 * key already there, a non-str key or a non-mapping is the TypeError CPython words for the call of fn. */
static int dict_update_generic(hx_interp *I, rh_object *d, rh_object *m);
static __attribute__((noinline)) int dict_merge_kw(hx_interp *I, rh_object *fn, rh_object *dict, rh_object *m) {
    rh_runtime *rt = I->rt;
    char fs[160];
    if (rh_kind_of(m) != RH_K_DICT && !rh_runtime_profile(rt)->python2) { /* a mapping: its keys() (PyMapping_Keys) */
        rh_object *name = hx_name(I, "keys"), *has = name ? hx_getattr_obj(I, m, name) : NULL;
        if (has || rh_err_occurred(rt) != RH_EXC_ATTRIBUTE) {
            rh_object *tmp = has ? rh_dict_new(rt) : NULL; /* refheap's staging dict: one GC object CPython does not make */
            int rc = tmp && !dict_update_generic(I, tmp, m) ? dict_merge_kw(I, fn, dict, tmp) : -1;
            rh_xdecref(rt, tmp);
            rh_xdecref(rt, has);
            return rc;
        }
        rh_err_clear(rt);
    }
    if (rh_kind_of(m) != RH_K_DICT) {
        rh_err_set(rt, RH_EXC_TYPE, "%s argument after ** must be a mapping, not %s", function_str(I, fn, fs, sizeof fs),
                   hx_tname(m));
        return -1;
    }
    size_t pos = 0;
    rh_object *k, *v;
    while (rh_dict_next(m, &pos, &k, &v)) {
        if (rh_kind_of(k) != RH_K_STR) {
            rh_err_set(rt, RH_EXC_TYPE, "%s keywords must be strings", function_str(I, fn, fs, sizeof fs));
            return -1;
        }
        if (rh_dict_get(rt, dict, k)) {
            rh_err_set(rt, RH_EXC_TYPE, "%s got multiple values for keyword argument '%s'",
                       function_str(I, fn, fs, sizeof fs), hx_cstr(I, k));
            return -1;
        }
        if (rh_dict_set(rt, dict, k, v)) return -1;
    }
    return 0;
}

/* dict_merge's path for a mapping that is not a dict (Objects/dictobject.c dict_merge, override 1): the
 * list of m.keys() (PyMapping_Keys), then d[k] = m[k] for each. 0 or -1. */
static int dict_update_generic(hx_interp *I, rh_object *d, rh_object *m) {
    rh_runtime *rt = I->rt;
    rh_object *name = hx_name(I, "keys");
    rh_object *meth = name ? hx_getattr_obj(I, m, name) : NULL;
    rh_object *ks = meth ? hx_call(I, meth, NULL, 0, NULL, NULL, 0) : NULL;
    rh_xdecref(rt, meth);
    if (!ks) return -1;
    rh_object *list = NULL, *it = rh_kind_of(ks) == RH_K_LIST ? NULL : rh_getiter(rt, ks);
    if (rh_kind_of(ks) == RH_K_LIST) list = newref(ks);
    else if (!it && rh_err_occurred(rt) == RH_EXC_TYPE) { /* method_output_as_list */
        rh_err_clear(rt);
        rh_err_set(rt, RH_EXC_TYPE, "%s.keys() returned a non-iterable (type %s)", hx_tname(m), hx_tname(ks));
    }
    if (it) list = rh_list_from_iterable(rt, it, 1); /* PySequence_List */
    rh_xdecref(rt, it);
    rh_decref(rt, ks);
    if (!list) return -1;
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < rh_list_len(list); i++) {
        rh_object *k = rh_list_get(list, i);
        rh_incref(k);
        rh_object *v = rh_getitem(rt, m, k);
        rc = v ? rh_dict_set(rt, d, k, v) : -1;
        rh_xdecref(rt, v);
        rh_decref(rt, k);
    }
    rh_decref(rt, list);
    return rc;
}

/* DICT_UPDATE (3.9+, Python/ceval.c): PyDict_Update(dict, m); an AttributeError on the way (no keys())
 * becomes TypeError "'int' object is not a mapping". 0 or -1. */
static __attribute__((noinline)) int dict_update(hx_interp *I, rh_object *d, rh_object *m) {
    if (hx_dict_iterates_plainly(I, m)) return rh_dict_merge(I->rt, d, m);
    if (dict_update_generic(I, d, m) == 0) return 0;
    if (rh_err_occurred(I->rt) == RH_EXC_ATTRIBUTE) {
        rh_err_clear(I->rt);
        rh_err_set(I->rt, RH_EXC_TYPE, "'%s' object is not a mapping", hx_tname(m));
    }
    return -1;
}

static rh_object *build_class(hx_interp *I, hx_frame *f, hx_code *sub, rh_object *name, rh_object *bases,
                              rh_object *kw, int line);

static int slice_args(hx_interp *I, rh_object **parts, int mask, int64_t v[3], int has[3]) {
    int k = 0;
    v[0] = v[1] = 0;
    v[2] = 1;
    for (int i = 0; i < 3; i++) {
        has[i] = 0;
        if (!(mask & (1 << i))) continue;
        rh_object *o = parts[k++];
        if (o == rh_none(I->rt)) continue;
        if (!hx_is_intlike(o)) {
            rh_err_set(I->rt, RH_EXC_TYPE, "slice indices must be integers or None or have an __index__ method");
            return -1;
        }
        has[i] = 1;
        if (hx_slice_index(I, o, &v[i])) return -1;
    }
    return 0;
}

/* BUILD_SLICE + BINARY_SUBSCR / STORE_SUBSCR / DELETE_SUBSCR of o with the bounds parts (mask as
 * BINARY_SLICE's arg), consuming the bounds, o and val: the result (BINARY_SLICE), None (the others), or
 * NULL with the error set. Releases: the bounds (the slice holds them), o, val, the slice last. */
static __attribute__((noinline)) rh_object *slice_subscr(hx_interp *I, int op, rh_object **parts, int mask,
                                                         rh_object *o, rh_object *val) {
    rh_runtime *rt = I->rt;
    rh_object *p[3] = {NULL, NULL, NULL}, *r = NULL;
    for (int i = 0, k = 0; i < 3; i++)
        if (mask & (1 << i)) p[i] = parts[k++];
    rh_object *s = rh_slice_new(rt, p[0], p[1], p[2]);
    for (int i = 0; i < __builtin_popcount((unsigned)mask & 7u); i++) rh_decref(rt, parts[i]);
    if (s) {
        if (op == HX_BINARY_SLICE) r = hx_subscr(I, o, s);
        else if ((op == HX_STORE_SLICE ? hx_store_subscr(I, o, s, val) : hx_del_subscr(I, o, s)) == 0) r = rh_none(rt);
    }
    if (op == HX_STORE_SLICE) rh_decref(rt, val);
    rh_decref(rt, o);
    rh_xdecref(rt, s);
    return r;
}

/* BINARY_OP on two small ints (Python/ceval.c: BINARY_OP_ADD_INT, _SUBTRACT_INT, _MULTIPLY_INT): 1 with
 * *r set (NULL and the error set only on MemoryError), 0 when the generic path must run — other types,
 * int64 overflow, a zero or overflowing divisor, py27's classic division. Same results and the same
 * objects created as the generic path (rh_binop): only the dispatch is skipped — hence one-digit operands
 * only (rh_int_medium_value), as CPython's own medium-value fast paths. */
static inline int int_binop_fast(rh_runtime *rt, unsigned op, rh_object *a, rh_object *b, rh_object **r) {
    int64_t x, y, z;
    if (!rh_int_medium_value(a, &x) || !rh_int_medium_value(b, &y)) return 0;
    switch (op) {
    case OP_ADD: if (__builtin_add_overflow(x, y, &z)) return 0; break;
    case OP_SUB: if (__builtin_sub_overflow(x, y, &z)) return 0; break;
    case OP_MUL: if (__builtin_mul_overflow(x, y, &z)) return 0; break;
    case OP_FLOORDIV:
        if (y == 0 || (y == -1 && x == INT64_MIN)) return 0;
        z = x / y;
        if ((x % y != 0) && ((x < 0) != (y < 0))) z--;
        break;
    case OP_MOD:
        if (y == 0 || (y == -1 && x == INT64_MIN)) return 0;
        z = x % y;
        if (z != 0 && ((z < 0) != (y < 0))) z += y;
        break;
    default: return 0;
    }
    *r = rh_int_from_i64(rt, z);
    return 1;
}

/* BINARY_OP on two floats (BINARY_OP_ADD_FLOAT & co.; true division by a non-zero float as float_div):
 * 1 with *r set, 0 for the generic path. */
static inline int float_binop_fast(rh_runtime *rt, unsigned op, rh_object *a, rh_object *b, rh_object **r) {
    if (rh_kind_of(a) != RH_K_FLOAT || rh_kind_of(b) != RH_K_FLOAT) return 0;
    double x = rh_float_value(a), y = rh_float_value(b), z;
    switch (op) {
    case OP_ADD: z = x + y; break;
    case OP_SUB: z = x - y; break;
    case OP_MUL: z = x * y; break;
    case OP_DIV: if (y == 0.0) return 0; z = x / y; break;
    default: return 0;
    }
    *r = rh_float_new(rt, z);
    return 1;
}

/* COMPARE_OP on two small ints: 1 with *t the result, 0 for the generic path. */
static inline int int_compare_fast(unsigned op, rh_object *a, rh_object *b, int *t) {
    int64_t x, y;
    if (op < CMP_LT || op > CMP_GE || !rh_int_small_value(a, &x) || !rh_int_small_value(b, &y)) return 0;
    switch (op) {
    case CMP_LT: *t = x < y; break;
    case CMP_LE: *t = x <= y; break;
    case CMP_EQ: *t = x == y; break;
    case CMP_NE: *t = x != y; break;
    case CMP_GT: *t = x > y; break;
    default: *t = x >= y; break;
    }
    return 1;
}

/* The value (borrowed) a filled way (hint, keys, ix) finds in o, or NULL for the generic path. */
static inline rh_object *attr_cached(rh_object *o, rh_object *name, int hint, const void *keys, intptr_t ix) {
    if (hint == HX_AC_SLOT) return rh_instance_slot_get(o, (size_t)ix);
    return hint ? rh_instance_dict_hinted(o, name, ix) : rh_instance_value_cached(o, keys, ix);
}

/* Remember where instances of o's class keep attribute name (LOAD_ATTR_SLOT's member offset first), when the value just read or stored (got) is
 * the one in o's values array (LOAD_ATTR_INSTANCE_VALUE's specialisation, Python/specialize.c) or, once
 * the values became a dict, in that dict's entries (LOAD_ATTR_WITH_HINT: 3.11's classes stop adding keys
 * to the shared keys as instances are made, init_inline_values, so later attributes live in a dict). */
static void attr_cache_fill(rh_runtime *rt, hx_acache *ac, rh_object *o, rh_object *name, rh_object *got) {
    if (ac->backoff) { ac->backoff--; return; }
    const void *keys = NULL;
    intptr_t ix = (intptr_t)rh_instance_slot_offset(rt, o, name);
    int hint = HX_AC_SLOT;
    if (!ix) hint = (ix = rh_instance_value_index(rt, o, name, &keys)) < 0 && (ix = rh_instance_dict_hint(rt, o, name)) >= 0;
    if (ix < 0 || attr_cached(o, name, hint, keys, ix) != got) {
        /* an unspecialisable site (a class attribute, a method, a dict): try again less and less often */
        ac->misses = ac->misses < 10 ? ac->misses + 1 : 10;
        ac->backoff = 1u << ac->misses;
        return;
    }
    ac->misses = 0;
    unsigned w = ac->next;
    for (unsigned i = 0; i < HX_ACACHE_WAYS; i++)
        if (ac->way[i].type == o->type) w = i;      /* refill the class's own way */
    if (w == ac->next) ac->next = (w + 1) % HX_ACACHE_WAYS;
    ac->way[w].type = o->type;
    ac->way[w].epoch = rh_types_epoch(rt);
    ac->way[w].keys = keys;
    ac->way[w].ix = ix;
    ac->way[w].hint = hint;
}

/* o.name = v (v borrowed) through a filled way: 1 done, 0 for the generic path. */
static inline int attr_cache_store(rh_runtime *rt, rh_object *o, rh_object *name, const struct hx_acache_way *w,
                                   rh_object *v) {
    if (w->hint == HX_AC_SLOT) { rh_instance_slot_replace(rt, o, (size_t)w->ix, v); return 1; }
    return w->hint ? rh_instance_dict_hint_replace(rt, o, name, w->ix, v) : rh_instance_value_replace(rt, o, w->keys, w->ix, v);
}

/* The way of site ac that holds o's class at the current epoch, or -1. */
static inline int attr_cache_way(rh_runtime *rt, const hx_acache *ac, const rh_object *o) {
    for (int w = 0; w < HX_ACACHE_WAYS; w++)
        if (ac->way[w].type == o->type) return ac->way[w].epoch == rh_types_epoch(rt) ? w : -1;
    return -1;
}

/* LOAD_GLOBAL_MODULE / LOAD_GLOBAL_BUILTIN (Python/specialize.c: specialize_load_global): the value
 * (borrowed) the site's versions and index still name, else NULL. Holds no reference: the keys' versions
 * change whenever a name is added to or removed from either dict (refheap/types.h). */
static inline rh_object *global_cached(hx_interp *I, rh_object *globals, const hx_gcache *g) {
    if (!g->bver) return rh_dict_versioned_value(globals, g->gver, g->ix);
    return rh_dict_keys_at_version(globals, g->gver) ? rh_dict_versioned_value(I->builtins, g->bver, g->ix) : NULL;
}

/* Specialise a LOAD_GLOBAL site after a generic lookup found its name (0 versions: left generic). */
static void global_cache_fill(hx_interp *I, rh_object *globals, hx_gcache *g) {
    rh_runtime *rt = I->rt;
    g->gver = rh_dict_keys_version(rt, globals);
    g->bver = 0;
    g->ix = rh_dict_key_index(rt, globals, g->name);
    if (g->ix < 0) {
        g->bver = rh_dict_keys_version(rt, I->builtins);
        g->ix = rh_dict_key_index(rt, I->builtins, g->name);
        if (!g->bver || g->ix < 0) g->gver = 0;
    }
}

/* BINARY_SUBSCR_LIST_INT / BINARY_SUBSCR_TUPLE_INT (Python/ceval.c): a list's or tuple's item at an int
 * index in 0..len-1, new reference, without the generic dispatch; NULL for the generic path, which would
 * find the same item and create nothing either. */
static inline rh_object *seq_item_fast(rh_object *o, rh_object *idx) {
    int64_t i;
    if (!rh_int_small_value(idx, &i) || i < 0 || (rh_type_of(o)->flags & RH_TPFLAG_HEAPTYPE)) return NULL; /* exact */
    rh_kind k = rh_kind_of(o);
    if (k == RH_K_LIST && (uint64_t)i < rh_list_len(o)) return newref(rh_list_get(o, (size_t)i));
    if (k == RH_K_TUPLE && (uint64_t)i < rh_tuple_len(o)) return newref(rh_tuple_get(o, (size_t)i));
    return NULL;
}

/* STORE_SUBSCR_LIST_INT: l[i] = v for a list and an int index in 0..len-1 (the old item released there,
 * as list_ass_item does): 0 done, 1 for the generic path. */
static inline int list_store_fast(rh_runtime *rt, rh_object *o, rh_object *idx, rh_object *v) {
    int64_t i;
    if (rh_kind_of(o) != RH_K_LIST || (rh_type_of(o)->flags & RH_TPFLAG_HEAPTYPE) || !rh_int_small_value(idx, &i) || i < 0 || (uint64_t)i >= rh_list_len(o)) return 1;
    return rh_list_setitem(rt, o, i, v) ? -1 : 0;
}

static int popcount3(uint32_t m) { return (int)((m & 1) + ((m >> 1) & 1) + ((m >> 2) & 1)); }

/* The items to unpack: a list or tuple itself, else a list of what iterating v gives; NULL with the error
 * set, a TypeError from a non-iterable (no tp_iter, not PySequence_Check) worded as unpack_iterable does */
static rh_object *unpack_items(hx_interp *I, rh_object *v) {
    rh_kind k = rh_kind_of(v);
    if (k == RH_K_LIST || k == RH_K_TUPLE) return v;
    rh_object *w = hx_iter_list(I, v);
    if (!w && rh_err_occurred(I->rt) == RH_EXC_TYPE && !v->type->tp_iter && !v->type->as_sequence.sq_item)
        rh_err_set(I->rt, RH_EXC_TYPE, "cannot unpack non-iterable %s object", rh_type_name(v));
    return w;
}

/* unpack_iterable's ValueError for `got` items where n are wanted (got > n: too many); 2.7's wording */
static void unpack_count_error(rh_runtime *rt, size_t n, size_t got) {
    int py2 = rh_runtime_profile(rt)->python2;
    if (got > n && py2) rh_err_set(rt, RH_EXC_VALUE, "too many values to unpack");
    else if (got > n) rh_err_set(rt, RH_EXC_VALUE, "too many values to unpack (expected %zu)", n);
    else if (py2) rh_err_set(rt, RH_EXC_VALUE, "need more than %zu value%s to unpack", got, got == 1 ? "" : "s");
    else rh_err_set(rt, RH_EXC_VALUE, "not enough values to unpack (expected %zu, got %zu)", n, got);
}

/* unpack_iterable (ceval.c) for UNPACK_SEQUENCE of anything but a list or tuple: exactly n items of v
 * (borrowed) into out[0..n), new references, by iterating it (no list in between: the iterator is all
 * CPython allocates, and it stops at the item after the n-th); 0, or -1 with the error set and out empty */
static int unpack_iterable(hx_interp *I, rh_object *v, rh_object **out, size_t n) {
    rh_runtime *rt = I->rt;
    int64_t cur[HX_LOOP_WORDS];
    rh_object *it = newref(v), *x;
    if (hx_get_iter(I, &it, cur) != 0) {
        rh_decref(rt, it);
        if (rh_err_occurred(rt) == RH_EXC_TYPE && !v->type->tp_iter && !v->type->as_sequence.sq_item &&
            !rh_runtime_profile(rt)->python2) /* 2.7 keeps PyObject_GetIter's "is not iterable" */
            rh_err_set(rt, RH_EXC_TYPE, "cannot unpack non-iterable %s object", rh_type_name(v));
        return -1;
    }
    size_t k = 0;
    int r = 0;
    while (k < n && (r = hx_for_iter(I, it, cur, &x)) == 1) out[k++] = x;
    if (r >= 0 && k == n && (r = hx_for_iter(I, it, cur, &x)) == 1) {
        rh_decref(rt, x);
        unpack_count_error(rt, n, n + 1);
        r = -1;
    } else if (r == 0 && k < n) {
        unpack_count_error(rt, n, k);
        r = -1;
    }
    rh_decref(rt, it);
    if (r < 0)
        while (k > 0) rh_decref(rt, out[--k]);
    return r < 0 ? -1 : 0;
}

/* UNPACK_EX (ceval.c unpack_iterable with argcntafter): pop a sequence, push its last `after` items, a
 * list of the middle ones and its first `before` items, the first on top. The middle list is made as
 * PySequence_List does from an iterator over the rest (list_extend's list_preallocate_exact: the rest rounded
 * up to even), then the `after` items moved out by shrinking its size only (Py_SET_SIZE). 0, or -1 with the error set (the value popped). */
/* UNPACK_EX over the value on top of stack sp: the stack pointer past the items pushed, or NULL with the error
 * set (the value is consumed either way). Takes and returns sp by value so that run_frame's stack pointer
 * never has its address taken (it stays in a register). */
static __attribute__((noinline)) rh_object **unpack_ex(hx_interp *I, rh_object **sp, int before, int after) {
    rh_runtime *rt = I->rt;
    rh_object *v = *--sp, *w = unpack_items(I, v);
    if (w != v) rh_decref(rt, v);
    if (!w) return NULL;
    int isl = rh_kind_of(w) == RH_K_LIST;
    size_t len = isl ? rh_list_len(w) : rh_tuple_len(w);
    if (len < (size_t)before || len - (size_t)before < (size_t)after) {
        rh_err_set(rt, RH_EXC_VALUE, "not enough values to unpack (expected at least %d, got %zu)", before + after, len);
        rh_decref(rt, w);
        return NULL;
    }
    size_t rest = len - (size_t)before, mid = rest - (size_t)after;
    size_t alloc = (rest + 1) & ~(size_t)1; /* list_extend's list_preallocate_exact for an empty list */
    rh_object *l = rh_list_new(rt, alloc);
    if (!l) { rh_decref(rt, w); return NULL; }
    for (size_t i = 0; i < mid; i++)
        rh_list_set_init(l, i, newref(isl ? rh_list_get(w, (size_t)before + i) : rh_tuple_get(w, (size_t)before + i)));
    ((rh_varobject *)l)->size = (intptr_t)mid;
    for (size_t i = len; i-- > len - (size_t)after;) *sp++ = (newref(isl ? rh_list_get(w, i) : rh_tuple_get(w, i)));
    *sp++ = l;
    for (size_t i = (size_t)before; i-- > 0;) *sp++ = (newref(isl ? rh_list_get(w, i) : rh_tuple_get(w, i)));
    rh_decref(rt, w);
    return sp;
}

static __attribute__((noinline)) int gen_send_to(hx_interp *I, rh_object *recv, rh_object *v, rh_object **out);
static __attribute__((noinline)) rh_object *get_awaitable(hx_interp *I, rh_object *o, int where);
static __attribute__((noinline)) rh_object *get_aiter(hx_interp *I, rh_object *o);
static __attribute__((noinline)) rh_object *get_anext(hx_interp *I, rh_object *aiter);
static __attribute__((noinline)) rh_object *get_yield_from_iter(hx_interp *I, hx_code *c, rh_object *o);
static __attribute__((noinline)) rh_object *make_generator(hx_interp *I, rh_object *fn, hx_frame *fr);

#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define PEEK(n) (sp[-(ptrdiff_t)(n)])

/* Run frame f to its RETURN_VALUE (0, f->retval set) or to an error (-1, the stack released, f->line the
 * line of the failing instruction). */
/* The 3.11 code object an instruction word of unit c belongs to: the stand-in of the inline comprehension
 * whose words hold it (3.11 runs those in the comprehension's own code object), else c. */
static hx_code *unit_at(hx_code *c, int off) {
    for (int k = 0; k < c->ncomps; k++)
        if (off >= c->co_comps[k].start && off < c->co_comps[k].end) return c->co_comps[k].unit;
    return c;
}

/* The stand-in of the comprehension of unit c whose <listcomp> function HX_COMP_FUNCTION at word off makes */
static hx_code *comp_called_at(hx_code *c, int off) {
    for (int k = 0; k < c->ncomps; k++)
        if (c->co_comps[k].call_at == off) return c->co_comps[k].unit;
    return c;
}

/* _PyCode_Warmup (3.11): a RESUME or JUMP_BACKWARD of code object u (unit c or one of its comprehensions'
 * stand-ins); the profile's quicken_delay-th one quickens it. Clears c->co_warm_pending once c and its
 * comprehensions' stand-ins are all quickened, so loops stop coming here. */
static __attribute__((noinline)) void code_warm(hx_interp *I, hx_code *c, hx_code *u) {
    int delay = rh_runtime_profile(I->rt)->quicken_delay, pending = 0;
    if (u->co_warmup < delay) u->co_warmup++;
    pending |= c->co_warmup < delay;
    for (int k = 0; k < c->ncomps; k++) pending |= c->co_comps[k].unit->co_warmup < delay;
    c->co_warm_pending = pending;
}

/* Whether the CALL at word off of unit c runs specialized for callable (can: whether it specializes for
 * it): 3.11 once its code object is quickened (an adaptive PRECALL specializes at its first run after
 * that); 3.12 and 3.13 from the site's second run (ADAPTIVE_WARMUP_VALUE) for the callable seen then, a
 * later run with another callable deoptimizing to the generic call (re-specializing after the cooldown is
 * not modelled). Asked for the calls whose specialized form allocates less: str(x) (PRECALL_NO_KW_STR_1 /
 * CALL_NO_KW_STR_1 call PyObject_Str without type_call's argument tuple) and 3.13's
 * CALL_ALLOC_AND_ENTER_INIT. */
static const char site_failed; /* a site whose specialization failed: generic from then on */

static __attribute__((noinline)) int call_site_specialized(hx_interp *I, hx_code *c, int off, rh_object *callable,
                                                           int can) {
    const rh_profile *p = rh_runtime_profile(I->rt);
    if (p->quicken_delay) return can && unit_at(c, off)->co_warmup >= p->quicken_delay;
    if (!p->site_warmup) return 0;
    if (!c->co_sites && !(c->co_sites = calloc((size_t)c->ncode, sizeof *c->co_sites))) return 0;
    struct hx_site *s = &c->co_sites[off];
    if (s->runs < p->site_warmup) { /* the adaptive counter counts down */
        s->runs++;
        return 0;
    }
    if (!s->spec) s->spec = can ? (const void *)callable : (const void *)&site_failed; /* _Py_Specialize_Call */
    return s->spec == callable; /* else DEOPT_IF: the generic call (re-specializing after the cooldown is not modelled) */
}

/* get_init_for_simple_managed_python_class (Python/specialize.c, 3.13): the __init__ (borrowed) of class cls
 * when a CALL of it with nargs positional arguments specializes to CALL_ALLOC_AND_ENTER_INIT: cls's
 * metaclass is type, it has object's __new__ and its instances inline values (no __slots__, no built-in
 * base), and __init__ is a Python function taking exactly self and nargs positional arguments; else NULL. */
static rh_object *object_new(hx_interp *I, rh_object *cls, int excess, int new_absent);
static rh_object *simple_init(hx_interp *I, rh_object *cls, int nargs) {
    rh_runtime *rt = I->rt;
    const rh_type *t = (const rh_type *)cls;
    if (rh_type_of(cls) != rh_builtin_type(rt, RH_K_TYPE) || t->kind != RH_K_INSTANCE ||
        !(t->flags & RH_TPFLAG_MANAGED_DICT) || t->basicsize != rh_builtin_type(rt, RH_K_OBJECT)->basicsize ||
        rh_class_special(rt, cls, "__new__"))
        return NULL;
    rh_object *init = rh_class_lookup(rt, cls, I->s_init);
    if (!init || rh_kind_of(init) != RH_K_FUNCTION) return NULL;
    const hx_code *fc = rh_func_code(init);
    return fc->varargs || fc->varkw || fc->nkwonly || fc->nparams != nargs + 1 ? NULL : init;
}

/* CALL_ALLOC_AND_ENTER_INIT (3.13): the instance (_PyType_NewManagedObject), the class's stack reference
 * dropped, then init(self, *args) in a frame that takes the stack's references to the arguments, whose
 * result must be None (the shim frame's EXIT_INIT_CHECK). cls and args consumed. */
static rh_object *alloc_and_enter_init(hx_interp *I, rh_object *cls, rh_object *init, rh_object **args, int nargs) {
    rh_runtime *rt = I->rt;
    rh_object *inst = object_new(I, cls, 0, 1), *a2[RH_ARGS_MAX + 1];
    rh_incref(init);
    rh_decref(rt, cls);
    if (!inst) {
        for (int i = 0; i < nargs; i++) rh_decref(rt, args[i]);
        rh_decref(rt, init);
        return NULL;
    }
    a2[0] = newref(inst);
    memcpy(a2 + 1, args, (size_t)nargs * sizeof *args);
    rh_object *r = hx_call(I, init, a2, nargs + 1, NULL, NULL, 0);
    rh_decref(rt, init);
    if (r && r != rh_none(rt)) {
        rh_err_set(rt, RH_EXC_TYPE, "__init__() should return None, not '%s'", hx_tname(r));
        rh_decref(rt, r);
        r = NULL;
    }
    if (!r) {
        rh_decref(rt, inst);
        return NULL;
    }
    rh_decref(rt, r);
    return inst;
}

static int run_frame(hx_interp *I, hx_frame *f) {
    static void *const targets[HX_NUM_OPCODES] = {
#define HX_OP_LABEL(name, eff, extra) [HX_##name] = &&L_##name,
        HX_OPCODES(HX_OP_LABEL)
#undef HX_OP_LABEL
    };
    rh_runtime *rt = I->rt;
    hx_code *c = f->code;
    const hx_instr *code = c->co_code, *ip = code + f->resume;
    rh_object **sp = f->fast + c->nslots + f->resume_sp;
    rh_object **fast = f->fast;
    rh_object *const py_true = rh_true(rt), *const py_false = rh_false(rt);
    /* the value stack starts after the fast slots; recomputed where needed (few long-lived locals, so
     * ip, sp and fast stay in registers across the calls the instructions make) */
#define stack (f->fast + c->nslots)
    const char *const *kwn = NULL;
    int nkw = 0, cur_stmt = -1;
    hx_instr in;
    uint32_t arg;
    rh_object *v, *w, *r;
    int t;
    if (__builtin_expect(c->co_warm_pending, 0)) code_warm(I, c, c); /* RESUME */

#define DISPATCH()                  \
    do {                            \
        in = *ip++;                 \
        arg = hx_arg(in);           \
        goto *targets[hx_op(in)];   \
    } while (0)
#define JUMPTO(x) (ip = code + (x))
/* the opcode of the instruction being run, for handlers shared by several (read back from the code rather
 * than kept in a variable live across every handler); only before the handler takes an extra word */
#define THIS_OP() hx_op(ip[-1])

    if (__builtin_expect(f->throwing, 0)) { /* gen.throw(): the error is raised at the yield */
        f->throwing = 0;
        goto error;
    }
    DISPATCH();

L_NOP:
L_RESUME:
    DISPATCH();
L_POP_TOP:
    v = POP();
    rh_decref(rt, v);
    DISPATCH();
L_PUSH_NULL:
    PUSH(NULL);
    DISPATCH();
L_COPY:
    v = PEEK(arg);
    PUSH(newref(v));
    DISPATCH();
L_SWAP:
    v = TOP();
    TOP() = PEEK(arg);
    PEEK(arg) = v;
    DISPATCH();
L_LOAD_CONST:
L_HX_LOAD_FOLDED:
    v = c->co_consts[arg];
    PUSH(newref(v));
    DISPATCH();
L_LOAD_FAST:
    v = fast[arg];
    if (__builtin_expect(!v, 0)) {
        if (c->kind == CODE_FUNCTION) unbound_local(I, c, (int)arg);
        else {
            rh_err_set(rt, RH_EXC_NAME, "name '%s' is not defined", c->slotnames[arg]);
            name_error_context(I, c->slotnames[arg]);
        }
        goto error;
    }
    PUSH(newref(v));
    DISPATCH();
L_STORE_FAST:
    v = POP();
    w = fast[arg];
    fast[arg] = v;
    rh_xdecref(rt, w);
    DISPATCH();
L_DELETE_FAST:
    w = fast[arg];
    if (!w) { unbound_local(I, c, (int)arg); goto error; }
    fast[arg] = NULL;
    rh_decref(rt, w);
    DISPATCH();
L_HX_CLEAR_FAST:
    w = fast[arg];
    fast[arg] = NULL;
    rh_xdecref(rt, w);
    DISPATCH();
L_LOAD_GLOBAL: {
    hx_gcache *g = &c->gcache[arg];
    if (g->gver && f->globals && (v = global_cached(I, f->globals, g))) {
        PUSH(newref(v));
        DISPATCH();
    }
    v = hx_load_global(I, f->globals, g);
    if (!v) goto error;
    if (f->globals) global_cache_fill(I, f->globals, g);
    PUSH(v);
    DISPATCH();
}
L_LOAD_NAME:
    v = ns_load(I, f->ns, c->gcache[arg].name);
    if (v) {
    } else if (rh_err_occurred(rt)) goto error;
    else if (!(v = hx_load_global(I, f->globals, &c->gcache[arg]))) goto error;
    PUSH(v);
    DISPATCH();
L_STORE_GLOBAL:
    v = POP();
    if (f->globals) t = rh_dict_set(rt, f->globals, c->co_names[arg], v);
    else {
        rh_err_set(rt, RH_EXC_NAME, "name '%s' is not defined (module globals are gone)", hx_cstr(I, c->co_names[arg]));
        t = -1;
    }
    rh_decref(rt, v);
    if (t) goto error;
    DISPATCH();
L_STORE_NAME:
    v = POP();
    t = ns_store(I, f->ns, c->co_names[arg], v);
    rh_decref(rt, v);
    if (t) goto error;
    DISPATCH();
L_DELETE_GLOBAL:
L_DELETE_NAME:
    w = THIS_OP() == HX_DELETE_NAME ? f->ns : f->globals;
    if (!w || ns_delete(I, w, c->co_names[arg]) != 0) {
        rh_err_clear(rt);
        rh_err_set(rt, RH_EXC_NAME, "name '%s' is not defined", hx_cstr(I, c->co_names[arg]));
        rh_err_name_context(rt, NULL, c->co_names[arg]);
        goto error;
    }
    DISPATCH();
L_BINARY_OP:
    w = POP();
    v = POP();
    if (!int_binop_fast(rt, arg & 255u, v, w, &r) && !float_binop_fast(rt, arg & 255u, v, w, &r))
        r = hx_eval_binop(I, (int)(arg & 255u), v, w, arg >> 8);
    rh_decref(rt, v);
    rh_decref(rt, w);
    if (!r) goto error;
    PUSH(r);
    DISPATCH();
L_UNARY_OP:
    v = POP();
    r = hx_eval_unary(I, v, (int)arg);
    rh_decref(rt, v);
    if (!r) goto error;
    PUSH(r);
    DISPATCH();
L_UNARY_NOT:
    v = POP();
    t = rh_truthy(rt, v);
    rh_decref(rt, v);
    if (t < 0) goto error;
    PUSH(rh_bool(rt, !t));
    DISPATCH();
L_COMPARE_OP:
    w = POP();
    v = POP();
    if (arg == CMP_IS || arg == CMP_ISNOT) t = (v == w) == (arg == CMP_IS); /* 3.11's IS_OP */
    else if (!int_compare_fast(arg, v, w, &t) ||
             (I->compare_guarded && rh_recursion_depth(rt) >= rh_recursion_limit(rt))) /* 3.10: refused at the limit */
        t = hx_compare(I, (int)arg, v, w);
    rh_decref(rt, v);
    rh_decref(rt, w);
    if (t < 0) goto error;
    PUSH(newref(t ? py_true : py_false));
    DISPATCH();
L_HX_JUMP_WHILE:
    JUMPTO(arg);
    DISPATCH();
L_JUMP:
    if (__builtin_expect(c->co_warm_pending, 0) && code + arg < ip) /* JUMP_BACKWARD */
        code_warm(I, c, unit_at(c, (int)(ip - 1 - code)));
    JUMPTO(arg);
    DISPATCH();
L_POP_JUMP_IF_FALSE:
L_POP_JUMP_IF_TRUE:
    v = POP();
    t = v == py_true ? 1 : v == py_false ? 0 : rh_truthy(rt, v);
    rh_decref(rt, v);
    if (t < 0) goto error;
    if (t == (THIS_OP() == HX_POP_JUMP_IF_TRUE)) JUMPTO(arg);
    DISPATCH();
L_JUMP_IF_FALSE_OR_POP:
L_JUMP_IF_TRUE_OR_POP:
    v = TOP();
    t = rh_truthy(rt, v);
    if (t < 0) goto error;
    if (t == (THIS_OP() == HX_JUMP_IF_TRUE_OR_POP)) JUMPTO(arg);
    else { sp--; rh_decref(rt, v); }
    DISPATCH();
L_GET_ITER:
    if (hx_get_iter(I, &TOP(), f->loops + HX_LOOP_WORDS * *ip++) != 0) goto error;
    DISPATCH();
L_FOR_ITER: {
    int64_t *cur = f->loops + HX_LOOP_WORDS * *ip++;
    if (cur[1] > 0 && rh_kind_of(TOP()) == RH_K_RANGE) { /* hx_for_iter's range step, inline */
        v = rh_int_from_i64(rt, cur[0]);
        if (!v) goto error;
        cur[0] = (int64_t)((uint64_t)cur[0] + (uint64_t)cur[2]);
        cur[1]--;
        PUSH(v);
        DISPATCH();
    }
    t = hx_for_iter(I, TOP(), cur, &v);
}
    if (t > 0) { PUSH(v); DISPATCH(); }
    if (t < 0) goto error;
    v = POP();
    rh_decref(rt, v);
    JUMPTO(arg);
    DISPATCH();
L_BUILD_TUPLE:
    if (arg == 0) { PUSH(newref(rh_empty_tuple(rt))); DISPATCH(); }
    r = rh_tuple_new(rt, arg);
    if (!r) goto error;
    sp -= arg;
    for (uint32_t i = 0; i < arg; i++) rh_tuple_set(r, i, sp[i]);
    PUSH(r);
    DISPATCH();
L_BUILD_LIST:
    r = rh_list_new(rt, arg);
    if (!r) goto error;
    sp -= arg;
    for (uint32_t i = 0; i < arg; i++) rh_list_set_init(r, i, sp[i]);
    PUSH(r);
    DISPATCH();
L_BUILD_MAP:
    r = rh_dict_from_pairs(rt, sp - 2 * arg, arg); /* _PyDict_FromItems: a str-only table when all keys are str */
    sp -= 2 * arg;
    for (uint32_t i = 0; i < 2 * arg; i++) rh_decref(rt, sp[i]);
    if (!r) goto error;
    PUSH(r);
    DISPATCH();
L_LIST_APPEND:
    v = POP();
    t = rh_list_append(rt, PEEK(arg), v);
    rh_decref(rt, v);
    if (t) goto error;
    DISPATCH();
L_LIST_EXTEND: /* _PyList_Extend: any iterable directly, no temporary list */
    v = POP();
    t = rh_list_extend(rt, PEEK(arg), v);
    /* ceval LIST_EXTEND: a TypeError from a non-iterable (no tp_iter, not PySequence_Check) is reworded */
    if (t && rh_err_occurred(rt) == RH_EXC_TYPE && !v->type->tp_iter && !v->type->as_sequence.sq_item)
        rh_err_set(rt, RH_EXC_TYPE, "Value after * must be an iterable, not %s", rh_type_name(v));
    rh_decref(rt, v);
    if (t) goto error;
    DISPATCH();
L_LIST_TO_TUPLE:
    v = TOP();
    r = rh_tuple_new(rt, rh_list_len(v));
    if (!r) goto error;
    for (size_t i = 0; i < rh_list_len(v); i++) rh_tuple_set(r, i, newref(rh_list_get(v, i)));
    TOP() = r;
    rh_decref(rt, v);
    DISPATCH();
L_BUILD_SET: /* PySet_New, then PySet_Add of each item, first to last */
    r = rh_set_new(rt, NULL);
    sp -= arg;
    for (uint32_t i = 0; i < arg; i++) {
        if (r && rh_set_add(rt, r, sp[i])) { rh_decref(rt, r); r = NULL; }
        rh_decref(rt, sp[i]);
    }
    if (!r) goto error;
    PUSH(r);
    DISPATCH();
L_SET_ADD:
    v = POP();
    t = rh_set_add(rt, PEEK(arg), v);
    rh_decref(rt, v);
    if (t) goto error;
    DISPATCH();
L_SET_UPDATE:
    v = POP();
    t = rh_set_update(rt, PEEK(arg), v);
    rh_decref(rt, v);
    if (t) goto error;
    DISPATCH();
L_UNPACK_SEQUENCE: {
    v = POP();
    if (rh_kind_of(v) != RH_K_LIST && rh_kind_of(v) != RH_K_TUPLE) {
        rh_object *small[8], **items = arg <= 8 ? small : malloc(arg * sizeof *items);
        if (!items) { rh_decref(rt, v); rh_err_set(rt, RH_EXC_MEMORY, NULL); goto error; }
        t = unpack_iterable(I, v, items, arg);
        rh_decref(rt, v);
        if (t == 0)
            for (size_t i = arg; i-- > 0;) PUSH(items[i]);
        if (items != small) free(items);
        if (t) goto error;
        DISPATCH();
    }
    w = unpack_items(I, v);
    if (w != v) rh_decref(rt, v);
    if (!w) goto error;
    int isl = rh_kind_of(w) == RH_K_LIST;
    size_t len = isl ? rh_list_len(w) : rh_tuple_len(w);
    if (len != arg) {
        unpack_count_error(rt, arg, len);
        rh_decref(rt, w);
        goto error;
    }
    for (size_t i = len; i-- > 0;) PUSH(newref(isl ? rh_list_get(w, i) : rh_tuple_get(w, i)));
    rh_decref(rt, w);
    DISPATCH();
}
L_BINARY_SUBSCR:
    w = POP();
    v = POP();
    if (rh_type_of(v) == rh_builtin_type(rt, RH_K_DICT)) r = rh_dict_subscript(rt, v, w); /* BINARY_SUBSCR_DICT */
    else if (!(r = seq_item_fast(v, w))) r = hx_subscr(I, v, w);
    rh_decref(rt, w);
    rh_decref(rt, v);
    if (!r) goto error;
    PUSH(r);
    DISPATCH();
L_STORE_SUBSCR: {
    rh_object *idx = POP(), *o = POP();
    v = POP();
    if (rh_type_of(o) == rh_builtin_type(rt, RH_K_DICT)) t = rh_dict_set(rt, o, idx, v); /* STORE_SUBSCR_DICT */
    else if ((t = list_store_fast(rt, o, idx, v)) > 0) t = hx_store_subscr(I, o, idx, v);
    rh_decref(rt, idx);
    rh_decref(rt, v);
    rh_decref(rt, o);
    if (t) goto error;
    DISPATCH();
}
L_DELETE_SUBSCR:
    w = POP();
    v = POP();
    t = hx_del_subscr(I, v, w);
    rh_decref(rt, w);
    rh_decref(rt, v);
    if (t) goto error;
    DISPATCH();
L_BUILD_SLICE:
    v = PEEK((int)arg);
    w = PEEK((int)arg - 1);
    r = rh_slice_new(rt, v, w, arg == 3 ? TOP() : NULL);
    for (uint32_t i = 0; i < arg; i++) rh_decref(rt, POP());
    if (!r) goto error;
    PUSH(r);
    DISPATCH();
L_BINARY_SLICE:
L_DELETE_SLICE:
L_STORE_SLICE: {
    unsigned op = THIS_OP();
    int np = popcount3(arg), has[3], store = op == HX_STORE_SLICE;
    int64_t b[3];
    rh_object **parts = sp - np, *o = parts[-1], *val = store ? parts[-2] : NULL;
    if (!hx_slice_fast(I, o, arg)) { /* a slice object, as BUILD_SLICE + BINARY_SUBSCR */
        r = slice_subscr(I, op, parts, (int)arg, o, val);
        sp = parts - 1 - store;
        if (!r) goto error;
        if (op == HX_BINARY_SLICE) PUSH(r);
        DISPATCH();
    }
    t = slice_args(I, parts, (int)arg, b, has);
    for (int i = 0; i < np; i++) rh_decref(rt, parts[i]);
    sp = parts - 1 - store;
    r = NULL;
    if (t == 0) {
        if (op == HX_BINARY_SLICE) {
            r = hx_slice(I, o, b, has);
            t = r ? 0 : -1;
        } else {
            t = store ? hx_store_slice(I, o, b, has, val) : hx_del_slice(I, o, b, has);
        }
    }
    rh_decref(rt, o);
    rh_xdecref(rt, val);
    if (t) goto error;
    if (r) PUSH(r);
    DISPATCH();
}
L_LOAD_ATTR: {
    hx_acache *ac = &c->acache[*ip++];
    v = POP();
    t = attr_cache_way(rt, ac, v);
    if (t >= 0 && (w = attr_cached(v, c->co_names[arg], ac->way[t].hint, ac->way[t].keys, ac->way[t].ix))) {
        PUSH(newref(w));
        rh_decref(rt, v);
        DISPATCH();
    }
    r = hx_getattr_obj(I, v, c->co_names[arg]);
    if (r && rh_kind_of(v) == RH_K_INSTANCE) attr_cache_fill(rt, ac, v, c->co_names[arg], r);
    if (!r) rh_err_name_context(rt, v, c->co_names[arg]); /* PyObject_GetAttr's set_attribute_error_context */
    rh_decref(rt, v);
    if (!r) goto error;
    PUSH(r);
    DISPATCH();
}
L_STORE_ATTR: {
    hx_acache *ac = &c->acache[*ip++];
    w = POP();
    v = POP();
    t = attr_cache_way(rt, ac, w);
    if (t >= 0 && attr_cache_store(rt, w, c->co_names[arg], &ac->way[t], v)) {
        t = 0;
    } else {
        t = hx_setattr(I, w, c->co_names[arg], v);
        if (t == 0 && rh_kind_of(w) == RH_K_INSTANCE) attr_cache_fill(rt, ac, w, c->co_names[arg], v);
    }
    rh_decref(rt, v);
    rh_decref(rt, w);
    if (t) goto error;
    DISPATCH();
}
L_DELETE_ATTR:
    w = POP();
    t = hx_delattr(I, w, c->co_names[arg]);
    rh_decref(rt, w);
    if (t) goto error;
    DISPATCH();
L_LOAD_METHOD: {
    hx_mcache *mc = &c->mcache[*ip++];
    v = POP();
    if (mc->mkind == (int)rh_kind_of(v) + 1 && !(rh_type_of(v)->flags & RH_TPFLAG_HEAPTYPE)) { /* load_method's */
        PUSH(v);                                                   /* remembered def of a built-in receiver */
        PUSH(tag_def(mc->mdef));
        DISPATCH();
    }
    if (load_method(I, v, c->co_names[arg], mc, sp) != 0) goto error;
    sp += 2;
    DISPATCH();
}
L_KW_NAMES:
    kwn = (const char *const *)c->kwlists[arg].names;
    nkw = c->kwlists[arg].n;
    DISPATCH();
L_CALL: {
    rh_object **args = sp - arg;
    f->call_ip = ip;
    sp = args - 2;
    v = args[-2];
    w = args[-1];
    if (!nkw && !is_tagged(w) && rh_kind_of(v) == RH_K_FUNCTION && rh_runtime_profile(rt)->call_args_stolen) {
        /* CALL_PY_EXACT_ARGS: a Python function (or LOAD_METHOD's function and self) given exactly its
         * parameters by position */
        int n = (int)arg + (w != NULL);
        if (exact_args(rh_func_code(v), n)) {
            r = call_py_exact(I, v, args - (w != NULL), n);
            rh_decref(rt, v);
            if (!r) goto error;
            PUSH(r);
            DISPATCH();
        }
    }
    if (!nkw && (is_tagged(w) || (!w && rh_kind_of(v) == RH_K_BUILTIN))) {
        /* CALL_NO_KW_BUILTIN_FAST / CALL_NO_KW_METHOD_DESCRIPTOR_FAST: a built-in function, or LOAD_METHOD's
         * built-in method with its receiver, that takes its arguments as an array; call_stack's path
         * without its layers, the same references dropped in the same order (arguments, then callable) */
        const rh_builtin_def *d = w ? untag_def(w) : rh_builtin_get_def(v);
        if (!(d->flags & (HX_METH_VARARGS | HX_METH_VARARGS_TO312)) && !rh_runtime_profile(rt)->python2) {
            r = ((hx_cfn)d->fn)(I, w ? v : rh_builtin_self(v), args, (int)arg, NULL, NULL, 0);
            for (unsigned i = 0; i < arg; i++) rh_decref(rt, args[i]);
            rh_decref(rt, v);
            if (!r) goto error;
            PUSH(r);
            DISPATCH();
        }
    }
    if (!w && rh_kind_of(v) == RH_K_METHOD && rh_runtime_profile(rt)->call_unpacks_bound_method) {
        /* 3.11's CALL (2.7's call_function): a bound method gives way to its function and self, and is
         * dropped before the call */
        args[-1] = newref(rh_method_self(v));
        args[-2] = newref(rh_method_func(v));
        rh_decref(rt, v);
    }
    if (arg == 1 && !w && !nkw && v == (rh_object *)rh_builtin_type(rt, RH_K_STR))
        I->spec_str = call_site_specialized(I, c, (int)(ip - 1 - code), v, 1);
    if (__builtin_expect(rh_runtime_profile(rt)->call_alloc_enter_init, 0) && !w && !nkw &&
        rh_kind_of(v) == RH_K_TYPE && arg < RH_ARGS_MAX) {
        rh_object *init = simple_init(I, v, (int)arg);
        if (call_site_specialized(I, c, (int)(ip - 1 - code), v, init != NULL)) {
            r = alloc_and_enter_init(I, v, init, args, (int)arg);
            if (!r) goto error;
            PUSH(r);
            DISPATCH();
        }
    }
    r = call_stack(I, args, (int)arg, kwn, nkw);
    I->spec_str = 0;
    kwn = NULL;
    nkw = 0;
    if (!r) goto error;
    PUSH(r);
    DISPATCH();
}
L_CALL_FUNCTION_EX: {
    rh_object *kwargs = arg ? POP() : NULL, *seq = POP(), *fn;
    f->call_ip = ip;
    (void)POP(); /* the NULL of PUSH_NULL */
    fn = POP();
    r = call_ex(I, fn, seq, kwargs); /* seq and kwargs consumed */
    rh_decref(rt, fn);
    if (!r) goto error;
    PUSH(r);
    DISPATCH();
}
L_HX_CALL_EXT27: {
    int npos = (int)(arg & 0xffu), nkw = (int)((arg >> 8) & 0xffu);
    rh_object *map = (arg >> 17) & 1u ? POP() : NULL, *seq = (arg >> 16) & 1u ? POP() : NULL;
    rh_object **args = sp - (npos + 2 * nkw);
    f->call_ip = ip;
    sp = args - 2;
    v = args[-2];
    r = ext_do_call27(I, v, args, npos, nkw, seq, map);
    rh_decref(rt, v);
    if (!r) goto error;
    PUSH(r);
    DISPATCH();
}
L_MAKE_FUNCTION: {
    uint32_t extra = *ip++;
    rh_object *clo = (extra & 8u) ? POP() : NULL;
    rh_object *ann = (extra & 4u) ? POP() : NULL;
    rh_object *kwd = (extra & 2u) ? POP() : NULL;
    rh_object *defs = (extra & 1u) ? POP() : NULL;
    r = make_function(I, f, c->co_codes[arg], c->co_names[extra >> 4], defs);
    r = function_extras(I, r, kwd, ann, clo);
    if (!r) goto error;
    PUSH(r);
    DISPATCH();
}
L_SETUP_ANNOTATIONS:
    if (setup_annotations(I, f)) goto error;
    DISPATCH();
L_MAKE_CELL:
    v = fast[arg];
    r = rh_cell_new(rt, v);
    if (!r) goto error;
    fast[arg] = r;
    rh_xdecref(rt, v);
    DISPATCH();
L_LOAD_CLOSURE:
    PUSH(newref(fast[arg]));
    DISPATCH();
L_LOAD_DEREF:
    v = rh_cell_get(fast[arg]);
    if (__builtin_expect(!v, 0)) { unbound_deref(I, c, (int)arg); goto error; }
    PUSH(newref(v));
    DISPATCH();
L_STORE_DEREF:
    v = POP();
    rh_cell_set(rt, fast[arg], v);
    rh_decref(rt, v);
    DISPATCH();
L_DELETE_DEREF:
    if (!rh_cell_get(fast[arg])) { unbound_deref(I, c, (int)arg); goto error; }
    rh_cell_set(rt, fast[arg], NULL);
    DISPATCH();
L_LOAD_CLASSDEREF: /* the class namespace first (it may bind the name), then the cell */
    {
        rh_object *nm = rh_str_intern_utf8(rt, c->slotnames[arg], strlen(c->slotnames[arg]));
        v = nm ? ns_load(I, f->ns, nm) : NULL;
        rh_xdecref(rt, nm);
        if (!v && rh_err_occurred(rt)) goto error;
    }
    if (!v && (v = rh_cell_get(fast[arg]))) rh_incref(v);
    if (!v) { unbound_deref(I, c, (int)arg); goto error; }
    PUSH(v);
    DISPATCH();
L_COPY_FREE_VARS: {
    rh_object *clo = f->func ? rh_func_closure(f->func) : f->closure;
    if (!clo) DISPATCH(); /* a 3.10/2.7 generator's frame: copied when it was made (make_generator) */
    for (uint32_t i = 0; i < arg; i++) fast[c->freeslots[i]] = newref(rh_tuple_get(clo, i));
    DISPATCH();
}
L_DICT_MERGE:
    v = POP();
    t = dict_merge_kw(I, PEEK(arg + 3), PEEK(arg), v); /* [callable, NULL, args, dict] */
    rh_decref(rt, v);
    if (t) goto error;
    DISPATCH();
L_DICT_UPDATE:
    v = POP();
    t = dict_update(I, PEEK(arg), v);
    rh_decref(rt, v);
    if (t) goto error;
    DISPATCH();
L_GET_LEN: { /* len(TOS) as an int, TOS kept */
    int64_t n = rh_len(rt, TOP());
    if (n < 0) goto error;
    r = rh_int_from_i64(rt, n);
    if (!r) goto error;
    PUSH(r);
    DISPATCH();
}
L_MATCH_MAPPING:
    r = hx_match_is_mapping(TOP()) ? rh_true(rt) : rh_false(rt);
    PUSH(newref(r));
    DISPATCH();
L_MATCH_SEQUENCE:
    r = hx_match_is_sequence(TOP()) ? rh_true(rt) : rh_false(rt);
    PUSH(newref(r));
    DISPATCH();
L_MATCH_KEYS: /* subject, keys -> subject, keys, values (or None) */
    r = hx_match_keys(I, PEEK(2), TOP());
    if (!r) goto error;
    PUSH(r);
    DISPATCH();
L_MATCH_CLASS: { /* subject, type, names -> attributes (or None) */
    rh_object *names = POP(), *type = POP(), *subject = TOP();
    r = hx_match_class(I, subject, type, (int)arg, names);
    rh_decref(rt, subject);
    rh_decref(rt, type);
    rh_decref(rt, names);
    if (!r && rh_err_occurred(rt)) { (void)POP(); goto error; }
    TOP() = r ? r : newref(rh_none(rt));
    DISPATCH();
}
L_UNPACK_EX: {
    rh_object **nsp = unpack_ex(I, sp, (int)(arg & 0xff), (int)(arg >> 8));
    if (!nsp) { sp--; goto error; }
    sp = nsp;
    DISPATCH();
}
L_HX_BUILD_CLASS_CLOSURE:
    I->class_closure = POP();
    goto build_class_op;
L_HX_COMP_FUNCTION:
    if (__builtin_expect(c->co_warm_pending, 0)) /* the comprehension's RESUME */
        code_warm(I, c, comp_called_at(c, (int)(ip - 1 - code)));
    w = arg == 2 ? I->s_dictcomp : arg ? I->s_setcomp : I->s_listcomp;
    r = rh_func_new(rt, c, f->globals, w, w, NULL);
    if (!r) goto error;
    PUSH(r);
    DISPATCH();
L_HX_COMP_FRAME:
    if (comp_frame_enter(I, f, (int)arg) != 0) goto error;
    DISPATCH();
L_HX_COMP_FRAME_END:
    comp_frame_leave(I);
    DISPATCH();
L_HX_BUILD_CLASS:
    I->class_closure = NULL;
build_class_op: {
    uint32_t extra = *ip++, nb = extra & 255u;
    rh_object *bases, *kw = (extra & 256u) ? POP() : NULL; /* the class keywords' dict, owned here */
    if (nb) {
        bases = rh_tuple_new(rt, nb);
        if (!bases) { rh_xdecref(rt, kw); rh_xdecref(rt, I->class_closure); I->class_closure = NULL; goto error; }
        sp -= nb;
        for (uint32_t i = 0; i < nb; i++) rh_tuple_set(bases, i, sp[i]);
    } else {
        bases = newref(rh_empty_tuple(rt));
    }
    f->line = c->co_lines[ip - code - 2];
    w = I->class_closure; /* owned here: build_class's frame borrows it */
    r = build_class(I, f, c->co_codes[arg], c->co_names[extra >> 9], bases, kw, f->line);
    rh_xdecref(rt, w);
    rh_xdecref(rt, kw);
    if (!r) goto error;
    PUSH(r);
    DISPATCH();
}
L_RETURN_VALUE:
    f->retval = POP();
    return 0;
L_RAISE_VARARGS:
    if (__builtin_expect(I->exc_py2, 0) && arg) {
        r = arg == 3 ? POP() : NULL;
        w = arg == 3 ? POP() : NULL;
        v = POP();
        if (do_raise_py2(I, v, w, r)) goto exception_unwind;
        goto error;
    }
    w = arg == 2 ? POP() : NULL;
    v = arg >= 1 ? POP() : NULL;
    if (do_raise(I, v, w)) goto exception_unwind;
    goto error;
L_PUSH_EXC_INFO:
    if (__builtin_expect(I->exc_py2, 0)) { /* the item under the exception is its traceback (see exception_unwind) */
        py2_push_exc_info(I, f, sp, arg);
        sp++;
        DISPATCH();
    }
    v = TOP();
    w = rh_exc_handled_swap(rt, newref(v));
    TOP() = w ? w : newref(rh_none(rt));
    PUSH(v);
    DISPATCH();
L_POP_EXCEPT: /* 2.x: the item is the traceback; the exception stays the one being handled */
    v = POP();
    if (__builtin_expect(I->exc_py2, 0)) {
        rh_decref(rt, v);
        DISPATCH();
    }
    if (v == rh_none(rt)) {
        rh_decref(rt, v);
        v = NULL;
    }
    rh_xdecref(rt, rh_exc_handled_swap(rt, v));
    DISPATCH();
L_CHECK_EXC_MATCH:
    w = POP();
    t = exc_matches(I, TOP(), w);
    rh_decref(rt, w);
    if (t < 0) goto error;
    PUSH(newref(t ? py_true : py_false));
    DISPATCH();
L_RERAISE:
    if (__builtin_expect(I->exc_py2, 0)) { /* 2.7's END_FINALLY: the traceback is the item in the index's place,
                                              * or under the exception (PUSH_EXC_INFO) */
        v = POP();
        py2_reraise(I, f, v, arg ? PEEK(arg) : TOP());
        goto exception_unwind;
    }
    if (arg) { /* the frame's line is where it first failed */
        int64_t lasti;
        if (rh_int_small_value(PEEK(arg + 1), &lasti) && lasti >= 0 && lasti < c->ncode) f->line = c->co_lines[lasti];
    }
    v = POP();
    w = rh_exc_traceback(rt, v);
    rh_xincref(w);
    rh_err_restore(rt, v, w);
    goto exception_unwind;
L_BEFORE_WITH:
L_BEFORE_ASYNC_WITH:
    r = before_with(I, &TOP(), THIS_OP() == HX_BEFORE_ASYNC_WITH);
    if (!r) goto error;
    PUSH(r);
    DISPATCH();
L_GET_AITER:
    r = get_aiter(I, TOP());
    if (!r) goto error;
    w = TOP();
    TOP() = r;
    rh_decref(rt, w);
    DISPATCH();
L_GET_ANEXT:
    r = get_anext(I, TOP());
    if (!r) goto error;
    PUSH(r);
    DISPATCH();
L_END_ASYNC_FOR: /* ceval.c END_ASYNC_FOR: the loop's end, or the exception raised again with its traceback */
    v = POP();
    if (rh_exc_class_matches((rh_object *)rh_type_of(v), (rh_object *)rh_exc_type(rt, RH_EXC_STOPASYNCITERATION))) {
        rh_decref(rt, v);
        rh_decref(rt, POP());
        DISPATCH();
    }
    w = rh_exc_traceback(rt, v);
    rh_xincref(w);
    rh_err_restore(rt, v, w);
    goto exception_unwind;
L_WITH_EXCEPT_START:
    r = with_except_start(I, PEEK(4), TOP(), PEEK(2));
    if (!r) goto error;
    PUSH(r);
    DISPATCH();
L_LOAD_ASSERTION_ERROR:
    PUSH(newref((rh_object *)rh_exc_type(rt, RH_EXC_ASSERTION)));
    DISPATCH();
L_IMPORT_NAME: { /* the extra word: level | (1 + fromlist's co_cstrs index) << 8, 0 = no fromlist */
    uint32_t lf = *ip++;
    r = hx_import_name(I, f->globals, c->co_cstrs[arg], (int)(lf & 255u), lf >> 8 ? c->co_cstrs[(lf >> 8) - 1] : NULL);
    if (!r) goto error;
    PUSH(r);
    DISPATCH();
}
L_IMPORT_STAR:
    v = POP();
    t = hx_import_star(I, f->ns ? f->ns : f->globals, v);
    rh_decref(rt, v);
    if (t) goto error;
    DISPATCH();
L_FORMAT_VALUE: { /* ceval.c FORMAT_VALUE: an exact str without a spec is its own result */
    rh_object *spec = (arg & 4) ? POP() : NULL;
    v = POP();
    if (arg & 3) {
        r = (arg & 3) == 1 ? hx_obj_str(I, v) : (arg & 3) == 2 ? hx_obj_repr(I, v) : rh_ascii(rt, v);
        rh_decref(rt, v);
        if (!r) { rh_xdecref(rt, spec); goto error; }
        v = r;
    }
    if (!spec && rh_kind_of(v) == RH_K_STR && !(rh_type_of(v)->flags & RH_TPFLAG_HEAPTYPE)) {
        r = v;
    } else {
        r = hx_format(I, v, spec ? spec : rh_empty_str(rt));
        rh_decref(rt, v);
    }
    rh_xdecref(rt, spec);
    if (!r) goto error;
    PUSH(r);
    DISPATCH();
}
L_BUILD_STRING:
    r = hx_join_strs(I, sp - arg, (int)arg);
    for (uint32_t i = 0; i < arg; i++) rh_decref(rt, POP());
    if (!r) goto error;
    PUSH(r);
    DISPATCH();
L_IMPORT_FROM:
    r = hx_import_from(I, TOP(), c->co_cstrs[arg]);
    if (!r) goto error;
    PUSH(r);
    DISPATCH();
L_MAP_ADD:
    w = POP();
    v = POP();
    t = rh_dict_set(rt, PEEK(arg), v, w);
    rh_decref(rt, v);
    rh_decref(rt, w);
    if (t) goto error;
    DISPATCH();
L_YIELD_VALUE: /* the generator's caller (hx_gen_send) gets the value; the frame stays as it is */
    f->retval = POP();
    f->resume = (int)(ip - code);
    f->resume_sp = (int)(sp - stack);
    return 1;
L_SEND:
    v = POP();
    t = gen_send_to(I, TOP(), v, &r);
    if (t < 0) goto error;
    if (t == 0) { /* the receiver returned r: it replaces the receiver, the loop is left */
        w = TOP();
        TOP() = r;
        rh_decref(rt, w);
        JUMPTO(arg);
        DISPATCH();
    }
    PUSH(r);
    DISPATCH();
L_GET_YIELD_FROM_ITER:
L_GET_AWAITABLE:
    r = THIS_OP() == HX_GET_AWAITABLE ? get_awaitable(I, TOP(), (int)arg) : get_yield_from_iter(I, c, TOP());
    if (!r) goto error;
    w = TOP();
    TOP() = r;
    rh_decref(rt, w);
    DISPATCH();
L_HX_CHECK_GC:
    rh_gc_run_scheduled(rt);
    DISPATCH();
L_HX_STMT_BEGIN:
    if (I->report) { cur_stmt = (int)arg; hx_report_stmt_begin(I, c->body[arg]); }
    DISPATCH();
L_HX_STMT_END:
    if (I->report) { hx_report_stmt_end(I, c->body[arg]); cur_stmt = -1; }
    DISPATCH();

error:
    /* this frame's traceback entry (ceval.c: _PyFrame_GetFrameObject, then PyTraceBack_Here) */
    traceback_here(I, f, (int)(ip - code - 1));
exception_unwind: {
    /* the exception table entry of the failing instruction: unwind the stack to its depth, push the
     * failing index if asked, then the exception itself (normalized, its traceback attached) */
    int at = (int)(ip - code - 1), h = c->co_handler[at];
    if (h >= 0) {
        const hx_handler *e = &c->co_exc[h];
        if (I->ncompframes) comp_frames_unwind(I, f, e->target);
        while (sp > stack + e->depth) release_slot(rt, POP());
        if (__builtin_expect(I->exc_py2, 0)) { /* 2.7 pushes (tb, value, type): the traceback takes the index's
                                                  * place, or waits in I->py2_tb for the handler's PUSH_EXC_INFO */
            v = py2_fetch(I, e->lasti, &w);
            if (!v) goto exception_unwind_out;
            if (w) PUSH(w);
            PUSH(v);
            JUMPTO(e->target);
            DISPATCH();
        }
        if (e->lasti) {
            v = rh_int_from_i64(rt, at);
            if (!v) goto exception_unwind;
            PUSH(v);
        }
        v = rh_err_fetch(rt);
        if (v) {
            PUSH(v);
            JUMPTO(e->target);
            DISPATCH();
        }
    }
exception_unwind_out:
    if (I->ncompframes) comp_frames_unwind(I, f, -1);
    while (sp > stack) release_slot(rt, POP());
    if (cur_stmt >= 0 && I->report) hx_report_stmt_end(I, c->body[cur_stmt]);
    return -1;
}
#undef DISPATCH
#undef JUMPTO
}
#undef stack

/* run_frame, then 2.7's reset_exc_info when the frame caught an exception (its return, failure or yield
 * gives back the thread's state before; kept out of the instruction loop) */
static inline __attribute__((always_inline)) int run_frame_exit(hx_interp *I, hx_frame *f) {
    int st = run_frame(I, f);
    if (__builtin_expect(I->npy2saved != 0, 0) && I->py2saved[I->npy2saved - 1].frame == f) reset_exc_info(I);
    return st;
}

static int missing_names(hx_code *c, rh_object **fast, int lo, int hi, char *buf, size_t n) {
    int total = 0, k = 0;
    for (int i = lo; i < hi; i++) total += !fast[i];
    buf[0] = 0;
    for (int i = lo; i < hi; i++) {
        if (fast[i]) continue;
        size_t l = strlen(buf);
        const char *sep = k == 0 ? "" : (total == 2 ? " and " : (k == total - 1 ? ", and " : ", "));
        snprintf(buf + l, n - l, "%s'%s'", sep, c->params[i]);
        k++;
    }
    return total;
}

/* initialize_locals (Python/ceval.c, 3.11): bind a call's arguments to the parameters of fn's unit c in
 * CPython's order — the **kwargs dict first, positional arguments, the *args tuple, keyword arguments
 * (a name no parameter has goes into **kwargs), then the checks and defaults: too many positional
 * arguments, missing positional ones (defaults filled), missing keyword-only ones (__kwdefaults__).
 * Arguments are moved (steal) or copied into fast as call_pyfunc does; what is left in args/kwv is the
 * caller's to release. 0, or -1 with CPython's TypeError set. */
static __attribute__((noinline)) int bind_args(hx_interp *I, rh_object *fn, hx_code *c, rh_object **fast,
                                                rh_object **args, int nargs, char **kwn, rh_object **kwv, int nkw,
                                                int steal) {
    rh_runtime *rt = I->rt;
    const char *qn = hx_cstr(I, rh_func_qualname(fn));
    int argcount = c->nparams, total = c->nparams + c->nkwonly, i;
    rh_object *kwdict = NULL;
    char names[512];
    if (c->varkw) {
        if (!(kwdict = rh_dict_new(rt))) return -1;
        fast[total + c->varargs] = kwdict;
    }
    int n = nargs < argcount ? nargs : argcount;
    for (i = 0; i < n; i++) {
        fast[i] = steal ? args[i] : newref(args[i]);
        if (steal) args[i] = NULL;
    }
    if (c->varargs) { /* _PyTuple_FromArraySteal */
        rh_object *u = nargs == n ? newref(rh_empty_tuple(rt)) : rh_tuple_new(rt, (size_t)(nargs - n));
        if (!u) return -1;
        for (i = n; i < nargs && nargs > n; i++) {
            rh_tuple_set(u, (size_t)(i - n), steal ? args[i] : newref(args[i]));
            if (steal) args[i] = NULL;
        }
        fast[total] = u;
    }
    for (int k = 0; k < nkw; k++) {
        int j = -1;
        for (int p = c->nposonly; p < total && j < 0; p++)
            if (strcmp(c->params[p], kwn[k]) == 0) j = p;
        if (j < 0) {
            if (!kwdict) {
                int posonly = 0;
                names[0] = 0;
                for (int m = 0; m < nkw; m++)
                    for (int p = 0; p < c->nposonly; p++)
                        if (strcmp(c->params[p], kwn[m]) == 0) {
                            size_t l = strlen(names);
                            snprintf(names + l, sizeof names - l, "%s%s", posonly++ ? ", " : "", kwn[m]);
                        }
                if (posonly)
                    rh_err_set(rt, RH_EXC_TYPE, "%s() got some positional-only arguments passed as keyword arguments: '%s'",
                               qn, names);
                else
                    rh_err_set(rt, RH_EXC_TYPE, "%s() got an unexpected keyword argument '%s'", qn, kwn[k]);
                return -1;
            }
            rh_object *key = rh_str_intern_utf8(rt, kwn[k], strlen(kwn[k]));
            int rc = key ? rh_dict_set(rt, kwdict, key, kwv[k]) : -1;
            rh_xdecref(rt, key);
            if (rc) return -1;
            if (steal) { rh_decref(rt, kwv[k]); kwv[k] = NULL; }
            continue;
        }
        if (fast[j]) {
            rh_err_set(rt, RH_EXC_TYPE, "%s() got multiple values for argument '%s'", qn, kwn[k]);
            return -1;
        }
        fast[j] = steal ? kwv[k] : newref(kwv[k]);
        if (steal) kwv[k] = NULL;
    }
    rh_object *defs = rh_func_defaults(fn);
    int defcount = defs ? (int)rh_tuple_len(defs) : 0;
    if (nargs > argcount && !c->varargs) { /* too_many_positional */
        int kwonly_given = 0;
        for (i = argcount; i < total; i++) kwonly_given += fast[i] != NULL;
        char sig[64], kwsig[96] = "";
        int plural = defcount ? 1 : argcount != 1;
        if (defcount) snprintf(sig, sizeof sig, "from %d to %d", argcount - defcount, argcount);
        else snprintf(sig, sizeof sig, "%d", argcount);
        if (kwonly_given)
            snprintf(kwsig, sizeof kwsig, " positional argument%s (and %d keyword-only argument%s)", nargs != 1 ? "s" : "",
                     kwonly_given, kwonly_given != 1 ? "s" : "");
        rh_err_set(rt, RH_EXC_TYPE, "%s() takes %s positional argument%s but %d%s %s given", qn, sig, plural ? "s" : "",
                   nargs, kwsig, nargs == 1 && !kwonly_given ? "was" : "were");
        return -1;
    }
    if (nargs < argcount) {
        int m = argcount - defcount, missing = 0;
        for (i = nargs; i < m; i++) missing += !fast[i];
        if (missing) {
            missing = missing_names(c, fast, 0, m, names, sizeof names);
            rh_err_set(rt, RH_EXC_TYPE, "%s() missing %d required positional argument%s: %s", qn, missing,
                       missing == 1 ? "" : "s", names);
            return -1;
        }
        for (i = n > m ? n - m : 0; i < defcount; i++)
            if (!fast[m + i]) fast[m + i] = newref(rh_tuple_get(defs, (size_t)i));
    }
    if (c->nkwonly) {
        rh_object *kwdefs = rh_func_kwdefaults(fn);
        int missing = 0;
        for (i = argcount; i < total; i++) {
            if (fast[i]) continue;
            rh_object *nm = kwdefs ? rh_str_intern_utf8(rt, c->params[i], strlen(c->params[i])) : NULL; /* interned by resolve.c */
            rh_object *d = nm ? rh_dict_get(rt, kwdefs, nm) : NULL;
            rh_xdecref(rt, nm);
            if (d) fast[i] = newref(d);
            else missing++;
        }
        if (missing) {
            missing = missing_names(c, fast, argcount, total, names, sizeof names);
            rh_err_set(rt, RH_EXC_TYPE, "%s() missing %d required keyword-only argument%s: %s", qn, missing,
                       missing == 1 ? "" : "s", names);
            return -1;
        }
    }
    return 0;
}

/* _PyEvalFramePushAndInit_Ex (3.12+): the argument tuple and keyword dict of CALL_FUNCTION_EX go once
 * the new frame holds its arguments, before it runs (call_ex hands them over in I->ex_release). */
static __attribute__((noinline)) void release_ex_args(hx_interp *I) {
    rh_object *t = I->ex_release[0], *k = I->ex_release[1];
    I->ex_release[0] = I->ex_release[1] = NULL;
    rh_decref(I->rt, t);
    rh_xdecref(I->rt, k);
}

static rh_object *call_pyfunc(hx_interp *I, rh_object *fn, rh_object **args, int nargs, char **kwn,
                              rh_object **kwv, int nkw) {
    rh_runtime *rt = I->rt;
    hx_code *c = rh_func_code(fn);
    const char *nm = c->name;
    hx_frame fr;
    frame_setup(I, &fr, c, rh_func_globals(fn), NULL);
    fr.func = fn;
    rh_object **fast = fr.fast;
    int i;
    rh_object *ret = NULL;
    /* 3.11+: the new frame takes the caller's stack references (_PyEvalFramePushAndInit); 3.10 and 2.7
     * copy them with a new reference each, the caller's stack keeping its own until the call returns */
    int steal = rh_runtime_profile(rt)->call_args_stolen || I->ex_steal, borrowed0 = I->arg0_borrowed;
    I->ex_steal = I->arg0_borrowed = I->ext_prepacked = 0;
    if (FRAME_PER_CALL(I, &fr) != 0) goto fail_args;
    if (__builtin_expect(nargs == c->nparams && !nkw && !c->varargs && !c->varkw && !c->nkwonly, 1)) {
        for (i = 0; i < nargs; i++) {
            fast[i] = steal ? args[i] : newref(args[i]);
            if (steal) args[i] = NULL;
        }
    } else if (bind_args(I, fn, c, fast, args, nargs, kwn, kwv, nkw, steal) != 0) {
        if (__builtin_expect(I->ex_release[0] != NULL, 0)) release_ex_args(I);
        goto fail_args;
    }
    if (__builtin_expect(I->ex_release[0] != NULL, 0)) release_ex_args(I); /* 3.12+ f(*a, **k): call_ex */
    (void)nm;
    if (rh_recursion_enter(rt, "") != 0) goto fail_args;
    if (__builtin_expect(c->co_flags != 0, 0)) { /* RETURN_GENERATOR: the frame moves into a new generator */
        ret = make_generator(I, fn, &fr);
        rh_recursion_leave(rt);
        goto fail_args;
    }
    rh_incref(fn);
    I->frame = &fr;
    I->depth++;
    int st = run_frame_exit(I, &fr);
    I->depth--;
    rh_recursion_leave(rt);
    I->frame = fr.back;
    if (st == 0) ret = fr.retval;
    frame_clear(I, &fr);
    rh_decref(rt, fn);
    goto done;
fail_args:
    frame_clear(I, &fr);
done:
    for (i = borrowed0; i < nargs; i++) rh_xdecref(rt, args[i]);
    for (i = 0; i < nkw; i++) rh_xdecref(rt, kwv[i]);
    return ret;
}

/* CALL_PY_EXACT_ARGS (Python/ceval.c) under 3.11's stolen arguments: call_pyfunc for a call that passes
 * exactly the function's parameters by position (exact_args) within the recursion limit, with the same
 * effects in the same order: the n arguments at args move into the new frame's first fast locals (the
 * slots are left NULL), the function gains a reference while it runs. New reference or NULL. */
static rh_object *call_py_exact(hx_interp *I, rh_object *fn, rh_object **args, int n) {
    hx_code *c = rh_func_code(fn);
    if (__builtin_expect(rh_recursion_enter(I->rt, "") != 0, 0)) {
        for (int i = 0; i < n; i++) rh_decref(I->rt, args[i]);
        return NULL;
    }
    hx_frame fr;
    frame_setup(I, &fr, c, rh_func_globals(fn), NULL);
    fr.func = fn;
    for (int i = 0; i < n; i++) {
        fr.fast[i] = args[i];
        args[i] = NULL;
    }
    if (FRAME_PER_CALL(I, &fr) != 0) {
        rh_recursion_leave(I->rt);
        frame_clear(I, &fr);
        return NULL;
    }
    rh_incref(fn);
    I->frame = &fr;
    I->depth++;
    int st = run_frame_exit(I, &fr);
    I->depth--;
    rh_recursion_leave(I->rt);
    I->frame = fr.back;
    rh_object *ret = st == 0 ? fr.retval : NULL;
    frame_clear(I, &fr);
    rh_decref(I->rt, fn);
    return ret;
}

/* excess_args + object_new (Objects/typeobject.c): an instance of the heap class cls (or `object`) with no
 * attributes. Arguments beyond the type are refused when cls defines __new__ ("object.__new__() takes
 * exactly one argument") or defines neither __new__ nor __init__ ("C() takes no arguments"). New or NULL. */
static rh_object *object_new(hx_interp *I, rh_object *cls, int excess, int new_absent) {
    rh_runtime *rt = I->rt;
    if (((rh_type *)cls)->kind != RH_K_INSTANCE) excess = 0; /* a list/dict subclass: list's tp_new takes any */
    if (excess && !new_absent && rh_class_special(rt, cls, "__new__")) {
        rh_err_set(rt, RH_EXC_TYPE, "object.__new__() takes exactly one argument (the type to instantiate)");
        return NULL;
    }
    if (excess && !rh_class_special(rt, cls, "__init__")) {
        rh_err_set(rt, RH_EXC_TYPE, "%s() takes no arguments", ((rh_type *)cls)->name);
        return NULL;
    }
    if ((((rh_type *)cls)->flags & RH_TPFLAG_IS_ABSTRACT) && hx_abstract_error(I, cls)) return NULL;
    return rh_instance_new(rt, cls);
}

rh_object *hx_object_new(hx_interp *I, rh_object *cls, int excess) { return object_new(I, cls, excess, 0); }

/* f(first, *args, **kw) for a special method reached through type_call (slot_tp_new's and slot_tp_init's
 * _PyObject_Call_Prepend): first goes in front, every argument gets the callee's own reference, and with
 * keywords _PyStack_UnpackDict's tuple of their names lives for the call. Arguments borrowed; new or NULL. */
static rh_object *call_prepend(hx_interp *I, rh_object *f, rh_object *first, rh_object **args, int nargs,
                               char **kwn, rh_object **kwv, int nkw) {
    rh_runtime *rt = I->rt;
    if (nargs + 1 > RH_ARGS_MAX) {
        rh_err_set(rt, RH_EXC_UNSUPPORTED, "more than %d call arguments", RH_ARGS_MAX);
        return NULL;
    }
    const rh_profile *p = rh_runtime_profile(rt);
    /* 2.7 (slot_tp_new, instancemethod_call): a new tuple of first and the arguments, and for a Python function
     * function_call's tuple of keyword name/value pairs, both alive for the call; 3.x: _PyStack_UnpackDict's
     * tuple of the keyword names */
    int py27 = p->python2 && rh_kind_of(f) == RH_K_FUNCTION;
    rh_object *kwnames = NULL, *packed = NULL;
    if (py27 && !(packed = rh_tuple_new(rt, (size_t)nargs + 1))) return NULL;
    for (int i = 0; packed && i <= nargs; i++) rh_tuple_set(packed, (size_t)i, newref(i ? args[i - 1] : first));
    if (nkw) {
        if (!(kwnames = rh_tuple_new(rt, (size_t)nkw * (py27 ? 2 : 1)))) { rh_xdecref(rt, packed); return NULL; }
        for (int i = 0; i < nkw; i++) {
            rh_object *k = hx_name(I, kwn[i]); /* may fail (MemoryError): the tuple's empty slots are NULL */
            if (!k) { rh_decref(rt, kwnames); rh_xdecref(rt, packed); return NULL; }
            if (py27) {
                rh_tuple_set(kwnames, 2 * (size_t)i, newref(k));
                rh_tuple_set(kwnames, 2 * (size_t)i + 1, newref(kwv[i]));
            } else {
                rh_tuple_set(kwnames, (size_t)i, newref(k));
            }
        }
    }
    rh_object *a2[RH_ARGS_MAX + 1], *kv2[RH_ARGS_MAX];
    /* 3.10's _PyObject_Call_Prepend lends a Python function first and the tuple's items on a small stack,
     * its frame taking the only new references (call_pyfunc is told they are borrowed) */
    int lend = !nkw && !p->call_args_stolen && !p->python2 && rh_kind_of(f) == RH_K_FUNCTION;
    a2[0] = lend ? first : newref(first);
    for (int i = 0; i < nargs; i++) a2[i + 1] = lend ? args[i] : newref(args[i]);
    for (int i = 0; i < nkw; i++) kv2[i] = newref(kwv[i]);
    rh_incref(f);
    if (lend) I->arg0_borrowed = nargs + 1;
    rh_object *r = hx_call(I, f, a2, nargs + 1, kwn, kv2, nkw);
    I->arg0_borrowed = 0;
    rh_decref(rt, f);
    rh_xdecref(rt, kwnames);
    rh_xdecref(rt, packed);
    return r;
}

/* slot_tp_new: the class's __new__ (type_getattro unwraps the staticmethod type_new made of it) called
 * with the class in front; without one, object_new. New reference or NULL. */
static rh_object *class_tp_new(hx_interp *I, rh_object *cls, rh_object **args, int nargs, char **kwn,
                               rh_object **kwv, int nkw) {
    rh_object *nf = rh_class_special(I->rt, cls, "__new__");
    if (!nf && hx_is_metatype(cls)) return hx_type_new(I, cls, args, nargs, kwn, kwv, nkw); /* type's tp_new */
    rh_kind k = ((rh_type *)cls)->kind;
    if (k == RH_K_CLASSMETHOD || k == RH_K_STATICMETHOD || k == RH_K_PROPERTY) {
        rh_err_set(I->rt, RH_EXC_UNSUPPORTED, "an instance of a class deriving from '%s'", rh_builtin_type(I->rt, k)->name);
        return NULL;
    }
    if (!nf && k == RH_K_INT) return hx_int_subtype_new(I, cls, args, nargs, kwn, kwv, nkw); /* long_new */
    if (!nf && k == RH_K_STR) return hx_str_subtype_new(I, cls, args, nargs, kwn, kwv, nkw); /* unicode_new */
    if (!nf && k == RH_K_TUPLE) /* tuple_new -> tuple_subtype_new */
        return hx_builtin_tp_new(I, rh_builtin_type(I->rt, RH_K_TUPLE), cls, args, nargs, kwn, kwv, nkw);
    if (!nf && k == RH_K_GENERICALIAS) return hx_genericalias_tp_new(I, cls, args, nargs, nkw); /* tp_new: ga_new */
    if (!nf && k == RH_K_WEAKREF) return hx_weakref_subtype_new(I, cls, args, nargs, nkw); /* weakref___new__ */
    if (!nf) return object_new(I, cls, nargs + nkw > 0, 1);
    if (rh_kind_of(nf) == RH_K_STATICMETHOD) nf = rh_funcdescr_callable(nf);
    else if (rh_kind_of(nf) != RH_K_FUNCTION) {
        rh_err_set(I->rt, RH_EXC_UNSUPPORTED, "__new__ that is not a function or staticmethod");
        return NULL;
    }
    return call_prepend(I, nf, cls, args, nargs, kwn, kwv, nkw);
}

/* slot_tp_init, or object_init when the class has no __init__: arguments are refused when the class
 * does not define __new__ either. 0 or -1. */
static int class_tp_init(hx_interp *I, rh_object *inst, rh_object **args, int nargs, char **kwn,
                         rh_object **kwv, int nkw) {
    rh_runtime *rt = I->rt;
    rh_object *cls = (rh_object *)rh_type_of(inst);
    rh_object *init = rh_class_lookup(rt, cls, I->s_init);
    if (!init) {
        if (rh_err_occurred(rt)) return -1;
        if (hx_is_metatype(cls)) { /* type_init: 1 or 3 arguments */
            if ((nkw && nargs == 1) || (nargs != 1 && nargs != 3)) {
                rh_err_set(rt, RH_EXC_TYPE, nargs == 1 ? "type.__init__() takes no keyword arguments"
                                                       : "type.__init__() takes 1 or 3 arguments");
                return -1;
            }
            return 0;
        }
        if (hx_is_builtin_subclass_instance(inst)) /* list.__init__ / dict.__init__, inherited */
            return hx_builtin_base_init(I, inst, args, nargs, kwn, kwv, nkw) < 0 ? -1 : 0;
        if ((nargs || nkw) && !rh_class_special(rt, cls, "__new__")) {
            rh_err_set(rt, RH_EXC_TYPE, "%s() takes no arguments", ((rh_type *)cls)->name);
            return -1;
        }
        return 0;
    }
    if (rh_kind_of(init) != RH_K_FUNCTION && rh_kind_of(init) != RH_K_METHOD_DESCR) { /* _io.FileIO's is native */
        rh_err_set(rt, RH_EXC_UNSUPPORTED, "__init__ that is not a plain function");
        return -1;
    }
    /* 2.7's slot_tp_init calls __init__ through lookup_method's bound method (PyMethod_New, its free list) */
    rh_object *bound = NULL;
    if (rh_runtime_profile(rt)->python2 && rh_kind_of(init) == RH_K_FUNCTION && !(bound = rh_method_new(rt, init, inst)))
        return -1;
    rh_object *r = call_prepend(I, init, inst, args, nargs, kwn, kwv, nkw);
    rh_xdecref(rt, bound);
    if (!r) return -1;
    int bad = r != rh_none(rt);
    if (bad) rh_err_set(rt, RH_EXC_TYPE, "__init__() should return None, not '%s'", hx_tname(r));
    rh_decref(rt, r);
    return bad ? -1 : 0;
}

/* type_call (Objects/typeobject.c): tp_new, then tp_init of the result's own class when the result is an
 * instance of cls; any other object __new__ returns is the call's result as it is. An exception class
 * (BaseException_new keeps the call's arguments as args, one more reference each while __init__ runs)
 * takes refheap's own path and cannot define __new__. Arguments consumed. */
static rh_object *instantiate(hx_interp *I, rh_object *cls, rh_object **args, int nargs, char **kwn,
                              rh_object **kwv, int nkw) {
    rh_runtime *rt = I->rt;
    rh_object *inst = NULL;
    int exc = rh_is_exc_class(cls);
    if (exc && rh_class_special(rt, cls, "__new__")) {
        rh_err_set(rt, RH_EXC_UNSUPPORTED, "__new__ in a class deriving from an exception");
        goto out;
    }
    /* BaseException_init takes no keywords; ImportError_init (3.x) name= and path= */
    int import_kw = exc && nkw && !I->exc_py2 && !rh_class_lookup(rt, cls, I->s_init) &&
                    rh_exc_class_matches(cls, (rh_object *)rh_exc_type(rt, RH_EXC_IMPORT));
    if (exc && !rh_class_lookup(rt, cls, I->s_init) && nkw && !import_kw) {
        rh_err_set(rt, RH_EXC_TYPE, "%s() takes no keyword arguments", ((rh_type *)cls)->name);
        goto out;
    }
    inst = exc ? rh_exc_new(rt, cls, args, (size_t)nargs) : class_tp_new(I, cls, args, nargs, kwn, kwv, nkw);
    if (!inst || !rh_type_check(inst, cls)) goto out;
    if (import_kw && hx_import_error_keywords(I, inst, kwn, kwv, nkw)) rh_setref(rt, &inst, NULL);
    if (import_kw) goto out;
    if (exc)
        for (int i = 0; i < nargs; i++) rh_incref(args[i]);
    int own_init = !exc || rh_class_lookup(rt, cls, I->s_init) != NULL;
    if (exc && own_init) rh_exc_new_only(rt, inst);
    int st = !own_init ? 0 : class_tp_init(I, inst, args, nargs, kwn, kwv, nkw);
    if (exc)
        for (int i = 0; i < nargs; i++) rh_decref(rt, args[i]);
    if (st) {
        rh_decref(rt, inst);
        inst = NULL;
    }
out:
    for (int i = 0; i < nargs; i++) rh_decref(rt, args[i]);
    for (int i = 0; i < nkw; i++) rh_decref(rt, kwv[i]);
    return inst;
}

/* type_call of a class (Objects/call.c _PyObject_MakeTpCall): the positional arguments packed into a tuple
 * and the keywords into a dict, alive for tp_new and tp_init. An exception class's tuple becomes its args
 * (BaseException_new), which instantiate makes itself. */
static rh_object *instantiate_packed(hx_interp *I, rh_object *cls, rh_object **args, int nargs, char **kwn,
                                     rh_object **kwv, int nkw) {
    rh_runtime *rt = I->rt;
    int prepacked = I->ext_prepacked;
    I->ext_prepacked = 0;
    if (rh_is_exc_class(cls) || (!nargs && !nkw) || prepacked) return instantiate(I, cls, args, nargs, kwn, kwv, nkw);
    rh_object *t = NULL, *kd = NULL, *r = NULL;
    if (nargs) {
        if (!(t = rh_tuple_new(rt, (size_t)nargs))) goto fail;
        for (int i = 0; i < nargs; i++) rh_tuple_set(t, (size_t)i, newref(args[i]));
    }
    if (nkw) {
        if (!(kd = rh_dict_new(rt))) goto fail;
        for (int i = 0; i < nkw; i++) {
            rh_object *k = hx_name(I, kwn[i]);
            if (!k || rh_dict_set(rt, kd, k, kwv[i]) != 0) goto fail;
        }
    }
    r = instantiate(I, cls, args, nargs, kwn, kwv, nkw);
    rh_xdecref(rt, kd);
    rh_xdecref(rt, t);
    return r;
fail: /* instantiate consumes the arguments; so does this path */
    rh_xdecref(rt, kd);
    rh_xdecref(rt, t);
    for (int i = 0; i < nargs; i++) rh_decref(rt, args[i]);
    for (int i = 0; i < nkw; i++) rh_decref(rt, kwv[i]);
    return NULL;
}

/* method_vectorcall_*'s method_check_args: list.append(x, v) calls append with self x, after checking that x is
 * a list (or a subclass's instance). Arguments consumed. */
static rh_object *call_method_descr(hx_interp *I, rh_object *fn, rh_object **args, int nargs, char **kwn,
                                    rh_object **kwv, int nkw) {
    rh_runtime *rt = I->rt;
    const rh_builtin_def *d = rh_method_descr_def(fn);
    const char *tn = rh_method_descr_type(fn)->name;
    rh_object *r = NULL;
    int py2 = rh_runtime_profile(rt)->python2;
    if (nargs < 1) {
        if (py2) rh_err_set(rt, RH_EXC_TYPE, "descriptor '%s' of '%s' object needs an argument", d->name, tn);
        else rh_err_set(rt, RH_EXC_TYPE, "unbound method %s.%s() needs an argument", tn, d->name);
    } else if (py2 && !rh_type_check(args[0], (rh_object *)rh_method_descr_type(fn))) {
        rh_err_set(rt, RH_EXC_TYPE, "descriptor '%s' requires a '%s' object but received a '%s'", d->name, tn,
                   hx_tname(args[0]));
    } else if (rh_method_descr_check(rt, fn, args[0]) == 0) {
        rh_object *keep = newref(fn);
        r = hx_call_def(I, d, args[0], args + 1, nargs - 1, kwn, kwv, nkw);
        rh_decref(rt, keep);
    }
    for (int i = 0; i < nargs; i++) rh_decref(rt, args[i]);
    for (int i = 0; i < nkw; i++) rh_decref(rt, kwv[i]);
    return r;
}

rh_object *hx_call(hx_interp *I, rh_object *fn, rh_object **args, int nargs, char **kwn, rh_object **kwv, int nkw) {
    rh_runtime *rt = I->rt;
    switch (rh_kind_of(fn)) {
    case RH_K_FUNCTION: return call_pyfunc(I, fn, args, nargs, kwn, kwv, nkw);
    case RH_K_METHOD: {
        if (nargs + 1 > RH_ARGS_MAX) break;
        rh_object *a2[RH_ARGS_MAX + 1], *self = rh_method_self(fn), *func = rh_method_func(fn);
        /* 3.10's method_vectorcall puts self in front of the arguments without a reference of its own (the
         * callee's frame takes one): call_pyfunc is told not to drop one at the end. Elsewhere the
         * reference is the frame's (3.11+) or the argument tuple's (2.7's instancemethod_call). */
        int borrowed = !rh_runtime_profile(rt)->call_args_stolen && !rh_runtime_profile(rt)->python2 &&
                       rh_kind_of(func) == RH_K_FUNCTION;
        a2[0] = borrowed ? self : newref(self);
        if (nargs) memcpy(a2 + 1, args, (size_t)nargs * sizeof *args);
        rh_incref(func);
        I->arg0_borrowed = borrowed;
        rh_object *r = hx_call(I, func, a2, nargs + 1, kwn, kwv, nkw);
        rh_decref(rt, func);
        return r;
    }
    case RH_K_BUILTIN: {
        rh_object *b = newref(fn);
        const rh_builtin_def *d = rh_builtin_get_def(b);
        rh_object *r = hx_call_def(I, d, rh_builtin_self(b), args, nargs, kwn, kwv, nkw);
        for (int i = 0; i < nargs; i++) rh_decref(rt, args[i]);
        for (int i = 0; i < nkw; i++) rh_decref(rt, kwv[i]);
        rh_decref(rt, b);
        return r;
    }
    case RH_K_TYPE:
        /* a metaclass defining __call__: slot_tp_call in the metaclass's tp_call, as for any instance */
        if (__builtin_expect(rh_type_of(fn)->tp_call != rh_builtin_type(rt, RH_K_TYPE)->tp_call, 0))
            return hx_call_slot(I, fn, args, nargs, kwn, kwv, nkw);
        return hx_type_call(I, fn, args, nargs, kwn, kwv, nkw);
    case RH_K_WEAKREF:
        if (rh_type_of(fn)->tp_call) return hx_call_slot(I, fn, args, nargs, kwn, kwv, nkw); /* WeakMethod.__call__ */
        if (nargs == 0 && nkw == 0) return newref(rh_weakref_get(rt, fn));
        break;
    case RH_K_METHOD_DESCR: return call_method_descr(I, fn, args, nargs, kwn, kwv, nkw);
    case RH_K_WEAKPROXY:
        if (rh_type_of(fn) == rh_weakcallproxy_type(rt)) { /* proxy_call: the referent, keywords and all */
            rh_object *r = rh_weakref_get(rt, fn);
            if (r != rh_none(rt)) {
                rh_incref(r);
                rh_object *res = hx_call(I, r, args, nargs, kwn, kwv, nkw);
                rh_decref(rt, r);
                return res;
            }
            rh_err_set(rt, RH_EXC_REFERENCE, "weakly-referenced object no longer exists");
            for (int i = 0; i < nargs; i++) rh_decref(rt, args[i]);
            for (int i = 0; i < nkw; i++) rh_decref(rt, kwv[i]);
            return NULL;
        }
        break;
    case RH_K_GENERICALIAS: return hx_genericalias_call(I, fn, args, nargs, kwn, kwv, nkw); /* builtins_proxy.c */
    case RH_K_METHOD_WRAPPER:
        if (nkw && rh_method_wrapper_call_self(fn)) { /* f.__call__(x, key=...): wrap_call hands kwds on to f */
            rh_object *self = newref(rh_method_wrapper_call_self(fn));
            rh_object *res = hx_call(I, self, args, nargs, kwn, kwv, nkw);
            rh_decref(rt, self);
            return res;
        }
        if (rh_type_of(fn)->tp_call) return hx_call_slot(I, fn, args, nargs, kwn, kwv, nkw);
        break;
    default:
        if (rh_type_of(fn)->tp_call) return hx_call_slot(I, fn, args, nargs, kwn, kwv, nkw); /* interp.c: __call__ */
        break;
    }
    rh_err_set(rt, RH_EXC_TYPE, "'%s' object is not callable", hx_tname(fn));
    for (int i = 0; i < nargs; i++) rh_decref(rt, args[i]);
    for (int i = 0; i < nkw; i++) rh_decref(rt, kwv[i]);
    return NULL;
}

rh_object *hx_type_call(hx_interp *I, rh_object *fn, rh_object **args, int nargs, char **kwn, rh_object **kwv,
                        int nkw) {
    rh_runtime *rt = I->rt;
    if (hx_is_heap_class(fn) || rh_is_exc_class(fn)) return instantiate_packed(I, fn, args, nargs, kwn, kwv, nkw);
    const rh_builtin_def *d = hx_type_constructor(fn);
    if (!d) {
        rh_err_set(rt, RH_EXC_TYPE, "cannot create '%s' instances", ((rh_type *)fn)->name);
        for (int i = 0; i < nargs; i++) rh_decref(rt, args[i]);
        for (int i = 0; i < nkw; i++) rh_decref(rt, kwv[i]);
        return NULL;
    }
    rh_object *t = newref(fn);
    /* 2.7: every built-in type is called through type_call with a tuple (and a keyword dict); str() and
     * int() pack their own (builtins.c FN_PACKED) */
    int k = ((rh_type *)fn)->kind;
    rh_object *r = hx_call_def_packed(I, d, NULL, args, nargs, kwn, kwv, nkw,
                                      rh_runtime_profile(rt)->python2 && k != RH_K_STR && k != RH_K_INT);
    for (int i = 0; i < nargs; i++) rh_decref(rt, args[i]);
    for (int i = 0; i < nkw; i++) rh_decref(rt, kwv[i]);
    rh_decref(rt, t);
    return r;
}

rh_object *hx_call_borrowed(hx_interp *I, rh_object *fn, rh_object **args, int nargs) {
    rh_object *a[RH_ARGS_MAX + 1];
    if (nargs > RH_ARGS_MAX) nargs = RH_ARGS_MAX;
    const rh_profile *p = rh_runtime_profile(I->rt);
    if (!p->call_args_stolen && !p->python2) {
        /* 3.10: a C caller's vectorcall lends its arguments, and the callee's frame takes the only new
         * references (_PyEval_Vector); a bound method of a function puts self in front of them first
         * (method_vectorcall). So the references made here go to the frame (ex_steal). */
        rh_object *f = fn, *self = NULL;
        if (rh_kind_of(fn) == RH_K_METHOD && rh_kind_of(rh_method_func(fn)) == RH_K_FUNCTION && nargs < RH_ARGS_MAX) {
            self = rh_method_self(fn);
            f = rh_method_func(fn);
        }
        if (rh_kind_of(f) == RH_K_FUNCTION) {
            int n = 0;
            if (self) a[n++] = newref(self);
            for (int i = 0; i < nargs; i++) a[n++] = newref(args[i]);
            I->ex_steal = 1;
            return hx_call(I, f, a, n, NULL, NULL, 0);
        }
    }
    for (int i = 0; i < nargs; i++) a[i] = newref(args[i]);
    return hx_call(I, fn, a, nargs, NULL, NULL, 0);
}

/* PyObject_Call(fn, args) of 2.x's C code (the call_tuple hook, args a borrowed tuple): a Python function's
 * frame takes its own references to the tuple's items (function_call -> PyEval_EvalCodeEx); a bound
 * method of one first packs self and the items into a new tuple, alive for the call (instancemethod_call);
 * anything else is called with the items. New reference or NULL. */
rh_object *hx_call_tuple27(hx_interp *I, rh_object *fn, rh_object *args) {
    rh_runtime *rt = I->rt;
    int nargs = (int)rh_tuple_len(args);
    if (nargs > RH_ARGS_MAX) nargs = RH_ARGS_MAX;
    rh_object *a[RH_ARGS_MAX + 1], *newarg = NULL, *f = fn;
    if (rh_kind_of(fn) == RH_K_METHOD && rh_kind_of(rh_method_func(fn)) == RH_K_FUNCTION && nargs < RH_ARGS_MAX) {
        if (!(newarg = rh_tuple_new(rt, (size_t)nargs + 1))) return NULL;
        rh_tuple_set(newarg, 0, newref(rh_method_self(fn)));
        for (int i = 0; i < nargs; i++) rh_tuple_set(newarg, (size_t)i + 1, newref(rh_tuple_get(args, (size_t)i)));
        f = rh_method_func(fn);
        args = newarg;
        nargs++;
    }
    if (rh_kind_of(f) != RH_K_FUNCTION) {
        for (int i = 0; i < nargs; i++) a[i] = rh_tuple_get(args, (size_t)i);
        return hx_call_borrowed(I, f, a, nargs);
    }
    for (int i = 0; i < nargs; i++) a[i] = newref(rh_tuple_get(args, (size_t)i));
    rh_incref(f);
    I->ex_steal = 1; /* the references just made are the frame's */
    rh_object *r = hx_call(I, f, a, nargs, NULL, NULL, 0);
    rh_decref(rt, f);
    rh_xdecref(rt, newarg);
    return r;
}

/* ---------------------------------------------------------------- class bodies */

/* ns[name] = int v under an interned name. 0 or -1. */

/* 3.13's __static_attributes__: the constant tuple resolve.c made for the class body
 * (compiler_static_attributes_tuple), stored at the end of the body. 0 or -1. */
static int set_static_attributes(hx_interp *I, rh_object *ns, hx_code *c) {
    rh_object *t = c->static_attrs_const ? c->static_attrs_const : rh_empty_tuple(I->rt);
    rh_object *k = hx_name(I, "__static_attributes__");
    return k ? ns_store(I, ns, k, t) : -1;
}

/* compiler_class's `__qualname__ = '<qualname>'` of a class nested in a function or class (type_new
 * keeps it as the class's qualname). 0 or -1. */

/* type_new_set_classcell: the __classcell__ the body stored leaves the namespace (the cell itself is set
 * once the class exists). 0 or -1. */
static int take_classcell(hx_interp *I, rh_object *ns) {
    rh_object *k = rh_str_intern_utf8(I->rt, "__classcell__", 13);
    int rc = k ? rh_dict_del(I->rt, ns, k) : -1;
    rh_xdecref(I->rt, k);
    return rc;
}

/* The keys of a dict in a new tuple (_PyStack_UnpackDict's kwnames). New reference or NULL. */
static rh_object *kw_names_tuple(rh_runtime *rt, rh_object *kw) {
    rh_object *t = rh_tuple_new(rt, rh_dict_len(kw)), *k, *v;
    size_t pos = 0;
    for (size_t i = 0; t && rh_dict_next(kw, &pos, &k, &v); i++) rh_tuple_set(t, i, newref(k));
    return t;
}

/* `class name(bases): body` (bases stolen): the body runs in its own frame over a fresh namespace, then
 * rh_class_new makes the class. New reference or NULL. */
static rh_object *call_kwdict(hx_interp *I, rh_object *f, rh_object **args, int nargs, rh_object *kw);

/* builtin___build_class__'s metaclass: the `metaclass` keyword (taken out of kw), else the type of the
 * first base (type without bases); when it is a type, the most derived of it and the bases' types
 * (_PyType_CalculateMetaclass). New reference or NULL. */
static rh_object *select_metaclass(hx_interp *I, rh_object *bases, rh_object *kw) {
    rh_runtime *rt = I->rt;
    rh_object *key = hx_name(I, "metaclass"), *meta = NULL;
    if (!key) return NULL;
    if (kw && (meta = rh_dict_get(rt, kw, key)) != NULL) {
        rh_incref(meta);
        if (rh_dict_del(rt, kw, key) != 0) {
            rh_decref(rt, meta);
            return NULL;
        }
        if (rh_kind_of(meta) != RH_K_TYPE) return meta; /* any callable: no metaclass calculation */
    } else if (rh_err_occurred(rt)) {
        return NULL;
    } else {
        meta = newref(rh_tuple_len(bases) ? (rh_object *)rh_type_of(rh_tuple_get(bases, 0))
                                          : (rh_object *)rh_builtin_type(rt, RH_K_TYPE));
    }
    rh_object *winner = rh_type_calculate_metaclass(rt, meta, bases);
    if (winner) rh_incref(winner); /* before meta goes: the keyword's dict may have held its only other reference */
    rh_decref(rt, meta);
    return winner;
}

/* The class body's namespace: meta.__prepare__(name, bases, **kw) when a metaclass written in Python (or
 * its metaclass) defines one, else a new dict (type.__prepare__'s); any mapping will do (PEP 3115: the body's
 * name operations go through its item methods). New reference or NULL. */
static rh_object *prepare_namespace(hx_interp *I, rh_object *meta, rh_object *name, rh_object *bases, rh_object *kw) {
    rh_runtime *rt = I->rt;
    int defined = hx_is_heap_class(meta) ? rh_class_special(rt, meta, "__prepare__") != NULL
                                         : rh_kind_of(meta) != RH_K_TYPE;
    if (!defined) return rh_dict_new(rt);
    rh_object *key = hx_name(I, "__prepare__"), *prep = key ? hx_getattr_obj(I, meta, key) : NULL, *ns;
    if (!prep) {
        if (!key || rh_err_occurred(rt) != RH_EXC_ATTRIBUTE) return NULL;
        rh_err_clear(rt); /* a callable metaclass without __prepare__ */
        return rh_dict_new(rt);
    }
    rh_object *args[2] = {name, bases};
    ns = call_kwdict(I, prep, args, 2, kw);
    rh_decref(rt, prep);
    if (ns && !rh_type_of(ns)->as_mapping.mp_subscript) { /* PyMapping_Check */
        rh_err_set(rt, RH_EXC_TYPE, "%s.__prepare__() must return a mapping, not %s",
                   rh_kind_of(meta) == RH_K_TYPE ? ((rh_type *)meta)->name : "<metaclass>", hx_tname(ns));
        rh_setref(rt, &ns, NULL);
    }
    return ns;
}

static rh_object *build_class_in(hx_interp *I, hx_frame *f, hx_code *c, rh_object *name, rh_object *bases,
                                 rh_object *kw, int line, rh_object *meta, rh_object *ns, rh_object *orig);

/* update_bases (PEP 560): each base that is no class replaced by what its __mro_entries__(bases) returns (a
 * tuple). Steals bases; a new tuple, or bases itself when none changed, or NULL with the error set. */
static rh_object *update_bases(hx_interp *I, rh_object *bases) {
    rh_runtime *rt = I->rt;
    size_t n = rh_tuple_len(bases), i = 0;
    while (i < n && rh_kind_of(rh_tuple_get(bases, i)) == RH_K_TYPE) i++;
    if (i == n) return bases;
    rh_object *out = rh_list_new(rt, 0), *key = hx_name(I, "__mro_entries__");
    for (i = 0; out && key && i < n; i++) {
        rh_object *b = rh_tuple_get(bases, i), *m = NULL, *r = NULL;
        if (rh_kind_of(b) != RH_K_TYPE && !(m = hx_getattr_obj(I, b, key)) && rh_err_occurred(rt) == RH_EXC_ATTRIBUTE)
            rh_err_clear(rt);
        if (m && (r = hx_call_borrowed(I, m, &bases, 1)) && rh_kind_of(r) != RH_K_TUPLE) {
            rh_err_set(rt, RH_EXC_TYPE, "__mro_entries__ must return a tuple");
            rh_setref(rt, &r, NULL);
        }
        rh_xdecref(rt, m);
        if (rh_err_occurred(rt)) rh_setref(rt, &out, NULL);
        for (size_t j = 0; out && r && j < rh_tuple_len(r); j++)
            if (rh_list_append(rt, out, rh_tuple_get(r, j))) rh_setref(rt, &out, NULL);
        if (out && !r && !m && rh_list_append(rt, out, b)) rh_setref(rt, &out, NULL);
        rh_xdecref(rt, r);
    }
    rh_object *t = out ? rh_tuple_new(rt, rh_list_len(out)) : NULL;
    for (i = 0; t && i < rh_list_len(out); i++) rh_tuple_set(t, i, newref(rh_list_get(out, i)));
    rh_xdecref(rt, out);
    rh_decref(rt, bases);
    return t;
}

static rh_object *build_class(hx_interp *I, hx_frame *f, hx_code *c, rh_object *name, rh_object *bases,
                              rh_object *kw, int line) {
    rh_runtime *rt = I->rt;
    rh_object *orig = newref(bases);
    if (!(bases = update_bases(I, bases))) {
        rh_decref(rt, orig);
        return NULL;
    }
    if (orig == bases) rh_setref(rt, &orig, NULL);
    for (size_t i = 0; i < rh_tuple_len(bases); i++)
        if (rh_kind_of(rh_tuple_get(bases, i)) != RH_K_TYPE) { /* type objects: rh_class_new decides */
            rh_err_set(rt, RH_EXC_UNSUPPORTED, "base class '%s' (only classes defined in the workload can be bases)",
                       hx_tname(rh_tuple_get(bases, i)));
            rh_decref(rt, bases);
            rh_xdecref(rt, orig);
            return NULL;
        }
    rh_object *meta = select_metaclass(I, bases, kw);
    rh_object *ns = meta ? prepare_namespace(I, meta, name, bases, kw) : NULL;
    if (!ns) {
        rh_xdecref(rt, meta);
        rh_decref(rt, bases);
        rh_xdecref(rt, orig);
        return NULL;
    }
    rh_object *cls = build_class_in(I, f, c, name, bases, kw, line, meta, ns, orig);
    rh_decref(rt, meta);
    rh_xdecref(rt, orig);
    return cls;
}

/* builtin___build_class__'s check of the __class__ cell a metaclass's class should have set */
static int check_classcell(hx_interp *I, rh_object *cell, rh_object *name, rh_object *cls) {
    rh_runtime *rt = I->rt;
    rh_object *got = rh_cell_get(cell);
    if (got == cls || rh_kind_of(cls) != RH_K_TYPE) return 0;
    rh_object *nr = rh_repr(rt, name), *cr = nr ? rh_repr(rt, cls) : NULL, *gr = cr && got ? rh_repr(rt, got) : NULL;
    if (cr && !got)
        rh_err_set(rt, RH_EXC_RUNTIME, "__class__ not set defining %s as %s. Was __classcell__ propagated to "
                   "type.__new__?", hx_cstr(I, nr), hx_cstr(I, cr));
    else if (gr)
        rh_err_set(rt, RH_EXC_TYPE, "__class__ set to %s defining %s as %s", hx_cstr(I, gr), hx_cstr(I, nr),
                   hx_cstr(I, cr));
    rh_xdecref(rt, nr);
    rh_xdecref(rt, cr);
    rh_xdecref(rt, gr);
    return -1;
}

/* The stores the compiler puts at the top of a class body (compiler_class_body): __module__ = __name__
 * (LOAD_NAME: the namespace, then the globals), __qualname__ (type_new consumes it; type's own path only
 * needs it when it differs from the name, a metaclass sees the store), and 3.13's __firstlineno__. 0 or -1. */
static int body_prologue(hx_interp *I, hx_frame *f, hx_code *c, rh_object *ns, int line, int by_type) {
    rh_runtime *rt = I->rt;
    rh_object *modname = ns_is_dict(I, ns) ? NULL : ns_load(I, ns, I->s_name);
    if (!modname && rh_err_occurred(rt)) return -1;
    if (!modname) modname = newref(f->globals && rh_dict_get(rt, f->globals, I->s_name)
                                       ? rh_dict_get(rt, f->globals, I->s_name) : I->s_main);
    int rc = ns_store(I, ns, I->s_module, modname);
    rh_decref(rt, modname);
    if (rc == 0 && (!by_type || strcmp(c->qualname, c->name) != 0))
        rc = ns_store(I, ns, I->s_qualname, c->co_qualname); /* the body's LOAD_CONST of it */
    if (rc == 0 && RH_API(I, "class", "__firstlineno__")) {
        rh_object *x = rh_int_from_i64(rt, line);
        rc = x ? ns_store_cstr(I, ns, "__firstlineno__", x) : -1;
        rh_xdecref(rt, x);
    }
    return rc;
}

/* The class body run in ns (stolen), then the class made by meta (borrowed): type's own path, or
 * meta(name, bases, ns, **kw) (builtin___build_class__'s PyObject_VectorcallDict) for anything else. */
static rh_object *build_class_in(hx_interp *I, hx_frame *f, hx_code *c, rh_object *name, rh_object *bases,
                                 rh_object *kw, int line, rh_object *meta, rh_object *ns, rh_object *orig) {
    rh_runtime *rt = I->rt;
    int by_type = meta == (rh_object *)rh_builtin_type(rt, RH_K_TYPE);
    /* __module__ (the body's `__module__ = __name__`, from the globals) goes into the namespace; __qualname__
     * is consumed by type_new (classes are module-level); 3.13 adds __firstlineno__ next (and
     * __static_attributes__ after the body) */
    if (!ns || body_prologue(I, f, c, ns, line, by_type) != 0) {
        rh_xdecref(rt, ns);
        rh_decref(rt, bases);
        return NULL;
    }
    hx_frame fr;
    frame_setup(I, &fr, c, f->globals, ns);
    fr.closure = I->class_closure; /* borrowed: HX_BUILD_CLASS_CLOSURE holds it for the call */
    I->class_closure = NULL;
    I->frame = &fr;
    int st = FRAME_PER_CALL(I, &fr) != 0 ? -1 : run_frame_exit(I, &fr);
    I->frame = fr.back;
    rh_object *classcell = NULL; /* compiler_class: the body returns its __class__ cell, or None */
    if (st == 0 && rh_kind_of(fr.retval) == RH_K_CELL) classcell = fr.retval;
    else if (st == 0) rh_decref(rt, fr.retval);
    frame_clear(I, &fr);
    if (st == 0 && classcell && by_type) st = take_classcell(I, ns);
    if (st != 0) {
        rh_xdecref(rt, classcell);
        rh_decref(rt, ns);
        rh_decref(rt, bases);
        return NULL;
    }
    if ((RH_API(I, "class", "__static_attributes__") && set_static_attributes(I, ns, c) != 0) ||
        (orig && ns_store_cstr(I, ns, "__orig_bases__", orig))) { /* builtin___build_class__ after the body */
        rh_xdecref(rt, classcell);
        rh_decref(rt, ns);
        rh_decref(rt, bases);
        return NULL;
    }
    if (!by_type) { /* the namespace keeps __classcell__ for type.__new__ */
        rh_object *args[3] = {name, bases, ns};
        rh_object *cls = call_kwdict(I, meta, args, 3, kw);
        if (cls && classcell && check_classcell(I, classcell, name, cls) < 0) rh_setref(rt, &cls, NULL);
        rh_xdecref(rt, classcell);
        rh_decref(rt, ns);
        rh_decref(rt, bases);
        return cls;
    }
    /* builtin___build_class__ calls type(name, bases, ns, **kw) (PyObject_VectorcallDict): with keywords,
     * _PyStack_UnpackDict's tuple of their names, then type_vectorcall's _PyObject_MakeTpCall builds the
     * argument tuple and the keyword dict for type_call, all alive while the class is made */
    int with_kw = kw && rh_dict_len(kw);
    rh_object *kwnames = with_kw ? kw_names_tuple(rt, kw) : NULL, *kwcopy = NULL;
    rh_object *argtuple = with_kw && !kwnames ? NULL : rh_tuple_pack(rt, 3, name, bases, ns);
    if (!argtuple || (with_kw && !(kwcopy = rh_dict_copy(rt, kw)))) {
        rh_xdecref(rt, kwnames);
        rh_xdecref(rt, argtuple);
        rh_decref(rt, ns);
        rh_decref(rt, bases);
        rh_xdecref(rt, classcell);
        return NULL;
    }
    rh_object *cls = rh_class_new(rt, name, bases, ns);
    rh_decref(rt, bases);
    if (classcell) { /* type_new_set_classcell: the methods' __class__ is the new class */
        if (cls) rh_cell_set(rt, classcell, cls);
        rh_decref(rt, classcell);
    }
    if (cls && hx_class_finish(I, cls, ns, kw) < 0) rh_setref(rt, &cls, NULL);
    rh_decref(rt, argtuple); /* _PyObject_MakeTpCall's argument tuple for type_call(name, bases, ns) */
    rh_decref(rt, ns);
    rh_xdecref(rt, kwcopy);
    rh_xdecref(rt, kwnames);
    return cls;
}

/* f(**kw) with kw a dict of str keys (or NULL): _PyStack_UnpackDict's arrays and tuple of the names,
 * alive for the call. f borrowed; new reference or NULL. */
static rh_object *call_kwdict(hx_interp *I, rh_object *f, rh_object **args, int nargs, rh_object *kw) {
    rh_runtime *rt = I->rt;
    size_t nkw = kw ? rh_dict_len(kw) : 0, pos = 0;
    if (nargs + nkw > RH_ARGS_MAX) {
        rh_err_set(rt, RH_EXC_UNSUPPORTED, "more than %d call arguments", RH_ARGS_MAX);
        return NULL;
    }
    rh_object *names = nkw ? kw_names_tuple(rt, kw) : NULL, *a[RH_ARGS_MAX], *kv[RH_ARGS_MAX], *k, *v;
    char *kn[RH_ARGS_MAX];
    if (nkw && !names) return NULL;
    for (size_t i = 0; i < nkw && rh_dict_next(kw, &pos, &k, &v); i++) {
        kn[i] = (char *)hx_cstr(I, k);
        kv[i] = newref(v);
    }
    for (int i = 0; i < nargs; i++) a[i] = newref(args[i]);
    rh_incref(f);
    rh_object *r = hx_call(I, f, a, nargs, kn, kv, (int)nkw);
    rh_decref(rt, f);
    rh_xdecref(rt, names);
    return r;
}

/* _PyErr_FormatFromCause: RuntimeError("Error calling __set_name__ on 'T' instance 'k' in 'C'") with the
 * pending error as its __cause__ and __context__ */
static void set_name_error(hx_interp *I, rh_object *v, rh_object *k, rh_object *cls) {
    rh_runtime *rt = I->rt;
    rh_object *cause = rh_err_fetch(rt), *kr = rh_repr(rt, k);
    if (!kr) {
        rh_xdecref(rt, cause);
        return;
    }
    rh_err_set(rt, RH_EXC_RUNTIME, "Error calling __set_name__ on '%s' instance %s in '%s'", hx_tname(v),
               hx_cstr(I, kr), ((rh_type *)cls)->name);
    rh_decref(rt, kr);
    rh_object *e = rh_err_value(rt);
    if (e && cause) {
        rh_exc_set_cause(rt, e, cause);
        rh_exc_set_context(rt, e, cause);
    }
    rh_xdecref(rt, cause);
}

static int set_names_in(hx_interp *I, rh_object *cls, rh_object *ns);

/* type_new_set_names (3.11): each value of the namespace whose type has __set_name__ gets
 * value.__set_name__(cls, name) (a bound method made for the call); a failure becomes 3.11's RuntimeError
 * "Error calling __set_name__ ..." caused by it (3.12 keeps the error and adds a note). property's
 * __set_name__ is the library's. 0 or -1. */
static int set_names(hx_interp *I, rh_object *cls) {
    rh_runtime *rt = I->rt;
    /* names_to_set = PyDict_Copy(type->tp_dict): the class's namespace as type_new left it, copied so that
     * a __set_name__ changing the class cannot disturb the iteration */
    rh_object *names = rh_dict_copy(rt, ((rh_type *)(void *)cls)->dict);
    if (!names) return -1;
    int rc = set_names_in(I, cls, names);
    rh_decref(rt, names);
    return rc;
}

static int set_names_in(hx_interp *I, rh_object *cls, rh_object *ns) {
    rh_runtime *rt = I->rt;
    size_t pos = 0;
    rh_object *k, *v;
    while (rh_dict_next(ns, &pos, &k, &v)) {
        if (rh_kind_of(v) == RH_K_PROPERTY) rh_property_set_name(rt, v, k);
        rh_object *sn = hx_is_heap_class((rh_object *)rh_type_of(v)) ? rh_class_special(rt, (rh_object *)rh_type_of(v), "__set_name__") : NULL;
        if (!sn) continue;
        if (rh_kind_of(sn) != RH_K_FUNCTION) {
            rh_err_set(rt, RH_EXC_UNSUPPORTED, "__set_name__ that is not a plain function");
            return -1;
        }
        rh_object *m = rh_method_new(rt, sn, v), *args[2] = {cls, k};
        rh_object *r = m ? call_kwdict(I, m, args, 2, NULL) : NULL;
        rh_xdecref(rt, m);
        if (!r) {
            if (rh_runtime_profile(rt)->version_hex < 0x030C) set_name_error(I, v, k, cls);
            return -1;
        }
        rh_decref(rt, r);
    }
    return 0;
}

/* type_new_init_subclass: super(cls, cls).__init_subclass__(**kw) — a base's (a classmethod, bound to
 * cls), or object's, which takes no keywords. 0 or -1. */
static int init_subclass(hx_interp *I, rh_object *cls, rh_object *kw) {
    rh_runtime *rt = I->rt;
    rh_object *t = NULL; /* 3.10: _PyObject_FastCall(&PySuper_Type, (cls, cls)) builds type_call's tuple */
    if (rh_runtime_profile(rt)->super_args_tuple && !(t = rh_tuple_pack(rt, 2, cls, cls))) return -1;
    rh_object *name = hx_name(I, "__init_subclass__"), *sup = name ? rh_super_new(rt, cls, cls) : NULL;
    rh_xdecref(rt, t);
    rh_object *f = NULL, *r = NULL;
    if (sup) f = hx_getattr_obj(I, sup, name);
    rh_xdecref(rt, sup);
    if (f) r = call_kwdict(I, f, NULL, 0, kw);
    rh_xdecref(rt, f);
    rh_xdecref(rt, r);
    return r ? 0 : -1;
}

int hx_class_finish(hx_interp *I, rh_object *cls, rh_object *ns, rh_object *kw) {
    (void)ns; /* type_new_set_names reads the class's own dict */
    if (rh_runtime_profile(I->rt)->python2) return 0; /* PEP 487 is 3.6's */
    return set_names(I, cls) < 0 || init_subclass(I, cls, kw) < 0 ? -1 : 0;
}

/* ---------------------------------------------------------------- the module */

int hx_run_module(hx_interp *I, hx_code *c, rh_object *globals) { return hx_run_module_ns(I, c, globals, NULL); }

int hx_run_module_ns(hx_interp *I, hx_code *c, rh_object *globals, rh_object *ns) {
    hx_frame fr;
    frame_setup(I, &fr, c, globals, ns);
    fr.line = 1;
    fr.back = I->frame;
    I->frame = &fr;
    int st = FRAME_PER_CALL(I, &fr) != 0 ? -1 : run_frame_exit(I, &fr);
    if (st == 0) rh_decref(I->rt, fr.retval);
    I->frame = fr.back;
    frame_clear(I, &fr);
    return st;
}

/* ---------------------------------------------------------------- 2.7's compile, left in its free lists */

/* 2.7 compiles the program before running it, and the lists and dicts its symtable and compiler allocate and
 * free stay in the free lists, which 2.7's collections keep (Python/symtable.c, Python/compile.c): each block
 * (the module, a class, a function, a lambda, a generator expression, a set or dict comprehension; a list
 * comprehension is inline) has ste_new's dict and two lists until the compile ends, beside the arena's,
 * c_stack's and st_stack's lists and st_symbols; symtable_analyze holds two dicts, analyze_block six per
 * block and analyze_child_block three more per child on the way down; a compiler unit holds five dicts while
 * it and the units inside it compile, and dictbytype / makecode one temporary list at a time. The free lists
 * end as long as the most lists (dicts) alive at once, if that beats what they held when the compile began. */
typedef struct { int blocks, depth; } py27_blocks;
static int py27_in(const hx_node *n, py27_blocks *b, int depth);

static int py27_max_in(const hx_node *const *v, int k, py27_blocks *b, int depth) {
    int m = 0;
    for (int i = 0; v && i < k; i++) { /* (v NULL: a count of names, as S_GLOBAL's n2) */
        int x = py27_in(v[i], b, depth);
        if (x > m) m = x;
    }
    return m;
}

/* One block whose own parts are n's (the module: n NULL, body given): counted, and what its analyze_block
 * holds at the deepest in dicts: six, then three and the deepest child's */
static int py27_block(const hx_node *n, const hx_node *const *body, int nbody, py27_blocks *b, int depth) {
    b->blocks++;
    if (depth > b->depth) b->depth = depth;
    int m = py27_max_in(body, nbody, b, depth);
    if (n && (n->kind == E_GENEXP || n->kind == E_SETCOMP || n->kind == E_DICTCOMP)) {
        const hx_node *parts[] = {n->a, n->b, n->val};
        int x = py27_max_in(parts, 3, b, depth);
        int y = py27_max_in((const hx_node *const *)n->items, n->n, b, depth);
        int z = py27_max_in((const hx_node *const *)n->items2, n->n2, b, depth);
        m = x > m ? x : m;
        m = y > m ? y : m;
        m = z > m ? z : m;
    }
    return 6 + m;
}

/* The largest 3 + (a block's analyze_block dicts) among the blocks in n that are not inside another */
static int py27_in(const hx_node *n, py27_blocks *b, int depth) {
    if (!n) return 0;
    const hx_code *c = n->code;
    const hx_node *const *body = c ? (const hx_node *const *)c->body : NULL;
    int m = py27_max_in((const hx_node *const *)n->decos, n->ndecos, b, depth), x;
    switch (n->kind) {
    case S_DEF: case E_LAMBDA: /* the defaults are the enclosing block's */
        x = py27_max_in((const hx_node *const *)c->defaults, c->ndefaults, b, depth);
        m = x > m ? x : m;
        if (c->kwdefaults) {
            x = py27_max_in((const hx_node *const *)c->kwdefaults, c->nkwonly, b, depth);
            m = x > m ? x : m;
        }
        x = 3 + py27_block(n, body, c->nbody, b, depth + 1);
        return x > m ? x : m;
    case S_CLASS: /* the bases and keywords too */
        x = py27_max_in((const hx_node *const *)n->items, n->n, b, depth);
        m = x > m ? x : m;
        x = py27_max_in((const hx_node *const *)n->items2, n->n2, b, depth);
        m = x > m ? x : m;
        x = 3 + py27_block(n, body, c->nbody, b, depth + 1);
        return x > m ? x : m;
    case E_GENEXP: case E_SETCOMP: case E_DICTCOMP: /* the outermost iterable is the enclosing block's */
        x = py27_in(n->c, b, depth);
        m = x > m ? x : m;
        x = 3 + py27_block(n, NULL, 0, b, depth + 1);
        return x > m ? x : m;
    default: {
        const hx_node *parts[] = {n->a, n->b, n->c, n->val};
        x = py27_max_in(parts, 4, b, depth);
        m = x > m ? x : m;
        x = py27_max_in((const hx_node *const *)n->items, n->n, b, depth);
        m = x > m ? x : m;
        x = py27_max_in((const hx_node *const *)n->items2, n->n2, b, depth);
        return x > m ? x : m;
    }
    }
}

static int py27_left(int pool, int peak, int kept, int cap) {
    int n = (peak > pool ? peak : pool) - kept;
    return n < cap ? n : cap;
}

/* The lists and dicts compiling module c leaves in 2.7's free lists beyond what the smallest program's
 * compile leaves (that state is the profile's startup_list_freelist / startup_dict_freelist) */
static void py27_compile_leftovers(const rh_profile *p, const hx_code *c, unsigned *lists, unsigned *dicts) {
    py27_blocks b = {0, 0};
    int analyze = 2 + py27_block(NULL, (const hx_node *const *)c->body, c->nbody, &b, 1);
    int lpeak = 2 * b.blocks + 4, dpeak = 1 + b.blocks + (analyze > 5 * b.depth ? analyze : 5 * b.depth);
    int cap = (int)p->list_freelist, dcap = (int)p->dict_freelist;
    /* the arena's list stays while the program runs; one block: 6 lists, 10 dicts at once */
    *lists = (unsigned)(py27_left(p->compile_list_pool, lpeak, 1, cap) - py27_left(p->compile_list_pool, 6, 1, cap));
    *dicts = (unsigned)(py27_left(p->compile_dict_pool, dpeak, 0, dcap) - py27_left(p->compile_dict_pool, 10, 0, dcap));
}

int hx_interp_run(hx_interp *I) {
    hx_code *c = I->module;
    hx_frame fr;
    /* sys exists before the program runs (_PySys_Create, Python/sysmodule.c): `import sys` takes nothing from
     * the free lists. Every py27 program begins with `from __future__ import print_function`, and the free
     * lists rh_runtime_startup_done sets are those 2.7.18 has after that import: __future__ runs first */
    rh_object *sys = hx_import_module(I, "sys");
    if (!sys) return -1;
    rh_decref(I->rt, sys);
    if (rh_runtime_profile(I->rt)->python2) {
        /* 2.7's start-up (site included) has imported these C modules already, and __builtin__'s dict copy
         * is in its `extensions` (modules.c py27_fixup) */
        static const char *const at_start[] = {"_weakref", "errno", "posix"}; /* (_codecs, _sre: 3.x only) */
        if (!(I->py27_ext = rh_list_new(I->rt, 0))) return -1;
        rh_object *bcopy = rh_dict_copy(I->rt, I->builtins);
        int rc = bcopy ? rh_list_append(I->rt, I->py27_ext, bcopy) : -1;
        rh_xdecref(I->rt, bcopy);
        for (size_t i = 0; rc == 0 && i < sizeof at_start / sizeof at_start[0]; i++) {
            rh_object *m = hx_import_module(I, at_start[i]);
            rc = m ? 0 : -1;
            rh_xdecref(I->rt, m);
        }
        rh_object *fut = rc == 0 ? hx_import_file(I, "__future__") : NULL;
        if (!fut) return -1;
        rh_decref(I->rt, fut);
    }
    unsigned more_lists = 0, more_dicts = 0;
    if (rh_runtime_profile(I->rt)->startup_freelists)
        py27_compile_leftovers(rh_runtime_profile(I->rt), c, &more_lists, &more_dicts);
    if (rh_runtime_startup_done(I->rt, more_lists, more_dicts) != 0) return -1;
    frame_setup(I, &fr, c, I->globals, NULL);
    fr.line = 1;
    fr.back = NULL;
    I->frame = &fr;
    rh_recursion_enter(I->rt, ""); /* depth 0 < limit: always entered */
    int st = FRAME_PER_CALL(I, &fr) != 0 ? -1 : run_frame_exit(I, &fr);
    rh_recursion_leave(I->rt);
    if (st == 0) rh_decref(I->rt, fr.retval);
    I->frame = NULL;
    frame_clear(I, &fr);
    hx_release_module_consts(I);
    return st;
}

/* ---------------------------------------------------------------- generators and coroutines */

/* RETURN_GENERATOR / _Py_MakeCoro: a generator (coroutine) of fn whose frame takes over the locals just
 * bound in fr (_PyFrame_Copy: the references move). New reference or NULL. */
static __attribute__((noinline)) rh_object *make_generator(hx_interp *I, rh_object *fn, hx_frame *fr) {
    hx_code *c = fr->code;
    rh_kind kind = (c->co_flags & HX_CO_COROUTINE) ? RH_K_COROUTINE
                 : (c->co_flags & HX_CO_ASYNC_GENERATOR) ? RH_K_ASYNC_GENERATOR : RH_K_GENERATOR;
    int nwords = (int)frame_words(c);
    rh_object *g = rh_gen_new(I->rt, kind, c, fn, rh_func_name(fn), rh_func_qualname(fn), c->nslots, c->co_stacksize,
                              nwords);
    if (!g) return NULL;
    rh_gen_frame *gf = rh_gen_frame_of(g);
    if (fr->frame_obj) { /* 3.10/2.7: the call's frame object is the generator's (make_coro) */
        gf->frame_obj = fr->frame_obj;
        fr->frame_obj = NULL;
        rh_frame_give_to_gen(I->rt, gf->frame_obj, g);
    }
    for (int i = 0; i < c->nslots; i++) {
        gf->words[i] = fr->fast[i];
        fr->fast[i] = NULL;
    }
    if (gf->globals && c->nfree) { /* 3.10/2.7: the frame keeps no function, so its free variables are
                                    * copied in now, as _PyEval_MakeFrameVector fills the frame's cells */
        rh_object *clo = rh_func_closure(fn);
        for (int i = 0; i < c->nfree; i++) gf->words[c->freeslots[i]] = newref(rh_tuple_get(clo, (size_t)i));
    }
    gf->lineno = c->line;
    return g;
}

/* The exception a finished generator's StopIteration carries: gen_send_ex's _PyGen_SetStopIterationValue
 * (value None: StopIteration() without arguments). value stolen. */
void hx_set_stop_iteration(hx_interp *I, rh_object *value) {
    rh_runtime *rt = I->rt;
    rh_object *cls = (rh_object *)rh_exc_type(rt, RH_EXC_STOPITERATION);
    rh_object *e = value == rh_none(rt) ? rh_exc_new(rt, cls, NULL, 0) : rh_exc_new(rt, cls, &value, 1);
    rh_decref(rt, value);
    if (e) rh_err_set_object(rt, e);
}

/* _PyGen_yf: the receiver below the top of a frame suspended at a `yield from` / `await` yield */
rh_object *hx_gen_yf(rh_object *gen) {
    rh_gen_frame *gf = rh_gen_frame_of(gen);
    if (gf->state != RH_GEN_SUSPENDED || gf->lasti < 1) return NULL;
    hx_code *c = gf->code;
    hx_instr y = c->co_code[gf->lasti - 1];
    if (hx_op(y) != HX_YIELD_VALUE || hx_arg(y) == 0 || gf->nstack < 1) return NULL;
    return gf->words[gf->nlocals + gf->nstack - 1];
}

/* gen_send_ex2's `generator raised StopIteration` (PEP 479): the StopIteration becomes the cause and
 * context of a RuntimeError */
static void stop_iteration_to_runtime_error(hx_interp *I, rh_object *gen) {
    rh_runtime *rt = I->rt;
    rh_exc k = rh_err_occurred(rt);
    rh_object *si = rh_err_fetch(rt);
    rh_err_set(rt, RH_EXC_RUNTIME, "%s raised %s", hx_gen_kind_word(gen),
               k == RH_EXC_STOPITERATION ? "StopIteration" : "StopAsyncIteration");
    rh_object *re = rh_err_fetch(rt);
    if (re) {
        rh_err_set_object(rt, re);
        re = rh_err_value(rt);
    }
    if (re && si) {
        rh_exc_set_cause(rt, re, si);
        rh_exc_set_context(rt, re, si);
    }
    rh_xdecref(rt, si);
}

/* The generator's frame finished (returned or failed): the frame object learns its last line, the frame
 * is cleared (clear_gen_frame) */
static void gen_finish(hx_interp *I, rh_object *gen, hx_frame *fr) {
    rh_gen_frame *gf = rh_gen_frame_of(gen);
    gf->frame_obj = fr->frame_obj;
    gf->lineno = fr->line;
    rh_gen_clear_frame(I->rt, gen);
}

int hx_gen_send(hx_interp *I, rh_object *gen, rh_object *arg, int exc, rh_object **out) {
    rh_runtime *rt = I->rt;
    rh_gen_frame *gf = rh_gen_frame_of(gen);
    *out = NULL;
    if (gf->state == RH_GEN_CREATED && arg && arg != rh_none(rt) && !exc) {
        rh_err_set(rt, RH_EXC_TYPE, "can't send non-None value to a just-started %s", hx_gen_kind_word(gen));
        return -1;
    }
    if (gf->state == RH_GEN_RUNNING) {
        if (exc) rh_err_clear(rt);
        rh_err_set(rt, RH_EXC_VALUE, "%s already executing", hx_gen_kind_word(gen));
        return -1;
    }
    if (gf->state >= RH_GEN_COMPLETED) {
        if (rh_kind_of(gen) == RH_K_COROUTINE && !exc) {
            rh_err_set(rt, RH_EXC_RUNTIME, "cannot reuse already awaited coroutine");
            return -1;
        }
        if (exc) return -1;      /* the thrown error propagates */
        *out = newref(rh_none(rt));
        return 0;
    }
    hx_code *c = gf->code;
    hx_frame fr = {
        .code = c,
        .fast = gf->words,
        .loops = (int64_t *)(gf->words + c->nslots + c->stacksize),
        .func = gf->globals ? NULL : gf->func, /* 3.10/2.7: the function may be gone; the frame has its globals */
        .globals = gf->globals ? gf->globals : rh_func_globals(gf->func),
        .frame_obj = gf->frame_obj,
        .line = gf->lineno,
        .back = I->frame,
        .gen = gen,
        .resume = gf->lasti,
        .resume_sp = gf->nstack,
    };
    gf->frame_obj = NULL;
    if (gf->state == RH_GEN_SUSPENDED && !exc) fr.fast[c->nslots + fr.resume_sp++] = newref(arg ? arg : rh_none(rt));
    fr.throwing = exc;
    if (gf->state == RH_GEN_CREATED && exc) {
        /* thrown in before the first instruction: raised in the frame at its `def` line, nothing handles it */
        gf->state = RH_GEN_RUNNING;
        fr.line = c->line;
        if (hx_frame_object(I, &fr)) rh_err_add_traceback(rt, fr.frame_obj, 0, c->line);
        gen_finish(I, gen, &fr);
        return -1;
    }
    if (rh_recursion_enter(rt, "") != 0) { /* _Py_EnterRecursiveCall failing at the frame's entry */
        gf->state = RH_GEN_RUNNING;
        gen_finish(I, gen, &fr);
        return -1;
    }
    /* gi_exc_state joins the chain: the exception the frame was handling is the handled one while it runs */
    rh_object *before = rh_exc_handled(rt), *saved = NULL; /* (2.x has no gi_exc_state: reset_exc_info at yield) */
    int own = gf->exc_value != NULL;
    if (own) {
        saved = rh_exc_handled_swap(rt, gf->exc_value);
        gf->exc_value = NULL;
    }
    gf->state = RH_GEN_RUNNING;
    rh_incref(gen);
    I->frame = &fr;
    I->depth++;
    if (I->frame_per_call && fr.frame_obj) /* gen_send_ex: f_back is the caller while the frame runs */
        rh_frame_set_back(rt, fr.frame_obj, fr.back ? hx_frame_object(I, fr.back) : NULL);
    int st = run_frame_exit(I, &fr);
    if (I->frame_per_call && fr.frame_obj) rh_frame_set_back(rt, fr.frame_obj, NULL);
    I->depth--;
    rh_recursion_leave(rt);
    I->frame = fr.back;
    if (own) gf->exc_value = rh_exc_handled_swap(rt, saved);
    else if (rh_exc_handled(rt) != before && !I->exc_py2) gf->exc_value = rh_exc_handled_swap(rt, before ? newref(before) : NULL);
    if (st == 1) {
        gf->state = RH_GEN_SUSPENDED;
        gf->lasti = fr.resume;
        gf->nstack = fr.resume_sp;
        gf->lineno = c->co_lines[fr.resume - 1];
        gf->frame_obj = fr.frame_obj;
        if (gf->frame_obj) rh_frame_set_lineno(gf->frame_obj, gf->lineno), rh_frame_set_gen(gf->frame_obj, gen);
        *out = fr.retval;
    } else {
        if (st == 0) {
            *out = fr.retval;
            fr.line = c->co_lines[c->ncode - 1];
        } else if (rh_err_occurred(rt) == RH_EXC_STOPITERATION ||
                   (rh_err_occurred(rt) == RH_EXC_STOPASYNCITERATION && rh_kind_of(gen) == RH_K_ASYNC_GENERATOR)) {
            stop_iteration_to_runtime_error(I, gen);
        }
        gen_finish(I, gen, &fr);
    }
    rh_decref(rt, gen);
    return st == 1 ? 1 : st == 0 ? 0 : -1;
}

/* The value of the StopIteration pending (it is cleared): _PyGen_FetchStopIterationValue. New reference,
 * or NULL when another error is pending. */
static rh_object *fetch_stop_value(hx_interp *I) {
    rh_runtime *rt = I->rt;
    if (rh_err_occurred(rt) != RH_EXC_STOPITERATION) return NULL;
    rh_object *e = rh_err_fetch(rt);
    rh_object *v = e ? rh_exc_args(e) : NULL;
    rh_object *r = v && rh_tuple_len(v) > 0 ? rh_tuple_get(v, 0) : rh_none(rt);
    rh_incref(r);
    rh_xdecref(rt, e);
    return r;
}

/* SEND: v (stolen) into recv: a generator or coroutine directly, else next() for None, else recv.send(v).
 * 1: yielded *out, 0: returned *out, -1: error */
static __attribute__((noinline)) int gen_send_to(hx_interp *I, rh_object *recv, rh_object *v, rh_object **out) {
    rh_runtime *rt = I->rt;
    rh_kind k = rh_kind_of(recv);
    int st;
    if (k == RH_K_GENERATOR || k == RH_K_COROUTINE) {
        st = hx_gen_send(I, recv, v, 0, out);
        rh_decref(rt, v);
        return st;
    }
    if (v == rh_none(rt)) {
        rh_decref(rt, v);
        /* PyIter_Send: tp_iternext itself, its StopIteration's value is the result */
        if (!recv->type->tp_iternext) {
            rh_err_set(rt, RH_EXC_TYPE, "'%s' object is not an iterator", rh_type_name(recv));
            return -1;
        }
        *out = recv->type->tp_iternext(rt, recv);
        if (*out) return 1;
    } else {
        rh_object *name = rh_str_intern_utf8(rt, "send", 4);
        rh_object *m = name ? hx_getattr_obj(I, recv, name) : NULL;
        rh_xdecref(rt, name);
        if (!m) { rh_decref(rt, v); return -1; }
        *out = hx_call(I, m, &v, 1, NULL, NULL, 0);
        rh_decref(rt, m);
        if (*out) return 1;
    }
    if (!rh_err_occurred(rt)) { *out = newref(rh_none(rt)); return 0; }
    *out = fetch_stop_value(I);
    return *out ? 0 : -1;
}

/* GET_YIELD_FROM_ITER: a generator as it is; a coroutine only inside a coroutine; anything else iter() */
static __attribute__((noinline)) rh_object *get_yield_from_iter(hx_interp *I, hx_code *c, rh_object *o) {
    rh_kind k = rh_kind_of(o);
    if (k == RH_K_COROUTINE && !(c->co_flags & HX_CO_COROUTINE)) {
        rh_err_set(I->rt, RH_EXC_TYPE, "cannot 'yield from' a coroutine object in a non-coroutine generator");
        return NULL;
    }
    if (k == RH_K_GENERATOR || k == RH_K_COROUTINE) return newref(o);
    return rh_getiter(I->rt, o);
}

/* o.<name>() looked up as a special method (_PyObject_LookupSpecial, then a call with no arguments): the
 * result (new); NULL with *missing = 1 when o has no such attribute (no error left set), NULL on an error. */
static rh_object *call_special(hx_interp *I, rh_object *o, const char *name, int *missing) {
    rh_runtime *rt = I->rt;
    rh_object *s = rh_str_intern_utf8(rt, name, strlen(name));
    rh_object *m = s ? hx_getattr_obj(I, o, s) : NULL;
    rh_xdecref(rt, s);
    *missing = 0;
    if (!m) {
        if (rh_err_occurred(rt) == RH_EXC_ATTRIBUTE) { rh_err_clear(rt); *missing = 1; }
        return NULL;
    }
    rh_object *r = hx_call(I, m, NULL, 0, NULL, NULL, 0);
    rh_decref(rt, m);
    return r;
}

/* _PyCoro_GetAwaitableIter: a coroutine as it is; else what __await__() returns, which must be an iterator
 * that is not a coroutine. New reference, or NULL with the error set (*missing: o has no __await__). */
static rh_object *awaitable_iter(hx_interp *I, rh_object *o, int *missing) {
    rh_kind k = rh_kind_of(o); /* an async generator's asend / athrow is its own __await__ iterator */
    *missing = 0;
    if (k == RH_K_COROUTINE || k == RH_K_ASYNC_GEN_ASEND || k == RH_K_ASYNC_GEN_ATHROW) return newref(o);
    rh_object *r = k == RH_K_INSTANCE ? call_special(I, o, "__await__", missing) : (*missing = 1, NULL);
    if (*missing) {
        rh_err_set(I->rt, RH_EXC_TYPE, "object %s can't be used in 'await' expression", hx_tname(o));
        return NULL;
    }
    if (r && rh_kind_of(r) == RH_K_COROUTINE) {
        rh_err_set(I->rt, RH_EXC_TYPE, "__await__() returned a coroutine");
        rh_decref(I->rt, r);
        return NULL;
    }
    if (r && !rh_type_of(r)->tp_iternext) {
        rh_err_set(I->rt, RH_EXC_TYPE, "__await__() returned non-iterator of type '%s'", hx_tname(r));
        rh_decref(I->rt, r);
        return NULL;
    }
    return r;
}

/* GET_AWAITABLE: the awaitable iterator of o; a coroutine already being awaited is refused; where (1, 2)
 * names __aenter__ / __aexit__ in the error for an object without __await__ (ceval.c format_awaitable_error) */
static __attribute__((noinline)) rh_object *get_awaitable(hx_interp *I, rh_object *o, int where) {
    int missing;
    rh_object *r = awaitable_iter(I, o, &missing);
    if (!r && missing && where) {
        rh_err_set(I->rt, RH_EXC_TYPE, "'async with' received an object from %s that does not implement __await__: %s",
                   where == 1 ? "__aenter__" : "__aexit__", hx_tname(o));
        return NULL;
    }
    if (r && rh_kind_of(r) == RH_K_COROUTINE && hx_gen_yf(r)) {
        rh_err_set(I->rt, RH_EXC_RUNTIME, "coroutine is being awaited already");
        rh_decref(I->rt, r);
        return NULL;
    }
    return r;
}

/* An async iterator: an async generator, or an instance whose class defines __anext__ (am_anext) */
static int has_anext(hx_interp *I, rh_object *o) {
    if (rh_kind_of(o) == RH_K_ASYNC_GENERATOR) return 1;
    if (rh_kind_of(o) != RH_K_INSTANCE) return 0;
    rh_object *s = rh_str_intern_utf8(I->rt, "__anext__", 9);
    rh_object *m = s ? rh_class_lookup(I->rt, (rh_object *)rh_type_of(o), s) : NULL;
    rh_xdecref(I->rt, s);
    return m != NULL;
}

/* GET_AITER: o.__aiter__(), which must be an async iterator (new reference, or NULL) */
static __attribute__((noinline)) rh_object *get_aiter(hx_interp *I, rh_object *o) {
    int missing = 1;
    rh_kind k = rh_kind_of(o);
    rh_object *it = k == RH_K_INSTANCE || k == RH_K_ASYNC_GENERATOR ? call_special(I, o, "__aiter__", &missing) : NULL;
    if (missing) {
        rh_err_set(I->rt, RH_EXC_TYPE, "'async for' requires an object with __aiter__ method, got %s", hx_tname(o));
        return NULL;
    }
    if (it && !has_anext(I, it)) {
        rh_err_set(I->rt, RH_EXC_TYPE, "'async for' received an object from __aiter__ that does not implement __anext__: %s",
                   hx_tname(it));
        rh_decref(I->rt, it);
        return NULL;
    }
    return it;
}

/* GET_ANEXT: the awaitable of aiter.__anext__() (new reference, or NULL) */
static __attribute__((noinline)) rh_object *get_anext(hx_interp *I, rh_object *aiter) {
    int missing = 1;
    rh_kind k = rh_kind_of(aiter);
    rh_object *n = k == RH_K_INSTANCE || k == RH_K_ASYNC_GENERATOR ? call_special(I, aiter, "__anext__", &missing) : NULL;
    if (missing) {
        rh_err_set(I->rt, RH_EXC_TYPE, "'async for' requires an iterator with __anext__ method, got %s", hx_tname(aiter));
        return NULL;
    }
    if (!n || k == RH_K_ASYNC_GENERATOR) return n; /* its __anext__ is its own awaitable */
    rh_object *r = awaitable_iter(I, n, &missing);
    if (!r) { /* _PyErr_FormatFromCause */
        rh_runtime *rt = I->rt;
        rh_object *cause = rh_err_fetch(rt);
        rh_err_set(rt, RH_EXC_TYPE, "'async for' received an invalid object from __anext__: %s", hx_tname(n));
        if (cause && rh_err_normalize(rt) == 0) {
            rh_exc_set_cause(rt, rh_err_value(rt), cause);
            rh_exc_set_context(rt, rh_err_value(rt), cause);
        }
        rh_xdecref(rt, cause);
    }
    rh_decref(I->rt, n);
    return r;
}
