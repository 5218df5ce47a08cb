/* t_traceback.c — traceback objects (CPython 3.11 Python/traceback.c: tb_create_raw, PyTraceBack_Here,
 * tb_dealloc, tb_traverse, tb_clear).
 *
 * Owns: rh_tb objects. A traceback links one frame object, the instruction and line where the exception
 * passed through it, and the traceback of the frames further in (tb_next). Invariants: tb_frame is a
 * counted reference to a frame object, tb_next NULL or a counted traceback; a traceback is GC-tracked
 * from its creation to its dealloc. Layout: PyTracebackObject, 40 bytes in every profile.
 */
#include "gc_internal.h"

typedef struct rh_tb {
    rh_object ob;
    rh_object *tb_next;
    rh_object *tb_frame;
    int tb_lasti;
    int tb_lineno;
} rh_tb;
_Static_assert(sizeof(rh_tb) == 40, "PyTracebackObject is 40 bytes");

static rh_tb *as_tb(rh_object *o) { return (rh_tb *)(void *)o; }

rh_object *rh_tb_next(rh_object *tb) { return as_tb(tb)->tb_next; }
rh_object *rh_tb_frame(rh_object *tb) { return as_tb(tb)->tb_frame; }
int rh_tb_lineno(rh_object *tb) { return as_tb(tb)->tb_lineno; }
int rh_tb_lasti(rh_object *tb) { return as_tb(tb)->tb_lasti; }

/* PyTraceBack_Here: the pending error is fetched while the traceback is allocated, so (as in CPython)
 * that allocation may start a collection; then it is restored with the new traceback in front. */
int rh_err_add_traceback(rh_runtime *rt, rh_object *frame, int lasti, int lineno) {
    rh_exc kind = rt->err_kind;
    rh_object *value = rt->err_value, *next = rt->err_tb;
    char msg[sizeof rt->err_msg];
    memcpy(msg, rt->err_msg, sizeof msg);
    rt->err_kind = RH_EXC_NONE;
    rt->err_value = rt->err_tb = NULL;
    rh_object *o = rh__object_alloc(rt, rh__builtin(rt, RH_K_TRACEBACK), sizeof(rh_tb));
    rh_err_clear(rt);
    rt->err_kind = kind;
    rt->err_value = value;
    memcpy(rt->err_msg, msg, sizeof msg);
    rt->err_tb = next;
    if (!o) { /* _PyErr_ChainExceptions: a MemoryError is raised with the error being traced as its __context__ */
        rh_object *prev = rh_err_fetch(rt); /* NULL: normalizing it failed, a MemoryError is pending */
        if (!prev) return -1;
        rh_err_nomemory(rt);
        if (rh_err_normalize(rt) == 0) rh_exc_set_context(rt, rt->err_value, prev);
        rh_decref(rt, prev);
        return -1;
    }
    rh_tb *tb = as_tb(o);
    tb->tb_next = next;
    rh_incref(frame);
    tb->tb_frame = frame;
    tb->tb_lasti = lasti;
    tb->tb_lineno = lineno;
    rh__gc_track(rt, o);
    rt->err_tb = o;
    return 0;
}

static void tb_dealloc(rh_runtime *rt, rh_object *o) {
    rh__gc_untrack(rt, o);
    if (rh__trash_begin(rt, o)) return;
    rh_tb *tb = as_tb(o);
    rh_object *next = tb->tb_next, *frame = tb->tb_frame;
    tb->tb_next = tb->tb_frame = NULL;
    rh_xdecref(rt, next);
    rh_xdecref(rt, frame);
    rh__object_free(rt, o, sizeof(rh_tb));
    rh__trash_end(rt);
}

static int tb_traverse(rh_object *o, rh_visitproc visit, void *arg) {
    rh_tb *tb = as_tb(o);
    int r;
    if (tb->tb_next && (r = visit(tb->tb_next, arg))) return r;
    if (tb->tb_frame && (r = visit(tb->tb_frame, arg))) return r;
    return 0;
}

static int tb_clear(rh_runtime *rt, rh_object *o) {
    rh_tb *tb = as_tb(o);
    rh_setref(rt, &tb->tb_next, NULL);
    rh_setref(rt, &tb->tb_frame, NULL);
    return 0;
}

static rh_object *tb_getattro(rh_runtime *rt, rh_object *o, rh_object *name) {
    rh_tb *tb = as_tb(o);
    size_t n;
    const char *s = rh_str_utf8(rt, name, &n);
    rh_object *v = NULL;
    if (s && strcmp(s, "tb_next") == 0) v = tb->tb_next ? tb->tb_next : rh_none(rt);
    else if (s && strcmp(s, "tb_frame") == 0) v = tb->tb_frame ? tb->tb_frame : rh_none(rt);
    else if (s && strcmp(s, "tb_lineno") == 0) return rh_int_from_i64(rt, tb->tb_lineno);
    else if (s && strcmp(s, "tb_lasti") == 0) /* a byte offset, as CPython's: 2 bytes per code unit */
        return rh_int_from_i64(rt, 2 * (int64_t)tb->tb_lasti);
    if (v) {
        rh_incref(v);
        return v;
    }
    rh_err_set(rt, RH_EXC_ATTRIBUTE, "'traceback' object has no attribute '%s'", s ? s : "?");
    return NULL;
}

void rh__type_init_traceback(rh_runtime *rt, rh_type *t) {
    (void)rt;
    t->name = "traceback";
    t->flags = RH_TPFLAG_GC;
    t->basicsize = sizeof(rh_tb);
    t->dealloc = tb_dealloc;
    t->traverse = tb_traverse;
    t->clear = tb_clear;
    t->tp_getattro = tb_getattro;
}
