/* interp.c — the interpreter's state and the object protocols the VM's instructions use.
 *
 * Owns interpreter set-up and exit (hx_interp_init, hx_interp_finalize: CPython's finalize_modules), the
 * frame arena, the traceback of the pending error, the attribute protocol (getattr/setattr/delattr by
 * receiver), subscripts and slices, global-name lookup with its per-site hints, and iteration (GET_ITER /
 * FOR_ITER over lists, tuples, strs, dicts and ranges inline; any other type through tp_iter/tp_iternext).
 * Invariants:
 *  - functions return new references or NULL/-1 with the runtime error set; arguments are borrowed;
 *  - a lookup hint is checked on every use, never trusted, so no object is created, kept or freed
 *    because of it; the arena is the interpreter's own C memory, not librefheap objects.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "interp.h"

static rh_object *newref(rh_object *o) { rh_incref(o); return o; }

/* ---------------------------------------------------------------- fast-locals arena */

rh_object **hx_frame_alloc(hx_interp *I, size_t words, size_t zeroed) {
    size_t n = words ? words : 1;
    if (I->arena && I->arena_cap - I->arena_top >= n) {
        rh_object **p = I->arena + I->arena_top;
        I->arena_top += n;
        memset(p, 0, zeroed * sizeof *p);
        return p;
    }
    rh_object **p = calloc(n, sizeof *p);
    if (!p) abort();
    return p;
}

void hx_frame_free(hx_interp *I, rh_object **p) {
    if (I->arena && p >= I->arena && p < I->arena + I->arena_cap) I->arena_top = (size_t)(p - I->arena);
    else free(p);
}

const char *hx_tname(rh_object *o) {
    return rh_type_name(o);
}

/* ---------------------------------------------------------------- traceback */

/* Source line `line` of src: *len bytes at the result, without its line ending (a universal-newlines read
 * ends a line at \n, \r\n or \r), or NULL past the end */
static const char *source_line(const char *src, size_t srclen, int line, size_t *len) {
    const char *p = src, *end = src + srclen;
    if (!p || line < 1) return NULL;
    for (int l = 1; l < line && p < end; p++)
        if (*p == '\n' || (*p == '\r' && (p + 1 == end || p[1] != '\n'))) l++;
    if (p >= end) return NULL;
    const char *e = p;
    while (e < end && *e != '\n' && *e != '\r') e++;
    *len = (size_t)(e - p);
    return p;
}

/* Where an exception is being printed (Python/pythonrun.c struct exception_print_context): the exception group
 * nesting (each level indents by two and draws a margin), whether a group's closing line is still owed, and
 * the exceptions printed so far (a chain is printed once) */
typedef struct print_ctx {
    int depth, need_close;
    rh_object *seen[64];
    int nseen;
} print_ctx;
#define MAX_GROUP_WIDTH 15
#define MAX_GROUP_DEPTH 10

/* _Py_WriteIndentedMargin then the text: every line of it behind the group indent and margin ("| ", or the
 * given margin for the first line of a group's header) */
static void emit_margin(print_ctx *c, const char *margin, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void emit_margin(print_ctx *c, const char *margin, const char *fmt, ...) {
    char stackbuf[1024], *buf = stackbuf;
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(stackbuf, sizeof stackbuf, fmt, ap);
    va_end(ap);
    if (k < 0) return;
    if ((size_t)k >= sizeof stackbuf && (buf = malloc((size_t)k + 1))) {
        va_start(ap, fmt);
        vsnprintf(buf, (size_t)k + 1, fmt, ap);
        va_end(ap);
    }
    if (!buf) buf = stackbuf; /* cut short rather than lost */
    for (const char *line = buf; *line;) {
        const char *nl = strchr(line, '\n');
        size_t len = nl ? (size_t)(nl - line) + 1 : strlen(line);
        if (c->depth) fprintf(stderr, "%*s%s ", 2 * c->depth, "", margin ? margin : "|");
        fwrite(line, 1, len, stderr);
        line += len;
    }
    if (buf != stackbuf) free(buf);
}
#define emit(c, ...) emit_margin((c), NULL, __VA_ARGS__)

/* tb_print_internal (Python/traceback.c): the newest sys.tracebacklimit (1000) entries, a run of more
 * than TB_RECURSIVE_CUTOFF identical entries (same function and line) shown as one line */
#define TB_LIMIT 1000
#define TB_RECURSIVE_CUTOFF 3
static void print_tb(hx_interp *I, print_ctx *c, rh_object *tb) {
    long depth = 0;
    for (rh_object *t = tb; t; t = rh_tb_next(t)) depth++;
    for (; tb && depth > TB_LIMIT; tb = rh_tb_next(tb)) depth--;
    rh_object *last_name = NULL;
    int last_line = -1;
    long cnt = 0;
    for (; tb; tb = rh_tb_next(tb)) {
        rh_object *name = rh_frame_name(rh_tb_frame(tb));
        int line = rh_tb_lineno(tb);
        if (last_line == -1 || line != last_line || name != last_name) {
            if (cnt > TB_RECURSIVE_CUTOFF) {
                long more = cnt - TB_RECURSIVE_CUTOFF;
                emit(c, "  [Previous line repeated %ld more time%s]\n", more, more > 1 ? "s" : "");
            }
            last_line = line;
            last_name = name;
            cnt = 0;
        }
        if (++cnt > TB_RECURSIVE_CUTOFF) continue;
        const hx_modfile *mf = hx_imports_file_of_globals(I, rh_frame_globals(rh_tb_frame(tb)));
        const char *path = mf ? (mf->abspath ? mf->abspath : mf->path) : hx_script_path(I);
        emit(c, "  File \"%s\", line %d, in %s\n", path, line, rh_str_utf8(I->rt, name, NULL));
        /* display_source_line_with_margin: the line without its indentation (its trailing blanks kept), then
         * tb_displayline's position line */
        size_t len = 0, lead = 0;
        const char *text = source_line(mf ? mf->src : I->src, mf ? mf->len : I->srclen, line, &len);
        while (text && lead < len && (text[lead] == ' ' || text[lead] == '\t' || text[lead] == '\f')) lead++;
        if (!text) continue;
        emit(c, "    %.*s\n", (int)(len - lead), text + lead);
        char *carets = hx_caret_line(I, rh_frame_unit(rh_tb_frame(tb)), rh_tb_lasti(tb), text, len);
        if (carets) emit(c, "%s\n", carets);
        free(carets);
    }
    if (cnt > TB_RECURSIVE_CUTOFF) {
        long more = cnt - TB_RECURSIVE_CUTOFF;
        emit(c, "  [Previous line repeated %ld more time%s]\n", more, more > 1 ? "s" : "");
    }
}

/* print_exception_notes: each note of a sequence __notes__ on its own line(s) (str of a note that is not a
 * str; a str __notes__ is a sequence too: a character a line), else the repr of __notes__ itself; nothing
 * when there is none (3.11+) */
static void print_notes(hx_interp *I, print_ctx *c, rh_object *e) {
    rh_runtime *rt = I->rt;
    if (!RH_API(I, "BaseException", "add_note")) return;
    rh_object *nm = hx_name(I, "__notes__"), *notes = nm ? hx_getattr_obj(I, e, nm) : NULL;
    if (!notes) {
        rh_err_clear(rt);
        return;
    }
    rh_kind k = rh_kind_of(notes);
    if (k == RH_K_STR || k == RH_K_BYTES || k == RH_K_BYTEARRAY || k == RH_K_RANGE) { /* PySequence_Check */
        rh_object *t = rh_tuple_from_iterable(rt, notes);
        if (t) {
            rh_decref(rt, notes);
            notes = t;
            k = RH_K_TUPLE;
        }
        rh_err_clear(rt);
    }
    size_t n = k == RH_K_LIST ? rh_list_len(notes) : k == RH_K_TUPLE ? rh_tuple_len(notes) : 0;
    if (k != RH_K_LIST && k != RH_K_TUPLE) {
        rh_object *r = hx_obj_repr(I, notes);
        emit(c, "%s\n", r ? rh_str_utf8(rt, r, NULL) : "<__notes__ repr() failed>");
        rh_xdecref(rt, r);
    }
    for (size_t i = 0; i < n; i++) {
        rh_object *note = k == RH_K_LIST ? rh_list_get(notes, i) : rh_tuple_get(notes, i);
        rh_object *s = hx_obj_str(I, note);
        emit(c, "%s\n", s ? rh_str_utf8(rt, s, NULL) : "<note str() failed>");
        rh_xdecref(rt, s);
        if (k == RH_K_LIST && i + 1 > rh_list_len(notes)) break; /* str() of a note shortened the list */
    }
    rh_err_clear(rt);
    rh_decref(rt, notes);
}

/* "module.Qualname: str(e)", or without ": ..." when str(e) is empty; the module is left out when it is
 * builtins or __main__, "<unknown>" when __module__ is not a str (print_exception in Python/pythonrun.c; 2.7's
 * PyErr_Display: the class's __name__, the module left out only when it is "exceptions"); then the notes */
static void print_exc_line(hx_interp *I, print_ctx *c, rh_object *e) {
    rh_runtime *rt = I->rt;
    rh_err_state saved;
    rh_err_save(rt, &saved);
    rh_object *type = (rh_object *)rh_type_of(e), *mod = NULL, *qual = NULL;
    int py2 = rh_runtime_profile(rt)->python2, heap = hx_is_heap_class(type);
    if (heap) { /* a built-in exception's module is builtins (2.7: exceptions): never shown */
        if (!(mod = hx_getattr_obj(I, type, I->s_module))) rh_err_clear(rt);
        if (!(qual = hx_getattr_obj(I, type, py2 ? I->s_name : I->s_qualname))) rh_err_clear(rt);
    }
    const char *m = mod && rh_kind_of(mod) == RH_K_STR ? rh_str_utf8(rt, mod, NULL) : NULL;
    const char *q = qual && rh_kind_of(qual) == RH_K_STR ? rh_str_utf8(rt, qual, NULL) : rh_type_of(e)->name;
    int show_mod = heap && m && (py2 ? strcmp(m, "exceptions") != 0 : strcmp(m, "builtins") && strcmp(m, "__main__"));
    if (!qual && strchr(q, '.')) q = strrchr(q, '.') + 1; /* a static type's tp_name "module.Name" */
    rh_object *s = hx_obj_str(I, e);
    const char *u = s ? rh_str_utf8(rt, s, NULL) : "<exception str() failed>";
    rh_err_clear(rt);
    rh_object *sug = hx_suggestion(I, e); /* print_exception_suggestions */
    emit(c, "%s%s%s%s%s%s%s%s%s\n", heap && !m ? "<unknown>" : "", show_mod ? m : "", show_mod ? "." : "", q,
         u && u[0] ? ": " : "", u ? u : "", sug ? ". Did you mean: '" : "", sug ? rh_str_utf8(rt, sug, NULL) : "",
         sug ? "'?" : "");
    rh_xdecref(rt, sug);
    rh_xdecref(rt, mod);
    rh_xdecref(rt, qual);
    rh_xdecref(rt, s);
    rh_err_clear(rt);
    print_notes(I, c, e);
    rh_err_restore_state(rt, &saved);
}
static void print_recursive(hx_interp *I, print_ctx *c, rh_object *e, rh_object *tb);

/* print_exception: the traceback (a group's headed "Exception Group Traceback", its first line drawn with "+"
 * at the top level), then the exception's line */
static void print_one(hx_interp *I, print_ctx *c, rh_object *e, rh_object *tb, int group, int toplevel) {
    if (tb) {
        if (group) emit_margin(c, toplevel ? "+" : NULL, "Exception Group Traceback (most recent call last):\n");
        else emit(c, "Traceback (most recent call last):\n");
        print_tb(I, c, tb);
    }
    print_exc_line(I, c, e);
}

static int is_group(hx_interp *I, rh_object *e) {
    return rh_exc_class_matches((rh_object *)rh_type_of(e), (rh_object *)rh_exc_type(I->rt, RH_EXC_BASEEXCEPTIONGROUP));
}

/* print_exception_group: the group, then each of its first MAX_GROUP_WIDTH exceptions in a numbered box one
 * level deeper ("and N more exceptions" past them), the box closed after the last */
static void print_group(hx_interp *I, print_ctx *c, rh_object *e, rh_object *tb) {
    rh_runtime *rt = I->rt;
    if (c->depth > MAX_GROUP_DEPTH) {
        emit(c, "... (max_group_depth is %d)\n", MAX_GROUP_DEPTH);
        return;
    }
    int toplevel = c->depth == 0;
    if (toplevel) c->depth++;
    print_one(I, c, e, tb, 1, toplevel);
    rh_object *nm = hx_name(I, "exceptions"), *excs = nm ? hx_getattr_obj(I, e, nm) : NULL;
    if (!excs || rh_kind_of(excs) != RH_K_TUPLE) {
        rh_err_clear(rt);
        rh_xdecref(rt, excs);
        if (toplevel) c->depth = 0;
        return;
    }
    size_t num = rh_tuple_len(excs), n = num <= MAX_GROUP_WIDTH ? num : MAX_GROUP_WIDTH + 1;
    c->need_close = 0;
    for (size_t i = 0; i < n; i++) {
        int last = i == n - 1, truncated = i >= MAX_GROUP_WIDTH;
        if (last) c->need_close = 1; /* the closing line may be drawn by a nested group */
        char title[32];
        if (truncated) snprintf(title, sizeof title, "...");
        else snprintf(title, sizeof title, "%zu", i + 1);
        fprintf(stderr, "%*s%s+---------------- %s ----------------\n", 2 * c->depth, "", i == 0 ? "+-" : "  ", title);
        c->depth++;
        if (!truncated) {
            rh_object *x = rh_tuple_get(excs, i);
            print_recursive(I, c, x, rh_exc_traceback(rt, x));
        } else {
            size_t more = num - MAX_GROUP_WIDTH;
            emit(c, "and %zu more exception%s\n", more, more > 1 ? "s" : "");
        }
        if (last && c->need_close) {
            fprintf(stderr, "%*s+------------------------------------\n", 2 * c->depth, "");
            c->need_close = 0;
        }
        c->depth--;
    }
    rh_decref(rt, excs);
    if (toplevel) c->depth = 0;
}

/* print_exception_recursive: causes and contexts first, each once, then the exception (a group as a group) */
static void print_recursive(hx_interp *I, print_ctx *c, rh_object *e, rh_object *tb) {
    rh_runtime *rt = I->rt;
    if (c->nseen < 64) c->seen[c->nseen++] = e;
    rh_object *cause = rh_exc_cause(rt, e), *ctx = rh_exc_context(rt, e);
    int i;
    if (cause) {
        for (i = 0; i < c->nseen && c->seen[i] != cause; i++) {}
        if (i == c->nseen) {
            print_recursive(I, c, cause, rh_exc_traceback(rt, cause));
            emit(c, "\nThe above exception was the direct cause of the following exception:\n\n");
        }
    } else if (ctx && !rh_exc_suppress_context(rt, e)) {
        for (i = 0; i < c->nseen && c->seen[i] != ctx; i++) {}
        if (i == c->nseen) {
            print_recursive(I, c, ctx, rh_exc_traceback(rt, ctx));
            emit(c, "\nDuring handling of the above exception, another exception occurred:\n\n");
        }
    }
    if (rh_is_exc_instance(e) && is_group(I, e) && rh_runtime_profile(rt)->version_hex >= 0x030B) print_group(I, c, e, tb);
    else print_one(I, c, e, tb, 0, 0);
}

/* The pending error's traceback and exception line; chain: with its causes and contexts. */
static void write_pending(hx_interp *I, int chain) {
    rh_runtime *rt = I->rt;
    rh_object *e = rh_err_value(rt);
    if (!e) { /* normalization failed: only the kind is known */
        fprintf(stderr, "%s\n", rh_exc_name(rh_err_occurred(rt)));
        return;
    }
    rh_incref(e);
    rh_object *tb = rh_err_traceback(rt);
    rh_xincref(tb);
    print_ctx c = {0};
    if (chain) print_recursive(I, &c, e, tb);
    else print_one(I, &c, e, tb, 0, 0);
    rh_xdecref(rt, tb);
    rh_decref(rt, e);
}

void hx_print_exception(hx_interp *I, rh_object *e, rh_object *tb) {
    print_ctx c = {0};
    rh_object *own = rh_exc_traceback(I->rt, e); /* _PyErr_Display: the value's __traceback__ wins */
    fflush(stdout);
    print_recursive(I, &c, e, own ? own : tb);
    fflush(stderr);
}

void hx_print_traceback(hx_interp *I) {
    fflush(stdout);
    write_pending(I, 1);
    fflush(stderr);
}

void hx_write_unraisable(hx_interp *I, rh_object *where_fn) { hx_write_unraisable_msg(I, NULL, where_fn); }

void hx_write_unraisable_msg(hx_interp *I, const char *msg, rh_object *where_fn) {
    fflush(stdout);
    if (where_fn) {
        rh_err_state saved;
        rh_err_save(I->rt, &saved);
        rh_object *r = hx_obj_repr(I, where_fn);
        const char *u = r ? rh_str_utf8(I->rt, r, NULL) : NULL;
        fprintf(stderr, "Exception ignored %s: %s\n", msg ? msg : "in", u ? u : "<object>");
        rh_xdecref(I->rt, r);
        rh_err_clear(I->rt);
        rh_err_restore_state(I->rt, &saved);
    }
    write_pending(I, 0);
    fflush(stderr);
    rh_err_clear(I->rt);
}

/* ---------------------------------------------------------------- iteration */

/* GET_ITER: for lists, tuples and strs a GC-tracked iterator object that holds the only loop
 * reference to the sequence (dropped when exhausted, as CPython's iterators do; a dict's is its own
 * dict_keyiterator, reference/src/t_dictview.c, driven by its tp_iternext); a range stays on the
 * stack as it is (its cursor in the loop slot: refheap makes no range_iterator, see docs/conformance.md).
 * Anything else is iter(o) through its type's slots (PyObject_GetIter: a class's __iter__, or a sequence
 * iterator over its __getitem__), driven by tp_iternext. The loop cursor (HX_LOOP_WORDS) is described in
 * interp.h. */
int hx_get_iter(hx_interp *I, rh_object **top, int64_t *cur) {
    rh_object *o = *top;
    /* a subclass of list/dict/... iterates through its type's tp_iter (maybe its own __iter__) */
    rh_kind k = (rh_type_of(o)->flags & RH_TPFLAG_HEAPTYPE) ? RH_K_INSTANCE : rh_kind_of(o);
    cur[0] = 0;
    switch (k) {
    case RH_K_RANGE:
        if (rh_range_is_long(o)) goto generic; /* a longrange_iterator */
        cur[0] = rh_range_item(o, 0);
        cur[1] = rh_range_len(o);
        cur[2] = rh_range_step(o);
        return 0;
    case RH_K_LIST: case RH_K_TUPLE: case RH_K_STR: {
        cur[1] = k == RH_K_STR ? (int64_t)rh_str_len(o) : 0;
        rh_object *it = rh_iter_new(I->rt, o);
        if (!it) return -1;
        *top = it;
        rh_decref(I->rt, o);
        return 0;
    }
    default: generic: { /* any other type: its tp_iter (sets, enumerate, zip, map, filter, reversed, classes) */
        cur[1] = HX_ITER_GENERIC;
        rh_object *it = rh_getiter(I->rt, o);
        if (!it) return -1;
        *top = it;
        rh_decref(I->rt, o);
        return 0;
    }
    }
}

/* tp_iternext of an iterator of another type. A StopIteration raised by a __next__ in Python ends the
 * loop (the library clears it, its traceback with it, as FOR_ITER does). */
static int generic_next(hx_interp *I, rh_object *it, rh_object **out) {
    *out = rh_iternext(I->rt, it);
    return *out ? 1 : rh_err_occurred(I->rt) ? -1 : 0;
}

/* FOR_ITER: 1 with a new reference in *out, 0 at the end (the iterator has dropped its sequence), -1 on
 * error. */
/* FOR_ITER over a generator: gen_iternext's resume without the tp_iternext hook; the value of a `return`
 * is dropped, as FOR_ITER clears the StopIteration gen_iternext sets lazily (_PyGen_SetStopIterationValue
 * instantiates nothing for a value that is neither a tuple nor an exception) */
static int gen_next(hx_interp *I, rh_object *gen, rh_object **out) {
    int st = hx_gen_send(I, gen, NULL, 0, out);
    if (st == 0) {
        rh_decref(I->rt, *out);
        *out = NULL;
    }
    return st;
}

int hx_for_iter(hx_interp *I, rh_object *it, int64_t *cur, rh_object **out) {
    if (cur[1] == HX_ITER_GENERIC)
        return rh_kind_of(it) == RH_K_GENERATOR ? gen_next(I, it, out) : generic_next(I, it, out);
    if (rh_kind_of(it) == RH_K_RANGE) {
        if (cur[1] == 0) return 0;
        *out = rh_int_from_i64(I->rt, cur[0]);
        if (!*out) return -1;
        cur[0] = (int64_t)((uint64_t)cur[0] + (uint64_t)cur[2]); /* wraps past the last item only */
        cur[1]--;
        return 1;
    }
    if (!rh_is_seqiter(it)) return generic_next(I, it, out);
    rh_object *seq = rh_iter_seq(it);
    if (!seq) return 0;
    int64_t *ix = rh_iter_index(it);
    switch (rh_kind_of(seq)) {
    case RH_K_LIST:
        if ((size_t)*ix >= rh_list_len(seq)) break;
        *out = newref(rh_list_get(seq, (size_t)(*ix)++));
        return 1;
    case RH_K_TUPLE:
        if ((size_t)*ix >= rh_tuple_len(seq)) break;
        *out = newref(rh_tuple_get(seq, (size_t)(*ix)++));
        return 1;
    case RH_K_STR:
        if (*ix < cur[1]) {
            *out = rh_str_getitem(I->rt, seq, (*ix)++);
            return *out ? 1 : -1;
        }
        /* 2.7's str has no tp_iter: its seqiter ends on string_item's IndexError, which iter_iternext tests
         * with PyErr_ExceptionMatches (Objects/iterobject.c) before clearing it */
        if (rh_runtime_profile(I->rt)->python2) {
            rh_object *ie = (rh_object *)rh_exc_type(I->rt, RH_EXC_INDEX);
            if (hx_py27_check_hook(I, ie, "__subclasscheck__", ie) < 0) return -1;
        }
        break;
    default: return generic_next(I, it, out); /* an iterator over a range (iter(range(n))) */
    }
    rh_iter_exhaust(I->rt, it);
    return 0;
}

rh_object *hx_iter_list(hx_interp *I, rh_object *o) {
    if ((rh_kind_of(o) == RH_K_LIST || rh_kind_of(o) == RH_K_TUPLE) && !(rh_type_of(o)->flags & RH_TPFLAG_HEAPTYPE))
        return newref(o);
    rh_object *it = newref(o);
    int64_t cur[HX_LOOP_WORDS];
    if (hx_get_iter(I, &it, cur) != 0) { rh_decref(I->rt, it); return NULL; }
    rh_object *l = rh_list_new(I->rt, 0);
    rh_object *x;
    int r = 0;
    while (l && (r = hx_for_iter(I, it, cur, &x)) == 1) {
        int e = rh_list_append(I->rt, l, x);
        rh_decref(I->rt, x);
        if (e) { rh_decref(I->rt, l); l = NULL; }
    }
    if (l && r < 0) { rh_decref(I->rt, l); l = NULL; }
    rh_decref(I->rt, it);
    return l;
}

/* ---------------------------------------------------------------- calls through tp_call */

/* An instance's __call__ with keywords, as 3.11 makes it: _PyObject_MakeTpCall's keyword dict, then
 * slot_tp_call's _PyObject_Call_Prepend, whose _PyStack_UnpackDict copies self, the arguments and the
 * keyword values into a new array (a reference each) with a tuple of the keyword names; the function
 * called with it gets its own references. Arguments borrowed. */
static rh_object *call_slot_kw(hx_interp *I, rh_object *fn, rh_object **args, int nargs, char **kwn,
                               rh_object **kwv, int nkw) {
    rh_runtime *rt = I->rt;
    rh_object *f = rh_type_of(fn)->flags & RH_TPFLAG_HEAPTYPE ? rh_class_lookup(rt, (rh_object *)rh_type_of(fn), I->s_call) : NULL;
    if (!f) {
        if (!rh_err_occurred(rt)) rh_err_set(rt, RH_EXC_TYPE, "'%s' object is not callable", hx_tname(fn));
        return NULL;
    }
    if (nargs + 1 > RH_ARGS_MAX) {
        rh_err_set(rt, RH_EXC_UNSUPPORTED, "more than %d call arguments", RH_ARGS_MAX);
        return NULL;
    }
    rh_object *kw = rh_dict_new(rt), *names = kw ? rh_tuple_new(rt, (size_t)nkw) : NULL, *r = NULL;
    for (int i = 0; names && i < nkw; i++) {
        rh_object *k = rh_str_intern_utf8(rt, kwn[i], strlen(kwn[i]));
        if (!k || rh_dict_set(rt, kw, k, kwv[i])) {
            rh_xdecref(rt, k);
            rh_decref(rt, names);
            names = NULL;
            break;
        }
        rh_tuple_set(names, (size_t)i, k);
    }
    if (names) {
        rh_object *a2[RH_ARGS_MAX + 1], *kv2[RH_ARGS_MAX];
        rh_incref(fn); /* the unpacked stack's references */
        for (int i = 0; i < nargs; i++) rh_incref(args[i]);
        for (int i = 0; i < nkw; i++) rh_incref(kwv[i]);
        a2[0] = newref(fn);
        for (int i = 0; i < nargs; i++) a2[i + 1] = newref(args[i]);
        for (int i = 0; i < nkw; i++) kv2[i] = newref(kwv[i]);
        rh_incref(f);
        r = hx_call(I, f, a2, nargs + 1, kwn, kv2, nkw);
        rh_decref(rt, f);
        for (int i = 0; i < nkw; i++) rh_decref(rt, kwv[i]);
        for (int i = 0; i < nargs; i++) rh_decref(rt, args[i]);
        rh_decref(rt, fn);
        rh_decref(rt, names);
    }
    rh_xdecref(rt, kw);
    return r;
}

rh_object *hx_call_slot(hx_interp *I, rh_object *fn, rh_object **args, int nargs, char **kwn, rh_object **kwv,
                        int nkw) {
    rh_runtime *rt = I->rt;
    rh_object *tup = nargs ? rh_tuple_new(rt, (size_t)nargs) : newref(rh_empty_tuple(rt)), *r = NULL;
    for (int i = 0; tup && i < nargs; i++) rh_tuple_set(tup, (size_t)i, newref(args[i]));
    if (tup && !nkw) r = rh_call_object(rt, fn, (rh_object *const *)args, (size_t)nargs);
    else if (tup) r = call_slot_kw(I, fn, args, nargs, kwn, kwv, nkw);
    rh_xdecref(rt, tup);
    for (int i = 0; i < nargs; i++) rh_decref(rt, args[i]);
    for (int i = 0; i < nkw; i++) rh_decref(rt, kwv[i]);
    return r;
}

/* ---------------------------------------------------------------- attributes */

static rh_object *class_of(rh_object *o) { return (rh_object *)rh_type_of(o); }

/* A function found on o's class is bound to o (function.__get__); r is consumed. */
static rh_object *bind_method(hx_interp *I, rh_object *o, rh_object *name, rh_object *r) {
    if (r && rh_kind_of(r) == RH_K_FUNCTION && rh_class_lookup(I->rt, class_of(o), name) == r) {
        rh_object *m = rh_method_new(I->rt, r, o);
        rh_decref(I->rt, r);
        return m;
    }
    return r;
}

/* object.__getattribute__(self, name), object.__setattr__(self, name, value), object.__delattr__(self,
 * name): the generic attribute protocol (PyObject_GenericGetAttr/SetAttr, Objects/object.c), what a
 * class's own __getattribute__/__setattr__/__delattr__ calls to reach the instance's attributes. */
static int object_method_args(hx_interp *I, const char *fn, rh_object **a, int n, int want, int nkw) {
    if (nkw) {
        rh_err_set(I->rt, RH_EXC_TYPE, "%s() takes no keyword arguments", fn);
        return -1;
    }
    if (n != want) {
        rh_err_set(I->rt, RH_EXC_TYPE, "expected %d argument%s, got %d", want - 1, want == 2 ? "" : "s", n - 1 < 0 ? 0 : n - 1);
        return -1;
    }
    if (rh_kind_of(a[1]) != RH_K_STR) {
        rh_err_set(I->rt, RH_EXC_TYPE, "attribute name must be string, not '%s'", hx_tname(a[1]));
        return -1;
    }
    return 0;
}

static rh_object *object_getattribute(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn, rh_object **kwv,
                                      int nkw) {
    (void)self, (void)kwn, (void)kwv;
    if (n < 1 || object_method_args(I, "__getattribute__", a, n, 2, nkw)) return NULL;
    return bind_method(I, a[0], a[1], rh_object_generic_getattr(I->rt, a[0], a[1]));
}

static rh_object *object_setattr(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn, rh_object **kwv,
                                 int nkw) {
    (void)self, (void)kwn, (void)kwv;
    if (n < 1 || object_method_args(I, "__setattr__", a, n, 3, nkw)) return NULL;
    return rh_object_generic_setattr(I->rt, a[0], a[1], a[2]) ? NULL : newref(rh_none(I->rt));
}

static rh_object *object_delattr(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn, rh_object **kwv,
                                 int nkw) {
    (void)self, (void)kwn, (void)kwv;
    if (n < 1 || object_method_args(I, "__delattr__", a, n, 2, nkw)) return NULL;
    return rh_object_generic_setattr(I->rt, a[0], a[1], NULL) ? NULL : newref(rh_none(I->rt));
}

/* tp_new_wrapper's and wrapperdescr_call's PyTuple_GetSlice(args, 1, n): the arguments after the first in
 * their own tuple (the empty tuple, nothing allocated, when there are none) while f runs on a[0]. */
static rh_object *with_rest_tuple(hx_interp *I, rh_object **a, int n, int nkw,
                                  rh_object *(*f)(hx_interp *, rh_object *, int)) {
    rh_object *rest = NULL;
    if (n > 1) {
        if (!(rest = rh_tuple_new(I->rt, (size_t)(n - 1)))) return NULL;
        for (int i = 1; i < n; i++) rh_tuple_set(rest, (size_t)(i - 1), newref(a[i]));
    }
    rh_object *r = f(I, a[0], n - 1 + nkw > 0);
    rh_xdecref(I->rt, rest);
    return r;
}

/* object_init's excess-argument rule for self (the instance): None or NULL */
static rh_object *object_init_checked(hx_interp *I, rh_object *self, int excess) {
    rh_object *cls = (rh_object *)rh_type_of(self);
    if (excess && rh_class_special(I->rt, cls, "__init__")) {
        rh_err_set(I->rt, RH_EXC_TYPE, "object.__init__() takes exactly one argument (the instance to initialize)");
        return NULL;
    }
    if (excess && !rh_class_special(I->rt, cls, "__new__")) {
        rh_err_set(I->rt, RH_EXC_TYPE, "%s() takes no arguments", hx_tname(self));
        return NULL;
    }
    return newref(rh_none(I->rt));
}

/* tp_new_wrapper for object (Objects/typeobject.c): object.__new__(X, *args, **kw), also reached as C.__new__
 * and super().__new__ (a staticmethod-like built-in, not bound). X must be a type whose nearest static base
 * past the classes defining __new__ makes its instances with object_new (hx_tp_new_check: "not safe"). */
static rh_object *object_new_method(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn,
                                    rh_object **kwv, int nkw) {
    (void)self, (void)kwn, (void)kwv;
    if (hx_tp_new_check(I, rh_builtin_type(I->rt, RH_K_OBJECT), a, n)) return NULL; /* typeobj.c */
    return with_rest_tuple(I, a, n, nkw, hx_object_new);
}

/* object_init called as object.__init__(self, *args, **kw): arguments are refused when self's class defines
 * __init__ ("object.__init__() takes exactly one argument") or defines neither __init__ nor __new__. */
static rh_object *object_init_method(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn,
                                     rh_object **kwv, int nkw) {
    (void)self, (void)kwn, (void)kwv;
    if (n < 1) {
        rh_err_set(I->rt, RH_EXC_TYPE, "descriptor '__init__' of 'object' object needs an argument");
        return NULL;
    }
    return with_rest_tuple(I, a, n, nkw, object_init_checked);
}

/* object.__dir__(self): object___dir___impl's names, unsorted (builtins.c) */
static rh_object *object_dir_method(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn,
                                    rh_object **kwv, int nkw) {
    (void)self, (void)kwn, (void)kwv;
    if (n < 1) {
        rh_err_set(I->rt, RH_EXC_TYPE, "descriptor '__dir__' of 'object' object needs an argument");
        return NULL;
    }
    if (n + nkw != 1) {
        rh_err_set(I->rt, RH_EXC_TYPE, "object.__dir__() takes no arguments (%d given)", n + nkw - 1);
        return NULL;
    }
    return hx_generic_dir(I, a[0]);
}

/* object's slot wrappers and methods called unbound, object.__repr__(x) ...: exactly one argument after the
 * receiver count (want), none by keyword. 0 or -1. */
static int object_slot_args(hx_interp *I, const char *fn, int n, int want, int nkw) {
    if (n < 1) {
        rh_err_set(I->rt, RH_EXC_TYPE, "descriptor '%s' of 'object' object needs an argument", fn);
        return -1;
    }
    if (nkw || n != want) {
        rh_err_set(I->rt, RH_EXC_TYPE, "expected %d argument%s, got %d", want - 1, want == 2 ? "" : "s", n - 1);
        return -1;
    }
    return 0;
}

/* object.__repr__(x): object_repr, past any __repr__ of x's class */
static rh_object *object_repr_method(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn,
                                     rh_object **kwv, int nkw) {
    (void)self, (void)kwn, (void)kwv;
    return object_slot_args(I, "__repr__", n, 1, nkw) ? NULL : rh_object_repr(I->rt, a[0]);
}

/* object.__str__(x): object_str, which is the type's repr */
static rh_object *object_str_method(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn,
                                    rh_object **kwv, int nkw) {
    (void)self, (void)kwn, (void)kwv;
    return object_slot_args(I, "__str__", n, 1, nkw) ? NULL : rh_repr(I->rt, a[0]);
}

/* object.__format__(x, spec): str(x) for an empty spec, else TypeError (object___format___impl) */
static rh_object *object_format_method(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn,
                                       rh_object **kwv, int nkw) {
    (void)self, (void)kwn, (void)kwv;
    if (object_slot_args(I, "__format__", n, 2, nkw)) return NULL;
    if (rh_kind_of(a[1]) != RH_K_STR) {
        rh_err_set(I->rt, RH_EXC_TYPE, "__format__() argument must be str, not %s", hx_tname(a[1]));
        return NULL;
    }
    if (rh_str_len(a[1]) > 0) {
        rh_err_set(I->rt, RH_EXC_TYPE, "unsupported format string passed to %s.__format__", hx_tname(a[0]));
        return NULL;
    }
    return rh_str(I->rt, a[0]);
}

static const rh_builtin_def object_method_defs[] = {
    {"__repr__", (void (*)(void))object_repr_method, 0},
    {"__str__", (void (*)(void))object_str_method, 0},
    {"__format__", (void (*)(void))object_format_method, 0},
    {"__dir__", (void (*)(void))object_dir_method, HX_METH_VARARGS},
    {"__init__", (void (*)(void))object_init_method, HX_METH_VARARGS}, /* wrapperdescr_call's argument tuple */
    {"__new__", (void (*)(void))object_new_method, HX_METH_VARARGS}, /* METH_VARARGS | METH_KEYWORDS */
    {"__getattribute__", (void (*)(void))object_getattribute, 0},
    {"__setattr__", (void (*)(void))object_setattr, 0},
    {"__delattr__", (void (*)(void))object_delattr, 0},
};

/* Made once at start-up and held by the interpreter, as CPython's wrapper descriptors live in object's
 * dict: reading object.__setattr__ allocates nothing. */
static int object_methods_init(hx_interp *I) {
    if (!(I->object_methods = rh_dict_new(I->rt))) return -1;
    for (size_t i = 0; i < sizeof object_method_defs / sizeof object_method_defs[0]; i++) {
        int is_new = object_method_defs[i].fn == (void (*)(void))object_new_method; /* tp_new_wrapper: bound to object */
        rh_object *f = rh_builtin_new(I->rt, &object_method_defs[i], is_new ? (rh_object *)rh_builtin_type(I->rt, RH_K_OBJECT) : NULL);
        int rc = f ? rh_dict_set_cstr(I->rt, I->object_methods, object_method_defs[i].name, f) : -1;
        rh_xdecref(I->rt, f);
        if (rc) return -1;
    }
    for (const rh_builtin_def *d = hx_object_reduce_defs; d->name; d++) { /* builtins_reduce.c */
        if (!RH_API_DYN(I, "object", d->name)) continue;
        rh_object *f = rh_builtin_new(I->rt, d, NULL);
        int rc = f ? rh_dict_set_cstr(I->rt, I->object_methods, d->name, f) : -1;
        rh_xdecref(I->rt, f);
        if (rc) return -1;
    }
    return 0;
}

/* __base__ (None for object), __bases__ ((base,) or ()), __mro__ (the type, then its tp_base chain) and
 * __module__ of a static type, whose one base is tp_base; NULL without an error for another name */
static rh_object *static_type_bases(hx_interp *I, rh_type *ty, const char *name) {
    int which = !strcmp(name, "__base__") ? 0 : !strcmp(name, "__bases__") ? 1 : !strcmp(name, "__mro__") ? 2
              : !strcmp(name, "__module__") ? 3 : -1;
    if (which < 0) return NULL;
    if (which == 3) { /* type_module: tp_name up to its last dot, else builtins (2.7: __builtin__) */
        const char *dot = strrchr(ty->name, '.');
        if (dot) return rh_str_from_utf8(I->rt, ty->name, (size_t)(dot - ty->name));
        int py2 = rh_runtime_profile(I->rt)->python2; /* 2.7's exception types are "exceptions.X" */
        return rh_str_from_cstr(I->rt, py2 ? rh_is_exc_class((rh_object *)ty) ? "exceptions" : "__builtin__" : "builtins");
    }
    if (which == 0) return newref(ty->base ? (rh_object *)ty->base : rh_none(I->rt));
    if (which == 1) return ty->base ? rh_tuple_pack(I->rt, 1, (rh_object *)ty->base) : rh_tuple_new(I->rt, 0);
    size_t n = 0;
    for (rh_type *b = ty; b; b = b->base) n++;
    rh_object *mro = rh_tuple_new(I->rt, n);
    n = 0;
    for (rh_type *b = ty; mro && b; b = b->base) rh_tuple_set(mro, n++, newref((rh_object *)b));
    return mro;
}

static rh_object *type_attr(hx_interp *I, rh_object *t, rh_object *name) {
    rh_type *ty = (rh_type *)t;
    rh_object *mv = hx_meta_data_attr(I, t, name); /* type_getattro: a metaclass's data descriptor first */
    if (mv || rh_err_occurred(I->rt)) return mv;
    /* the names type's own getsets answer all begin with "__": one test spares the others the comparisons */
    const char *cs = hx_cstr(I, name);
    int dunder = cs[0] == '_' && cs[1] == '_';
    if (dunder && rh_str_eq(name, I->s_class)) return newref((rh_object *)rh_type_of(t)); /* object's __class__ */
    if (dunder && rh_str_eq_cstr(name, "__abstractmethods__")) { /* type_abstractmethods: the class's own entry only */
        rh_object *v = hx_is_heap_class(t) && ty->dict ? rh_dict_get(I->rt, ty->dict, name) : NULL;
        if (v) return newref(v);
        if (!rh_err_occurred(I->rt)) rh_err_set(I->rt, RH_EXC_ATTRIBUTE, "__abstractmethods__");
        return NULL;
    }
    if (dunder && (rh_str_eq(name, I->s_name) || (!hx_is_heap_class(t) && rh_str_eq(name, I->s_qualname)))) {
        /* type_qualname of a static type is its type_name */
        if (ty->name_obj) return newref(ty->name_obj);
        const char *dot = strrchr(ty->name, '.'); /* type_name: a static type's tp_name after its last dot */
        return rh_str_from_cstr(I->rt, dot ? dot + 1 : ty->name);
    }
    if (!hx_is_heap_class(t) && dunder) { /* a static type's tp_base, tp_bases, tp_mro (the tp_base chain) */
        rh_object *v = static_type_bases(I, ty, cs);
        if (v || rh_err_occurred(I->rt)) return v;
    }
    if (hx_is_heap_class(t)) {
        if (dunder && rh_str_eq(name, I->s_qualname)) /* type_qualname: ht_qualname */
            return ty->qualname_obj ? newref(ty->qualname_obj) : ty->name_obj ? newref(ty->name_obj) : rh_str_from_cstr(I->rt, ty->name);
        if (dunder && rh_str_eq_cstr(name, "__mro__") && ty->mro && !(ty->flags & RH_TPFLAG_CLASSIC)) return newref(ty->mro);
        if (dunder && rh_str_eq_cstr(name, "__bases__") && ty->bases) return newref(ty->bases);
        if (dunder && rh_str_eq_cstr(name, "__base__") && ty->base) return newref(&ty->base->ob.ob); /* tp_base */
        if (dunder && rh_str_eq_cstr(name, "__dict__") && ty->dict) return rh_class_dict(I->rt, t);
        rh_object *v = rh_class_lookup(I->rt, t, name);
        if (v && rh_type_of(v)->tp_descr_get && rh_kind_of(v) != RH_K_FUNCTION) /* type_getattro: C.static_f */
            return rh_descr_get(I->rt, v, NULL, t); /* held for the call; __get__(None, C) */
        if (v) return newref(v);
        if (rh_err_occurred(I->rt)) return NULL;
        for (size_t i = 0; ty->mro && i < rh_tuple_len(ty->mro); i++) { /* a built-in base's tp_dict (L.append) */
            rh_object *b = rh_tuple_get(ty->mro, i);
            if (dunder && hx_is_heap_class(b) && hx_odict_answers_below((rh_type *)b, NULL) &&
                ((v = hx_builtin_descr(I, b, name, NULL)) || rh_err_occurred(I->rt)))
                return v; /* OrderedDict.__setitem__: odict's wrapper descriptors (mod_collections.c) */
            if (!hx_is_heap_class(b) && ((v = hx_method_descr(I, (rh_type *)b, name)) || rh_err_occurred(I->rt))) return v;
            if (!hx_is_heap_class(b) && dunder && ((v = hx_slot_descr(I, (rh_type *)b, name, 0)) || rh_err_occurred(I->rt)))
                return v; /* MyInt.__sub__: int's slot wrapper */
            if (!hx_is_heap_class(b) && (v = hx_base_classmethod(I, (rh_type *)b, t, name))) return v; /* MyInt.from_bytes */
            if (!hx_is_heap_class(b) && dunder && rh_str_eq_cstr(name, "__new__") &&
                ((v = hx_tp_new_wrapper(I, (rh_type *)b)) || rh_err_occurred(I->rt)))
                return v; /* D.__new__ for a class D(dict) without its own: dict's tp_new_wrapper */
        }
    } else {
        rh_object *v = hx_builtin_type_attr(I, t, name); /* dict.fromkeys (builtins_iter.c) */
        if (v || rh_err_occurred(I->rt)) return v;
        if (dunder && rh_str_eq(name, I->s_dict)) return hx_static_type_dict(I, ty); /* type_dict */
        if ((v = hx_method_descr(I, ty, name)) || rh_err_occurred(I->rt)) return v; /* list.append */
        /* a slot wrapper first: list.__repr__ is one object, kept in the type's dict (pprint's _dispatch is
         * keyed by it); list.__init__, the methods the slot table lacks and the item methods (the library's
         * mp_subscript takes indexes, the interpreter the slices) are built-in descriptors */
        int item = dunder && (rh_str_eq_cstr(name, "__getitem__") || rh_str_eq_cstr(name, "__setitem__") ||
                              rh_str_eq_cstr(name, "__delitem__"));
        if (dunder && !item && ((v = hx_slot_descr(I, ty, name, 1)) || rh_err_occurred(I->rt))) return v; /* int.__add__ */
        if ((v = hx_builtin_descr(I, t, name, NULL)) || rh_err_occurred(I->rt)) return v; /* list.__init__ */
        if (item && ((v = hx_slot_descr(I, ty, name, 1)) || rh_err_occurred(I->rt))) return v;
        if (dunder && rh_str_eq_cstr(name, "__new__") && (v = hx_tp_new_wrapper(I, ty))) return v; /* typeobj.c */
        if (rh_err_occurred(I->rt)) return NULL;
    }
    if ((hx_is_heap_class(t) ? !(ty->flags & RH_TPFLAG_CLASSIC) : ty->kind == RH_K_OBJECT) &&
        dunder && !rh_runtime_profile(I->rt)->python2 && rh_str_eq_cstr(name, "__init_subclass__"))
        return hx_object_init_subclass(I, t); /* object's classmethod, bound to the class */
    if ((hx_is_heap_class(t) ? !(ty->flags & RH_TPFLAG_CLASSIC) : ty->kind == RH_K_OBJECT) &&
        dunder && !rh_runtime_profile(I->rt)->python2 && rh_str_eq_cstr(name, "__subclasshook__"))
        return hx_object_subclasshook(I, t);
    if (rh_is_exc_class(t) && (mv = hx_exc_class_method(I, t, name))) return mv; /* BaseException's (builtins_exc.c) */
    if (hx_is_heap_class(t) ? !(ty->flags & RH_TPFLAG_CLASSIC) : ty->kind != RH_K_TYPE) { /* object's dict: every
                                                                  type's last base (type's own methods come first) */
        rh_object *v = rh_dict_get(I->rt, I->object_methods, name);
        if (v) return newref(v);
        if (rh_err_occurred(I->rt)) return NULL;
    }
    if ((mv = hx_meta_attr(I, t, name)) || rh_err_occurred(I->rt)) return mv; /* the metaclass's, type's */
    rh_err_set(I->rt, RH_EXC_ATTRIBUTE, "type object '%s' has no attribute '%s'", ty->name, hx_cstr(I, name));
    return NULL;
}

/* An instance's attribute through its class's tp_getattro: the generic lookup, or the slot wrapper of
 * __getattribute__/__getattr__ (slot_tp_getattr_hook). */
static rh_object *instance_getattr(hx_interp *I, rh_object *o, rh_object *name) {
    rh_object *r = bind_method(I, o, name, rh_getattr(I->rt, o, name));
    if (r || rh_err_occurred(I->rt) != RH_EXC_ATTRIBUTE || (rh_type_of(o)->flags & RH_TPFLAG_CLASSIC)) return r;
    const rh_builtin_def *d = hx_object_method_def(I, name); /* object's __reduce_ex__ ... (builtins_reduce.c) */
    if (!d) return NULL; /* the AttributeError stands */
    rh_err_clear(I->rt);
    return rh_builtin_new(I->rt, d, o);
}

/* An attribute of an instance of a list/dict subclass: PyObject_GenericGetAttr finds the class's names
 * and the instance's __dict__ first (the class's MRO puts it before the built-in), then the built-in's
 * methods (list.append ...), bound to the instance. */
static rh_object *builtin_subclass_getattr(hx_interp *I, rh_object *o, rh_object *name) {
    rh_runtime *rt = I->rt;
    if (rh_str_eq(name, I->s_class)) return newref(class_of(o));
    if (rh_str_eq(name, I->s_dict)) return rh_instance_dict(rt, o);
    rh_object *r = instance_getattr(I, o, name);
    if (r || rh_err_occurred(rt) != RH_EXC_ATTRIBUTE) return r;
    if (rh_kind_of(o) == RH_K_WEAKREF && rh_str_eq(name, I->s_callback) && RH_API(I, "weakref", "__callback__")) {
        rh_err_clear(rt); /* weakref_members' __callback__, under the class's own names */
        return newref(rh_weakref_callback(rt, o));
    }
    const rh_builtin_def *d = hx_find_method_def(I, o, hx_cstr(I, name));
    rh_object *cm = d ? NULL : hx_base_classmethod(I, rh_builtin_type(rt, rh_kind_of(o)), class_of(o), name);
    if (cm) { rh_err_clear(rt); return cm; } /* D().fromkeys: bound to D */
    if (!d && !(d = hx_object_method_def(I, name))) return NULL; /* the AttributeError stands */
    rh_err_clear(rt);
    return rh_builtin_new(rt, d, o);
}

/* LOAD_METHOD on an instance of a list/dict subclass, as _PyObject_GetMethod: a function of the class not
 * shadowed by the instance __dict__ comes back unbound (1, *fn a new reference), a method of the built-in
 * (list.append) as its def to call with o as self (2, *def), so neither makes a bound method object;
 * any other attribute is the attribute itself (0, *fn a new reference); -1 with the error set. */
int hx_builtin_subclass_method(hx_interp *I, rh_object *o, rh_object *name, rh_object **fn,
                               const rh_builtin_def **def) {
    rh_runtime *rt = I->rt;
    if (rh_str_eq(name, I->s_class) || rh_str_eq(name, I->s_dict))
        return (*fn = builtin_subclass_getattr(I, o, name)) ? 0 : -1;
    rh_object *r = rh_getattr(rt, o, name);
    if (r) {
        *fn = r;
        return rh_kind_of(r) == RH_K_FUNCTION && rh_class_lookup(rt, class_of(o), name) == r;
    }
    if (rh_err_occurred(rt) != RH_EXC_ATTRIBUTE) return -1;
    const rh_builtin_def *d = hx_find_method_def(I, o, hx_cstr(I, name));
    rh_object *cm = d ? NULL : hx_base_classmethod(I, rh_builtin_type(rt, rh_kind_of(o)), class_of(o), name);
    if (cm) { rh_err_clear(rt); *fn = cm; return 0; } /* D().fromkeys: bound to D */
    if (!d && !(d = hx_object_method_def(I, name))) return -1; /* the AttributeError stands */
    rh_err_clear(rt);
    *def = d;
    return 2;
}

/* range_members: start, stop and step, the range's own int objects */
static int range_member(hx_interp *I, rh_object *o, rh_object *name, rh_object **out) {
    static const char *const names[] = {"start", "stop", "step"};
    if (rh_runtime_profile(I->rt)->python2) return 0; /* 2.7's xrange has no members */
    for (int i = 0; i < 3; i++)
        if (rh_str_eq_cstr(name, names[i])) return *out = newref(rh_range_field(o, i)), 1;
    return 0;
}

/* UNWRAP (Objects/weakrefobject.c): a proxy's referent, new reference, or NULL with ReferenceError */
static rh_object *proxy_referent(hx_interp *I, rh_object *proxy) {
    rh_object *r = rh_weakref_get(I->rt, proxy);
    if (r == rh_none(I->rt)) {
        rh_err_set(I->rt, RH_EXC_REFERENCE, "weakly-referenced object no longer exists");
        return NULL;
    }
    return newref(r);
}

/* The executing frame whose frame object fo is, or NULL (fo's code unit has finished, or fo is a suspended
 * generator's) */
static hx_frame *running_frame(hx_interp *I, rh_object *fo) {
    hx_frame *f = I->frame;
    while (f && f->frame_obj != fo) f = f->back;
    return f;
}

/* The generator whose suspended (or not yet started) frame fo is, or NULL (t_frame.c keeps the link until
 * the generator's frame is cleared; a frame made while the generator ran learns it when it suspends) */
static rh_object *suspended_gen(hx_interp *I, rh_object *fo) {
    rh_object *gen = rh_frame_gen(fo);
    if (!gen || rh_frame_owned(fo) || running_frame(I, fo)) return NULL;
    return rh_gen_frame_of(gen)->state <= RH_GEN_SUSPENDED && rh_gen_frame_of(gen)->state != RH_GEN_RUNNING ? gen : NULL;
}

/* frame.f_locals (Objects/frameobject.c frame_getlocals, 3.11 PyFrame_FastToLocalsWithError): a class
 * body's namespace, a module's globals, else a new dict of the function's bound locals (a cell's contents
 * for a cell), in slot order, from the running frame, from a suspended generator's frame (its words), or,
 * once it has finished, from the locals the frame object took over. CPython keeps one dict per frame and
 * refreshes it (3.13: a FrameLocalsProxy, whose type _collections_abc registers); refheap makes a new dict
 * on every read. */
static rh_object *frame_locals(hx_interp *I, rh_object *fo) {
    hx_frame *f = running_frame(I, fo); /* NULL: finished (its own locals) or a suspended generator's */
    rh_object *gen = f ? NULL : suspended_gen(I, fo);
    rh_object **live = f ? f->fast : gen ? rh_gen_frame_of(gen)->words : NULL;
    hx_code *c = rh_frame_unit(fo);
    if (f && f->ns) return newref(f->ns);
    if (c->kind != CODE_FUNCTION && rh_frame_globals(fo)) return newref(rh_frame_globals(fo));
    return hx_locals_dict(I, c, live, fo);
}

rh_object *hx_locals_dict(hx_interp *I, hx_code *c, rh_object **live, rh_object *fo) {
    rh_runtime *rt = I->rt;
    rh_object *d = rh_dict_new(rt);
    for (int i = 0; d && i < c->nnamed; i++) {
        rh_object *v = live ? live[i] : rh_frame_local(fo, i);
        for (int k = 0; v && k < c->ncells; k++)
            if (c->cellslots[k] == i && rh_kind_of(v) == RH_K_CELL) v = rh_cell_get(v);
        for (int k = 0; v && k < c->nfree; k++)
            if (c->freeslots[k] == i && rh_kind_of(v) == RH_K_CELL) v = rh_cell_get(v);
        if (v && rh_dict_set_cstr(rt, d, c->slotnames[i], v)) rh_setref(rt, &d, NULL);
    }
    return d;
}

/* frame.clear() (Objects/frameobject.c frame_clear, 3.11): an executing frame refuses; a suspended
 * generator's frame finalizes the generator (_PyGen_Finalize: close it, or warn about a coroutine never
 * awaited), which clears its frame (3.13 refuses a suspended frame too); a finished one drops its locals
 * (frame_tp_clear). */
static rh_object *frame_clear_method(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn, rh_object **kwv,
                                     int nkw) {
    rh_runtime *rt = I->rt;
    (void)a, (void)kwn, (void)kwv;
    if (n || nkw) {
        rh_err_set(rt, RH_EXC_TYPE, "frame.clear() takes no arguments (%d given)", n + nkw);
        return NULL;
    }
    rh_object *gen = rh_frame_owned(self) ? NULL : rh_frame_gen(self);
    if (running_frame(I, self) || (gen && rh_gen_frame_of(gen)->state == RH_GEN_RUNNING)) {
        rh_err_set(rt, RH_EXC_RUNTIME, "cannot clear an executing frame");
        return NULL;
    }
    if (gen && rh_gen_frame_of(gen)->state < RH_GEN_COMPLETED) {
        if (rh_runtime_profile(rt)->version_hex >= 0x030D && rh_gen_frame_of(gen)->state == RH_GEN_SUSPENDED) {
            rh_err_set(rt, RH_EXC_RUNTIME, "cannot clear a suspended frame");
            return NULL;
        }
        rh_incref(gen);
        rh_object *r = hx_gen_resume_hook(I, rt, gen, RH_GEN_RESUME_FINALIZE);
        rh_xdecref(rt, r);
        rh_decref(rt, gen);
        if (rh_err_occurred(rt)) return NULL;
    } else if (!gen) {
        rh_frame_clear_locals(rt, self);
    }
    return newref(rh_none(rt));
}
static const rh_builtin_def frame_clear_def = {"clear", (void (*)(void))frame_clear_method, 0};

/* frame.f_lasti (frame_getlasti): the byte offset of the instruction running (its last CALL in a caller),
 * of the yield a generator is suspended at, -1 before the first; refheap's instruction words stand for
 * CPython's code units (docs/conformance.md) */
static int64_t frame_lasti(hx_interp *I, rh_object *fo) {
    hx_frame *f = running_frame(I, fo);
    if (f) return f->call_ip ? 2 * (int64_t)(f->call_ip - f->code->co_code - 1) : 0;
    rh_object *gen = suspended_gen(I, fo);
    if (gen) {
        rh_gen_frame *gf = rh_gen_frame_of(gen);
        if (gf->state == RH_GEN_SUSPENDED && gf->lasti > 0) return 2 * (int64_t)(gf->lasti - 1);
        uint32_t ver = rh_runtime_profile(I->rt)->version_hex; /* not started: 3.11's RETURN_GENERATOR ran */
        return ver < 0x030B ? -1 : ver < 0x030D ? 0 : 2;
    }
    int l = rh_frame_lasti(fo);
    return l < 0 ? -1 : 2 * (int64_t)l;
}

/* The attributes of a frame object that depend on where its code unit is running: f_back (PyFrame_GetBack:
 * the caller's frame object, made now if need be), f_lineno (the line of its last call: the one running
 * when it is not the innermost frame), f_code (frame_getcode), f_lasti, f_builtins and the clear method.
 * 1 (*out set), 0 none of them, -1. */
static int frame_attr(hx_interp *I, rh_object *fo, rh_object *name, rh_object **out) {
    rh_runtime *rt = I->rt;
    if (rh_str_eq_cstr(name, "f_locals")) return (*out = frame_locals(I, fo)) ? 1 : -1;
    if (rh_str_eq_cstr(name, "f_code")) return (*out = hx_code_object(I, rh_frame_unit(fo), rh_frame_globals(fo))) ? 1 : -1;
    if (rh_str_eq_cstr(name, "f_lasti")) return (*out = rh_int_from_i64(rt, frame_lasti(I, fo))) ? 1 : -1;
    if (rh_str_eq_cstr(name, "f_builtins")) return *out = newref(I->builtins), 1;
    if (rh_str_eq_cstr(name, "clear") && !rh_runtime_profile(rt)->python2) return (*out = rh_builtin_new(rt, &frame_clear_def, fo)) ? 1 : -1;
    int back = rh_str_eq_cstr(name, "f_back");
    if (!back && !rh_str_eq_cstr(name, "f_lineno")) return 0;
    hx_frame *f = running_frame(I, fo);
    if (!f) return 0; /* the frame object's own (t_frame.c) */
    if (back) {
        rh_object *b = f->back ? hx_frame_object(I, f->back) : rh_none(rt);
        *out = b ? newref(b) : NULL;
    } else {
        int line = f->call_ip ? f->code->co_lines[f->call_ip - f->code->co_code - 1] : f->line;
        *out = rh_int_from_i64(rt, line);
    }
    return *out ? 1 : -1;
}

/* frame_getsetlist's setters (3.11): f_trace takes any object (None clears it); f_lineno only from a trace
 * function, which refheap does not run (sys.settrace is not modelled); the other fields are read-only */
static int frame_setattr(hx_interp *I, rh_object *fo, rh_object *name, rh_object *v) {
    rh_runtime *rt = I->rt;
    const char *s = hx_cstr(I, name);
    static const char *const ro[] = {"f_back", "f_locals", "f_lasti", "f_globals", "f_builtins", "f_code", NULL};
    if (!strcmp(s, "f_trace")) {
        rh_frame_set_trace(rt, fo, v == rh_none(rt) ? NULL : v);
        return 0;
    }
    if (!rh_runtime_profile(rt)->python2 && (!strcmp(s, "f_trace_lines") || !strcmp(s, "f_trace_opcodes"))) {
        if (!v) rh_err_set(rt, RH_EXC_TYPE, "can't delete numeric/char attribute"); /* PyMember_SetOne T_BOOL */
        else if (v != rh_true(rt) && v != rh_false(rt)) rh_err_set(rt, RH_EXC_TYPE, "attribute value type must be bool");
        else {
            rh_frame_set_trace_flag(fo, s[8] == 'o', v == rh_true(rt));
            return 0;
        }
        return -1;
    }
    if (!strcmp(s, "f_lineno")) {
        if (!v) rh_err_set(rt, RH_EXC_ATTRIBUTE, "cannot delete attribute");
        else if (rh_kind_of(v) != RH_K_INT || hx_is_builtin_subclass_instance(v)) rh_err_set(rt, RH_EXC_VALUE, "lineno must be an integer");
        else { /* not tracing: 3.11 reads the thread's last trace event, PyTrace_CALL (0) */
            uint32_t ver = rh_runtime_profile(rt)->version_hex;
            rh_err_set(rt, RH_EXC_VALUE, "%s", ver < 0x030B ? "f_lineno can only be set by a trace function"
                                           : ver < 0x030C ? "can't jump from the 'call' trace event of a new frame"
                                                          : "f_lineno can only be set in a trace function");
        }
        return -1;
    }
    uint32_t ver = rh_runtime_profile(rt)->version_hex;
    for (int i = 0; ro[i]; i++)
        if (!strcmp(s, ro[i])) { /* before 3.11 f_back, f_globals, f_builtins, f_code are READONLY members */
            if (ver < 0x030B && i != 1 && i != 2) rh_err_set(rt, RH_EXC_ATTRIBUTE, "readonly attribute");
            else rh_err_set(rt, RH_EXC_ATTRIBUTE, "attribute '%s' of 'frame' objects is not writable", s);
            return -1;
        }
    /* PyObject_GenericSetAttr without a __dict__ (3.13 says why) */
    rh_err_set(rt, RH_EXC_ATTRIBUTE, "'frame' object has no attribute '%s'%s", s,
               ver >= 0x030D ? " and no __dict__ for setting new attributes" : "");
    return -1;
}

/* Whether a bound method's type (or object) has `name` itself, so method_getattro does not ask the function */
static int method_type_has(const char *s) {
    static const char *const own[] = {"__call__", "__class__", "__delattr__", "__dir__", "__eq__", "__format__",
        "__ge__", "__getattribute__", "__getstate__", "__gt__", "__hash__", "__init__", "__init_subclass__", "__le__",
        "__lt__", "__ne__", "__new__", "__reduce__", "__reduce_ex__", "__repr__", "__setattr__", "__sizeof__",
        "__str__", "__subclasshook__", "__func__", "__self__", NULL};
    for (int i = 0; own[i]; i++)
        if (!strcmp(s, own[i])) return 1;
    return 0;
}

rh_object *hx_getattr_obj(hx_interp *I, rh_object *o, rh_object *name) {
    rh_runtime *rt = I->rt;
    if (rh_kind_of(o) == RH_K_FRAME) {
        rh_object *r;
        int got = frame_attr(I, o, name, &r);
        if (got) return got > 0 ? r : NULL;
    }
    if (rh_kind_of(o) == RH_K_WEAKPROXY) { /* proxy_getattr: every name is the referent's */
        rh_object *r = proxy_referent(I, o);
        rh_object *v = r ? hx_getattr_obj(I, r, name) : NULL;
        rh_xdecref(rt, r);
        return v;
    }
    if (hx_is_builtin_subclass_instance(o) && rh_kind_of(o) != RH_K_GENERICALIAS) /* ga_getattro: below */
        return builtin_subclass_getattr(I, o, name);
    switch (rh_kind_of(o)) {
    case RH_K_EXCEPTION: case RH_K_TRACEBACK: case RH_K_FRAME: case RH_K_METHOD_WRAPPER: case RH_K_WRAPPER_DESCR: case RH_K_NAMESPACE: {
        rh_object *r = rh_getattr(rt, o, name); /* the type's tp_getattro: its fields, then the class */
        if (!r && rh_kind_of(o) == RH_K_EXCEPTION && rh_err_occurred(rt) == RH_EXC_ATTRIBUTE) {
            rh_object *m = hx_exc_method(I, o, name); /* BaseException's methods (builtins_exc.c) */
            if (m) rh_err_clear(rt);
            return m;
        }
        if (r && rh_kind_of(r) == RH_K_FUNCTION && rh_class_lookup(rt, class_of(o), name) == r) {
            rh_object *m = rh_method_new(rt, r, o);
            rh_decref(rt, r);
            return m;
        }
        return r;
    }
    case RH_K_INSTANCE: {
        if (rh_str_eq(name, I->s_class)) return newref(class_of(o));
        if (rh_str_eq(name, I->s_dict)) return rh_instance_dict(rt, o);
        return instance_getattr(I, o, name);
    }
    case RH_K_TYPE: return type_attr(I, o, name);
    case RH_K_GENERICALIAS: return hx_genericalias_getattr(I, o, name); /* builtins_proxy.c */
    case RH_K_MODULE: {
        rh_object *v = rh_dict_get(rt, rh_module_dict(o), name);
        if (v) return newref(v);
        if (!rh_err_occurred(rt) && rh_str_eq(name, I->s_dict)) return newref(rh_module_dict(o)); /* module_members */
        if (rh_err_occurred(rt)) return NULL;
        rh_err_set(rt, RH_EXC_ATTRIBUTE, "module '%s' has no attribute '%s'", hx_cstr(I, rh_module_name(o)), hx_cstr(I, name));
        return NULL;
    }
    case RH_K_FUNCTION: {
        rh_object *r;
        int got = hx_func_getattr(I, o, name, &r); /* builtins_func.c */
        if (got) return got > 0 ? r : NULL;
        if (rh_str_eq(name, I->s_name)) return newref(rh_func_name(o));
        if (rh_str_eq(name, I->s_qualname)) return newref(rh_func_qualname(o));
        if (rh_str_eq(name, I->s_module)) { /* PyFunction_New's func_module: globals['__name__'] (None if absent) */
            rh_object *g = rh_func_globals(o), *m = g && rh_kind_of(g) == RH_K_DICT ? rh_dict_get(rt, g, I->s_name) : NULL;
            if (!m && rh_err_occurred(rt)) return NULL;
            return newref(m ? m : rh_none(rt));
        }
        rh_object *w = rh_slot_wrapper_new(rt, o, name); /* f.__get__: a method-wrapper over func_descr_get */
        if (w || rh_err_occurred(rt)) return w;
        break;
    }
    case RH_K_METHOD:
        if (rh_str_eq_cstr(name, "__self__")) return newref(rh_method_self(o));
        if (rh_str_eq_cstr(name, "__func__")) return newref(rh_method_func(o));
        if (rh_str_eq(name, I->s_name)) return newref(rh_func_name(rh_method_func(o)));
        if (rh_str_eq_cstr(name, "__annotations__") && rh_kind_of(rh_method_func(o)) == RH_K_FUNCTION) {
            rh_object *r = NULL; /* method_getattro: the function's attribute */
            return hx_func_getattr(I, rh_method_func(o), name, &r) > 0 ? r : NULL;
        }
        if (!method_type_has(hx_cstr(I, name))) /* method_getattro: the rest is the function's */
            return hx_getattr_obj(I, rh_method_func(o), name);
        if (hx_cstr(I, name)[0] == '_') { /* m.__call__: a method-wrapper over method's tp_call */
            rh_object *w = rh_slot_wrapper_new(rt, o, name);
            if (w || rh_err_occurred(rt)) return w;
        }
        break;
    case RH_K_BUILTIN:
        if (rh_str_eq(name, I->s_name)) return rh_str_from_cstr(rt, rh_builtin_get_def(o)->name);
        if (rh_str_eq_cstr(name, "__self__")) /* meth_get__self__: m_self (a module function's module) */
            return newref(rh_builtin_self(o) ? rh_builtin_self(o) : rh_none(rt));
        if (hx_cstr(I, name)[0] == '_') { /* all.__call__, len.__repr__: a method-wrapper over the type's slot */
            rh_object *w = rh_slot_wrapper_new(rt, o, name);
            if (w || rh_err_occurred(rt)) return w;
        }
        break;
    case RH_K_WEAKREF:
        if (rh_str_eq(name, I->s_callback) && RH_API(I, "weakref", "__callback__")) return newref(rh_weakref_callback(rt, o));
        break;
    case RH_K_GENERATOR: case RH_K_COROUTINE: case RH_K_ASYNC_GENERATOR: /* gen.c */
    case RH_K_ASYNC_GEN_ASEND: case RH_K_ASYNC_GEN_ATHROW: return hx_gen_getattr(I, o, name);
    default: {
        if (rh_str_eq(name, I->s_class)) return newref(class_of(o));
        if (rh_type_of(o) != rh_builtin_type(rt, rh_kind_of(o))) { /* a static subtype sharing its base's kind */
            rh_object *v = rh_getattr(rt, o, name); /* (sys.version_info): its fields through its tp_getattro */
            if (v || rh_err_occurred(rt) != RH_EXC_ATTRIBUTE) return v;
            rh_err_clear(rt);
        }
        rh_object *r;
        int got = hx_funcobj_getattr(I, o, name, &r); /* builtins_func.c: cells, property, super... */
        if (!got && rh_kind_of(o) == RH_K_ARRAY) got = hx_array_getattr(I, o, hx_cstr(I, name), &r);
        if (!got && rh_kind_of(o) == RH_K_MEMORYVIEW) got = hx_memview_getattr(I, o, hx_cstr(I, name), &r); /* builtins_memview.c */
        if (!got && rh_kind_of(o) == RH_K_STRINGIO) got = hx_stringio_getattr(I, o, hx_cstr(I, name), &r);
        if (!got && rh_kind_of(o) == RH_K_BYTESIO) got = hx_bytesio_getattr(I, o, hx_cstr(I, name), &r); /* mod_bytesio.c */
        if (!got && rh_kind_of(o) == RH_K_STRUCT) got = hx_struct_getattr(I, o, hx_cstr(I, name), &r); /* mod_struct.c */
        if (!got && rh_kind_of(o) == RH_K_DIRENTRY) got = hx_posix_getattr(I, o, hx_cstr(I, name), &r); /* mod_posix.c */
        if (!got && rh_kind_of(o) == RH_K_UNION) got = hx_union_getattr(I, o, name, &r); /* builtins_proxy.c */
        if (!got && rh_kind_of(o) == RH_K_COMPLEX) got = hx_complex_getattr(I, o, hx_cstr(I, name), &r); /* builtins_complex.c */
        if (!got && rh_kind_of(o) == RH_K_SLICE) got = hx_slice_getattr(I, o, hx_cstr(I, name), &r); /* builtins_slice.c */
        if (!got && rh_kind_of(o) == RH_K_RANGE) got = range_member(I, o, name, &r);
        if (!got) got = hx_collections_getattr(I, o, name, &r); /* mod_collections.c: deque.maxlen */
        if (!got) got = hx_dictview_getattr(I, o, name, &r); /* builtins_dictview.c: view.mapping */
        if (!got && (rh_kind_of(o) == RH_K_SRE_PATTERN || rh_kind_of(o) == RH_K_SRE_MATCH || rh_kind_of(o) == RH_K_SRE_SCANNER))
            got = hx_sre_getattr(I, o, name, &r);
        if (got) return got > 0 ? r : NULL;
        const rh_builtin_def *d = hx_find_method_def(I, o, hx_cstr(I, name));
        if (d) return rh_builtin_new(rt, d, o);
        rh_object *cm = hx_base_classmethod(I, rh_type_of(o), (rh_object *)rh_type_of(o), name); /* {}.fromkeys */
        if (cm) return cm;
        /* a special method one of the type's slots answers (__next__, __iter__, __len__): a method-wrapper
         * bound to o, as the type's wrapper_descriptor gives (PyWrapper_New) */
        rh_object *w = rh_slot_wrapper_new(rt, o, name);
        if (w || rh_err_occurred(rt)) return w;
        if (rh_str_eq_cstr(name, "__new__")) /* tp_new_wrapper in the type's dict: not bound to o (None.__new__) */
            return type_attr(I, (rh_object *)rh_type_of(o), name);
        if (rh_kind_of(o) == RH_K_NONE && rh_str_eq_cstr(name, "__doc__")) /* NoneType has no tp_doc: type_ready */
            return newref(rh_none(rt));                                     /* stores __doc__ = None (enum.py) */
        break;
    }
    }
    rh_err_set(rt, RH_EXC_ATTRIBUTE, "'%s' object has no attribute '%s'", hx_tname(o), hx_cstr(I, name));
    return NULL;
}

/* type_setattro on a static type, setting or deleting (2.7: "can't set attributes of built-in/extension type") */
static int immutable_type_setattr(hx_interp *I, rh_object *t, rh_object *name) {
    if (rh_runtime_profile(I->rt)->python2)
        rh_err_set(I->rt, RH_EXC_TYPE, "can't set attributes of built-in/extension type '%s'", ((rh_type *)t)->name);
    else
        rh_err_set(I->rt, RH_EXC_TYPE, "cannot set '%s' attribute of immutable type '%s'", hx_cstr(I, name), ((rh_type *)t)->name);
    return -1;
}

int hx_setattr(hx_interp *I, rh_object *o, rh_object *name, rh_object *v) {
    rh_runtime *rt = I->rt;
    if (rh_kind_of(o) == RH_K_WEAKPROXY) { /* proxy_setattr */
        rh_object *r = proxy_referent(I, o);
        int rc = r ? hx_setattr(I, r, name, v) : -1;
        rh_xdecref(rt, r);
        return rc;
    }
    if (hx_is_builtin_subclass_instance(o)) return rh_setattr(rt, o, name, v);
    switch (rh_kind_of(o)) {
    case RH_K_INSTANCE: case RH_K_EXCEPTION: case RH_K_NAMESPACE: return rh_setattr(rt, o, name, v);
    case RH_K_TYPE:
        if (hx_is_heap_class(o)) return rh_setattr(rt, o, name, v); /* type_setattro */
        return immutable_type_setattr(I, o, name);
    case RH_K_MODULE: return rh_dict_set(rt, rh_module_dict(o), name, v);
    case RH_K_FUNCTION: return hx_func_setattr(I, o, name, v); /* builtins_func.c */
    case RH_K_FRAME: return frame_setattr(I, o, name, v);
    default:
        if (rh_kind_of(o) == RH_K_PROPERTY && v && rh_str_eq_cstr(name, "__doc__")) { /* property_members' */
            rh_property_set_doc(rt, o, v); /* writable T_OBJECT prop_doc (urllib.parse sets the fields' docs) */
            return 0;
        }
        if (rh_kind_of(o) == RH_K_COMPLEX && (rh_str_eq_cstr(name, "real") || rh_str_eq_cstr(name, "imag"))) {
            rh_err_set(rt, RH_EXC_ATTRIBUTE, "readonly attribute"); /* complex_members: READONLY T_DOUBLE */
            return -1;
        }
        if (rh_kind_of(o) == RH_K_SLICE && hx_slice_setattr(I, name)) return -1; /* builtins_slice.c */
        if (rh_kind_of(o) == RH_K_TUPLEGETTER && hx_tuplegetter_setattr(I, o, name, v)) return 0; /* mod_collections.c */
        if (rh_structseq_kind_of((rh_object *)rh_type_of(o)) >= 0) { /* a field: structseq's READONLY members */
            rh_object *f = rh_getattr(rt, o, name);
            if (f) {
                rh_decref(rt, f);
                rh_err_set(rt, rh_runtime_profile(rt)->python2 ? RH_EXC_TYPE : RH_EXC_ATTRIBUTE, "readonly attribute");
                return -1;
            }
            rh_err_clear(rt);
        }
        rh_err_set(rt, RH_EXC_ATTRIBUTE, "'%s' object has no attribute '%s'", hx_tname(o), hx_cstr(I, name));
        return -1;
    }
}

int hx_delattr(hx_interp *I, rh_object *o, rh_object *name) {
    rh_runtime *rt = I->rt;
    if (rh_kind_of(o) == RH_K_WEAKPROXY) { /* proxy_setattr with NULL */
        rh_object *r = proxy_referent(I, o);
        int rc = r ? hx_delattr(I, r, name) : -1;
        rh_xdecref(rt, r);
        return rc;
    }
    if (hx_is_builtin_subclass_instance(o)) return rh_delattr(rt, o, name);
    switch (rh_kind_of(o)) {
    case RH_K_INSTANCE: case RH_K_EXCEPTION: case RH_K_NAMESPACE: return rh_delattr(rt, o, name);
    case RH_K_TYPE:
        if (hx_is_heap_class(o)) return rh_delattr(rt, o, name);
        return immutable_type_setattr(I, o, name);
    case RH_K_FUNCTION: return hx_func_setattr(I, o, name, NULL); /* builtins_func.c */
    case RH_K_FRAME: return frame_setattr(I, o, name, NULL);
    case RH_K_MODULE:
        if (rh_dict_del(rt, rh_module_dict(o), name) == 0) return 0;
        rh_err_set(rt, RH_EXC_ATTRIBUTE, "module '%s' has no attribute '%s'", hx_cstr(I, rh_module_name(o)), hx_cstr(I, name));
        return -1;
    default: break;
    }
    rh_err_set(rt, RH_EXC_ATTRIBUTE, "'%s' object has no attribute '%s'", hx_tname(o), hx_cstr(I, name));
    return -1;
}

/* ---------------------------------------------------------------- subscripts */

static int64_t seq_len(rh_object *o) {
    switch (rh_kind_of(o)) {
    case RH_K_LIST: return (int64_t)rh_list_len(o);
    case RH_K_TUPLE: return (int64_t)rh_tuple_len(o);
    case RH_K_STR: return (int64_t)rh_str_len(o);
    case RH_K_ARRAY: return (int64_t)rh_array_len(o);
    case RH_K_BYTES: case RH_K_BYTEARRAY: return (int64_t)rh_bytes_len(o);
    case RH_K_RANGE: return rh_range_is_long(o) ? -2 : rh_range_len(o);
    default: return -1;
    }
}

/* Normalise slice bounds b (given where has[k]) against length len: start, stop, step, count. */
static int64_t slice_norm(int64_t len, const int64_t b[3], const int has[3], int64_t *st, int64_t *sp, int64_t *step) {
    *st = b[0];
    *sp = b[1];
    *step = b[2];
    return rh_slice_indices(len, has[0], st, has[1], sp, *step);
}

static int step_ok(hx_interp *I, const int64_t b[3], const int has[3]) {
    if (has[2] && b[2] == 0) { rh_err_set(I->rt, RH_EXC_VALUE, "slice step cannot be zero"); return 0; }
    return 1;
}

rh_object *hx_slice(hx_interp *I, rh_object *o, const int64_t b[3], const int has[3]) {
    rh_runtime *rt = I->rt;
    rh_kind k = rh_kind_of(o);
    int64_t len = seq_len(o), st, sp, step;
    if (len < 0) {
        rh_err_set(rt, RH_EXC_TYPE, "'%s' object is not subscriptable", hx_tname(o));
        return NULL;
    }
    if (k == RH_K_RANGE && rh_runtime_profile(rt)->python2) { /* 2.7's xrange: sq_item only */
        rh_err_set(rt, RH_EXC_TYPE, "sequence index must be integer, not 'slice'");
        return NULL;
    }
    if (!step_ok(I, b, has)) return NULL;
    slice_norm(len, b, has, &st, &sp, &step);
    if (k == RH_K_RANGE) return rh_range_slice(rt, o, st, sp, step);
    if (k == RH_K_LIST) return rh_list_slice(rt, o, st, sp, step);
    if (k == RH_K_TUPLE) return rh_tuple_slice(rt, o, st, sp, step);
    if (k == RH_K_ARRAY) return rh_array_slice(rt, o, st, sp, step);
    if (k == RH_K_BYTES || k == RH_K_BYTEARRAY) return rh_bytes_slice(rt, o, st, sp, step);
    return rh_str_slice(rt, o, st, sp, step);
}

/* array_ass_subscr for a slice: a[b] = v (an array) or del a[b] (v NULL) */
static int array_slice_store(hx_interp *I, rh_object *o, const int64_t b[3], const int has[3], rh_object *v) {
    int64_t st, sp, step;
    if (!step_ok(I, b, has)) return -1;
    slice_norm((int64_t)rh_array_len(o), b, has, &st, &sp, &step);
    return rh_array_ass_slice(I->rt, o, st, sp, step, v);
}

/* bytearray_ass_subscript for a slice: v converted to a bytes-like first (builtins_bytes.c) */
static int bytearray_slice_store(hx_interp *I, rh_object *o, const int64_t b[3], const int has[3], rh_object *v) {
    int64_t st, sp, step;
    rh_object *buf = NULL;
    if (!step_ok(I, b, has) || (v && !(buf = hx_bytes_slice_value(I, o, v)))) return -1;
    slice_norm((int64_t)rh_bytes_len(o), b, has, &st, &sp, &step);
    int rc = rh_bytearray_ass_slice(I->rt, o, st, sp, step, buf);
    rh_xdecref(I->rt, buf);
    return rc;
}

int hx_del_slice(hx_interp *I, rh_object *o, const int64_t b[3], const int has[3]) {
    rh_runtime *rt = I->rt;
    if (rh_kind_of(o) == RH_K_ARRAY) return array_slice_store(I, o, b, has, NULL);
    if (rh_kind_of(o) == RH_K_BYTEARRAY) return bytearray_slice_store(I, o, b, has, NULL);
    if (rh_kind_of(o) != RH_K_LIST) {
        rh_err_set(rt, RH_EXC_TYPE, "'%s' object does not support item deletion", hx_tname(o));
        return -1;
    }
    if (!step_ok(I, b, has)) return -1;
    int64_t st, sp, step;
    slice_norm((int64_t)rh_list_len(o), b, has, &st, &sp, &step);
    return rh_list_ass_slice(rt, o, st, sp, step, NULL);
}

/* o[b] = v for a list o (list_ass_subscript): v as it is when a list or tuple, else the list its items make
 * (PySequence_Fast). */
int hx_store_slice(hx_interp *I, rh_object *o, const int64_t b[3], const int has[3], rh_object *v) {
    rh_runtime *rt = I->rt;
    if (rh_kind_of(o) == RH_K_ARRAY) return array_slice_store(I, o, b, has, v);
    if (rh_kind_of(o) == RH_K_BYTEARRAY) return bytearray_slice_store(I, o, b, has, v);
    if (rh_kind_of(o) != RH_K_LIST) {
        rh_err_set(rt, RH_EXC_TYPE, "'%s' object does not support item assignment", hx_tname(o));
        return -1;
    }
    if (!step_ok(I, b, has)) return -1;
    rh_kind k = rh_kind_of(v);
    rh_object *seq;
    if (k == RH_K_LIST || k == RH_K_TUPLE) {
        seq = newref(v);
    } else if (!(seq = hx_iter_list(I, v))) { /* PySequence_Fast: any iterable (re._parser's SubPattern) */
        if (rh_err_occurred(rt) == RH_EXC_TYPE) /* its TypeError replaced (refheap: also one raised while iterating) */
            rh_err_set(rt, RH_EXC_TYPE, has[2] && b[2] != 1 ? "must assign iterable to extended slice"
                                                             : "can only assign an iterable");
        return -1;
    }
    int64_t st, sp, step;
    slice_norm((int64_t)rh_list_len(o), b, has, &st, &sp, &step);
    int rc = rh_list_ass_slice(rt, o, st, sp, step, seq);
    rh_decref(rt, seq);
    return rc;
}

/* o[idx], o[idx] = v, del o[idx]: PyObject_GetItem / SetItem / DelItem through the type's slots, so
 * built-in containers and classes defining __getitem__/__setitem__/__delitem__ take the same path. */
/* PyObject_GetItem on a class (3.7+, PEP 560): its __class_getitem__ (a classmethod type_new made, bound to
 * the class by type_getattro) called with the key; without one (or None) "type 'C' is not subscriptable"
 * (3.11; 3.10 says "'type' object is not subscriptable" and calls a None) */
static rh_object *class_getitem(hx_interp *I, rh_object *cls, rh_object *idx) {
    rh_object *m = rh_class_special(I->rt, cls, "__class_getitem__");
    int py310 = rh_runtime_profile(I->rt)->version_hex < 0x030B; /* 3.10 calls None, names the type 'type' */
    if (!m || (m == rh_none(I->rt) && !py310)) {
        if (py310) rh_err_set(I->rt, RH_EXC_TYPE, "'%s' object is not subscriptable", hx_tname(cls));
        else rh_err_set(I->rt, RH_EXC_TYPE, "type '%s' is not subscriptable", ((rh_type *)cls)->name);
        return NULL;
    }
    rh_object *name = hx_name(I, "__class_getitem__");
    if (!name || !(m = type_attr(I, cls, name))) return NULL;
    rh_object *r = hx_call_borrowed(I, m, &idx, 1);
    rh_decref(I->rt, m);
    return r;
}

/* A slice object subscripting a built-in sequence whose type's subscript is its own (not a subclass
 * overriding __getitem__): list_subscript & co. read its bounds (PySlice_Unpack) */
static int slice_key(hx_interp *I, rh_object *o, rh_object *idx) {
    if (rh_kind_of(idx) != RH_K_SLICE || seq_len(o) < 0) return 0; /* -2: a range beyond C long (its own slot) */
    const rh_type *t = rh_type_of(o), *b = rh_builtin_type(I->rt, rh_kind_of(o));
    return t == b || t->as_mapping.mp_subscript == b->as_mapping.mp_subscript;
}

/* BINARY_SLICE without a slice object: o is a built-in sequence of its exact type and the slice CPython
 * would build allocates nothing (the parked one is reused, profile->slice_cache) or, on 2.7, is not made
 * (SLICE+n for a[i:j]); otherwise the VM builds the slice object and subscripts with it */
int hx_slice_fast(hx_interp *I, rh_object *o, unsigned mask) {
    rh_kind k = rh_kind_of(o);
    if (seq_len(o) < 0 || rh_type_of(o) != rh_builtin_type(I->rt, k)) return 0;
    return rh_runtime_profile(I->rt)->slice_cache ? rh_slice_cached(I->rt) : !(mask & 4);
}

rh_object *hx_subscr(hx_interp *I, rh_object *o, rh_object *idx) {
    if (hx_is_heap_class(o) && !(((rh_type *)o)->flags & RH_TPFLAG_CLASSIC) && !rh_runtime_profile(I->rt)->python2)
        return class_getitem(I, o, idx);
    if (rh_kind_of(o) == RH_K_TYPE && hx_kind_is_generic(((rh_type *)o)->kind) && rh_builtin_type(I->rt, ((rh_type *)o)->kind) == (rh_type *)o &&
        !rh_runtime_profile(I->rt)->python2) /* list[int]: __class_getitem__ = Py_GenericAlias (PEP 585) */
        return rh_genericalias_new(I->rt, o, idx);
    if (slice_key(I, o, idx)) {
        int64_t b[3];
        int has[3];
        return hx_slice_bounds(I, idx, b, has) ? NULL : hx_slice(I, o, b, has);
    }
    return rh_getitem(I->rt, o, idx);
}

int hx_store_subscr(hx_interp *I, rh_object *o, rh_object *idx, rh_object *v) {
    if (slice_key(I, o, idx)) {
        int64_t b[3];
        int has[3];
        return hx_slice_bounds(I, idx, b, has) ? -1 : hx_store_slice(I, o, b, has, v);
    }
    return rh_setitem(I->rt, o, idx, v);
}

int hx_del_subscr(hx_interp *I, rh_object *o, rh_object *idx) {
    if (slice_key(I, o, idx)) {
        int64_t b[3];
        int has[3];
        return hx_slice_bounds(I, idx, b, has) ? -1 : hx_del_slice(I, o, b, has);
    }
    return rh_delitem(I->rt, o, idx);
}

/* ---------------------------------------------------------------- names */

/* rh_dict_get(d, name) for a name node, remembering the entry position where the name was found. A
 * remembered position is only a hint: the entry read back there must hold this very key object (a live
 * entry with the key is the key's only entry), so changes to the dict can never make it stale. The search
 * for a position is dropped for a node whose name keeps moving (deleted and re-bound). */
#define GCACHE_REFILLS 8
static __attribute__((noinline)) rh_object *cached_refill(hx_interp *I, rh_object *d, rh_object *name, int *pos,
                                                          int *refills) {
    rh_object *k, *v = rh_dict_get(I->rt, d, name);
    if (!v || *pos < 0) return v;
    if (++*refills > GCACHE_REFILLS) { *pos = -1; return v; }
    rh_object *w;
    size_t p = 0;
    for (int steps = 0; steps < 64 && rh_dict_next(d, &p, &k, &w); steps++)
        if (k == name) { *pos = p <= (size_t)INT32_MAX ? (int)p : -1; return v; }
    *pos = -1;
    return v;
}

static inline rh_object *cached_get(hx_interp *I, rh_object *d, rh_object *name, int *pos, int *refills) {
    if (*pos > 0) {
        rh_object *k, *v;
        size_t p = (size_t)(*pos - 1);
        if (rh_dict_next(d, &p, &k, &v) && k == name) return v;
    }
    return cached_refill(I, d, name, pos, refills);
}

rh_object *hx_load_global(hx_interp *I, rh_object *globals, hx_gcache *gc) {
    rh_object *v = globals ? cached_get(I, globals, gc->name, &gc->gpos, &gc->grefills) : NULL;
    if (!v && !rh_err_occurred(I->rt)) v = cached_get(I, I->builtins, gc->name, &gc->bpos, &gc->brefills);
    if (v) return newref(v);
    if (rh_err_occurred(I->rt)) return NULL;
    rh_err_set(I->rt, RH_EXC_NAME, "name '%s' is not defined", hx_cstr(I, gc->name));
    rh_err_name_context(I->rt, NULL, gc->name); /* format_exc_check_arg */
    return NULL;
}

/* ---------------------------------------------------------------- module */

/* pyrun_file frees the AST arena and the module's code object once the module body has run: their
 * references to constants go (function code objects keep theirs until teardown). Error state is kept. A
 * second call (teardown) releases what a module imported after that (from a finalizer) added. */
void hx_release_module_consts(hx_interp *I) {
    if (I->consts_released && !I->nearly && !I->nconsts) return;
    I->consts_released = 1;
    rh_exc k = rh_err_occurred(I->rt);
    char msg[512];
    snprintf(msg, sizeof msg, "%s", rh_err_message(I->rt));
    for (int i = 0; i < I->nearly; i++) rh_decref(I->rt, I->early[i]);
    I->nearly = 0;
    for (int i = 0; i < I->nconsts; i++)
        if (!I->const_cfg[i]) rh_decref(I->rt, I->consts[i]);
    I->nconsts = 0;
    if (I->const_head) memset(I->const_head, 0xff, (size_t)I->const_hcap * sizeof *I->const_head); /* all -1 */
    if (k && !rh_err_occurred(I->rt)) {
        if (k == RH_EXC_MEMORY && !msg[0]) rh_err_nomemory(I->rt);
        else rh_err_set(I->rt, k, "%s", msg);
    }
}

static rh_object *intern_c(rh_runtime *rt, const char *s) { return rh_str_intern_utf8(rt, s, strlen(s)); }

/* The __main__ namespace as CPython's start-up leaves it for the program: PyModule_New's __name__,
 * __doc__, __package__ (3.x also __loader__, __spec__), add_main_module's __annotations__ (3.x) and
 * __builtins__, the file runner's __file__ (3.x also __cached__), in that order, so the program's names
 * come after them and the dict grows as CPython's does. __loader__ is None here (CPython: the
 * SourceFileLoader instance; docs/conformance.md). __builtins__ is a builtins module object, which also
 * keeps the dict tracked, as in CPython. The dict has survived start-up's collections: CPython 2.7 and
 * 3.10-3.13 hold it in generation 1 when the program starts (gc.get_objects(1)), behind every object
 * the program makes, so a full collection reaches the program's globals through it, in dict order. */
const char *hx_script_path(const hx_interp *I) {
    /* 3.9+ make the script's path absolute (pymain_run_python: config->run_filename through _Py_abspath) */
    if (!rh_runtime_profile(I->rt)->python2 && I->abspath) return I->abspath;
    return I->filename ? I->filename : "";
}

static int main_namespace_init(hx_interp *I) {
    rh_runtime *rt = I->rt;
    int py2 = rh_runtime_profile(rt)->python2;
    const char *file = hx_script_path(I);
    static const char *const names3[] = {"__name__", "__doc__", "__package__", "__loader__", "__spec__",
                                         "__annotations__", "__builtins__", "__file__", "__cached__", NULL};
    static const char *const names2[] = {"__name__", "__doc__", "__package__", "__builtins__", "__file__", NULL};
    rh_object *bname = intern_c(rt, py2 ? "__builtin__" : "builtins");
    rh_object *bmod = bname ? rh_module_new_with_dict(rt, bname, I->builtins) : NULL; /* the builtins module */
    rh_xdecref(rt, bname);
    if (!bmod) return -1;
    I->mod_builtins = newref(bmod); /* `import builtins` answers it */
    int rc = 0;
    for (const char *const *n = py2 ? names2 : names3; *n && rc == 0; n++) {
        rh_object *v = NULL;
        if (!strcmp(*n, "__name__")) v = newref(I->s_main);
        else if (!strcmp(*n, "__builtins__")) v = newref(bmod);
        else if (!strcmp(*n, "__annotations__")) v = rh_dict_new(rt);
        else if (!strcmp(*n, "__file__")) v = rh_str_from_utf8(rt, file, strlen(file));
        else v = newref(rh_none(rt));
        rc = v ? rh_dict_set_cstr(rt, I->globals, *n, v) : -1;
        rh_xdecref(rt, v);
    }
    rh_decref(rt, bmod);
    if (rc == 0) rh_gc_move_to_generation(rt, I->globals, 1);
    return rc;
}

int hx_interp_init(hx_interp *I, rh_runtime *rt) {
    I->rt = rt;
    I->frame_per_call = rh_runtime_profile(rt)->frame_per_call;
    I->exc_py2 = rh_runtime_profile(rt)->python2;
    I->compare_guarded = rh_runtime_profile(rt)->compare_guarded;
#define HX_NAME_INIT(field, text) if (!(I->field = intern_c(rt, text))) return -1;
    HX_INTERNED_NAMES(HX_NAME_INIT)
#undef HX_NAME_INIT
    I->arena_cap = (size_t)1 << 15;
    I->arena = malloc(I->arena_cap * sizeof *I->arena);
    if (!I->arena) I->arena_cap = 0;
    I->globals = rh_dict_new(rt);
    I->marks = rh_list_new(rt, 0);
    if (!I->globals || !I->marks) return -1;
    if (object_methods_init(I) != 0) return -1;
    if (hx_builtins_init(I) != 0) return -1;
    return main_namespace_init(I);
}

/* Interpreter exit, as CPython 3.11's finalize_modules: __main__ leaves sys.modules, and since its functions
 * and classes refer to its globals dict, the dict and everything only it holds become cyclic garbage for
 * the shutdown collection (_PyGC_CollectNoFail): their __del__ methods run in GC-list order. Without such
 * a cycle, dropping the dict deallocates it and its entries in order, as module_dealloc does. Then the
 * other modules go and a second collection runs. */
/* _PyModule_ClearDict (2.7: _PyModule_Clear, for __main__ in PyImport_Cleanup at exit): the module's
 * names are set to None in dict order, first those starting with a single underscore, then all others
 * but __builtins__. The objects die
 * here, by refcount, so their __del__ runs even when a legacy finalizer would keep a cycle in gc.garbage. */
void hx_module_clear_dict(hx_interp *I, rh_object *g) {
    rh_runtime *rt = I->rt;
    for (int pass = 0; pass < 2; pass++) {
        size_t pos = 0;
        rh_object *k, *v;
        while (rh_dict_next(g, &pos, &k, &v)) {
            const char *name = rh_kind_of(k) == RH_K_STR ? rh_str_utf8(rt, k, NULL) : NULL;
            if (!name || v == rh_none(rt) || strcmp(name, "__builtins__") == 0) continue;
            int under = name[0] == '_' && name[1] != '_';
            if (pass == 0 && !under) continue;
            rh_incref(k);
            if (rh_dict_set(rt, g, k, rh_none(rt)) != 0) rh_err_clear(rt);
            rh_decref(rt, k);
        }
    }
}

void hx_interp_finalize(hx_interp *I) {
    rh_runtime *rt = I->rt;
    I->exiting = 1;
    rh_err_clear(rt);
    rh_object *g = I->globals;
    if (g) {
        /* the file runner drops __file__ (3.x: and __cached__) once the program is over (3.11
         * _PyRun_SimpleFileObject, 2.7 PyRun_SimpleFileExFlags) */
        static const char *const runner_names[] = {"__file__", "__cached__"};
        for (size_t i = 0; i < sizeof runner_names / sizeof runner_names[0]; i++) {
            rh_object *k = intern_c(rt, runner_names[i]);
            if (!k || rh_dict_del(rt, g, k) != 0) rh_err_clear(rt);
            rh_xdecref(rt, k);
        }
    }
    hx_atexit_call(I); /* Py_FinalizeEx's _PyAtExit_Call, while the interpreter is intact */
    rh_err_clear(rt);
    /* Py_FinalizeEx's PyGC_Collect (2.7: Py_Finalize's): a full collection while __main__ is alive, when
     * the collector is enabled. It finds the program's objects ahead of the __main__ dict (generation 1),
     * so those reachable from it are scanned again in dict order: the order their finalizers will run in if
     * they die together in the shutdown collection below. */
    if (rh_gc_isenabled(rt)) rh_gc_collect(rt, 2);
    rh_err_clear(rt);
    I->globals = NULL;
    if (g && rh_runtime_profile(rt)->python2) hx_module_clear_dict(I, g);
    rh_xdecref(rt, g);
    rh_object *weaklist = hx_imports_remove(I);
    /* 2.7's Py_Finalize collects no more once PyImport_Cleanup has begun (its second PyGC_Collect is under
     * `#if 0`): what is left in cycles is never finalized; rh_runtime_free reclaims it silently */
    int py2 = rh_runtime_profile(rt)->python2;
    if (!py2) rh_gc_collect(rt, 2);
    rh_err_clear(rt);
    hx_imports_wipe(I, weaklist);
#define HX_MOD_ADDR(name) &I->mod_##name,
    rh_object **mods[] = {HX_NATIVE_MODULES(HX_MOD_ADDR)};
#undef HX_MOD_ADDR
    for (size_t i = 0; i < sizeof mods / sizeof mods[0]; i++) {
        rh_object *m = *mods[i];
        *mods[i] = NULL;
        if (m && rh_module_dict(m) != I->builtins) rh_dict_clear(rt, rh_module_dict(m)); /* builtins: below */
        rh_xdecref(rt, m);
    }
    rh_xdecref(rt, I->py27_ext); /* _PyImport_Fini, after PyImport_Cleanup */
    I->py27_ext = NULL;
    hx_random_state_free(I);
    if (!py2) rh_gc_collect(rt, 2);
    rh_err_clear(rt);
    hx_atexit_free(I); /* what a finalizer registered after the callbacks ran */
    rh_err_clear(rt);
}
