/* t_gen.c — generator and coroutine objects (CPython 3.11 Objects/genobject.c: make_gen, gen_dealloc,
 * gen_traverse, _PyGen_Finalize, gen_sizeof, gen_repr; Python/frame.c: _PyFrame_Clear).
 *
 * Owns the types RH_K_GENERATOR and RH_K_COROUTINE: layout, size per profile, GC traversal of the
 * suspended frame, deallocation (weakrefs cleared, then the PEP 442 finalizer — the embedder closes the
 * generator —, then the frame cleared, then the names), tp_iter/tp_iternext. Invariants (refheap/gen.h):
 * the frame's references are owned by the generator until rh_gen_clear_frame; while the frame runs
 * (RUNNING) its value stack belongs to the running loop, so only the locals are visited.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "callables.h"
#include "refheap/exc.h"
#include "refheap/gen.h"

typedef struct rh_genobj {
    rh_object ob;
    rh_object *weakreflist;
    rh_object *name, *qualname;  /* counted */
    rh_gen_frame f;
    void *side;                  /* the frame's words when they do not fit in the object (plain C memory) */
    size_t alloc;                /* bytes allocated (without the GC head) */
} rh_genobj;

static rh_genobj *as_gen(rh_object *o) { return (rh_genobj *)(void *)o; }

/* gen_sizeof / the allocation: PyObject_GC_NewVar(PyGenObject, type, nlocalsplus + stacksize) in 3.11+;
 * a fixed PyGenObject in 3.10 and 2.7 */
static size_t profile_size(rh_runtime *rt, rh_kind kind, int nlocals, int stacksize) {
    const rh_profile *p = rt->profile;
    /* 3.10's PyAsyncGenObject adds ag_finalizer and three ints to PyGenObject (24 bytes with padding);
     * 3.11 gives all three kinds one header (_PyGenObject_HEAD), so the sizes agree there */
    if (!p->gen_frame_inline)
        return p->gen_base + (kind == RH_K_COROUTINE ? p->coro_extra : kind == RH_K_ASYNC_GENERATOR ? 24 : 0);
    if (stacksize < p->gen_min_stack) stacksize = p->gen_min_stack;
    return p->gen_base + (size_t)(nlocals + stacksize) * sizeof(rh_object *);
}

/* The side words: a kept buffer of the size class when there is one (zeroed here), else calloc */
static size_t side_class(int nwords) { return nwords > 0 ? ((size_t)nwords - 1) / 8 : 0; }

static void *side_alloc(rh_runtime *rt, int nwords) {
    size_t c = side_class(nwords), words = nwords > 0 ? (size_t)nwords : 1;
    if (c >= RH_GEN_SIDE_CLASSES) return calloc(words, sizeof(rh_object *));
    rh_gen_side_cache *sc = &rt->gen_side;
    if (!sc->n[c]) return calloc((c + 1) * 8, sizeof(rh_object *));
    void *p = sc->buf[c][--sc->n[c]];
    memset(p, 0, words * sizeof(rh_object *));
    return p;
}

static void side_free(rh_runtime *rt, void *p, int nwords) {
    size_t c = side_class(nwords);
    rh_gen_side_cache *sc = &rt->gen_side;
    if (p && c < RH_GEN_SIDE_CLASSES && sc->n[c] < RH_GEN_SIDE_KEEP) sc->buf[c][sc->n[c]++] = p;
    else free(p);
}

void rh__gen_side_fini(rh_runtime *rt) {
    rh_gen_side_cache *sc = &rt->gen_side;
    for (size_t c = 0; c < RH_GEN_SIDE_CLASSES; c++)
        while (sc->n[c]) free(sc->buf[c][--sc->n[c]]);
}

rh_object *rh_gen_new(rh_runtime *rt, rh_kind kind, void *code, rh_object *func, rh_object *name,
                      rh_object *qualname, int nlocals, int stacksize, int nwords) {
    size_t size = profile_size(rt, kind, nlocals, stacksize);
    size_t alloc = size < sizeof(rh_genobj) ? sizeof(rh_genobj) : size;
    rh_genobj *g = (rh_genobj *)(void *)new_gc(rt, kind, alloc);
    if (!g) return NULL;
    g->alloc = alloc;
    size_t need = sizeof(rh_genobj) + (size_t)nwords * sizeof(rh_object *);
    if (need <= alloc) {
        g->f.words = (rh_object **)(void *)((char *)g + sizeof(rh_genobj));
    } else {
        g->side = side_alloc(rt, nwords);
        if (!g->side) {
            rh__object_free(rt, &g->ob, alloc);
            rh_err_nomemory(rt);
            return NULL;
        }
        g->f.words = g->side;
    }
    g->f.code = code;
    g->f.func = func;
    if (rt->profile->gen_frame_inline) {
        rh_incref(func);
    } else { /* 3.10/2.7: the frame holds the globals, not the function */
        g->f.globals = rh_func_globals(func);
        rh_xincref(g->f.globals);
    }
    g->name = name;
    rh_incref(name);
    g->qualname = qualname;
    rh_incref(qualname);
    g->f.nlocals = nlocals;
    g->f.nwords = nwords;
    g->f.framesize = nlocals + stacksize;
    g->f.state = RH_GEN_CREATED;
    rh__gc_track(rt, &g->ob);
    return &g->ob;
}

rh_gen_frame *rh_gen_frame_of(rh_object *gen) { return &as_gen(gen)->f; }
rh_object *rh_gen_name(rh_object *gen) { return as_gen(gen)->name; }
rh_object *rh_gen_qualname(rh_object *gen) { return as_gen(gen)->qualname; }

rh_object *rh_gen_frame_object(rh_runtime *rt, rh_object *gen) {
    rh_gen_frame *f = &as_gen(gen)->f;
    if (f->frame_obj) return f->frame_obj;
    if (f->state >= RH_GEN_COMPLETED || !f->func) return NULL;
    f->frame_obj = rh_frame_new(rt, gen, rh_func_code(f->func), as_gen(gen)->name, f->globals ? NULL : f->func,
                                f->globals ? f->globals : rh_func_globals(f->func), f->nlocals, f->framesize - f->nlocals);
    if (f->frame_obj) {
        rh_frame_set_lineno(f->frame_obj, f->lineno);
        rh_frame_set_gen(f->frame_obj, gen); /* f_locals / f_lasti read the generator while it is suspended */
    }
    return f->frame_obj;
}

void rh_gen_clear_frame(rh_runtime *rt, rh_object *gen) {
    rh_gen_frame *f = &as_gen(gen)->f;
    if (f->state == RH_GEN_CLEARED) return;
    int nlive = f->nlocals + (f->state == RH_GEN_SUSPENDED ? f->nstack : 0);
    f->state = RH_GEN_CLEARED;
    f->nstack = 0;
    rh_object *fo = f->frame_obj;
    if (fo) {
        f->frame_obj = NULL;
        rh_frame_set_lineno(fo, f->lineno);
        if (rh_refcount(fo) > 1) rh_frame_take_ownership(rt, fo, f->words, f->nlocals, NULL);
        rh_decref(rt, fo);
    }
    for (int i = 0; i < nlive; i++) {
        rh_object *v = f->words[i];
        f->words[i] = NULL;
        if (v && !((uintptr_t)v & 1u)) rh_decref(rt, v);
    }
    if (f->globals) clear_slot(rt, &f->globals);
    else clear_slot(rt, &f->func);
    f->func = NULL;
}

/* gen_traverse: the names, then the frame (_PyFrame_Traverse: frame object, function, locals and stack),
 * then the exception state */
static int gen_traverse(rh_object *o, rh_visitproc visit, void *arg) {
    rh_genobj *g = as_gen(o);
    VISIT(g->name);
    VISIT(g->qualname);
    if (g->f.state < RH_GEN_CLEARED) {
        VISIT(g->f.frame_obj);
        VISIT(g->f.globals ? g->f.globals : g->f.func);
        int nlive = g->f.nlocals + (g->f.state == RH_GEN_SUSPENDED ? g->f.nstack : 0);
        for (int i = 0; i < nlive; i++) {
            rh_object *v = g->f.words[i];
            if (v && !((uintptr_t)v & 1u)) VISIT(v);
        }
    }
    VISIT(g->f.exc_value);
    return 0;
}

/* _PyGen_Finalize: close a suspended (or, for a coroutine, warn about a never-started) frame through the
 * embedder; the hook reports its own failures as unraisable */
static void gen_finalize(rh_runtime *rt, rh_object *o) {
    rh_genobj *g = as_gen(o);
    if (g->f.state >= RH_GEN_COMPLETED || !rt->hooks.gen_resume) return;
    rh_object *r = rt->hooks.gen_resume(rt->hooks.ctx, rt, o, RH_GEN_RESUME_FINALIZE);
    rh_xdecref(rt, r);
}

/* PyObject_CallFinalizerFromDealloc: resurrected for the call, once per object (FINALIZED bit; 2.7's
 * gen_dealloc closes at every death, it has no such bit). 0: stays dead, -1: resurrected. */
static int finalize_from_dealloc(rh_runtime *rt, rh_object *o) {
    rh_gchead *gh = rh_as_gc(o);
    if (as_gen(o)->f.state >= RH_GEN_COMPLETED) return 0;
    o->refcnt = 1;
    if (rt->profile->legacy_finalizers || !(gh->gc_prev & RH_GC_PREV_FINALIZED)) {
        gen_finalize(rt, o);
        if (!rt->profile->legacy_finalizers) gh->gc_prev |= RH_GC_PREV_FINALIZED;
    }
    return --o->refcnt == 0 ? 0 : -1;
}

/* gen_dealloc */
static void gen_dealloc(rh_runtime *rt, rh_object *o) {
    rh_genobj *g = as_gen(o);
    rh__gc_untrack(rt, o);
    rh__weakref_clear_all(rt, o);
    rh__gc_track(rt, o);
    if (finalize_from_dealloc(rt, o) < 0) return; /* resurrected */
    rh__gc_untrack(rt, o);
    rh_gen_clear_frame(rt, o);
    clear_slot(rt, &g->name);
    clear_slot(rt, &g->qualname);
    clear_slot(rt, &g->f.exc_value);
    side_free(rt, g->side, g->f.nwords);
    rh__object_free(rt, o, g->alloc);
}

static size_t gen_size_of(rh_runtime *rt, rh_object *o) {
    rh_genobj *g = as_gen(o);
    return profile_size(rt, o->type->kind, g->f.nlocals, g->f.framesize - g->f.nlocals);
}

/* gen_repr / coro_repr */
static int gen_repr_into(rh__sb *b, rh_object *o) {
    rh_kind k = o->type->kind;
    return rh__sb_puts(b, k == RH_K_COROUTINE ? "<coroutine object "
                          : k == RH_K_ASYNC_GENERATOR ? "<async_generator object " : "<generator object ") ||
           put_name(b, as_gen(o)->qualname) || rh__sb_printf(b, " at %p>", (void *)o);
}

static rh_object *gen_iter(rh_runtime *rt, rh_object *o) {
    (void)rt;
    rh_incref(o);
    return o;
}

/* gen_iternext: the embedder resumes the frame with None */
static rh_object *gen_iternext(rh_runtime *rt, rh_object *o) {
    if (!rt->hooks.gen_resume) {
        rh_err_set(rt, RH_EXC_UNSUPPORTED, "generator without an embedder to run it");
        return NULL;
    }
    return rt->hooks.gen_resume(rt->hooks.ctx, rt, o, RH_GEN_RESUME_NEXT);
}

static void gen_type(rh_runtime *rt, rh_type *t, const char *name, int iterable) {
    set_type(t, name, sizeof(rh_genobj), offsetof(rh_genobj, weakreflist), gen_dealloc, gen_traverse, NULL);
    t->size_of = gen_size_of;
    t->repr_into = gen_repr_into;
    t->tp_finalize = gen_finalize;
    /* PEP 442 finalizer (3.4+); 2.7's generators have no tp_del the collector would refuse */
    if (!rt->profile->legacy_finalizers) t->flags |= RH_TPFLAG_HAS_DEL;
    if (iterable) {
        t->tp_iter = gen_iter;
        t->tp_iternext = gen_iternext;
    }
}

void rh__type_init_generator(rh_runtime *rt, rh_type *t) { gen_type(rt, t, "generator", 1); }
void rh__type_init_coroutine(rh_runtime *rt, rh_type *t) { gen_type(rt, t, "coroutine", 0); }
/* PyAsyncGen_Type: a generator's layout and finalization (without sys.set_asyncgen_hooks, which refheap
 * does not have, _PyGen_Finalize closes it as a generator); its methods are in the embedder (gen.c) */
void rh__type_init_async_generator(rh_runtime *rt, rh_type *t) { gen_type(rt, t, "async_generator", 0); }
