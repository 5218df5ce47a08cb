/* t_stringio.c — _io.StringIO (CPython 3.11 Modules/_io/stringio.c: stringio, resize_buffer, write_str,
 * _stringio_readline, the read/seek/tell/truncate/close methods) with newline="\n" (the default).
 *
 * Owns the kind RH_K_STRINGIO; argument parsing is the interpreter's (harness/src/mod_io.c).
 *
 * Invariants:
 *  - the text lives in one UCS-4 block from the PyMem domain (PyMem_Realloc in resize_buffer) of
 *    buf_size code points, always at least one longer than string_size; sys.getsizeof does not count it
 *    (StringIO has no __sizeof__ in 3.11);
 *  - GC-tracked from creation to dealloc in every version (it has a __dict__);
 *  - refheap keeps CPython's "realized" state only: the accumulating state (3.10/3.11: a _PyAccu, whose
 *    list of written strs is a GC object living with the StringIO; 3.12+: a _PyUnicodeWriter) is not
 *    modelled, so the buffer grows by resize_buffer's rule instead (docs/conformance.md).
 */
#include <string.h>

#include "callables.h"
#include "refheap/modtypes.h"

typedef struct rh_stringio {
    rh_object ob;
    uint32_t *buf;
    intptr_t pos;
    intptr_t string_size;
    size_t buf_size;
    int closed;
    rh_object *dict;        /* never made: refheap gives StringIO no attributes of its own */
    rh_object *weakreflist;
} rh_stringio;

static rh_stringio *as_sio(rh_object *o) { return (rh_stringio *)(void *)o; }

/* tp_basicsize of stringio: 2.7 112, 3.10/3.11 120, 3.12+ 168 (the writer a pointer, module state) */
static size_t basic_size(rh_runtime *rt) {
    uint32_t v = rt->profile->version_hex;
    return v < 0x0300 ? 112 : v < 0x030C ? 120 : 168;
}

/* resize_buffer: room for size + 1 code points; shrink to exact below half, grow by 1/8 when moderate */
static int resize_buffer(rh_runtime *rt, rh_stringio *s, size_t size) {
    size_t alloc = s->buf_size;
    size += 1;
    if (size > (size_t)RH_SSIZE_MAX) goto overflow;
    if (size < alloc / 2) alloc = size + 1;
    else if (size < alloc) return 0;
    else if ((double)size <= (double)alloc * 1.125) alloc = size + (size >> 3) + (size < 9 ? 3 : 6);
    else alloc = size + 1;
    if (alloc > SIZE_MAX / sizeof(uint32_t)) goto overflow;
    uint32_t *nb = rh__pymem_realloc(rt, s->buf, s->buf_size * sizeof(uint32_t), alloc * sizeof(uint32_t));
    if (!nb) return -1;
    s->buf = nb;
    s->buf_size = alloc;
    return 0;
overflow:
    rh_err_set(rt, RH_EXC_OVERFLOW, "new buffer size too large");
    return -1;
}

int rh_stringio_check_open(rh_runtime *rt, rh_object *o) {
    if (!as_sio(o)->closed) return 0;
    rh_err_set(rt, RH_EXC_VALUE, "I/O operation on closed file");
    return -1;
}

/* write_str: overwrite from pos, padding an overseek with NULs */
static int write_str(rh_runtime *rt, rh_stringio *s, rh_object *str) {
    intptr_t len = (intptr_t)rh_str_len(str);
    if (s->pos + len > s->string_size && resize_buffer(rt, s, (size_t)(s->pos + len))) return -1;
    if (s->pos > s->string_size)
        memset(s->buf + s->string_size, 0, (size_t)(s->pos - s->string_size) * sizeof(uint32_t));
    for (intptr_t i = 0; i < len; i++) s->buf[s->pos + i] = rh_str_char_at(str, (size_t)i);
    s->pos += len;
    if (s->string_size < s->pos) s->string_size = s->pos;
    return 0;
}

rh_object *rh_stringio_new(rh_runtime *rt, rh_object *initial) {
    rh_object *o = new_gc(rt, RH_K_STRINGIO, basic_size(rt));
    if (!o) return NULL;
    rh_stringio *s = as_sio(o);
    rh__gc_track(rt, o);
    /* stringio_init: resize_buffer(0), then the initial value written and the position rewound */
    if (resize_buffer(rt, s, 0) || (initial && rh_str_len(initial) && write_str(rt, s, initial))) {
        rh_decref(rt, o);
        return NULL;
    }
    s->pos = 0;
    return o;
}

int rh_stringio_write(rh_runtime *rt, rh_object *o, rh_object *str, int64_t *written) {
    if (rh_kind_of(str) != RH_K_STR) {
        rh_err_set(rt, RH_EXC_TYPE, "string argument expected, got '%s'", rh_type_name(str));
        return -1;
    }
    if (rh_stringio_check_open(rt, o)) return -1;
    *written = (int64_t)rh_str_len(str);
    return *written > 0 ? write_str(rt, as_sio(o), str) : 0;
}

/* A str of the code points buf[start, start+n) (PyUnicode_FromKindAndData). */
static rh_object *text(rh_runtime *rt, const uint32_t *p, size_t n) {
    rh__sb b;
    rh__sb_init(&b, rt);
    for (size_t i = 0; i < n; i++) {
        uint32_t c = p[i];
        char u[4];
        size_t k;
        if (c < 0x80) { u[0] = (char)c; k = 1; }
        else if (c < 0x800) { u[0] = (char)(0xc0 | c >> 6); u[1] = (char)(0x80 | (c & 0x3f)); k = 2; }
        else if (c < 0x10000) { u[0] = (char)(0xe0 | c >> 12); u[1] = (char)(0x80 | ((c >> 6) & 0x3f)); u[2] = (char)(0x80 | (c & 0x3f)); k = 3; }
        else { u[0] = (char)(0xf0 | c >> 18); u[1] = (char)(0x80 | ((c >> 12) & 0x3f)); u[2] = (char)(0x80 | ((c >> 6) & 0x3f)); u[3] = (char)(0x80 | (c & 0x3f)); k = 4; }
        if (rh__sb_putn(&b, u, k)) break;
    }
    return rh__sb_finish(&b);
}

rh_object *rh_stringio_getvalue(rh_runtime *rt, rh_object *o) {
    if (rh_stringio_check_open(rt, o)) return NULL;
    return text(rt, as_sio(o)->buf, (size_t)as_sio(o)->string_size);
}

rh_object *rh_stringio_read(rh_runtime *rt, rh_object *o, int64_t size) {
    if (rh_stringio_check_open(rt, o)) return NULL;
    rh_stringio *s = as_sio(o);
    int64_t n = s->string_size - s->pos;
    if (size < 0 || size > n) size = n < 0 ? 0 : n;
    const uint32_t *p = s->buf + s->pos;
    s->pos += size;
    return text(rt, p, (size_t)size);
}

/* _stringio_readline with newline "\n": up to and including the first "\n", at most limit */
rh_object *rh_stringio_readline(rh_runtime *rt, rh_object *o, int64_t limit) {
    if (rh_stringio_check_open(rt, o)) return NULL;
    rh_stringio *s = as_sio(o);
    if (s->pos >= s->string_size) return text(rt, NULL, 0);
    if (limit < 0 || limit > s->string_size - s->pos) limit = s->string_size - s->pos;
    const uint32_t *start = s->buf + s->pos;
    int64_t len = 0;
    while (len < limit && start[len] != '\n') len++;
    if (len < limit) len++; /* the line ending itself */
    s->pos += len;
    return text(rt, start, (size_t)len);
}

int rh_stringio_tell(rh_runtime *rt, rh_object *o, int64_t *pos) {
    if (rh_stringio_check_open(rt, o)) return -1;
    *pos = as_sio(o)->pos;
    return 0;
}

int rh_stringio_seek(rh_runtime *rt, rh_object *o, int64_t pos, int whence, int64_t *out) {
    if (rh_stringio_check_open(rt, o)) return -1;
    rh_stringio *s = as_sio(o);
    if (whence != 0 && whence != 1 && whence != 2) {
        rh_err_set(rt, RH_EXC_VALUE, "Invalid whence (%d, should be 0, 1 or 2)", whence);
        return -1;
    }
    if (pos < 0 && whence == 0) {
        rh_err_set(rt, RH_EXC_VALUE, "Negative seek position %lld", (long long)pos);
        return -1;
    }
    if (whence != 0 && pos != 0) {
        rh_err_set(rt, RH_EXC_OS, "Can't do nonzero cur-relative seeks");
        return -1;
    }
    if (whence == 1) pos = s->pos;
    else if (whence == 2) pos = s->string_size;
    s->pos = (intptr_t)pos;
    *out = pos;
    return 0;
}

int rh_stringio_truncate(rh_runtime *rt, rh_object *o, int64_t size, int64_t *out) {
    if (rh_stringio_check_open(rt, o)) return -1;
    rh_stringio *s = as_sio(o);
    if (size < 0) size = s->pos;
    if (size < s->string_size) {
        if (resize_buffer(rt, s, (size_t)size)) return -1;
        s->string_size = (intptr_t)size;
    }
    *out = size;
    return 0;
}

/* stringio_close: the buffer goes at once */
void rh_stringio_close(rh_runtime *rt, rh_object *o) {
    rh_stringio *s = as_sio(o);
    s->closed = 1;
    if (s->buf) rh_mem_free(rt, s->buf, s->buf_size * sizeof(uint32_t));
    s->buf = NULL;
    s->buf_size = 0;
}

int rh_stringio_closed(rh_object *o) { return as_sio(o)->closed; }

static int stringio_traverse(rh_object *o, rh_visitproc visit, void *arg) {
    VISIT((rh_object *)o->type); /* a heap type in 3.x */
    VISIT(as_sio(o)->dict);
    return 0;
}

static int stringio_clear(rh_runtime *rt, rh_object *o) {
    clear_slot(rt, &as_sio(o)->dict);
    return 0;
}

static void stringio_dealloc(rh_runtime *rt, rh_object *o) {
    rh_stringio *s = as_sio(o);
    rh__gc_untrack(rt, o);
    if (s->buf) rh_mem_free(rt, s->buf, s->buf_size * sizeof(uint32_t));
    s->buf = NULL;
    if (s->weakreflist) rh__weakref_clear_all(rt, o);
    clear_slot(rt, &s->dict);
    rh__object_free(rt, o, basic_size(rt));
}

/* iternext: the next line; "" is the end */
static rh_object *stringio_iternext(rh_runtime *rt, rh_object *o) {
    if (rh_stringio_closed(o)) {
        rh_err_set(rt, RH_EXC_VALUE, "I/O operation on closed file.");
        return NULL;
    }
    rh_object *line = rh_stringio_readline(rt, o, -1);
    if (line && rh_str_len(line) == 0) {
        rh_decref(rt, line);
        return NULL;
    }
    return line;
}

static rh_object *stringio_iter(rh_runtime *rt, rh_object *o) {
    if (rh_stringio_closed(o)) { /* _io._IOBase.__iter__: iobase_check_closed */
        rh_err_set(rt, RH_EXC_VALUE, "I/O operation on closed file.");
        return NULL;
    }
    rh_incref(o);
    return o;
}

static int type_repr_into(rh__sb *b, rh_object *o) {
    return rh__sb_printf(b, "<%s object at %p>", o->type->name, (void *)o);
}

void rh__type_init_stringio(rh_runtime *rt, rh_type *t) {
    set_type(t, "_io.StringIO", basic_size(rt), offsetof(rh_stringio, weakreflist), stringio_dealloc,
             stringio_traverse, stringio_clear);
    t->flags |= RH_TPFLAG_BASETYPE;
    t->repr_into = type_repr_into;
    t->tp_iter = stringio_iter;
    t->tp_iternext = stringio_iternext;
}
