/* mod_io.c — the _io module's StringIO (CPython 3.11 Modules/_io/stringio.c, argument clinic of
 * Modules/_io/clinic/stringio.c.h) and a native `io` exporting it.
 *
 * Owns the StringIO constructor, its methods (write, getvalue, read, readline, readlines, seek, tell,
 * truncate, close, __enter__, __exit__, readable, writable, seekable) and attributes (closed, newlines,
 * line_buffering), over the type in reference/src/t_stringio.c.
 * CPython's io is Lib/io.py over _io; refheap's `io` is native until the Lib can run (docs/conformance.md):
 * hx_module_io builds `_io` (with the base classes of mod_iobase.c) and `io` the way Lib/io.py does (the
 * ABCs made by abc.ABCMeta over the _io bases, the names re-exported from _io, so `io.X is _io.X`).
 * Only newline="\n" (the default) is modelled; other newline values raise refheap.Unsupported.
 */
#include <stdlib.h>
#include <string.h>

#include "interp.h"

#define FN(name) static rh_object *name(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw)
#define UNUSED (void)kwn; (void)kwv

static rh_object *newref(rh_object *o) { rh_incref(o); return o; }

static int nargs(hx_interp *I, const char *fn, int n, int nkw, int lo, int hi) {
    if (nkw) { rh_err_set(I->rt, RH_EXC_TYPE, "%s() takes no keyword arguments", fn); return -1; }
    if (n >= lo && n <= hi) return 0;
    if (hi == 0) rh_err_set(I->rt, RH_EXC_TYPE, "%s() takes no arguments (%d given)", fn, n);
    else if (lo == hi) rh_err_set(I->rt, RH_EXC_TYPE, "%s() takes exactly one argument (%d given)", fn, n);
    else if (n < lo) rh_err_set(I->rt, RH_EXC_TYPE, "%s expected at least %d argument%s, got %d", fn, lo, lo == 1 ? "" : "s", n);
    else rh_err_set(I->rt, RH_EXC_TYPE, "%s expected at most %d argument%s, got %d", fn, hi, hi == 1 ? "" : "s", n);
    return -1;
}

/* the int *v once rc (a call already made) is 0 */
static rh_object *int_or_null(hx_interp *I, int rc, const int64_t *v) { return rc ? NULL : rh_int_from_i64(I->rt, *v); }

/* StringIO(initial_value='', newline='\n') */
FN(sio_new) {
    (void)self;
    rh_object *init = n > 0 ? a[0] : NULL, *nl = n > 1 ? a[1] : NULL;
    if (n > 2) { rh_err_set(I->rt, RH_EXC_TYPE, "StringIO() takes at most 2 arguments (%d given)", n); return NULL; }
    for (int q = 0; q < nkw; q++) {
        if (!strcmp(kwn[q], "initial_value")) init = kwv[q];
        else if (!strcmp(kwn[q], "newline")) nl = kwv[q];
        else { rh_err_set(I->rt, RH_EXC_TYPE, "StringIO() got an unexpected keyword argument '%s'", kwn[q]); return NULL; }
    }
    if (nl && nl != rh_none(I->rt) && rh_kind_of(nl) != RH_K_STR) {
        rh_err_set(I->rt, RH_EXC_TYPE, "newline must be str or None, not %s", hx_tname(nl));
        return NULL;
    }
    if (nl && nl != rh_none(I->rt)) {
        const char *s = hx_cstr(I, nl);
        if (strcmp(s, "") && strcmp(s, "\n") && strcmp(s, "\r") && strcmp(s, "\r\n")) {
            rh_object *r = rh_repr(I->rt, nl);
            rh_err_set(I->rt, RH_EXC_VALUE, "illegal newline value: %s", r ? hx_cstr(I, r) : "?");
            rh_xdecref(I->rt, r);
            return NULL;
        }
    }
    if (nl && (nl == rh_none(I->rt) || strcmp(hx_cstr(I, nl), "\n") != 0)) {
        rh_err_set(I->rt, RH_EXC_UNSUPPORTED, "StringIO(newline=...) other than '\\n'");
        return NULL;
    }
    if (init == rh_none(I->rt)) init = NULL;
    if (init && rh_kind_of(init) != RH_K_STR) {
        rh_err_set(I->rt, RH_EXC_TYPE, "initial_value must be str or None, not %s", hx_tname(init));
        return NULL;
    }
    return rh_stringio_new(I->rt, init);
}

FN(sio_write) {
    UNUSED;
    int64_t w;
    if (nargs(I, "write", n, nkw, 1, 1)) return NULL;
    int rc = rh_stringio_write(I->rt, self, a[0], &w);
    return int_or_null(I, rc, &w);
}
FN(sio_getvalue) {
    UNUSED; (void)a;
    if (nargs(I, "getvalue", n, nkw, 0, 0)) return NULL;
    return rh_stringio_getvalue(I->rt, self);
}
FN(sio_read) {
    UNUSED;
    int64_t size;
    if (nargs(I, "read", n, nkw, 0, 1) || hx_io_opt_size(I, a, n, &size)) return NULL;
    return rh_stringio_read(I->rt, self, size);
}
FN(sio_readline) {
    UNUSED;
    int64_t size;
    if (nargs(I, "readline", n, nkw, 0, 1) || hx_io_opt_size(I, a, n, &size)) return NULL;
    return rh_stringio_readline(I->rt, self, size);
}
/* _io._IOBase.readlines(hint=-1): the lines by iteration */
FN(sio_readlines) {
    UNUSED;
    int64_t hint;
    if (nargs(I, "readlines", n, nkw, 0, 1) || hx_io_opt_size(I, a, n, &hint)) return NULL;
    if (rh_stringio_check_open(I->rt, self)) return NULL;
    rh_object *l = rh_list_new(I->rt, 0), *line;
    int64_t total = 0;
    while (l && (line = rh_stringio_readline(I->rt, self, -1))) {
        size_t len = rh_str_len(line);
        if (!len) { rh_decref(I->rt, line); break; }
        int rc = rh_list_append(I->rt, l, line);
        rh_decref(I->rt, line);
        if (rc) { rh_decref(I->rt, l); return NULL; }
        total += (int64_t)len;
        if (hint > 0 && total >= hint) break;
    }
    if (rh_err_occurred(I->rt)) { rh_xdecref(I->rt, l); return NULL; }
    return l;
}
FN(sio_tell) {
    UNUSED; (void)a;
    int64_t p;
    if (nargs(I, "tell", n, nkw, 0, 0)) return NULL;
    int rc = rh_stringio_tell(I->rt, self, &p);
    return int_or_null(I, rc, &p);
}
FN(sio_seek) {
    UNUSED;
    int64_t pos, whence = 0, out;
    if (nargs(I, "seek", n, nkw, 1, 2)) return NULL;
    if (rh_index_value(I->rt, a[0], &pos) || (n > 1 && rh_index_value(I->rt, a[1], &whence))) return NULL;
    int rc = rh_stringio_seek(I->rt, self, pos, (int)whence, &out);
    return int_or_null(I, rc, &out);
}
FN(sio_truncate) {
    UNUSED;
    int64_t size = -1, out;
    if (nargs(I, "truncate", n, nkw, 0, 1)) return NULL;
    if (rh_stringio_check_open(I->rt, self)) return NULL;
    if (n == 1 && a[0] != rh_none(I->rt)) {
        if (rh_index_value(I->rt, a[0], &size)) return NULL;
        if (size < 0) { rh_err_set(I->rt, RH_EXC_VALUE, "Negative size value %lld", (long long)size); return NULL; }
    }
    int rc = rh_stringio_truncate(I->rt, self, size, &out);
    return int_or_null(I, rc, &out);
}
FN(sio_close) {
    UNUSED; (void)a;
    if (nargs(I, "close", n, nkw, 0, 0)) return NULL;
    rh_stringio_close(I->rt, self);
    return newref(rh_none(I->rt));
}
/* _io._IOBase.__enter__ (the stream, checked open) and __exit__ (close) */
FN(sio_enter) {
    UNUSED; (void)a;
    if (nargs(I, "__enter__", n, nkw, 0, 0)) return NULL;
    if (rh_stringio_closed(self)) { rh_err_set(I->rt, RH_EXC_VALUE, "I/O operation on closed file."); return NULL; }
    return newref(self);
}
FN(sio_exit) {
    UNUSED; (void)a; (void)n; (void)nkw;
    rh_stringio_close(I->rt, self);
    return newref(rh_none(I->rt));
}
static rh_object *open_true(hx_interp *I, rh_object *self, int n, int nkw, const char *fn) {
    if (nargs(I, fn, n, nkw, 0, 0) || rh_stringio_check_open(I->rt, self)) return NULL;
    return newref(rh_true(I->rt));
}
FN(sio_readable) { UNUSED; (void)a; return open_true(I, self, n, nkw, "readable"); }
FN(sio_writable) { UNUSED; (void)a; return open_true(I, self, n, nkw, "writable"); }
FN(sio_seekable) { UNUSED; (void)a; return open_true(I, self, n, nkw, "seekable"); }

#define D(nm, py) static const rh_builtin_def m_##nm = {py, (void (*)(void))sio_##nm, 0};
D(write, "write") D(getvalue, "getvalue") D(read, "read") D(readline, "readline") D(readlines, "readlines")
D(tell, "tell") D(seek, "seek") D(truncate, "truncate") D(close, "close") D(enter, "__enter__")
D(exit, "__exit__") D(readable, "readable") D(writable, "writable") D(seekable, "seekable")
#undef D
static const rh_builtin_def *const sio_methods[] = {
    &m_write, &m_getvalue, &m_read, &m_readline, &m_readlines, &m_tell, &m_seek, &m_truncate, &m_close,
    &m_enter, &m_exit, &m_readable, &m_writable, &m_seekable, NULL};

int hx_stringio_method_tables(rh_kind k, hx_mtab out[2]) {
    (void)k;
    out[0] = (hx_mtab){sio_methods, NULL};
    return 1;
}

/* closed, newlines (None: no translation), line_buffering (False): 1 and *out, 0 another name, -1 error */
int hx_stringio_getattr(hx_interp *I, rh_object *o, const char *name, rh_object **out) {
    rh_object *v = NULL;
    if (!strcmp(name, "closed")) v = rh_stringio_closed(o) ? rh_true(I->rt) : rh_false(I->rt);
    else if (!strcmp(name, "newlines") || !strcmp(name, "line_buffering")) {
        if (rh_stringio_check_open(I->rt, o)) return -1;
        v = name[0] == 'n' ? rh_none(I->rt) : rh_false(I->rt);
    } else return 0;
    *out = newref(v);
    return 1;
}

/* _io.StringIO has no vectorcall in 3.11: type_call packs the arguments (HX_METH_VARARGS) */
static const rh_builtin_def sio_ctor = {"StringIO", (void (*)(void))sio_new, HX_METH_VARARGS};
const rh_builtin_def *hx_stringio_constructor(void) { return &sio_ctor; }

/* Python's UTF-8 mode (PEP 540, Python/preconfig.c): PYTHONUTF8=1, or =0 off, else on when the LC_CTYPE
 * locale the environment names (LC_ALL, LC_CTYPE, LANG, the first set) is "C" or "POSIX" or none */
static int utf8_mode(void) {
    const char *e = getenv("PYTHONUTF8");
    if (e && *e) return strcmp(e, "0") != 0;
    const char *names[] = {"LC_ALL", "LC_CTYPE", "LANG"}, *loc = NULL;
    for (int i = 0; i < 3 && !loc; i++)
        if ((e = getenv(names[i])) && *e) loc = e;
    return !loc || !strcmp(loc, "C") || !strcmp(loc, "POSIX");
}

/* _io.text_encoding(encoding, stacklevel=2, /) (_io_text_encoding_impl, 3.10+): encoding itself, or for None
 * "utf-8" in UTF-8 mode and "locale" otherwise (no EncodingWarning: -X warn_default_encoding is not
 * modelled). What Lib/logging's FileHandler calls. */
FN(io_text_encoding) {
    UNUSED;
    (void)self;
    if (nkw) { rh_err_set(I->rt, RH_EXC_TYPE, "text_encoding() takes no keyword arguments"); return NULL; }
    if (n < 1 || n > 2) {
        rh_err_set(I->rt, RH_EXC_TYPE, n < 1 ? "text_encoding expected at least 1 argument, got %d"
                                             : "text_encoding expected at most 2 arguments, got %d", n);
        return NULL;
    }
    int64_t level;
    if (n == 2 && rh_index_value(I->rt, a[1], &level)) return NULL;
    if (a[0] != rh_none(I->rt)) return newref(a[0]);
    return rh_str_from_cstr(I->rt, utf8_mode() ? "utf-8" : "locale");
}

static const rh_builtin_def io_defs[] = {{"text_encoding", (void (*)(void))io_text_encoding, 0}, {NULL, NULL, 0}};

/* PyInit__io's module: DEFAULT_BUFFER_SIZE (PyModule_AddIntMacro, 8 * 1024 in Modules/_io/_iomodule.h),
 * StringIO, BytesIO (mod_bytesio.c), BlockingIOError, open (the object builtins.open is: io.open is _io.open is open), and the base
 * classes with UnsupportedOperation (mod_iobase.c). 0 or -1. */
static int fill__io(hx_interp *I, rh_object *d) {
    rh_runtime *rt = I->rt;
    rh_object *bs = rh_int_from_i64(rt, 8 * 1024), *open = I->builtins ? rh_dict_get_cstr(rt, I->builtins, "open") : NULL;
    int bad = !bs || rh_dict_set_cstr(rt, d, "DEFAULT_BUFFER_SIZE", bs) ||
              rh_dict_set_cstr(rt, d, "StringIO", (rh_object *)rh_builtin_type(rt, RH_K_STRINGIO)) ||
              rh_dict_set_cstr(rt, d, "BytesIO", (rh_object *)rh_builtin_type(rt, RH_K_BYTESIO)) ||
              rh_dict_set_cstr(rt, d, "BlockingIOError", (rh_object *)rh_exc_type(rt, RH_EXC_BLOCKINGIO)) ||
              (open && rh_dict_set_cstr(rt, d, "open", open)) || hx_io_add_bases(I, d) ||
              hx_io_add_fileio(I, d) || hx_io_add_buffered(I, d) || hx_io_add_textio(I, d);
    rh_xdecref(rt, bs);
    return bad ? -1 : 0;
}

/* Lib/io.py's `class <name>(<_io base>[, IOBase], metaclass=abc.ABCMeta)`: ABCMeta(name, bases, ns) with
 * ns {__module__: 'io', __doc__: the _io base's __doc__}. New reference or NULL. */
static rh_object *abc_class(hx_interp *I, rh_object *meta, const char *name, rh_object *cbase, rh_object *iobase) {
    rh_runtime *rt = I->rt;
    rh_object *nm = hx_name(I, name), *ns = nm ? rh_dict_new(rt) : NULL, *mod = ns ? hx_name(I, "io") : NULL;
    rh_object *dn = mod ? hx_name(I, "__doc__") : NULL, *doc = dn ? hx_getattr_obj(I, cbase, dn) : NULL, *cls = NULL;
    rh_object *bases = doc ? (iobase ? rh_tuple_pack(rt, 2, cbase, iobase) : rh_tuple_pack(rt, 1, cbase)) : NULL;
    if (bases && !rh_dict_set_cstr(rt, ns, "__module__", mod) && !rh_dict_set(rt, ns, dn, doc)) {
        rh_object *args[3] = {nm, bases, ns};
        cls = hx_call_borrowed(I, meta, args, 3);
    }
    rh_xdecref(rt, ns);
    rh_xdecref(rt, doc);
    rh_xdecref(rt, bases);
    return cls;
}

/* The rest of Lib/io.py over _io (import _io, abc): its re-exported names, SEEK_SET/CUR/END, the four ABCs
 * and the concrete classes registered with them (those _io has: mod_fileio.c). 0 or -1. */
static int fill_io(hx_interp *I, rh_object *d) {
    rh_runtime *rt = I->rt;
    static const char *const reexp[] = {"DEFAULT_BUFFER_SIZE", "BlockingIOError", "UnsupportedOperation", "open", "StringIO", "BytesIO", NULL};
    static const char *const abcs[4][2] = {{"IOBase", "_IOBase"}, {"RawIOBase", "_RawIOBase"},
                                           {"BufferedIOBase", "_BufferedIOBase"}, {"TextIOBase", "_TextIOBase"}};
    rh_object *m = hx_import_module(I, "_io"), *abc = m ? hx_import_file(I, "abc") : NULL;
    rh_object *mn = abc ? hx_name(I, "ABCMeta") : NULL, *meta = mn ? hx_getattr_obj(I, abc, mn) : NULL, *made[4] = {0};
    int bad = !meta;
    if (bad && !rh_err_occurred(rt)) rh_err_set(rt, RH_EXC_IMPORT, "io: cannot import abc");
    for (int i = 0; !bad && reexp[i]; i++) {
        rh_object *v = rh_dict_get_cstr(rt, rh_module_dict(m), reexp[i]);
        bad = v && rh_dict_set_cstr(rt, d, reexp[i], v);
    }
    for (int i = 0; !bad && i < 3; i++) {
        rh_object *v = rh_int_from_i64(rt, i);
        static const char *const seek[3] = {"SEEK_SET", "SEEK_CUR", "SEEK_END"};
        bad = !v || rh_dict_set_cstr(rt, d, seek[i], v);
        rh_xdecref(rt, v);
    }
    for (int i = 0; !bad && i < 4; i++) {
        rh_object *cb = rh_dict_get_cstr(rt, rh_module_dict(m), abcs[i][1]);
        bad = !cb || !(made[i] = abc_class(I, meta, abcs[i][0], cb, i ? made[0] : NULL)) ||
              rh_dict_set_cstr(rt, d, abcs[i][0], made[i]);
    }
    /* RawIOBase.register(FileIO); BufferedIOBase.register(BytesIO, Buffered*); TextIOBase.register(StringIO,
     * TextIOWrapper): the classes _io has */
    static const struct { int abc; const char *name; } regs[] = {
        {1, "FileIO"}, {2, "BytesIO"}, {2, "BufferedReader"}, {2, "BufferedWriter"}, {2, "BufferedRandom"},
        {2, "BufferedRWPair"}, {3, "StringIO"}, {3, "TextIOWrapper"}};
    for (size_t i = 0; !bad && i < sizeof regs / sizeof regs[0]; i++) {
        rh_object *cls = rh_dict_get_cstr(rt, rh_module_dict(m), regs[i].name);
        if (!cls) continue;
        rh_object *rn = hx_name(I, "register"), *reg = rn ? hx_getattr_obj(I, made[regs[i].abc], rn) : NULL;
        rh_object *r = reg ? hx_call_borrowed(I, reg, &cls, 1) : NULL;
        bad = !r || rh_dict_set_cstr(rt, d, regs[i].name, cls);
        rh_xdecref(rt, r);
        rh_xdecref(rt, reg);
    }
    for (int i = 0; i < 4; i++) rh_xdecref(rt, made[i]);
    rh_xdecref(rt, meta);
    rh_xdecref(rt, abc);
    rh_xdecref(rt, m);
    return bad ? -1 : 0;
}

/* _io (Modules/_io/_iomodule.c) and io (Lib/io.py, native here: the Lib needs FileIO, BytesIO, the buffered
 * classes, TextIOWrapper, open_code from _io, which refheap does not have) */
rh_object *hx_module_io(hx_interp *I, const char *name) {
    rh_object *m = hx_make_module(I, name, io_defs);
    if (m && (strcmp(name, "io") ? fill__io(I, rh_module_dict(m)) : fill_io(I, rh_module_dict(m)))) rh_setref(I->rt, &m, NULL);
    return m;
}
