/* gen.c — what a program does with a generator or coroutine object (CPython 3.11 Objects/genobject.c):
 * send/throw/close (gen_send, _gen_throw, gen_close, gen_close_iter), the attributes programs read
 * (gi_running, gi_frame, gi_code, gi_yieldfrom, gi_suspended, cr_*, ag_*, __name__, __qualname__), and
 * the library's gen_resume hook: tp_iternext (gen_iternext) and PEP 442 finalization (_PyGen_Finalize: close, or the "never awaited"
 * warning of a coroutine). The frame itself runs in vm.c (hx_gen_send).
 */
#include <string.h>

#include "interp.h"

static rh_object *newref(rh_object *o) { rh_incref(o); return o; }
static int is_coro(rh_object *g) { return rh_kind_of(g) == RH_K_COROUTINE; }
static int is_gen(rh_object *o) { return rh_kind_of(o) == RH_K_GENERATOR || rh_kind_of(o) == RH_K_COROUTINE; }
static int is_agen(rh_object *o) { return rh_kind_of(o) == RH_K_ASYNC_GENERATOR; }

/* How CPython's messages name the object: "generator", "coroutine" or "async generator" */
const char *hx_gen_kind_word(rh_object *gen) {
    return is_coro(gen) ? "coroutine" : is_agen(gen) ? "async generator" : "generator";
}

/* gen_send_ex: the result of the frame as a method returns it — a yielded value, or StopIteration(value)
 * when it returned */
static rh_object *send_ex(hx_interp *I, rh_object *gen, rh_object *arg, int exc) {
    rh_object *r;
    int st = hx_gen_send(I, gen, arg, exc, &r);
    if (st == 1) return r;
    if (st == 0 && is_agen(gen)) { /* gen_send_ex: an async generator that returned (None) */
        rh_decref(I->rt, r);
        rh_err_set(I->rt, RH_EXC_STOPASYNCITERATION, "%s", "");
    } else if (st == 0) {
        hx_set_stop_iteration(I, r);
    }
    return NULL;
}

static rh_object *gen_close(hx_interp *I, rh_object *gen);

/* gen_close_iter: close the subiterator of a yield from (its close() when it has one). 0 or -1. */
static int close_iter(hx_interp *I, rh_object *yf) {
    rh_runtime *rt = I->rt;
    rh_object *r;
    if (is_gen(yf)) {
        r = gen_close(I, yf);
    } else {
        rh_object *name = rh_str_intern_utf8(rt, "close", 5);
        rh_object *m = name ? hx_getattr_obj(I, yf, name) : NULL;
        rh_xdecref(rt, name);
        if (!m) {
            if (rh_err_occurred(rt) != RH_EXC_ATTRIBUTE) return -1;
            rh_err_clear(rt);
            return 0;
        }
        r = hx_call(I, m, NULL, 0, NULL, NULL, 0);
        rh_decref(rt, m);
    }
    if (!r) return -1;
    rh_decref(rt, r);
    return 0;
}

/* gen_close: GeneratorExit raised at the yield; a generator that yields again is an error */
static rh_object *gen_close(hx_interp *I, rh_object *gen) {
    rh_runtime *rt = I->rt;
    rh_gen_frame *gf = rh_gen_frame_of(gen);
    if (gf->state == RH_GEN_CREATED && rh_runtime_profile(rt)->gen_close_skips_unstarted) {
        gf->state = RH_GEN_COMPLETED; /* 3.12+: the frame is not run; its locals stay until the generator dies */
        return newref(rh_none(rt));
    }
    rh_object *yf = hx_gen_yf(gen);
    int err = 0;
    if (yf) {
        rh_incref(yf);
        int8_t st = gf->state;
        gf->state = RH_GEN_RUNNING;
        err = close_iter(I, yf);
        gf->state = st;
        rh_decref(rt, yf);
    }
    if (err == 0) rh_err_set(rt, RH_EXC_GENERATOREXIT, "%s", "");
    rh_object *r = send_ex(I, gen, NULL, 1);
    if (r) {
        rh_decref(rt, r);
        rh_err_set(rt, RH_EXC_RUNTIME, "%s ignored GeneratorExit", hx_gen_kind_word(gen));
        return NULL;
    }
    rh_exc k = rh_err_occurred(rt); /* (send_ex reports an async generator's return as StopAsyncIteration) */
    if (k == RH_EXC_STOPITERATION || k == RH_EXC_GENERATOREXIT || (k == RH_EXC_STOPASYNCITERATION && is_agen(gen))) {
        rh_err_clear(rt);
        return newref(rh_none(rt));
    }
    return NULL;
}

/* The frame leaves its yield from: the subiterator popped, the frame continues at the SEND exit */
static void leave_yield_from(hx_interp *I, rh_object *gen) {
    rh_gen_frame *gf = rh_gen_frame_of(gen);
    hx_code *c = gf->code;
    uint32_t exit = hx_arg(c->co_code[gf->lasti - 1]) - 1;
    rh_object *yf = gf->words[gf->nlocals + --gf->nstack];
    gf->words[gf->nlocals + gf->nstack] = NULL;
    rh_decref(I->rt, yf);
    gf->lasti = (int32_t)exit;
}

/* _gen_throw: exc (stolen) is the exception to raise; delegated to the subiterator of a yield from first */
static rh_object *gen_throw_exc(hx_interp *I, rh_object *gen, rh_object *exc) {
    rh_runtime *rt = I->rt;
    rh_gen_frame *gf = rh_gen_frame_of(gen);
    rh_object *yf = hx_gen_yf(gen);
    if (yf) {
        rh_object *ret = NULL;
        rh_incref(yf);
        if (rh_is_exc_instance(exc) && rh_exc_class_matches((rh_object *)rh_type_of(exc), (rh_object *)rh_exc_type(rt, RH_EXC_GENERATOREXIT))) {
            int8_t st = gf->state;
            gf->state = RH_GEN_RUNNING;
            int err = close_iter(I, yf);
            gf->state = st;
            rh_decref(rt, yf);
            if (err < 0) {
                rh_decref(rt, exc);
                return send_ex(I, gen, NULL, 1);
            }
            goto throw_here;
        }
        int8_t st = gf->state;
        gf->state = RH_GEN_RUNNING;
        if (is_gen(yf)) {
            ret = gen_throw_exc(I, yf, exc);
        } else {
            rh_object *name = rh_str_intern_utf8(rt, "throw", 5);
            rh_object *m = name ? hx_getattr_obj(I, yf, name) : NULL;
            rh_xdecref(rt, name);
            if (!m) {
                gf->state = st;
                rh_decref(rt, yf);
                if (rh_err_occurred(rt) != RH_EXC_ATTRIBUTE) { rh_decref(rt, exc); return NULL; }
                rh_err_clear(rt);
                goto throw_here;
            }
            ret = hx_call(I, m, &exc, 1, NULL, NULL, 0);
            rh_decref(rt, m);
        }
        gf->state = st;
        rh_decref(rt, yf);
        if (ret) return ret;
        /* the subiterator finished: the frame leaves its SEND loop with the StopIteration's value, or
         * with the subiterator's error raised at that point */
        leave_yield_from(I, gen);
        rh_object *val = NULL;
        if (rh_err_occurred(rt) == RH_EXC_STOPITERATION) {
            rh_object *e = rh_err_fetch(rt);
            rh_object *a = e ? rh_exc_args(e) : NULL;
            val = newref(a && rh_tuple_len(a) ? rh_tuple_get(a, 0) : rh_none(rt));
            rh_xdecref(rt, e);
            rh_object *r = send_ex(I, gen, val, 0); /* pushed where SEND leaves a returned value */
            rh_decref(rt, val);
            return r;
        }
        return send_ex(I, gen, NULL, 1);
    }
throw_here:
    rh_err_set_object(rt, exc);
    return send_ex(I, gen, NULL, 1);
}

/* ---------------------------------------------------------------- methods */

static int no_kw(hx_interp *I, const char *name, int nkw) {
    if (!nkw) return 0;
    rh_err_set(I->rt, RH_EXC_TYPE, "%s() takes no keyword arguments", name);
    return -1;
}

static rh_object *m_send(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw) {
    (void)kwn, (void)kwv;
    if (no_kw(I, "send", nkw)) return NULL;
    if (n != 1) {
        rh_err_set(I->rt, RH_EXC_TYPE, "%s.send() takes exactly one argument (%d given)", is_coro(self) ? "coroutine" : "generator", n);
        return NULL;
    }
    return send_ex(I, self, a[0], 0);
}

static rh_object *m_next(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw) {
    (void)a, (void)n, (void)kwn, (void)kwv, (void)nkw;
    return send_ex(I, self, NULL, 0);
}

/* throw(type[, value[, tb]]) or throw(exception) */
static rh_object *m_throw(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw) {
    rh_runtime *rt = I->rt;
    (void)kwn, (void)kwv;
    if (no_kw(I, "throw", nkw)) return NULL;
    if (n < 1 || n > 3) {
        rh_err_set(rt, RH_EXC_TYPE, "throw expected at least 1 argument, got %d", n);
        return NULL;
    }
    rh_object *typ = a[0], *val = n > 1 ? a[1] : NULL, *exc;
    if (val == rh_none(rt)) val = NULL;
    if (rh_is_exc_class(typ)) {
        if (val && rh_is_exc_instance(val) && rh_exc_class_matches((rh_object *)rh_type_of(val), typ)) {
            exc = newref(val);
        } else {
            rh_object *args[1] = {val ? newref(val) : NULL};
            exc = hx_call(I, typ, args, val ? 1 : 0, NULL, NULL, 0);
            if (!exc) return NULL;
        }
    } else if (rh_is_exc_instance(typ)) {
        if (val) {
            rh_err_set(rt, RH_EXC_TYPE, "instance exception may not have a separate value");
            return NULL;
        }
        exc = newref(typ);
    } else {
        rh_err_set(rt, RH_EXC_TYPE, "exceptions must be classes or instances deriving from BaseException, not %s",
                   hx_tname(typ));
        return NULL;
    }
    return gen_throw_exc(I, self, exc);
}

static rh_object *m_close(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw) {
    (void)a, (void)n, (void)kwn, (void)kwv, (void)nkw;
    return gen_close(I, self);
}

/* ---------------------------------------------------------------- async generators (PEP 525) */

enum { AWAIT_INIT = 0, AWAIT_ITER = 1, AWAIT_CLOSED = 2 }; /* AwaitableState */

/* Whether the async generator's frame is suspended at a plain `yield` — what 3.11 wraps with ASYNC_GEN_WRAP
 * (an _PyAsyncGenWrappedValue) — rather than at the inner yield of an `await` (passed through to the event
 * loop). refheap reads the suspension point instead of allocating the wrapper (docs/conformance.md). */
static int agen_yielded_value(rh_object *gen) {
    rh_gen_frame *gf = rh_gen_frame_of(gen);
    if (gf->state != RH_GEN_SUSPENDED || gf->lasti < 1) return 0;
    hx_instr y = ((hx_code *)gf->code)->co_code[gf->lasti - 1];
    return hx_op(y) == HX_YIELD_VALUE && hx_arg(y) == 0;
}

/* async_gen_unwrap_value: r (stolen) what the generator produced, NULL with its error. A plain yield
 * becomes StopIteration(value) (the awaitable's result); the end or GeneratorExit closes the generator. */
static rh_object *agen_unwrap(hx_interp *I, rh_object *gen, rh_object *r) {
    rh_runtime *rt = I->rt;
    rh_gen_frame *gf = rh_gen_frame_of(gen);
    if (!r) {
        if (!rh_err_occurred(rt)) rh_err_set(rt, RH_EXC_STOPASYNCITERATION, "%s", "");
        rh_exc k = rh_err_occurred(rt);
        if (k == RH_EXC_STOPASYNCITERATION || k == RH_EXC_GENERATOREXIT) gf->ag_closed = 1;
        gf->ag_running_async = 0;
        return NULL;
    }
    if (agen_yielded_value(gen)) {
        hx_set_stop_iteration(I, r);
        gf->ag_running_async = 0;
        return NULL;
    }
    return r;
}

static rh_object *runtime_error(hx_interp *I, const char *msg) {
    rh_err_set(I->rt, RH_EXC_RUNTIME, "%s", msg);
    return NULL;
}

/* async_gen_asend_send: the first send delivers the asend's value (or None), each result unwrapped */
static rh_object *asend_send(hx_interp *I, rh_object *o, rh_object *arg) {
    rh_agen_await *w = rh_agen_await_of(o);
    rh_gen_frame *gf = rh_gen_frame_of(w->gen);
    if (w->state == AWAIT_CLOSED) return runtime_error(I, "cannot reuse already awaited __anext__()/asend()");
    if (w->state == AWAIT_INIT) {
        if (gf->ag_running_async) return runtime_error(I, "anext(): asynchronous generator is already running");
        if (!arg || arg == rh_none(I->rt)) arg = w->arg;
        w->state = AWAIT_ITER;
    }
    gf->ag_running_async = 1;
    rh_object *r = agen_unwrap(I, w->gen, send_ex(I, w->gen, arg, 0));
    if (!r) w->state = AWAIT_CLOSED;
    return r;
}

/* The exception athrow(typ[, val[, tb]]) raises (gen.throw's argument rules), or GeneratorExit for aclose */
static rh_object *athrow_into(hx_interp *I, rh_agen_await *w);

/* async_gen_athrow_send */
static rh_object *athrow_send(hx_interp *I, rh_object *o, rh_object *arg) {
    rh_runtime *rt = I->rt;
    rh_agen_await *w = rh_agen_await_of(o);
    rh_object *gen = w->gen, *r;
    rh_gen_frame *gf = rh_gen_frame_of(gen);
    if (w->state == AWAIT_CLOSED) return runtime_error(I, "cannot reuse already awaited aclose()/athrow()");
    if (gf->state >= RH_GEN_COMPLETED) {
        w->state = AWAIT_CLOSED;
        hx_set_stop_iteration(I, newref(rh_none(rt)));
        return NULL;
    }
    if (w->state == AWAIT_INIT) {
        if (gf->ag_running_async) {
            w->state = AWAIT_CLOSED;
            return runtime_error(I, w->aclose ? "aclose(): asynchronous generator is already running"
                                              : "athrow(): asynchronous generator is already running");
        }
        if (gf->ag_closed) {
            w->state = AWAIT_CLOSED;
            rh_err_set(rt, RH_EXC_STOPASYNCITERATION, "%s", "");
            return NULL;
        }
        if (arg && arg != rh_none(rt)) return runtime_error(I, "can't send non-None value to a just-started coroutine");
        w->state = AWAIT_ITER;
        gf->ag_running_async = 1;
        if (w->aclose) gf->ag_closed = 1;
        r = athrow_into(I, w);
    } else {
        r = send_ex(I, gen, arg, 0);
    }
    if (w->aclose) {
        if (r && agen_yielded_value(gen)) { /* yield_close */
            rh_decref(rt, r);
            gf->ag_running_async = 0;
            w->state = AWAIT_CLOSED;
            return runtime_error(I, "async generator ignored GeneratorExit");
        }
    } else {
        r = agen_unwrap(I, gen, r);
    }
    if (r) return r;
    gf->ag_running_async = 0; /* check_error */
    w->state = AWAIT_CLOSED;
    rh_exc k = rh_err_occurred(rt);
    if (w->aclose && (k == RH_EXC_STOPASYNCITERATION || k == RH_EXC_GENERATOREXIT)) {
        rh_err_clear(rt);
        hx_set_stop_iteration(I, newref(rh_none(rt)));
    }
    return NULL;
}

static rh_object *m_throw(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw);

static rh_object *athrow_into(hx_interp *I, rh_agen_await *w) {
    if (w->aclose) {
        rh_object *ge = (rh_object *)rh_exc_type(I->rt, RH_EXC_GENERATOREXIT);
        return m_throw(I, w->gen, &ge, 1, NULL, NULL, 0);
    }
    rh_object *t = w->arg, *a[3] = {NULL, NULL, NULL};
    int n = (int)rh_tuple_len(t);
    for (int i = 0; i < n && i < 3; i++) a[i] = rh_tuple_get(t, (size_t)i);
    return m_throw(I, w->gen, a, n, NULL, NULL, 0);
}

static rh_object *await_send(hx_interp *I, rh_object *o, rh_object *arg) {
    return rh_kind_of(o) == RH_K_ASYNC_GEN_ASEND ? asend_send(I, o, arg) : athrow_send(I, o, arg);
}

static rh_object *m_await_send(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw) {
    (void)kwn, (void)kwv;
    if (no_kw(I, "send", nkw)) return NULL;
    if (n != 1) {
        rh_err_set(I->rt, RH_EXC_TYPE, "send() takes exactly one argument (%d given)", n);
        return NULL;
    }
    return await_send(I, self, a[0]);
}
static rh_object *m_await_next(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw) {
    (void)a, (void)n, (void)kwn, (void)kwv, (void)nkw;
    return await_send(I, self, NULL);
}
/* async_gen_asend_throw / async_gen_athrow_throw: into the generator, the result unwrapped */
static rh_object *m_await_throw(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw) {
    rh_agen_await *w = rh_agen_await_of(self);
    if (w->state == AWAIT_CLOSED)
        return runtime_error(I, rh_kind_of(self) == RH_K_ASYNC_GEN_ASEND ? "cannot reuse already awaited __anext__()/asend()"
                                                                          : "cannot reuse already awaited aclose()/athrow()");
    rh_object *r = m_throw(I, w->gen, a, n, kwn, kwv, nkw);
    if (rh_kind_of(self) == RH_K_ASYNC_GEN_ATHROW && w->aclose) {
        if (r && agen_yielded_value(w->gen)) {
            rh_decref(I->rt, r);
            return runtime_error(I, "async generator ignored GeneratorExit");
        }
        return r;
    }
    r = agen_unwrap(I, w->gen, r);
    if (!r) w->state = AWAIT_CLOSED;
    return r;
}
static rh_object *m_await_close(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw) {
    (void)a, (void)n, (void)kwn, (void)kwv, (void)nkw;
    rh_agen_await_of(self)->state = AWAIT_CLOSED;
    return newref(rh_none(I->rt));
}
static rh_object *m_self(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw) {
    (void)I, (void)a, (void)n, (void)kwn, (void)kwv, (void)nkw;
    return newref(self);
}

/* async_gen_anext / async_gen_asend / async_gen_athrow / async_gen_aclose: the awaitable (no hooks:
 * sys.set_asyncgen_hooks is not modelled, so async_gen_init_hooks has nothing to call) */
static rh_object *m_anext(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw) {
    (void)a, (void)n, (void)kwn, (void)kwv, (void)nkw;
    return rh_agen_await_new(I->rt, RH_K_ASYNC_GEN_ASEND, self, NULL, 0);
}
static rh_object *m_asend(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw) {
    (void)kwn, (void)kwv;
    if (no_kw(I, "asend", nkw)) return NULL;
    if (n != 1) {
        rh_err_set(I->rt, RH_EXC_TYPE, "async_generator.asend() takes exactly one argument (%d given)", n);
        return NULL;
    }
    return rh_agen_await_new(I->rt, RH_K_ASYNC_GEN_ASEND, self, a[0], 0);
}
static rh_object *m_athrow(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw) {
    (void)kwn, (void)kwv;
    if (no_kw(I, "athrow", nkw)) return NULL;
    if (n < 1 || n > 3) {
        rh_err_set(I->rt, RH_EXC_TYPE, "athrow expected at least 1 argument, got %d", n);
        return NULL;
    }
    rh_object *t = rh_tuple_new(I->rt, (size_t)n);
    if (!t) return NULL;
    for (int i = 0; i < n; i++) {
        rh_incref(a[i]);
        rh_tuple_set(t, (size_t)i, a[i]);
    }
    rh_object *r = rh_agen_await_new(I->rt, RH_K_ASYNC_GEN_ATHROW, self, t, 0);
    rh_decref(I->rt, t);
    return r;
}
static rh_object *m_aclose(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw) {
    (void)a, (void)n, (void)kwn, (void)kwv, (void)nkw;
    return rh_agen_await_new(I->rt, RH_K_ASYNC_GEN_ATHROW, self, NULL, 1);
}

#define GDEF(var, nm, fn) static const rh_builtin_def var = {nm, (void (*)(void))fn, 0}
GDEF(a_anext, "__anext__", m_anext); GDEF(a_asend, "asend", m_asend); GDEF(a_athrow, "athrow", m_athrow);
GDEF(a_aclose, "aclose", m_aclose); GDEF(a_aiter, "__aiter__", m_self);
GDEF(w_send, "send", m_await_send); GDEF(w_throw, "throw", m_await_throw); GDEF(w_close, "close", m_await_close);
GDEF(w_next, "__next__", m_await_next); GDEF(w_await, "__await__", m_self); GDEF(w_iter, "__iter__", m_self);
static const rh_builtin_def *const agen_methods[] = {&a_anext, &a_asend, &a_athrow, &a_aclose, &a_aiter, NULL};
static const rh_builtin_def *const await_methods[] = {&w_send, &w_throw, &w_close, &w_next, &w_await, &w_iter, NULL};

GDEF(g_send, "send", m_send); GDEF(g_throw, "throw", m_throw); GDEF(g_close, "close", m_close);
GDEF(g_next, "__next__", m_next);
static const rh_builtin_def *const gen_methods[] = {&g_send, &g_throw, &g_close, &g_next, NULL};
static const rh_builtin_def *const coro_methods[] = {&g_send, &g_throw, &g_close, NULL};

int hx_gen_method_tables(rh_kind k, hx_mtab out[2]) {
    out[0] = (hx_mtab){k == RH_K_COROUTINE ? coro_methods : k == RH_K_ASYNC_GENERATOR ? agen_methods
                       : k == RH_K_GENERATOR ? gen_methods : await_methods, NULL};
    return 1;
}

/* An asend / athrow object's attributes: __class__ and the methods */
static rh_object *await_getattr(hx_interp *I, rh_object *o, rh_object *name) {
    const char *s = hx_cstr(I, name);
    if (rh_str_eq(name, I->s_class)) return newref((rh_object *)rh_type_of(o));
    const rh_builtin_def *d = hx_kind_method_def(I, rh_kind_of(o), s);
    if (d) return rh_builtin_new(I->rt, d, o);
    rh_err_set(I->rt, RH_EXC_ATTRIBUTE, "'%s' object has no attribute '%s'", hx_tname(o), s);
    return NULL;
}

/* The frame object of gen's frame (gi_frame / cr_frame / ag_frame, genobject.c _gen_getframe): None once
 * it finished; while it runs, the running frame's own (made now if need be, so that sys._getframe() inside
 * it and gi_frame are one object); else the one the generator keeps, which learns the def line when the
 * frame has not started (3.11's frame of a new generator is at its first line) */
static rh_object *gen_frame_attr(hx_interp *I, rh_object *gen) {
    rh_runtime *rt = I->rt;
    rh_gen_frame *gf = rh_gen_frame_of(gen);
    if (gf->state >= RH_GEN_COMPLETED) return newref(rh_none(rt));
    if (gf->state == RH_GEN_RUNNING) {
        hx_frame *f = I->frame;
        while (f && f->gen != gen) f = f->back;
        rh_object *fo = f ? hx_frame_object(I, f) : NULL;
        if (fo) return newref(fo);
        if (!f) rh_err_set(rt, RH_EXC_RUNTIME, "%s frame not found", hx_gen_kind_word(gen));
        return NULL;
    }
    rh_object *fo = rh_gen_frame_object(rt, gen);
    if (fo && gf->state == RH_GEN_CREATED) rh_frame_set_lineno(fo, ((hx_code *)gf->code)->line);
    return fo ? newref(fo) : NULL;
}

/* gi_running / gi_frame / gi_code / gi_yieldfrom / gi_suspended (cr_* for a coroutine, cr_await for the
 * subiterator, cr_origin None: origin tracking is off by default; ag_* for an async generator), __name__,
 * __qualname__, then the methods */
rh_object *hx_gen_getattr(hx_interp *I, rh_object *gen, rh_object *name) {
    rh_runtime *rt = I->rt;
    const char *s = hx_cstr(I, name);
    if (!is_gen(gen) && !is_agen(gen)) return await_getattr(I, gen, name);
    rh_gen_frame *gf = rh_gen_frame_of(gen);
    const char *pre = is_coro(gen) ? "cr_" : is_agen(gen) ? "ag_" : "gi_";
    if (strncmp(s, pre, 3) == 0) {
        const char *f = s + 3;
        if (!strcmp(f, "running") && is_agen(gen)) return rh_bool(rt, gf->ag_running_async); /* ag_running_async */
        if (!strcmp(f, "running")) /* 2.7: an int */
            return rh_runtime_profile(rt)->python2 ? rh_int_from_i64(rt, gf->state == RH_GEN_RUNNING)
                                                   : rh_bool(rt, gf->state == RH_GEN_RUNNING);
        if (!strcmp(f, "suspended") && (is_agen(gen) ? RH_API(I, "async_generator", "ag_suspended")
                                                     : RH_API(I, "generator", "gi_suspended")))
            return rh_bool(rt, gf->state == RH_GEN_SUSPENDED);
        if (!strcmp(f, "frame")) return gen_frame_attr(I, gen);
        if (!strcmp(f, "code")) { /* gen_getcode: the function's code object (the unit outlives the frame) */
            hx_code *c = gf->code;
            return hx_code_object(I, c, gf->globals ? gf->globals : gf->func ? rh_func_globals(gf->func) : NULL);
        }
        if (!strcmp(f, "origin") && is_coro(gen) && RH_API(I, "coroutine", "cr_origin")) return newref(rh_none(rt));
        if (!strcmp(f, !is_gen(gen) || is_coro(gen) ? "await" : "yieldfrom") && (!is_gen(gen) || is_coro(gen) || RH_API(I, "generator", "gi_yieldfrom"))) {
            rh_object *yf = hx_gen_yf(gen);
            return newref(yf ? yf : rh_none(rt));
        }
    }
    if (rh_str_eq(name, I->s_name)) return newref(rh_gen_name(gen));
    if (rh_str_eq(name, I->s_qualname)) return newref(rh_gen_qualname(gen));
    if (rh_str_eq(name, I->s_class)) return newref((rh_object *)rh_type_of(gen));
    if (rh_kind_of(gen) == RH_K_GENERATOR) { /* a generator's __next__ and __iter__ are method-wrappers (t_wrapper.c) */
        rh_object *w = rh_slot_wrapper_new(rt, gen, name);
        if (w || rh_err_occurred(rt)) return w;
    }
    const rh_builtin_def *d = hx_kind_method_def(I, rh_kind_of(gen), s);
    if (d) return rh_builtin_new(rt, d, gen);
    rh_err_set(rt, RH_EXC_ATTRIBUTE, "'%s' object has no attribute '%s'", hx_tname(gen), s);
    return NULL;
}

/* ---------------------------------------------------------------- the library's hook */

/* _PyErr_WarnUnawaitedCoroutine through the warnings module's default format */
static void warn_never_awaited(hx_interp *I, rh_object *gen) {
    fflush(stdout);
    hx_frame *f = I->frame;
    int line = f ? f->line : 0;
    fprintf(stderr, "%s:%d: RuntimeWarning: coroutine '%s' was never awaited\n", I->filename, line,
            hx_cstr(I, rh_gen_qualname(gen)));
    fprintf(stderr, "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n");
    fflush(stderr);
}

rh_object *hx_gen_resume_hook(void *ctx, rh_runtime *rt, rh_object *gen, int what) {
    hx_interp *I = ctx;
    if (what == RH_GEN_RESUME_NEXT && !is_gen(gen) && !is_agen(gen)) return await_send(I, gen, NULL); /* asend/athrow */
    if (what == RH_GEN_RESUME_NEXT) {
        rh_object *r;
        int st = hx_gen_send(I, gen, NULL, 0, &r);
        if (st == 1) return r;
        if (st == 0) {
            if (r == rh_none(rt)) rh_decref(rt, r);
            else hx_set_stop_iteration(I, r);
        }
        return NULL;
    }
    /* _PyGen_Finalize: the pending error is kept aside */
    if (I->exiting >= 2) return NULL;
    rh_err_state saved;
    rh_err_save(rt, &saved);
    rh_gen_frame *gf = rh_gen_frame_of(gen);
    if (is_coro(gen) && gf->state == RH_GEN_CREATED) {
        warn_never_awaited(I, gen);
    } else {
        rh_object *r = gen_close(I, gen);
        if (r) rh_decref(rt, r);
        else hx_write_unraisable(I, gen);
    }
    rh_err_restore_state(rt, &saved);
    return NULL;
}
