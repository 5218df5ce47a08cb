/* runtime.c — creating and tearing down a runtime; errors; allocation through the runtime's allocator.
 *
 * The runtime struct itself and its statics block come from libc (they are the interpreter's own state,
 * like CPython's _PyRuntime); every object byte comes from rt->alloc.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "internal.h"
#include "mem_fast.h"

static void set_msg(char *err, size_t errlen, const char *msg) {
    if (err && errlen) snprintf(err, errlen, "%s", msg);
}

static int adopt_allocator(rh_runtime *rt, const rh_config *cfg, char *err, size_t errlen) {
    if (cfg && cfg->allocator.abi_version != 0) {
        const rh_allocator *a = &cfg->allocator;
        if (a->abi_version != RH_ALLOCATOR_ABI_VERSION || a->struct_size < sizeof(rh_allocator) ||
            !a->malloc || !a->calloc || !a->realloc || !a->free) {
            set_msg(err, errlen, "allocator table: wrong ABI version/struct size or missing callback");
            return -1;
        }
        rt->alloc = *a;
        return 0;
    }
    if (rh_allocator_pymalloc(&rt->alloc, rt->profile, NULL) != 0) {
        set_msg(err, errlen, "cannot create the pymalloc allocator");
        return -1;
    }
    return 0;
}

/* The C stack the recursion levels may use (rh_recursion_enter): three quarters of the stack's soft limit
 * (8 MB when unlimited or unknown, at most 256 MB), the rest is headroom for the deepest level's own work.
 * CPython 3.11 does not recurse on the C stack for Python-to-Python calls; refheap's VM does, so a limit
 * raised with sys.setrecursionlimit is bounded here as well. */
static size_t stack_budget(void) {
    size_t lim = (size_t)8 << 20;
    struct rlimit rl;
    if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY)
        lim = rl.rlim_cur < ((rlim_t)256 << 20) ? (size_t)rl.rlim_cur : (size_t)256 << 20;
    return lim / 4 * 3;
}

rh_runtime *rh_runtime_new(const rh_config *cfg, char *err, size_t errlen) {
    rh_runtime *rt = calloc(1, sizeof *rt);
    if (!rt) {
        set_msg(err, errlen, "out of memory creating the runtime");
        if (cfg && cfg->allocator.abi_version) rh_allocator_destroy((rh_allocator *)&cfg->allocator);
        return NULL;
    }
    rt->type_epoch = 1;
    rt->rec_limit = 1000; /* sys.getrecursionlimit() at start-up (Python/ceval.c, Py_DEFAULT_RECURSION_LIMIT) */
    rt->stack_budget = stack_budget();
    rt->next_keys_version = 2; /* 1 is the empty keys' */
    rt->profile = (cfg && cfg->profile) ? cfg->profile : rh_profile_get(NULL);
    if (cfg) rt->hooks = cfg->hooks;
    if (adopt_allocator(rt, cfg, err, errlen) != 0) {
        if (cfg && cfg->allocator.abi_version) rh_allocator_destroy((rh_allocator *)&cfg->allocator);
        free(rt);
        return NULL;
    }
    rt->statics = aligned_alloc(64, (sizeof *rt->statics + 63) & ~(size_t)63);
    if (!rt->statics) {
        set_msg(err, errlen, "out of memory creating the runtime statics");
        rh_allocator_destroy(&rt->alloc);
        free(rt);
        return NULL;
    }
    memset(rt->statics, 0, sizeof *rt->statics);
    rt->statics_lo = (char *)rt->statics;
    rt->statics_hi = (char *)rt->statics + sizeof *rt->statics;
    rh__gc_init(rt);
    rh__types_init(rt);
    rh__structseq_init(rt);
    rh__weakcallproxy_init(rt);
    if (rh__small_ints_init(rt) != 0 || rh__strings_init(rt) != 0 || rh__bytes_init(rt) != 0) {
        set_msg(err, errlen, "cannot initialise small ints / strings");
        rh_runtime_free(rt);
        return NULL;
    }
    return rt;
}

void rh_runtime_free(rh_runtime *rt) {
    if (!rt) return;
    /* Teardown order: hooks and gc lists first (no Python code runs from here on), then one full
     * collection (the permanent generation merged back first) so unreachable cycles (classes hold
     * themselves through their MRO) give their memory
     * back through the allocator, then the freelists, then the interned strings (py312 immortal ones
     * are freed here, so nothing may drop a reference to them afterwards), then the allocator. */
    rh__gc_fini(rt);
    rh__repr_fini(rt);    /* the thread state's dict (PyThreadState_Clear) */
    rh_err_clear(rt);     /* an uncaught error must not stop the last collection */
    rh_xdecref(rt, rh_exc_handled_swap(rt, NULL));
    rh_xdecref(rt, rh_exc_handled_tb_swap(rt, NULL));
    rh_setref(rt, &rt->exc_group_class, NULL);
    rh_gc_unfreeze(rt);   /* frozen objects (gc.freeze) are freed too: nothing outlives the runtime */
    rh_gc_collect(rt, 2);
    rh_err_clear(rt);
    rh__subclasses_fini(rt); /* the built-in types' tp_subclasses (dead weakrefs, or none left) */
    rh__freelists_clear(rt);
    rh__frame_zombies_fini(rt);
    rh__slice_cache_clear(rt);
    rh__gen_side_fini(rt);
    rh__intblock_fini(rt, &rt->fl.int27); /* PyInt_Fini: blocks go even if a leaked int still sits in one */
    rh__intblock_fini(rt, &rt->fl.float27);
    rh__interned_fini(rt);
    rh__int_slack_free(rt);
    rh_allocator_destroy(&rt->alloc);
    free(rt->statics);
    free(rt->interned);
    free(rt);
}

const rh_profile *rh_runtime_profile(const rh_runtime *rt) { return rt->profile; }
rh_allocator *rh_runtime_allocator(rh_runtime *rt) { return &rt->alloc; }

/* ---- allocation ---- */

void *rh_mem_malloc(rh_runtime *rt, size_t n) { return rh__mem_malloc(rt, n); }

void *rh_mem_calloc(rh_runtime *rt, size_t nelem, size_t elsize) {
    void *p = NULL;
    if (elsize == 0 || nelem <= RH_SSIZE_MAX / elsize) p = rt->alloc.calloc(rt->alloc.ctx, nelem, elsize);
    if (!p) rh_err_nomemory(rt);
    return p;
}

/* PyMem_Malloc's domain. From 3.6 it is pymalloc, like objects. In 2.7 (profile->pymem_is_raw) PyMem_MALLOC
 * is the C library's malloc: list arrays and dict tables never enter pymalloc's pools, whatever their
 * size. Only the built-in pymalloc has two domains to tell apart; every other allocator serves both. */
static int pymem_raw(rh_runtime *rt) { return rt->profile->pymem_is_raw && rh__pymalloc_is(&rt->alloc); }

void *rh__pymem_malloc(rh_runtime *rt, size_t n) {
    if (!pymem_raw(rt)) return rh_mem_malloc(rt, n);
    void *p = n <= RH_SSIZE_MAX ? rh__pymalloc_alloc_raw(rt->alloc.ctx, n, 0) : NULL;
    if (!p) rh_err_nomemory(rt);
    return p;
}

void *rh__pymem_calloc(rh_runtime *rt, size_t nelem, size_t elsize) {
    if (!pymem_raw(rt)) return rh_mem_calloc(rt, nelem, elsize);
    void *p = NULL;
    if (elsize == 0 || nelem <= RH_SSIZE_MAX / elsize) p = rh__pymalloc_alloc_raw(rt->alloc.ctx, nelem * elsize, 1);
    if (!p) rh_err_nomemory(rt);
    return p;
}

/* A raw block stays raw through pymalloc's realloc (it is not pymalloc's); only NULL needs routing. */
void *rh__pymem_realloc(rh_runtime *rt, void *p, size_t old_size, size_t new_size) {
    if (p == NULL && pymem_raw(rt)) return rh__pymem_malloc(rt, new_size);
    return rh_mem_realloc(rt, p, old_size, new_size);
}

void *rh_mem_realloc(rh_runtime *rt, void *p, size_t old_size, size_t new_size) {
    void *q = new_size <= RH_SSIZE_MAX ? rt->alloc.realloc(rt->alloc.ctx, p, old_size, new_size) : NULL;
    if (!q) rh_err_nomemory(rt);
    return q;
}

void rh_mem_free(rh_runtime *rt, void *p, size_t size) { rh__mem_free(rt, p, size); }

/* ---- errors ---- */

static void drop_old(rh_runtime *rt, rh_object *v, rh_object *tb) {
    rh_xdecref(rt, v);
    rh_xdecref(rt, tb);
}

/* Replace the pending error (kind, message, exception object, traceback), dropping the old objects after
 * the new state is in place (_PyErr_Restore), since their deallocation may run code. */
static void err_replace(rh_runtime *rt, rh_exc kind, rh_object *value, rh_object *tb) {
    rh_object *ov = rt->err_value, *otb = rt->err_tb;
    rt->err_kind = kind;
    rt->err_value = value;
    rt->err_tb = tb;
    drop_old(rt, ov, otb);
}

void rh_err_set(rh_runtime *rt, rh_exc kind, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(rt->err_msg, sizeof rt->err_msg, fmt, ap);
    va_end(ap);
    err_replace(rt, kind, NULL, NULL);
}

void rh_err_nomemory(rh_runtime *rt) {
    rt->err_msg[0] = '\0';
    err_replace(rt, RH_EXC_MEMORY, NULL, NULL);
}

rh_exc rh_err_occurred(const rh_runtime *rt) { return rt->err_kind; }
const char *rh_err_message(const rh_runtime *rt) { return rt->err_kind ? rt->err_msg : ""; }

void rh_err_clear(rh_runtime *rt) {
    rt->err_msg[0] = '\0';
    err_replace(rt, RH_EXC_NONE, NULL, NULL);
}

/* The message, for readers of rh_err_message: a lone str argument (no code runs at raise time) */
static void message_of(rh_runtime *rt, rh_object *e) {
    rh_object *args = rh_exc_args(e);
    rt->err_msg[0] = '\0';
    if (args && rh_tuple_len(args) == 1 && rh_kind_of(rh_tuple_get(args, 0)) == RH_K_STR)
        snprintf(rt->err_msg, sizeof rt->err_msg, "%s", rh_str_utf8(rt, rh_tuple_get(args, 0), NULL));
}

void rh_err_restore(rh_runtime *rt, rh_object *e, rh_object *tb) {
    message_of(rt, e);
    err_replace(rt, rh_exc_kind_of(e), e, tb);
}

/* _PyErr_SetObject: the exception being handled becomes the context; the traceback e already has
 * continues (a re-raised exception keeps its frames) */
void rh_err_set_object(rh_runtime *rt, rh_object *e) {
    rh_exc_chain(rt, e, rt->exc_handled);
    rh_object *tb = rh_exc_traceback(rt, e);
    rh_xincref(tb);
    rh_err_restore(rt, e, tb);
}

void rh_err_save(rh_runtime *rt, rh_err_state *s) {
    s->kind = rt->err_kind;
    memcpy(s->msg, rt->err_msg, sizeof s->msg);
    s->value = rt->err_value;
    s->tb = rt->err_tb;
    rt->err_kind = RH_EXC_NONE;
    rt->err_msg[0] = '\0';
    rt->err_value = rt->err_tb = NULL;
}

void rh_err_restore_state(rh_runtime *rt, rh_err_state *s) {
    err_replace(rt, s->kind, s->value, s->tb);
    memcpy(rt->err_msg, s->msg, sizeof s->msg);
    s->value = s->tb = NULL;
    s->kind = RH_EXC_NONE;
}

rh_object *rh_exc_handled(rh_runtime *rt) { return rt->exc_handled; }
rh_object *rh_exc_handled_tb(rh_runtime *rt) { return rt->exc_handled_tb; }
rh_object *rh_exc_handled_tb_swap(rh_runtime *rt, rh_object *tb) {
    rh_object *old = rt->exc_handled_tb;
    rt->exc_handled_tb = tb;
    return old;
}
rh_object *rh_exc_handled_swap(rh_runtime *rt, rh_object *e) {
    rh_object *old = rt->exc_handled;
    rt->exc_handled = e;
    return old;
}

void rh_err_set_key(rh_runtime *rt, rh_object *key) {
    rh_object *r = rh_repr(rt, key);
    const char *s = r ? rh_str_utf8(rt, r, NULL) : NULL;
    char msg[sizeof rt->err_msg];
    snprintf(msg, sizeof msg, "%s", s ? s : "?");
    rh_xdecref(rt, r);
    rh_object *e = rh_exc_new(rt, (rh_object *)rh_exc_type(rt, RH_EXC_KEY), &key, 1);
    if (!e) return;
    rh_err_set_object(rt, e);
    snprintf(rt->err_msg, sizeof rt->err_msg, "%s", msg);
}

int rh_err_normalize(rh_runtime *rt) {
    if (!rt->err_kind || rt->err_value) return 0;
    rh_exc kind = rt->err_kind;
    rh_object *tb = rt->err_tb;
    rt->err_tb = NULL;
    /* PyErr_SetString's value is the message: args (msg,); PyErr_NoMemory / an empty message: () */
    int has_msg = rt->err_msg[0] != '\0';
    rh_object *msg = has_msg ? rh_str_from_cstr(rt, rt->err_msg) : NULL;
    rh_object *e = NULL;
    if (!has_msg || msg) { /* else the message's MemoryError is now the pending error */
        rh_err_clear(rt);
        e = rh_exc_new(rt, (rh_object *)rh_exc_type(rt, kind), &msg, msg ? 1 : 0);
    }
    rh_xdecref(rt, msg);
    if (!e) { /* the MemoryError of the failed normalization replaces the error, keeping the traceback */
        rt->err_tb = tb;
        return -1;
    }
    rh_err_set_object(rt, e);
    rt->err_tb = tb;
    return 0;
}

rh_object *rh_err_value(rh_runtime *rt) {
    if (!rt->err_kind || rh_err_normalize(rt) < 0) return NULL;
    return rt->err_value;
}

rh_object *rh_err_traceback(rh_runtime *rt) { return rt->err_kind ? rt->err_tb : NULL; }
void rh_err_set_traceback(rh_runtime *rt, rh_object *tb) { rh_setref(rt, &rt->err_tb, tb); }

rh_object *rh_err_fetch_tb(rh_runtime *rt, rh_object **tb) {
    *tb = NULL;
    if (!rt->err_kind) return NULL;
    if (rh_err_normalize(rt) < 0 && rh_err_normalize(rt) < 0) return NULL;
    rh_object *e = rt->err_value;
    *tb = rt->err_tb;
    rt->err_value = rt->err_tb = NULL;
    rt->err_kind = RH_EXC_NONE;
    rt->err_msg[0] = '\0';
    return e;
}

rh_object *rh_err_fetch(rh_runtime *rt) {
    rh_object *tb, *e = rh_err_fetch_tb(rt, &tb);
    if (e && tb) rh_exc_set_traceback(rt, e, tb); /* PyException_SetTraceback */
    rh_xdecref(rt, tb);
    return e;
}

void rh_err_write_unraisable(rh_runtime *rt, rh_object *where) {
    if (!rt->err_kind) return;
    if (rt->hooks.unraisable) {
        rh_exc k = rt->err_kind;
        char msg[sizeof rt->err_msg];
        memcpy(msg, rt->err_msg, sizeof msg);
        rh_err_clear(rt);
        rt->hooks.unraisable(rt->hooks.ctx, rt, k, msg, where);
        return;
    }
    char line[640];
    snprintf(line, sizeof line, "Exception ignored: %s%s%s\n", rh_exc_name(rt->err_kind),
             rt->err_msg[0] ? ": " : "", rt->err_msg);
    rh_err_clear(rt);
    if (rt->hooks.output) rt->hooks.output(rt->hooks.ctx, line);
    else fputs(line, stderr);
}

/* ---- singletons ---- */

rh_object *rh_none(rh_runtime *rt) { return &rt->statics->none; }
rh_object *rh_ellipsis(rh_runtime *rt) { return &rt->statics->ellipsis; }
rh_object *rh_true(rh_runtime *rt) { return &rt->statics->true_.ob.ob; }
rh_object *rh_false(rh_runtime *rt) { return &rt->statics->false_.ob.ob; }
rh_object *rh_bool(rh_runtime *rt, int v) {
    rh_object *o = v ? rh_true(rt) : rh_false(rt);
    rh_incref(o);
    return o;
}
rh_object *rh_empty_tuple(rh_runtime *rt) { return &rt->statics->empty_tuple.ob.ob; }
rh_object *rh_empty_str(rh_runtime *rt) { return (rh_object *)rt->statics->empty_str; }
rh_type *rh_builtin_type(rh_runtime *rt, rh_kind kind) {
    return (unsigned)kind < RH_K__COUNT ? &rt->statics->types[kind].t : NULL;
}

int rh_runtime_startup_done(rh_runtime *rt, unsigned more_lists, unsigned more_dicts) {
    const rh_profile *p = rt->profile;
    rh_object *made[2 * RH_FREELIST_CAP];
    int n = 0, rc = 0;
    rh_gc_startup save;
    rh_gc_startup_begin(rt, &save);
    /* _PyGC_Init (Modules/gcmodule.c; 2.7: initgc or the first collection) makes gc.garbage and
     * gc.callbacks during start-up: `import gc` takes nothing from the free lists */
    if (!rh_gc_garbage(rt) || !rh_gc_callbacks(rt)) rc = -1;
    if (rc == 0 && p->startup_freelists) {
        unsigned nl = p->startup_list_freelist + more_lists, nd = p->startup_dict_freelist + more_dicts;
        if (nl > p->list_freelist) nl = p->list_freelist;
        if (nd > p->dict_freelist) nd = p->dict_freelist;
        if (nl > RH_FREELIST_CAP) nl = RH_FREELIST_CAP;
        if (nd > RH_FREELIST_CAP) nd = RH_FREELIST_CAP;
        rh__list_freelist_trim(rt, nl);
        for (unsigned i = rt->fl.list_n; rc == 0 && i < nl; i++)
            rc = (made[n] = rh_list_new(rt, 0)) ? (n++, 0) : -1;
        rh__dict_freelist_trim(rt, nd);
        for (unsigned i = rt->fl.dict_n; rc == 0 && i < nd; i++)
            rc = (made[n] = rh_dict_new(rt)) ? (n++, 0) : -1;
    }
    while (n > 0) rh_decref(rt, made[--n]); /* newest first: the free lists come out as start-up left them */
    rh_gc_startup_end(rt, &save);
    return rc;
}

void rh__freelists_clear(rh_runtime *rt) {
    rh__float_freelist_clear(rt);
    rh__tuple_freelist_clear(rt);
    if (!rt->profile->gc_keeps_container_freelists || rt->gc.finalizing) { /* teardown empties all */
        rh__list_freelist_clear(rt);
        rh__dict_freelist_clear(rt);
    }
    rh__int_freelist_clear(rt);
    rh__frame_freelist_clear(rt);
    rh__method_freelist_clear(rt);  /* 2.7's PyMethod_ClearFreeList, PyCFunction_ClearFreeList */
    rh__cfunc_freelist_clear(rt);
}
