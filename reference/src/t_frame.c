/* t_frame.c — frame objects, made lazily as CPython 3.11's (Objects/frameobject.c: _PyFrame_New_NoTrack,
 * frame_dealloc, frame_tp_traverse, frame_tp_clear, frame_sizeof; Python/frame.c:
 * _PyFrame_MakeAndSetFrameObject, take_ownership).
 *
 * Owns: rh_frameobj objects. The embedder's executing frame (a plain C struct, like 3.11's
 * _PyInterpreterFrame) asks for a frame object only when something needs one — a traceback. Two states:
 *  - borrowed (owner != NULL): the code unit is running; its locals live in the owner, the frame object
 *    holds no reference to them, and it is not tracked by the collector;
 *  - owned (owner == NULL): the code unit finished while the frame object was still referenced; the
 *    locals, the function and the globals moved into it (take_ownership), f_back names the caller's
 *    frame object, and it is tracked.
 * A generator's or coroutine's frame object has a third state: suspended (gen != NULL, owner stale): the
 * generator holds it (gi_frame) and its locals live in the generator; the embedder reads them through
 * rh_frame_gen (f_locals, f_lasti) until the generator's frame is cleared, which hands the locals over
 * (take_ownership clears gen). f_trace (counted, NULL: None) is settable as frame_settrace's.
 * Size: the profile's frame_obj_base (the frame object's header and the copied _PyInterpreterFrame
 * fields) plus one word per local and per value-stack slot, allocated at creation as CPython does; the
 * locals are kept at frame_obj_base, their place in CPython's layout.
 *
 * Profiles with frame_per_call (3.10, 2.7) make a frame object for every call instead (rh_frame_acquire,
 * 3.10's frame_alloc): `slot` names the code unit's zombie slot, and a dead frame is parked rather than
 * freed (frame_park, 3.10's frame_dealloc): as the unit's zombie if it has none, else on the free list
 * (rt->fl.frame_head, at most RH_FRAME_FREELIST_MAX, cleared by full collections), else freed. A parked
 * frame holds no references except its name while it is a zombie (the same unit always has the same
 * name). Such a frame is allocated as CPython's PyObject_GC_NewVar(PyFrameObject, extras):
 * frame_obj_base + one word (f_localsplus[1] of sizeof(PyFrameObject)) + `cap` words, cap >= the
 * locals and stack of its current unit (a frame from the free list keeps a larger size).
 */
#include <stdlib.h>

#include "gc_internal.h"
#include "refheap/func.h"
#include "containers.h"
#include "scalars.h"

typedef struct rh_frameobj {
    rh_object ob;
    rh_object *f_back;     /* counted, NULL when none */
    void *owner;           /* the executing frame, NULL once owned */
    rh_object *name;       /* counted str: the code unit's name */
    rh_object *func;       /* borrowed while running; counted once owned (NULL: module/class body) */
    rh_object *globals;    /* likewise */
    rh_object **items;     /* the locals, inside this object (at frame_obj_base) */
    void *unit;            /* the embedder's code unit (f_code's source), borrowed: it outlives every frame */
    rh_object *gen;        /* the generator whose frame this is (borrowed: it holds this object), or NULL */
    rh_object *trace;      /* f_trace (counted), NULL: None */
    rh_frame_slot *slot;   /* frame_per_call: the zombie slot of its code unit; NULL: a lazy frame */
    int cap;               /* frame_per_call: item words allocated (Py_SIZE) */
    int nlocals, stacksize, lineno, lasti;
    int8_t owned;
    int8_t trace_lines, trace_opcodes; /* f_trace_lines (True at creation), f_trace_opcodes (3.7+) */
} rh_frameobj;

/* The fields live in front of the locals, at frame_obj_base: they must fit in the smallest profile's
 * (3.11/3.12: 120 bytes) */
_Static_assert(sizeof(rh_frameobj) <= 120, "rh_frameobj must fit in frame_obj_base");

static rh_frameobj *as_frame(rh_object *o) { return (rh_frameobj *)(void *)o; }

static size_t frame_bytes(rh_runtime *rt, int nlocals, int stacksize) {
    return rt->profile->frame_obj_base + (size_t)(nlocals + stacksize) * sizeof(rh_object *);
}

#define RH_FRAME_FREELIST_MAX 200 /* PyFrame_MAXFREELIST (3.10, 2.7) */

/* The bytes a frame holds: a per-call frame's PyObject_GC_NewVar size, else frame_sizeof's */
static size_t frame_alloc_bytes(rh_runtime *rt, const rh_frameobj *f) {
    if (f->slot) return rt->profile->frame_obj_base + (size_t)(f->cap + 1) * sizeof(rh_object *);
    return frame_bytes(rt, f->nlocals, f->stacksize);
}

/* The fields a frame object starts with, its allocation (slot, cap) and name kept */
static void frame_init(rh_runtime *rt, rh_frameobj *f, void *owner, void *unit, rh_object *func, rh_object *globals,
                       int nlocals, int stacksize) {
    f->owner = owner;
    f->unit = unit;
    f->func = func;
    f->globals = globals;
    f->items = (rh_object **)(void *)((char *)&f->ob + rt->profile->frame_obj_base);
    f->nlocals = nlocals;
    f->stacksize = stacksize;
    f->lasti = -1;
    f->trace_lines = 1;
}

rh_object *rh_frame_new(rh_runtime *rt, void *owner, void *unit, rh_object *name, rh_object *func,
                        rh_object *globals, int nlocals, int stacksize) {
    size_t size = frame_bytes(rt, nlocals, stacksize);
    rh_assert(sizeof(rh_frameobj) <= rt->profile->frame_obj_base);
    rh_object *o = rh__object_alloc(rt, rh__builtin(rt, RH_K_FRAME), size);
    if (!o) return NULL;
    memset((char *)o + sizeof(rh_object), 0, size - sizeof(rh_object));
    rh_frameobj *f = as_frame(o);
    rh_incref(name);
    f->name = name;
    frame_init(rt, f, owner, unit, func, globals, nlocals, stacksize);
    return o; /* untracked: _PyFrame_New_NoTrack */
}

/* Add slot to the runtime's list (once); -1 when the list cannot grow (the frame is then not parked there) */
static int register_slot(rh_runtime *rt, rh_frame_slot *slot) {
    rh_freelists *fl = &rt->fl;
    if (slot->registered) return 0;
    if (fl->frame_slots_n == fl->frame_slots_cap) {
        size_t cap = fl->frame_slots_cap ? 2 * fl->frame_slots_cap : 64;
        rh_frame_slot **p = realloc(fl->frame_slots, cap * sizeof *p);
        if (!p) return -1;
        fl->frame_slots = p;
        fl->frame_slots_cap = cap;
    }
    fl->frame_slots[fl->frame_slots_n++] = slot;
    slot->registered = 1;
    return 0;
}

/* A parked frame (zombie or free list) made live again: uncounted by the collector, as _Py_NewReference */
static rh_object *frame_unpark(rh_runtime *rt, rh_object *o) {
    rh__object_reuse(rt, o, rh__builtin(rt, RH_K_FRAME));
    return o;
}

/* The free list's head, grown to `extras` words if it is smaller (PyObject_GC_Resize), or NULL when the list
 * is empty or the resize fails (then the frame is freed and MemoryError is set: *failed) */
static rh_object *freelist_pop(rh_runtime *rt, int extras, int *failed) {
    rh_object *o = rt->fl.frame_head;
    if (!o) return NULL;
    rh_frameobj *f = as_frame(o);
    rt->fl.frame_head = f->f_back;
    rt->fl.frame_n--;
    f->f_back = NULL;
    if (f->cap < extras) {
        size_t pre = rh_presize(rt, o->type), old = frame_alloc_bytes(rt, f);
        size_t want = rt->profile->frame_obj_base + (size_t)(extras + 1) * sizeof(rh_object *);
        char *p = rh_mem_realloc(rt, (char *)o - pre, pre + old, pre + want);
        if (!p) {
            rh__release_parked(rt, o, old);
            *failed = 1;
            return NULL;
        }
        o = (rh_object *)(void *)(p + pre);
        as_frame(o)->cap = extras;
    }
    return frame_unpark(rt, o);
}

rh_object *rh_frame_acquire(rh_runtime *rt, rh_frame_slot *slot, void *owner, void *unit, rh_object *name,
                            rh_object *func, rh_object *globals, rh_object *back, int nlocals, int stacksize) {
    int extras = nlocals + stacksize, failed = 0;
    rh_object *o = slot->zombie;
    if (o) {
        slot->zombie = NULL;
        frame_unpark(rt, o);
    } else if (!(o = freelist_pop(rt, extras, &failed))) {
        if (failed) return NULL;
        size_t size = rt->profile->frame_obj_base + (size_t)(extras + 1) * sizeof(rh_object *);
        rh_assert(sizeof(rh_frameobj) <= rt->profile->frame_obj_base);
        o = rh__object_alloc(rt, rh__builtin(rt, RH_K_FRAME), size);
        if (!o) return NULL;
        memset((char *)o + sizeof(rh_object), 0, sizeof(rh_frameobj) - sizeof(rh_object));
        as_frame(o)->cap = extras;
    }
    rh_frameobj *f = as_frame(o);
    f->slot = slot;
    if (name && f->name != name) { /* NULL: a zombie keeps its name */
        rh_incref(name);
        rh_setref(rt, &f->name, name);
    }
    frame_init(rt, f, owner, unit, func, globals, nlocals, stacksize);
    memset(f->items, 0, (size_t)extras * sizeof(rh_object *));
    rh_xincref(back);
    f->f_back = back;
    if (rt->profile->frame_track_new) rh__gc_track(rt, o); /* 2.7's PyFrame_New */
    return o;
}

void rh_frame_set_back(rh_runtime *rt, rh_object *f, rh_object *back) {
    rh_xincref(back);
    rh_setref(rt, &as_frame(f)->f_back, back);
}

void rh_frame_give_to_gen(rh_runtime *rt, rh_object *o, rh_object *gen) {
    rh_frameobj *f = as_frame(o);
    rh_setref(rt, &f->f_back, NULL);
    f->owner = gen;
    f->gen = gen;
    if (!rh__gc_is_tracked(o)) rh__gc_track(rt, o);
}

/* frame_dealloc's end under frame_per_call: the dead frame (contents released, untracked) becomes its
 * unit's zombie, else joins the free list, else is freed */
static void frame_park(rh_runtime *rt, rh_object *o) {
    rh_frameobj *f = as_frame(o);
    rh_frame_slot *slot = f->slot;
    f->owner = f->gen = NULL;
    f->func = f->globals = NULL;
    f->owned = 0;
    if (!slot->zombie && register_slot(rt, slot) == 0) {
        slot->zombie = o;
        rh__object_to_freelist(rt, o);
        return;
    }
    rh_setref(rt, &f->name, NULL);
    if (rt->fl.frame_n < RH_FRAME_FREELIST_MAX) {
        f->f_back = rt->fl.frame_head;
        rt->fl.frame_head = o;
        rt->fl.frame_n++;
        rh__object_to_freelist(rt, o);
        return;
    }
    rh__object_free(rt, o, frame_alloc_bytes(rt, f));
}

/* _PyFrame_ClearFreeList: PyObject_GC_Del of every frame on the free list */
void rh__frame_freelist_clear(rh_runtime *rt) {
    while (rt->fl.frame_head) {
        rh_object *o = rt->fl.frame_head;
        rt->fl.frame_head = as_frame(o)->f_back;
        rt->fl.frame_n--;
        rh__release_parked(rt, o, frame_alloc_bytes(rt, as_frame(o)));
    }
}

/* code_dealloc's PyObject_GC_Del(co->co_zombieframe), for every unit at once when the runtime goes */
void rh__frame_zombies_fini(rh_runtime *rt) {
    rh_freelists *fl = &rt->fl;
    for (size_t i = 0; i < fl->frame_slots_n; i++) {
        rh_frame_slot *slot = fl->frame_slots[i];
        rh_object *o = slot->zombie;
        slot->zombie = NULL;
        slot->registered = 0;
        if (!o) continue;
        rh_setref(rt, &as_frame(o)->name, NULL);
        rh__release_parked(rt, o, frame_alloc_bytes(rt, as_frame(o)));
    }
    free(fl->frame_slots);
    fl->frame_slots = NULL;
    fl->frame_slots_n = fl->frame_slots_cap = 0;
}

void *rh_frame_owner(rh_object *f) { return as_frame(f)->owner; }
rh_object *rh_frame_name(rh_object *f) { return as_frame(f)->name; }
void *rh_frame_unit(rh_object *f) { return as_frame(f)->unit; }
rh_object *rh_frame_local(rh_object *f, int i) {
    return as_frame(f)->owned && i >= 0 && i < as_frame(f)->nlocals ? as_frame(f)->items[i] : NULL;
}
rh_object *rh_frame_back(rh_object *f) { return as_frame(f)->f_back; }
rh_object *rh_frame_globals(rh_object *f) { return as_frame(f)->globals; }
int rh_frame_lineno(rh_object *f) { return as_frame(f)->lineno; }
void rh_frame_set_lineno(rh_object *f, int lineno) { as_frame(f)->lineno = lineno; }
rh_object *rh_frame_gen(rh_object *f) { return as_frame(f)->gen; }
void rh_frame_set_gen(rh_object *f, rh_object *gen) { as_frame(f)->gen = gen; }
int rh_frame_owned(rh_object *f) { return as_frame(f)->owned; }
int rh_frame_lasti(rh_object *f) { return as_frame(f)->lasti; }
void rh_frame_set_lasti(rh_object *f, int lasti) { as_frame(f)->lasti = lasti; }
rh_object *rh_frame_trace(rh_object *f) { return as_frame(f)->trace; }
void rh_frame_set_trace_flag(rh_object *f, int opcodes, int v) {
    if (opcodes) as_frame(f)->trace_opcodes = (int8_t)(v != 0);
    else as_frame(f)->trace_lines = (int8_t)(v != 0);
}
void rh_frame_set_trace(rh_runtime *rt, rh_object *f, rh_object *v) {
    rh_xincref(v);
    rh_setref(rt, &as_frame(f)->trace, v);
}

/* frame.clear() (frame_tp_clear through frame_clear, 3.11): an owned frame drops its locals and f_trace;
 * a suspended generator's frame closes the generator first (the embedder's part), then is cleared like
 * the generator's frame. 0 or -1. */
int rh_frame_clear_locals(rh_runtime *rt, rh_object *o) {
    rh_frameobj *f = as_frame(o);
    rh_setref(rt, &f->trace, NULL);
    if (!f->owned) return 0;
    for (int i = 0; i < f->nlocals; i++) rh_setref(rt, &f->items[i], NULL);
    return 0;
}

void rh_frame_take_ownership(rh_runtime *rt, rh_object *o, rh_object **locals, int nlocals, rh_object *back) {
    rh_frameobj *f = as_frame(o);
    rh_assert(!f->owned && nlocals <= f->nlocals);
    for (int i = 0; i < nlocals; i++) {
        f->items[i] = locals[i];
        locals[i] = NULL;
    }
    rh_xincref(f->func);
    rh_xincref(f->globals);
    if (!f->f_back) { /* a per-call frame has kept its caller since it was made */
        rh_xincref(back);
        f->f_back = back;
    }
    f->owner = NULL;
    f->gen = NULL;
    f->owned = 1;
    if (!rh__gc_is_tracked(o)) rh__gc_track(rt, o);
}

/* frame_tp_clear: f_trace and the locals (not f_back, not the function) */
static int frame_clear(rh_runtime *rt, rh_object *o) { return rh_frame_clear_locals(rt, o); }

static void frame_dealloc(rh_runtime *rt, rh_object *o) {
    rh_frameobj *f = as_frame(o);
    if (rh__gc_is_tracked(o)) rh__gc_untrack(rt, o);
    if (rh__trash_begin(rt, o)) return;
    if (f->owned) { /* _PyFrame_Clear of the data the frame object owns: locals, then function */
        frame_clear(rt, o);
        rh_setref(rt, &f->func, NULL);
        rh_setref(rt, &f->globals, NULL);
    }
    rh_setref(rt, &f->trace, NULL);
    rh_setref(rt, &f->f_back, NULL);
    if (f->slot) frame_park(rt, o);
    else {
        rh_setref(rt, &f->name, NULL);
        rh__object_free(rt, o, frame_bytes(rt, f->nlocals, f->stacksize));
    }
    rh__trash_end(rt);
}

static int frame_traverse(rh_object *o, rh_visitproc visit, void *arg) {
    rh_frameobj *f = as_frame(o);
    int r;
    if (f->f_back && (r = visit(f->f_back, arg))) return r;
    if (f->trace && (r = visit(f->trace, arg))) return r;
    if (!f->owned) return 0;
    if (f->globals && (r = visit(f->globals, arg))) return r;
    if (f->func && (r = visit(f->func, arg))) return r;
    for (int i = 0; i < f->nlocals; i++)
        if (f->items[i] && (r = visit(f->items[i], arg))) return r;
    return 0;
}

static size_t frame_size_of(rh_runtime *rt, rh_object *o) {
    return frame_bytes(rt, as_frame(o)->nlocals, as_frame(o)->stacksize);
}

static rh_object *frame_getattro(rh_runtime *rt, rh_object *o, rh_object *name) {
    rh_frameobj *f = as_frame(o);
    const char *s = rh_str_utf8(rt, name, NULL);
    rh_object *v = NULL;
    if (s && strcmp(s, "f_back") == 0) v = f->f_back ? f->f_back : rh_none(rt);
    else if (s && strcmp(s, "f_globals") == 0 && f->globals) v = f->globals;
    else if (s && strcmp(s, "f_lineno") == 0) return rh_int_from_i64(rt, f->lineno);
    else if (s && strcmp(s, "f_lasti") == 0) return rh_int_from_i64(rt, f->lasti < 0 ? -1 : 2 * (int64_t)f->lasti);
    else if (s && strcmp(s, "f_trace") == 0) v = f->trace ? f->trace : rh_none(rt);
    else if (s && !rt->profile->python2 && strcmp(s, "f_trace_lines") == 0) v = f->trace_lines ? rh_true(rt) : rh_false(rt);
    else if (s && !rt->profile->python2 && strcmp(s, "f_trace_opcodes") == 0) v = f->trace_opcodes ? rh_true(rt) : rh_false(rt);
    if (v) {
        rh_incref(v);
        return v;
    }
    rh_err_set(rt, RH_EXC_ATTRIBUTE, "'frame' object has no attribute '%s'", s ? s : "?");
    return NULL;
}

/* frame_repr (3.11; 2.7 has none: object's default repr): <frame at 0x..., file 'F', line N, code NAME>. The line and the file are the
 * embedder's (a running frame's line moves; co_filename is its code object's), asked through the
 * getattr hook as f_lineno and f_code; without one, the line last recorded and '?' */
static int frame_repr_into(rh__sb *b, rh_object *o) {
    rh_runtime *rt = b->rt;
    rh_frameobj *f = as_frame(o);
    int64_t line = f->lineno;
    rh_object *code = NULL, *ln = NULL;
    if (rt->profile->python2) return rh__sb_printf(b, "<frame object at %p>", (void *)o); /* 2.7: object_repr */
    if (rt->hooks.getattr) {
        rh_object *nl = rh_str_intern_utf8(rt, "f_lineno", 8), *nc = nl ? rh_str_intern_utf8(rt, "f_code", 6) : NULL;
        ln = nc ? rt->hooks.getattr(rt->hooks.ctx, rt, o, nl) : NULL;
        code = ln ? rt->hooks.getattr(rt->hooks.ctx, rt, o, nc) : NULL;
        rh_xdecref(rt, nl);
        rh_xdecref(rt, nc);
        if (!code) {
            rh_xdecref(rt, ln);
            return -1;
        }
        if (rh_kind_of(ln) == RH_K_INT && rh_int_as_i64(rt, ln, &line) != 0) rh_err_clear(rt);
        rh_decref(rt, ln);
    }
    rh_object *file = code && rh_kind_of(code) == RH_K_CODE ? rh_code_filename(code) : NULL;
    int r = rh__sb_printf(b, "<frame at %p, file ", (void *)o);
    if (!r) r = file && rh_kind_of(file) == RH_K_STR ? rh__sb_put_str_repr(b, file, 0) : rh__sb_puts(b, "'?'");
    if (!r) r = rh__sb_printf(b, ", line %lld, code ", (long long)line);
    if (!r) r = rh__sb_put_str(b, f->name);
    if (!r) r = rh__sb_puts(b, ">");
    rh_xdecref(rt, code);
    return r;
}

void rh__type_init_frame(rh_runtime *rt, rh_type *t) {
    (void)rt;
    t->name = "frame";
    t->flags = RH_TPFLAG_GC;
    t->basicsize = sizeof(rh_frameobj);
    t->dealloc = frame_dealloc;
    t->traverse = frame_traverse;
    t->clear = frame_clear;
    t->size_of = frame_size_of;
    t->tp_getattro = frame_getattro;
    t->repr_into = frame_repr_into;
}
