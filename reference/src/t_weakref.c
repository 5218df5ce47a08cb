/* t_weakref.c — weakref.ref: the type (PyWeakReference of 3.11: 64 bytes + 16-byte GC head, so
 * sys.getsizeof 80), the per-object weakref lists, clearing at the referent's death with callbacks in
 * CPython's order (Objects/weakrefobject.c: weakref___new__, clear_weakref, _PyWeakref_ClearRef,
 * PyObject_ClearWeakRefs, handle_callback, weakref_getweakrefs).
 *
 * Also weakref.ProxyType and weakref.CallableProxyType (_weakref.proxy: PyWeakref_NewProxy, proxy_repr,
 * proxy_call), the same object under other types, and instances of classes deriving from weakref.ref
 * (weakref___new__ for a subtype: the struct followed by the class's words, freed at the class's size).
 * Owns: rh_weakref objects and the list each weakrefable object keeps at type->weaklistoffset.
 * Invariants, in prose:
 *  - a live weakref (wr_object != None) is on exactly its referent's list, doubly linked through
 *    wr_prev/wr_next, and the list head is the referent's slot; a dead one is on no list and has
 *    wr_prev = wr_next = NULL;
 *  - at most one callback-less ref of the exact type exists per referent and it is the list head
 *    (get_basic_refs), so weakref.ref(o) without a callback returns it again; refs with callbacks and
 *    instances of ref's subclasses are inserted right after it (or at the head), so callbacks run newest
 *    first;
 *  - wr_object is borrowed (a weakref never keeps its referent alive); wr_callback is counted;
 *  - weakref objects are always GC-tracked while alive (the collector moves them between lists).
 * Design: docs/gc.md §Weak references.
 */
#include "gc_internal.h"
#include "scalars.h"

_Static_assert(sizeof(rh_weakref) == 56, "PyWeakReference up to wr_next is 56 bytes (3.11 adds vectorcall)");

/* ---------------------------------------------------------------- list operations */

/* clear_weakref: unlink self from its referent's list and drop its callback. */
static void clear_weakref(rh_runtime *rt, rh_weakref *self) {
    rh_object *none = rh_none(rt);
    if (self->wr_object != none) {
        rh_weakref **list = rh__weakref_listptr(self->wr_object);
        if (*list == self) *list = self->wr_next;
        self->wr_object = none;
        if (self->wr_prev) self->wr_prev->wr_next = self->wr_next;
        if (self->wr_next) self->wr_next->wr_prev = self->wr_prev;
        self->wr_prev = self->wr_next = NULL;
    }
    rh_object *cb = self->wr_callback;
    if (cb) {
        self->wr_callback = NULL;
        rh_decref(rt, cb);
    }
}

void rh__weakref_clear_ref(rh_runtime *rt, rh_weakref *wr) {
    rh_object *cb = wr->wr_callback;
    wr->wr_callback = NULL;
    clear_weakref(rt, wr);
    wr->wr_callback = cb;
}

static void insert_head(rh_weakref *w, rh_weakref **list) {
    rh_weakref *next = *list;
    w->wr_prev = NULL;
    w->wr_next = next;
    if (next) next->wr_prev = w;
    *list = w;
}

static void insert_after(rh_weakref *w, rh_weakref *prev) {
    w->wr_prev = prev;
    w->wr_next = prev->wr_next;
    if (prev->wr_next) prev->wr_next->wr_prev = w;
    prev->wr_next = w;
}

/* get_basic_refs: the callback-less ref at the head (*ref) and the callback-less proxy right after it or
 * at the head (*proxy), each NULL when absent. */
static int is_exact(const rh_weakref *w, rh_kind k) {
    return w->ob.type->kind == k && !(w->ob.type->flags & RH_TPFLAG_HEAPTYPE); /* PyWeakref_CheckRefExact */
}
static void basic_refs(rh_weakref *head, rh_weakref **ref, rh_weakref **proxy) {
    *ref = *proxy = NULL;
    if (!head || head->wr_callback) return;
    if (is_exact(head, RH_K_WEAKREF)) {
        *ref = head;
        head = head->wr_next;
    }
    if (head && !head->wr_callback && head->ob.type->kind == RH_K_WEAKPROXY) *proxy = head;
}
static rh_weakref *basic_ref(rh_weakref *head) {
    rh_weakref *ref, *proxy;
    basic_refs(head, &ref, &proxy);
    return ref;
}

static int64_t list_length(const rh_weakref *w) {
    int64_t n = 0;
    for (; w; w = w->wr_next) n++;
    return n;
}

/* ---------------------------------------------------------------- the type */

static void weakref_dealloc(rh_runtime *rt, rh_object *o) {
    rh__gc_untrack(rt, o);
    clear_weakref(rt, (rh_weakref *)o);
    rh__object_free(rt, o, o->type->basicsize); /* a class's instance: the struct plus its slots */
}

static int weakref_traverse(rh_object *o, rh_visitproc visit, void *arg) {
    rh_object *cb = ((rh_weakref *)o)->wr_callback;
    return cb ? visit(cb, arg) : 0;
}

static int weakref_clear(rh_runtime *rt, rh_object *o) {
    clear_weakref(rt, (rh_weakref *)o);
    return 0;
}

/* __name__ of a weakref's referent, when it has one (weakref_repr adds " (name)") */
static int put_name(rh__sb *b, rh_object *name) {
    return name && name->type->kind == RH_K_STR ? rh__sb_put_str(b, name) : rh__sb_putc(b, '?');
}
static int referent_name(rh__sb *b, rh_object *o) {
    switch (o->type->kind) {
    case RH_K_FUNCTION: return rh__sb_printf(b, " (") || put_name(b, rh_func_name(o)) || rh__sb_putc(b, ')');
    case RH_K_TYPE: return rh__sb_printf(b, " (%s)", ((rh_type *)o)->name);
    case RH_K_BUILTIN: return rh__sb_printf(b, " (%s)", rh_builtin_get_def(o)->name);
    case RH_K_MODULE: return rh__sb_printf(b, " (") || put_name(b, rh_module_name(o)) || rh__sb_putc(b, ')');
    default: return 0;
    }
}

/* Py_TYPE(referent)->tp_name: 2.7's classic instances are of PyInstance_Type ("instance"), classic classes
 * of PyClass_Type ("classobj") */
static const char *referent_type_name(rh_object *r) {
    if (r->type->flags & RH_TPFLAG_CLASSIC) return "instance";
    if (r->type->kind == RH_K_TYPE && (((const rh_type *)(const void *)r)->flags & RH_TPFLAG_CLASSIC)) return "classobj";
    return rh_type_name(r);
}

/* weakref_repr (3.11): "<weakref at P; to 'T' at Q (name)>", or "<weakref at P; dead>" */
static int weakref_repr_into(rh__sb *b, rh_object *o) {
    const void *p = o;
    rh_object *r = rh_weakref_get(b->rt, o);
    if (!r || r->type->kind == RH_K_NONE) return rh__sb_printf(b, "<weakref at %p; dead>", p);
    return rh__sb_printf(b, "<weakref at %p; to '%s' at %p", p, referent_type_name(r), (void *)r) ||
           referent_name(b, r) || rh__sb_putc(b, '>') ? -1 : 0;
}

/* weakref_hash: the referent's hash, kept once computed; TypeError once the referent is gone */
static int64_t weakref_hash(rh_runtime *rt, rh_object *o) {
    rh_weakref *w = (rh_weakref *)o;
    if (w->hash != -1) return w->hash;
    rh_object *obj = rh_weakref_get(rt, o);
    if (obj == rh_none(rt)) {
        rh_err_set(rt, RH_EXC_TYPE, "weak object has gone away");
        return -1;
    }
    int64_t h;
    rh_incref(obj);
    int rc = rh_hash(rt, obj, &h);
    rh_decref(rt, obj);
    if (rc < 0) return -1;
    w->hash = h;
    return h;
}

/* weakref_richcompare: == and != compare the referents while both live, else identity */
static rh_object *weakref_richcompare(rh_runtime *rt, rh_object *a, rh_object *b, int op) {
    if ((op != RH_CMP_EQ && op != RH_CMP_NE) || a->type->kind != RH_K_WEAKREF || b->type->kind != RH_K_WEAKREF)
        return rh__notimpl(rt);
    rh_object *x = rh_weakref_get(rt, a), *y = rh_weakref_get(rt, b);
    if (x == rh_none(rt) || y == rh_none(rt)) return rh_bool(rt, (a == b) == (op == RH_CMP_EQ));
    rh_incref(x);
    rh_incref(y);
    rh_object *r = rh__richcompare(rt, x, y, op);
    rh_decref(rt, x);
    rh_decref(rt, y);
    return r;
}

/* The PyWeakReference layout and lifetime slots, shared by references and proxies */
static void weakref_layout(rh_runtime *rt, rh_type *t, const char *name, rh_kind kind, unsigned flags) {
    t->name = name;
    t->kind = kind;
    t->flags = flags;
    t->basicsize = rt->profile->weakref_size; /* sizeof(PyWeakReference): 56, 64 with 3.11's vectorcall */
    t->itemsize = 0;
    t->weaklistoffset = 0;
    t->dealloc = weakref_dealloc;
    t->traverse = weakref_traverse;
    t->clear = weakref_clear;
    t->size_of = NULL;
    t->tp_repr = rh__repr_by_builder;
}

void rh__type_init_weakref(rh_runtime *rt, rh_type *t) {
    /* 2.7: _PyWeakref_RefType is named "weakref" */
    weakref_layout(rt, t, rt->profile->python2 ? "weakref" : "weakref.ReferenceType", RH_K_WEAKREF,
                   RH_TPFLAG_GC | RH_TPFLAG_BASETYPE);
    t->repr_into = weakref_repr_into;
    t->tp_hash = weakref_hash;
    t->tp_richcompare = weakref_richcompare;
}

/* proxy_repr (Objects/weakrefobject.c, 3.11): "<weakproxy at P to T at Q>"; a dead proxy names NoneType */
static int weakproxy_repr_into(rh__sb *b, rh_object *o) {
    rh_object *r = rh_weakref_get(b->rt, o);
    return rh__sb_printf(b, "<weakproxy at %p to %s at %p>", (const void *)o, referent_type_name(r), (void *)r);
}

/* proxy_str: UNWRAP (ReferenceError once the referent is gone), then str() of the referent */
static rh_object *weakproxy_str(rh_runtime *rt, rh_object *self) {
    rh_object *r = rh_weakref_get(rt, self);
    if (r == rh_none(rt)) {
        rh_err_set(rt, RH_EXC_REFERENCE, "weakly-referenced object no longer exists");
        return NULL;
    }
    rh_incref(r);
    rh_object *res = rh_str(rt, r);
    rh_decref(rt, r);
    return res;
}

/* _PyWeakref_ProxyType: the same PyWeakReference layout (80 bytes with the GC head), no hash
 * ("unhashable type: 'weakref.ProxyType'"), not a base type. Attribute access through the proxy is the
 * interpreter's (harness/src/interp.c: proxy_getattr / proxy_setattr forward to the referent). */
void rh__type_init_weakproxy(rh_runtime *rt, rh_type *t) {
    (void)rt;
    weakref_layout(rt, t, "weakref.ProxyType", RH_K_WEAKPROXY, RH_TPFLAG_GC);
    t->repr_into = weakproxy_repr_into;
    t->tp_str = weakproxy_str;
    t->tp_hash = rh__hash_not_implemented;
}

/* proxy_call (_PyWeakref_CallableProxyType's tp_call): UNWRAP, then the referent called with the arguments */
static rh_object *weakcallproxy_call(rh_runtime *rt, rh_object *self, rh_object *const *args, size_t nargs) {
    rh_object *r = rh_weakref_get(rt, self);
    if (r == rh_none(rt)) {
        rh_err_set(rt, RH_EXC_REFERENCE, "weakly-referenced object no longer exists");
        return NULL;
    }
    rh_incref(r);
    rh_object *res = rh_call_object(rt, r, args, nargs);
    rh_decref(rt, r);
    return res;
}

rh_type *rh_weakcallproxy_type(rh_runtime *rt) { return &rt->statics->weakcallproxy_type.t; }

/* _PyWeakref_CallableProxyType: ProxyType's layout and slots under its own name, callable */
void rh__weakcallproxy_init(rh_runtime *rt) {
    rh_type *t = rh_weakcallproxy_type(rt);
    *t = *rh_builtin_type(rt, RH_K_WEAKPROXY);
    t->weaklist = NULL;
    t->name = "weakref.CallableProxyType";
    t->tp_call = weakcallproxy_call;
}

/* The type table may not list weakref (types.c); initialise it on first use then. */
static rh_type *weakref_type(rh_runtime *rt) {
    rh_type *t = rh_builtin_type(rt, RH_K_WEAKREF);
    if (t->traverse != weakref_traverse) rh__type_init_weakref(rt, t);
    return t;
}

/* ---------------------------------------------------------------- creation and queries */

/* tp_alloc + init_weakref: a tracked weakref to ob (borrowed) with callback (may be NULL), of type's
 * basicsize when a class derives from the type (its own words zeroed: its slots start empty). The
 * allocation may run a collection, so the caller re-reads the referent's list afterwards. */
static rh_weakref *new_weakref_of(rh_runtime *rt, rh_type *type, rh_object *ob, rh_object *callback) {
    size_t size = type->basicsize; /* weakref_layout's, or a class's larger one (weakref_dealloc frees it) */
    rh_weakref *w = (rh_weakref *)rh__object_alloc(rt, type, size);
    if (!w) return NULL;
    if (size > sizeof(rh_weakref)) memset((char *)w + sizeof(rh_weakref), 0, size - sizeof(rh_weakref));
    w->hash = -1;
    w->wr_object = ob;
    w->wr_prev = w->wr_next = NULL;
    w->wr_callback = callback;
    rh_xincref(callback);
    rh__gc_track(rt, &w->ob);
    return w;
}


/* weakref___new__ for type (weakref.ref itself or a class deriving from it): only a callback-less ref of
 * the exact type is shared and goes at the head; any other (a callback, or a subclass's instance) goes after
 * the basic proxy, else after the basic ref, else at the head. A subclass's instance is the struct plus the
 * class's own words (zeroed: its slots start empty), tp_alloc's size being the class's basicsize. */
static rh_object *weakref_new_of(rh_runtime *rt, rh_type *type, rh_object *o, rh_object *callback) {
    rh_weakref **list = rh__weakref_listptr(o);
    if (!list) {
        rh_err_set(rt, RH_EXC_TYPE, "cannot create weak reference to '%s' object", o->type->name);
        return NULL;
    }
    if (callback == rh_none(rt)) callback = NULL;
    int exact = !(type->flags & RH_TPFLAG_HEAPTYPE);
    rh_weakref *ref = basic_ref(*list);
    if (!callback && exact && ref) { /* re-use the existing callback-less reference */
        rh_incref(&ref->ob);
        return &ref->ob;
    }
    rh_weakref *self = new_weakref_of(rt, type, o, callback);
    if (!self) return NULL;
    list = rh__weakref_listptr(o); /* the allocation may have run a collection: read the list again */
    if (!callback && exact) {
        insert_head(self, list);
    } else {
        rh_weakref *proxy;
        basic_refs(*list, &ref, &proxy);
        rh_weakref *prev = proxy ? proxy : ref;
        if (prev) insert_after(self, prev);
        else insert_head(self, list);
    }
    return &self->ob;
}

rh_object *rh_weakref_new(rh_runtime *rt, rh_object *o, rh_object *callback) {
    return weakref_new_of(rt, weakref_type(rt), o, callback);
}

rh_object *rh_weakref_new_type(rh_runtime *rt, rh_object *type, rh_object *o, rh_object *callback) {
    rh_type *t = (rh_type *)(void *)type;
    if (t->kind != RH_K_WEAKREF || t->basicsize < sizeof(rh_weakref)) {
        rh_err_set(rt, RH_EXC_TYPE, "%s is not a subtype of weakref.ReferenceType", t->name);
        return NULL;
    }
    if (!(t->flags & RH_TPFLAG_HEAPTYPE)) t = weakref_type(rt);
    return weakref_new_of(rt, t, o, callback);
}

/* PyWeakref_NewProxy: the callback-less proxy is shared; a new one goes after the basic ref (no callback)
 * or after the basic proxy, else the basic ref (with one). A proxy to a callable referent is a
 * CallableProxyType (PyWeakref_NewProxy's PyCallable_Check). */
rh_object *rh_weakproxy_new(rh_runtime *rt, rh_object *o, rh_object *callback) {
    rh_weakref **list = rh__weakref_listptr(o);
    if (!list) {
        rh_err_set(rt, RH_EXC_TYPE, "cannot create weak reference to '%s' object", o->type->name);
        return NULL;
    }
    if (callback == rh_none(rt)) callback = NULL;
    rh_weakref *ref, *proxy;
    basic_refs(*list, &ref, &proxy);
    if (!callback && proxy) {
        rh_incref(&proxy->ob);
        return &proxy->ob;
    }
    int callable = o->type->tp_call || o->type->kind == RH_K_WEAKREF; /* PyCallable_Check */
    rh_type *type = callable ? rh_weakcallproxy_type(rt) : rh_builtin_type(rt, RH_K_WEAKPROXY);
    rh_weakref *self = new_weakref_of(rt, type, o, callback);
    if (!self) return NULL;
    basic_refs(*list, &ref, &proxy); /* the allocation may have run a collection */
    rh_weakref *prev = callback ? (proxy ? proxy : ref) : ref;
    if (prev) insert_after(self, prev);
    else insert_head(self, list);
    return &self->ob;
}

/* PyWeakref_GET_OBJECT: the referent while its refcount is positive, else None. */
rh_object *rh_weakref_get(rh_runtime *rt, rh_object *ref) {
    rh_weakref *w = (rh_weakref *)ref;
    return w->wr_object->refcnt > 0 ? w->wr_object : rh_none(rt);
}

/* weakref.__callback__: the callback, or None (none given, or already called / cleared). */
rh_object *rh_weakref_callback(rh_runtime *rt, rh_object *ref) {
    rh_weakref *w = (rh_weakref *)ref;
    return w->wr_callback ? w->wr_callback : rh_none(rt);
}

int64_t rh_weakref_count(rh_object *o) {
    rh_weakref **list = rh__weakref_listptr(o);
    return list ? list_length(*list) : 0;
}

rh_object *rh_weakref_list(rh_runtime *rt, rh_object *o) {
    rh_weakref **list = rh__weakref_listptr(o);
    int64_t n = list ? list_length(*list) : 0;
    rh_object *result = rh_list_new(rt, (size_t)n);
    if (!result) return NULL;
    rh_weakref *cur = list ? *list : NULL;
    for (int64_t i = 0; i < n; i++) {
        /* the allocation above may have collected some refs: pad with None then */
        rh_object *item = cur ? &cur->ob : rh_none(rt);
        rh_incref(item);
        rh_list_set_init(result, (size_t)i, item);
        if (cur) cur = cur->wr_next;
    }
    return result;
}

/* ---------------------------------------------------------------- callbacks and clearing */

/* handle_callback: callback(ref) through PyObject_CallOneArg, so no argument tuple is made (none counted
 * by gc.get_count); an error is reported as unraisable */
void rh__weakref_run_callback(rh_runtime *rt, rh_weakref *wr, rh_object *cb) {
    if (rh__gc_call1(rt, cb, &wr->ob) < 0 || rh_err_occurred(rt)) rh_err_write_unraisable(rt, cb);
}

/* Several refs with callbacks (3.13: one or more): detach them all first, then call the callbacks of those
 * still alive, head first, with (ref, callback) pairs parked in a tuple as CPython does. */
static void clear_many(rh_runtime *rt, rh_weakref *current, int64_t count) {
    rh_object *tuple = rh_tuple_new(rt, (size_t)(count * 2));
    if (!tuple) { /* no room to park the callbacks: drop them (the error is reported) */
        while (current) {
            rh_weakref *next = current->wr_next;
            clear_weakref(rt, current);
            current = next;
        }
        rh_err_write_unraisable(rt, NULL);
        return;
    }
    for (int64_t i = 0; i < count; i++) {
        rh_weakref *next = current->wr_next;
        rh_object *cb = current->wr_callback;
        current->wr_callback = NULL;
        if (current->ob.refcnt > 0 && cb) {
            rh_incref(&current->ob);
            rh_tuple_set(tuple, (size_t)(2 * i), &current->ob);
            rh_tuple_set(tuple, (size_t)(2 * i + 1), cb);
        } else {
            rh_xdecref(rt, cb);
            rh_incref(rh_none(rt)); /* CPython leaves NULL here; None keeps the tuple well-formed */
            rh_tuple_set(tuple, (size_t)(2 * i), rh_none(rt));
            rh_incref(rh_none(rt));
            rh_tuple_set(tuple, (size_t)(2 * i + 1), rh_none(rt));
        }
        clear_weakref(rt, current);
        current = next;
    }
    for (int64_t i = 0; i < count; i++) {
        rh_object *cb = rh_tuple_get(tuple, (size_t)(2 * i + 1));
        if (cb != rh_none(rt)) rh__weakref_run_callback(rt, (rh_weakref *)rh_tuple_get(tuple, (size_t)(2 * i)), cb);
    }
    rh_decref(rt, tuple);
}

void rh__weakref_clear_all(rh_runtime *rt, rh_object *o) {
    rh_weakref **list = rh__weakref_listptr(o);
    if (!list || !*list) return;
    rh_assert_internal(o->refcnt == 0);
    /* the callback-less basic ref goes first, silently */
    if ((*list)->wr_callback == NULL) {
        clear_weakref(rt, *list);
        if (*list && (*list)->wr_callback == NULL) clear_weakref(rt, *list);
    }
    if (!*list) return;
    rh__saved_err saved;
    rh__err_fetch(rt, &saved);
    rh_weakref *current = *list;
    int64_t count = list_length(current);
    if (count == 1 && !rh_runtime_profile(rt)->weakref_clear_tuple) {
        rh_object *cb = current->wr_callback;
        current->wr_callback = NULL;
        clear_weakref(rt, current);
        if (cb) {
            if (current->ob.refcnt > 0) rh__weakref_run_callback(rt, current, cb);
            rh_decref(rt, cb);
        }
    } else {
        clear_many(rt, current, count);
    }
    rh__err_restore(rt, &saved);
}
