/* modules.c — the importable modules (sys, gc, weakref, refheap) and the runtime hooks that let the
 * library call back into Python code (__del__, weakref callbacks, gc.callbacks). The native `weakref` here
 * serves py27 and runs without a standard library; the 3.x profiles import Lib's weakref.py (import.c).
 *
 * Owns the module objects (created once per run, cached in hx_interp) and their function tables; every
 * gc/weakref function binds to refheap/gc.h. gc.garbage and gc.callbacks are the runtime's own lists.
 * Invariant: a hook that runs Python code saves the pending error and traceback first and restores them
 * afterwards, so a finalizer never clobbers an exception being propagated (as CPython's
 * PyErr_Fetch/Restore around tp_finalize); errors inside hooks are reported as unraisable and cleared.
 */
#include <float.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "interp.h"

#define FN(name) static rh_object *name(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw)
#define UNUSED_ARGS (void)self; (void)kwn; (void)kwv

static rh_object *newref(rh_object *o) { rh_incref(o); return o; }
static rh_object *none(hx_interp *I) { return newref(rh_none(I->rt)); }

static int argc(hx_interp *I, const char *fn, int n, int lo, int hi, int nkw) {
    if (nkw) { rh_err_set(I->rt, RH_EXC_TYPE, "%s() takes no keyword arguments", fn); return -1; }
    if (n >= lo && n <= hi) return 0;
    if (lo == hi) rh_err_set(I->rt, RH_EXC_TYPE, "%s() takes exactly %d argument%s (%d given)", fn, lo, lo == 1 ? "" : "s", n);
    else rh_err_set(I->rt, RH_EXC_TYPE, "%s() takes at most %d arguments (%d given)", fn, hi, n);
    return -1;
}


static rh_object *int3(hx_interp *I, const int v[3]) {
    rh_object *t = rh_tuple_new(I->rt, 3);
    if (!t) return NULL;
    for (int i = 0; i < 3; i++) {
        rh_object *x = rh_int_from_i64(I->rt, v[i]);
        if (!x) { rh_decref(I->rt, t); return NULL; }
        rh_tuple_set(t, (size_t)i, x);
    }
    return t;
}

/* ---------------------------------------------------------------- sys */

FN(sys_getrefcount) {
    UNUSED_ARGS;
    if (argc(I, "getrefcount", n, 1, 1, nkw)) return NULL;
    /* the argument slot of this call is the extra reference CPython reports */
    return rh_int_from_i64(I->rt, (int64_t)rh_refcount(a[0]));
}
/* _PySys_GetSizeOf: a class's own __sizeof__() (3.x new-style classes; 2.7's classic instances are
 * sized as instances) plus the type's pre-header (_PyType_PreHeaderSize: the GC header, and from 3.11
 * the managed-dict words); every other object the library's tp_basicsize/size_of. With a default, a
 * TypeError gives the default instead (sys_getsizeof). */
static rh_object *sizeof_special(hx_interp *I, rh_object *o, int *found) {
    rh_runtime *rt = I->rt;
    rh_object *r = rh_call_special(rt, o, "__sizeof__", NULL, 0, found);
    if (!r) return NULL;
    int64_t v = 0;
    int bad = rh_kind_of(r) != RH_K_INT && rh_kind_of(r) != RH_K_BOOL;
    if (bad) rh_err_set(rt, RH_EXC_TYPE, "an integer is required");
    else if (rh_int_as_i64(rt, r, &v)) rh_err_clear(rt), rh_err_set(rt, RH_EXC_OVERFLOW, "Python int too large to convert to C ssize_t");
    rh_decref(rt, r);
    if (bad || rh_err_occurred(rt)) return NULL;
    if (v < 0) {
        rh_err_set(rt, RH_EXC_VALUE, "__sizeof__() should return >= 0");
        return NULL;
    }
    return rh_int_from_i64(rt, v + (int64_t)rh_presize(rt, rh_type_of(o)));
}
FN(sys_getsizeof) {
    UNUSED_ARGS;
    if (argc(I, "getsizeof", n, 1, 2, nkw)) return NULL;
    if ((rh_type_of(a[0])->flags & RH_TPFLAG_HEAPTYPE) && !rh_runtime_profile(I->rt)->python2) {
        int found;
        rh_object *r = sizeof_special(I, a[0], &found);
        if (!r && n == 2 && rh_err_occurred(I->rt) == RH_EXC_TYPE) {
            rh_err_clear(I->rt);
            return newref(a[1]);
        }
        if (found || rh_err_occurred(I->rt)) return r;
    }
    return rh_int_from_i64(I->rt, (int64_t)rh_sizeof(I->rt, a[0]));
}
/* sys.getallocatedblocks() (_Py_GetAllocatedBlocks, Objects/obmalloc.c 3.11): the blocks the object
 * allocator has handed out and not taken back: every pool's count of used blocks plus the requests above
 * the small-request threshold that went to the raw allocator. Allocators without pymalloc's structure
 * (malloc, mimalloc, ...) report 0, as CPython does under PYTHONMALLOC=malloc. */
FN(sys_getallocatedblocks) {
    UNUSED_ARGS;
    if (argc(I, "getallocatedblocks", n, 0, 0, nkw)) return NULL;
    rh_allocator *al = rh_runtime_allocator(I->rt);
    rh_allocator_stats st = {.struct_size = sizeof st};
    uint64_t blocks = 0;
    if (al && al->stats && al->stats(al->ctx, &st) == 0 && st.nsize_classes && st.nsize_classes <= RH_MAX_SIZE_CLASSES) {
        for (uint32_t i = 0; i < st.nsize_classes; i++) blocks += st.classes[i].blocks_in_use;
        if (st.large_allocs_live != RH_STAT_UNKNOWN) blocks += st.large_allocs_live;
    }
    return rh_int_from_i64(I->rt, (int64_t)blocks);
}
/* sys.exc_info(): (type, value, traceback) of the exception being handled, or three Nones; 2.x keeps the
 * traceback in the thread state (sys_exc_info reads tstate->exc_traceback), 3.x reads the exception's */
FN(sys_exc_info) {
    UNUSED_ARGS;
    if (argc(I, "exc_info", n, 0, 0, nkw)) return NULL;
    rh_runtime *rt = I->rt;
    rh_object *e = rh_exc_handled(rt), *none = rh_none(rt);
    rh_object *tb = I->exc_py2 ? rh_exc_handled_tb(rt) : e ? rh_exc_traceback(rt, e) : NULL;
    return rh_tuple_pack(rt, 3, e ? (rh_object *)rh_type_of(e) : none, e ? e : none, tb ? tb : none);
}
/* 2.x's sys.exc_clear(): the thread state forgets the exception being handled (its frames' saved states stay),
 * and sys.exc_type/exc_value/exc_traceback become None (2.7 Python/sysmodule.c sys_exc_clear) */
FN(sys_exc_clear) {
    UNUSED_ARGS;
    if (argc(I, "exc_clear", n, 0, 0, nkw)) return NULL;
    rh_runtime *rt = I->rt;
    rh_xdecref(rt, rh_exc_handled_swap(rt, NULL));
    rh_xdecref(rt, rh_exc_handled_tb_swap(rt, NULL));
    if (I->mod_sys) {
        rh_object *d = rh_module_dict(I->mod_sys), *none = rh_none(rt);
        if (rh_dict_set_cstr(rt, d, "exc_type", none) || rh_dict_set_cstr(rt, d, "exc_value", none) ||
            rh_dict_set_cstr(rt, d, "exc_traceback", none))
            return NULL;
    }
    return newref(rh_none(rt));
}
/* 2.x: sys.exc_type, sys.exc_value and sys.exc_traceback follow the exception being handled "for backward
 * compatibility" (2.7 ceval.c set_exc_info / reset_exc_info, PySys_SetObject: a NULL value deletes the name).
 * Nothing while the program has not made the sys module; it starts with exc_type None, as 2.7's start-up
 * leaves it. */
void hx_sys_exc_mirror(hx_interp *I) {
    if (!I->mod_sys) return;
    rh_runtime *rt = I->rt;
    rh_object *d = rh_module_dict(I->mod_sys), *e = rh_exc_handled(rt), *tb = rh_exc_handled_tb(rt);
    rh_err_state saved;
    rh_err_save(rt, &saved); /* reset_exc_info runs while an exception leaves the frame */
    rh_dict_set_cstr(rt, d, "exc_type", e ? (rh_object *)rh_type_of(e) : rh_none(rt));
    static const char *const names[2] = {"exc_value", "exc_traceback"};
    rh_object *vals[2] = {e, tb};
    for (int i = 0; i < 2; i++) {
        rh_object *k = rh_str_from_cstr(rt, names[i]);
        if (!k) break;
        if (vals[i]) rh_dict_set(rt, d, k, vals[i]);
        else if (rh_dict_get(rt, d, k)) rh_dict_del(rt, d, k);
        rh_decref(rt, k);
    }
    rh_err_clear(rt);
    rh_err_restore_state(rt, &saved);
}
/* sys.exit([status]): raise SystemExit(status) (Python/sysmodule.c sys_exit_impl) */
FN(sys_exit) {
    UNUSED_ARGS;
    if (argc(I, "exit", n, 0, 1, nkw)) return NULL;
    rh_object *e = rh_exc_new(I->rt, (rh_object *)rh_exc_type(I->rt, RH_EXC_SYSTEMEXIT), a, (size_t)n);
    if (e) rh_err_set_object(I->rt, e);
    return NULL;
}
/* sys.getrecursionlimit() / sys.setrecursionlimit(n) (Python/sysmodule.c, 3.11): the limit of the
 * runtime's recursion depth (rh_recursion_enter). The argument is a C int (_PyLong_AsInt); the call itself
 * is a level of the depth reported, as a METH_O built-in (cfunction_enter_call). */
FN(sys_getrecursionlimit) {
    UNUSED_ARGS;
    if (argc(I, "getrecursionlimit", n, 0, 0, nkw)) return NULL;
    return rh_int_from_i64(I->rt, rh_recursion_limit(I->rt));
}
FN(sys_setrecursionlimit) {
    UNUSED_ARGS;
    if (argc(I, "setrecursionlimit", n, 1, 1, nkw)) return NULL;
    int64_t v;
    int rc = rh_index_value(I->rt, a[0], &v);
    if (rc != 0 && rh_err_occurred(I->rt) != RH_EXC_OVERFLOW) return NULL;
    if (rc != 0 || v > INT_MAX || v < INT_MIN) {
        rh_err_clear(I->rt);
        rh_err_set(I->rt, RH_EXC_OVERFLOW, "Python int too large to convert to C int");
        return NULL;
    }
    if (rh_recursion_set_limit(I->rt, (int)v, rh_recursion_depth(I->rt) + 1) != 0) return NULL;
    return none(I);
}
FN(sys_intern) {
    UNUSED_ARGS;
    if (argc(I, "intern", n, 1, 1, nkw)) return NULL;
    if (rh_kind_of(a[0]) != RH_K_STR) {
        rh_err_set(I->rt, RH_EXC_TYPE, "intern() argument must be str, not %s", hx_tname(a[0]));
        return NULL;
    }
    if (rh_type_of(a[0]) != rh_builtin_type(I->rt, RH_K_STR)) { /* sys_intern_impl: PyUnicode_CheckExact */
        rh_err_set(I->rt, RH_EXC_TYPE, "can't intern %s", hx_tname(a[0]));
        return NULL;
    }
    rh_object *s = newref(a[0]);
    if (rh_str_intern_in_place(I->rt, &s) != 0) { rh_decref(I->rt, s); return NULL; }
    return s;
}

/* sys.getdefaultencoding() (sys_getdefaultencoding_impl): 'utf-8' in 3.x, 2.7's 'ascii' (profile data) */
FN(sys_getdefaultencoding) {
    UNUSED_ARGS;
    (void)a;
    if (argc(I, "getdefaultencoding", n, 0, 0, nkw)) return NULL;
    return rh_str_from_cstr(I->rt, rh_runtime_profile(I->rt)->default_encoding);
}

/* sys.getfilesystemencoding() / getfilesystemencodeerrors() (sysmodule.c, PyConfig's filesystem_encoding
 * and filesystem_errors): 'utf-8' and 'surrogateescape' under a UTF-8 or C locale (PEP 538/540) */
FN(sys_getfilesystemencoding) {
    UNUSED_ARGS;
    (void)a;
    if (argc(I, "getfilesystemencoding", n, 0, 0, nkw)) return NULL;
    return rh_str_from_cstr(I->rt, "utf-8");
}
FN(sys_getfilesystemencodeerrors) {
    UNUSED_ARGS;
    (void)a;
    if (argc(I, "getfilesystemencodeerrors", n, 0, 0, nkw)) return NULL;
    return rh_str_from_cstr(I->rt, "surrogateescape");
}

/* sys.audit(event, *args) (Python/sysmodule.c sys_audit, 3.8+): refheap has no audit hooks
 * (sys.addaudithook is absent), so as in CPython without hooks (should_audit false) it returns None before
 * looking at the event's type; only the missing event and keywords are errors. */
FN(sys_audit) {
    UNUSED_ARGS;
    (void)a;
    if (nkw) { rh_err_set(I->rt, RH_EXC_TYPE, "sys.audit() takes no keyword arguments"); return NULL; }
    if (n == 0) { rh_err_set(I->rt, RH_EXC_TYPE, "audit() missing 1 required positional argument: 'event'"); return NULL; }
    return none(I);
}
/* sys.excepthook(exctype, value, traceback) (sys_excepthook_impl -> PyErr_Display): the exception and its
 * chain on stderr; also sys.__excepthook__ */
FN(sys_excepthook) {
    UNUSED_ARGS;
    if (nkw) { rh_err_set(I->rt, RH_EXC_TYPE, "excepthook() takes no keyword arguments"); return NULL; }
    if (n != 3) { rh_err_set(I->rt, RH_EXC_TYPE, "excepthook expected 3 arguments, got %d", n); return NULL; }
    if (!rh_is_exc_instance(a[1])) {
        fflush(stdout);
        fprintf(stderr, "TypeError: print_exception(): Exception expected for value, %s found\n", hx_tname(a[1]));
        fflush(stderr);
    } else hx_print_exception(I, a[1], a[2] == rh_none(I->rt) ? NULL : a[2]);
    return none(I);
}

/* ---- sys's data attributes (Python/sysmodule.c _PySys_InitCore / _PySys_UpdateConfig): one row each, a
 * maker returning a new reference (NULL with the error set); values of the mirrored interpreter come
 * from the profile (rh_profile.sys_version & co.), not from the build. */

static rh_object *str_list(hx_interp *I, const char *first, char **rest, int nrest) {
    rh_object *l = rh_list_new(I->rt, 0);
    for (int i = -1; l && i < nrest; i++) {
        rh_object *s = rh_str_from_cstr(I->rt, i < 0 ? first : rest[i]);
        if (!s || rh_list_append(I->rt, l, s)) { rh_xdecref(I->rt, s); rh_decref(I->rt, l); return NULL; }
        rh_decref(I->rt, s);
    }
    return l;
}
/* sys.argv: the program's path as given on the command line, then its arguments */
static rh_object *sys_argv(hx_interp *I) { return str_list(I, I->filename, I->args, I->nargs); }
/* sys.path: import.c's search path (the program's directory, PYTHONPATH, the profile's Lib) */
static rh_object *sys_path(hx_interp *I) { return hx_sys_path(I); }
static rh_object *sys_version(hx_interp *I) { return rh_str_from_cstr(I->rt, rh_runtime_profile(I->rt)->sys_version); }
/* sys.version_info (make_version_info): the struct sequence of PY_VERSION_HEX's parts — major, minor, micro,
 * releaselevel ('alpha', 'beta', 'candidate', 'final' for the level nibble 0xA..0xF), serial */
static rh_object *sys_version_info(hx_interp *I) {
    uint32_t h = rh_runtime_profile(I->rt)->hexversion, lv = (h >> 4) & 0xF;
    const char *level = lv == 0xA ? "alpha" : lv == 0xB ? "beta" : lv == 0xC ? "candidate" : "final";
    int64_t num[4] = {h >> 24, (h >> 16) & 0xFF, (h >> 8) & 0xFF, h & 0xF};
    rh_object *v[5] = {NULL}, *r = NULL;
    for (int i = 0; i < 3; i++) v[i] = rh_int_from_i64(I->rt, num[i]);
    v[3] = rh_str_intern_utf8(I->rt, level, strlen(level));
    v[4] = rh_int_from_i64(I->rt, num[3]);
    if (v[0] && v[1] && v[2] && v[3] && v[4]) r = rh_structseq_new(I->rt, RH_SS_VERSION_INFO, v);
    for (int i = 0; i < 5; i++) rh_xdecref(I->rt, v[i]);
    return r;
}
static rh_object *sys_hexversion(hx_interp *I) { return rh_int_from_i64(I->rt, rh_runtime_profile(I->rt)->hexversion); }
static rh_object *sys_platform(hx_interp *I) { return rh_str_from_cstr(I->rt, rh_runtime_profile(I->rt)->sys_platform); }
static rh_object *sys_maxsize(hx_interp *I) { return rh_int_from_i64(I->rt, INT64_MAX); } /* PY_SSIZE_T_MAX */
static rh_object *sys_maxunicode(hx_interp *I) { return rh_int_from_i64(I->rt, 0x10FFFF); }
static rh_object *sys_byteorder(hx_interp *I) {
    const uint16_t one = 1;
    return rh_str_from_cstr(I->rt, *(const unsigned char *)&one ? "little" : "big");
}
/* sys.executable: the running interpreter's binary, which is refheap itself (docs/conformance.md) */
static rh_object *sys_executable(hx_interp *I) {
    char *p = realpath("/proc/self/exe", NULL);
    rh_object *s = rh_str_from_cstr(I->rt, p ? p : "");
    free(p);
    return s;
}
static int cmp_cstr(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }
static const char *const native_modules[48];
/* sys.builtin_module_names: the native modules but those standing in for a module CPython writes in Python
 * (Lib's random.py, io.py, collections/, weakref.py: importlib's _setup must not take them for built-ins) */
static rh_object *sys_builtin_module_names(hx_interp *I) {
    const char *v[48];
    size_t n = 0;
    for (int i = 0; native_modules[i] && n < 48; i++)
        if (hx_native_module_is_builtin(native_modules[i])) v[n++] = native_modules[i];
    qsort(v, n, sizeof v[0], cmp_cstr);
    rh_object *t = rh_tuple_new(I->rt, n);
    for (size_t i = 0; t && i < n; i++) {
        rh_object *s = rh_str_intern_utf8(I->rt, v[i], strlen(v[i]));
        if (!s) { rh_decref(I->rt, t); return NULL; }
        rh_tuple_set(t, i, s);
    }
    return t;
}

/* sys.prefix & co. (Modules/getpath.py): the directory the profile's interpreter is installed under, as
 * getpath finds it from its landmark: the profile's Lib directory (import.c) is <prefix>/<platlibdir>/
 * pythonX.Y, so Debian's 3.11 gives '/usr' and 'lib', a pyenv one its versions/X.Y.Z root. No venv:
 * base_prefix is prefix, exec_prefix is prefix. '' without a standard library. */
static rh_object *prefix_part(hx_interp *I, int want_libdir) {
    const char *lib = I->imports ? I->imports->stdlib : NULL;
    char buf[4096];
    snprintf(buf, sizeof buf, "%s", lib ? lib : "");
    size_t len = strlen(buf);
    while (len > 1 && buf[len - 1] == '/') buf[--len] = 0;
    char *slash = strrchr(buf, '/'); /* drop pythonX.Y */
    if (slash) *slash = 0;
    char *libdir = strrchr(buf, '/'); /* <prefix>/<platlibdir> */
    if (!libdir) return rh_str_from_cstr(I->rt, want_libdir ? "lib" : "");
    *libdir = 0;
    return rh_str_from_cstr(I->rt, want_libdir ? libdir + 1 : buf[0] ? buf : "/");
}
static rh_object *sys_prefix(hx_interp *I) { return prefix_part(I, 0); }
static rh_object *sys_base_prefix(hx_interp *I) { return prefix_part(I, 0); }
static rh_object *sys_exec_prefix(hx_interp *I) { return prefix_part(I, 0); }
static rh_object *sys_base_exec_prefix(hx_interp *I) { return prefix_part(I, 0); }
static rh_object *sys_platlibdir(hx_interp *I) { return prefix_part(I, 1); }

/* A struct sequence of kind k from n values: C doubles where is_float[i], else integers. */
static rh_object *number_structseq(hx_interp *I, rh_structseq_kind k, const double *v, const char *is_float, int n) {
    rh_object *items[16] = {NULL}, *r = NULL;
    int ok = 1;
    for (int i = 0; i < n; i++) ok &= (items[i] = is_float[i] ? rh_float_new(I->rt, v[i]) : rh_int_from_i64(I->rt, (int64_t)v[i])) != NULL;
    if (ok) r = rh_structseq_new(I->rt, k, items);
    for (int i = 0; i < n; i++) rh_xdecref(I->rt, items[i]);
    return r;
}
/* sys.float_info (PyFloat_GetInfo): <float.h>'s description of a C double; rounds is FLT_ROUNDS */
static rh_object *sys_float_info(hx_interp *I) {
    const double v[11] = {DBL_MAX, DBL_MAX_EXP, DBL_MAX_10_EXP, DBL_MIN, DBL_MIN_EXP, DBL_MIN_10_EXP,
                          DBL_DIG, DBL_MANT_DIG, DBL_EPSILON, FLT_RADIX, 1};
    return number_structseq(I, RH_SS_FLOAT_INFO, v, "\1\0\0\1\0\0\0\0\1\0\0", 11);
}
/* sys.int_info (PyLong_GetInfo; 2.7: sys.long_info, its first two fields): 30-bit digits in 4 bytes, and the
 * int/str conversion limits of 3.11 (_PY_LONG_DEFAULT_MAX_STR_DIGITS, _PY_LONG_MAX_STR_DIGITS_THRESHOLD) */
static rh_object *sys_int_info(hx_interp *I) {
    const double v[4] = {30, 4, 4300, 640};
    int py2 = rh_runtime_profile(I->rt)->python2;
    return number_structseq(I, py2 ? RH_SS_LONG_INFO : RH_SS_INT_INFO, v, "\0\0\0\0", py2 ? 2 : 4);
}
/* sys.flags (make_flags, Python/sysmodule.c): the command-line options, none of which refheap takes, and what
 * the environment sets as CPython reads it: PYTHONDONTWRITEBYTECODE, PYTHONHASHSEED (2.7 reports the seed
 * itself, 1 for "random"; 3.x 0 only for seed 0), PYTHONUTF8. dev_mode and safe_path are bools; 3.12 and 3.13
 * report the int/str digit limit's default, 3.10 and 3.11 -1 (unset); 3.13's hidden gil is 1. */
static int env_flag(const char *name) {
    const char *v = getenv(name);
    return v && *v;
}
static rh_object *sys_flags(hx_interp *I) {
    const rh_profile *pf = rh_runtime_profile(I->rt);
    const char *seed = getenv("PYTHONHASHSEED");
    int seeded = seed && *seed && strcmp(seed, "random"), write = env_flag("PYTHONDONTWRITEBYTECODE");
    int64_t v[19] = {0};
    int n;
    rh_structseq_kind k;
    if (pf->python2) {
        k = RH_SS_FLAGS_27, n = 16;
        v[7] = write;
        v[15] = seed && *seed ? (seeded ? strtol(seed, NULL, 10) : 1) : 0;
    } else {
        k = pf->hexversion >= 0x030d0000 ? RH_SS_FLAGS_313 : pf->hexversion >= 0x030b0000 ? RH_SS_FLAGS_311 : RH_SS_FLAGS_310;
        n = k == RH_SS_FLAGS_313 ? 19 : k == RH_SS_FLAGS_311 ? 18 : 17;
        v[4] = write;
        v[11] = !(seeded && strtol(seed, NULL, 10) == 0);
        v[14] = getenv("PYTHONUTF8") && !strcmp(getenv("PYTHONUTF8"), "1");
        v[n == 17 ? 16 : 17] = pf->hexversion >= 0x030c0000 ? 4300 : -1;
        if (n == 19) v[18] = 1;
    }
    rh_object *items[19] = {NULL}, *r = NULL;
    int ok = 1;
    for (int i = 0; i < n; i++) {
        if (!pf->python2 && (i == 13 || (n >= 18 && i == 16))) rh_incref(items[i] = v[i] ? rh_true(I->rt) : rh_false(I->rt));
        else ok &= (items[i] = rh_int_from_i64(I->rt, v[i])) != NULL;
    }
    if (ok) r = rh_structseq_new(I->rt, k, items);
    for (int i = 0; i < n; i++) rh_xdecref(I->rt, items[i]);
    return r;
}
/* sys.warnoptions: the -W options, none (a new list) */
static rh_object *sys_warnoptions(hx_interp *I) { return rh_list_new(I->rt, 0); }

#define HX_SYS_ATTRS(X)                                                                                 \
    X(argv) X(path) X(version) X(version_info) X(hexversion) X(platform) X(maxsize) X(maxunicode) X(byteorder)         \
    X(executable) X(builtin_module_names) X(warnoptions) X(prefix) X(base_prefix) X(exec_prefix) X(base_exec_prefix) \
    X(platlibdir) X(float_info) X(int_info) X(flags)

static int add_sys_attrs(hx_interp *I, rh_object *m) {
    static const struct { const char *name; rh_object *(*make)(hx_interp *); } rows[] = {
#define HX_SYS_ROW(n) {#n, sys_##n},
        HX_SYS_ATTRS(HX_SYS_ROW)
#undef HX_SYS_ROW
    };
    static const char *const py3_only[] = {"base_prefix", "base_exec_prefix", "platlibdir", NULL}; /* 3.3, 3.3, 3.9 */
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        int skip = 0;
        for (int j = 0; rh_runtime_profile(I->rt)->python2 && py3_only[j]; j++) skip |= !strcmp(py3_only[j], rows[i].name);
        if (skip) continue;
        rh_object *v = rows[i].make(I);
        const char *name = rh_runtime_profile(I->rt)->python2 && !strcmp(rows[i].name, "int_info") ? "long_info" : rows[i].name;
        int rc = v ? rh_dict_set_cstr(I->rt, rh_module_dict(m), name, v) : -1;
        rh_xdecref(I->rt, v);
        if (rc) return -1;
    }
    rh_object *hook = rh_dict_get_cstr(I->rt, rh_module_dict(m), "excepthook"); /* borrowed */
    if (hook && rh_dict_set_cstr(I->rt, rh_module_dict(m), "__excepthook__", hook)) return -1;
    if (rh_runtime_profile(I->rt)->python2) return 0;
    rh_object *vi = rh_dict_get_cstr(I->rt, rh_module_dict(m), "version_info"); /* builtins_proxy.c */
    rh_object *impl = vi ? hx_sys_implementation(I, vi) : NULL;
    int rc = impl ? rh_dict_set_cstr(I->rt, rh_module_dict(m), "implementation", impl) : -1;
    rh_xdecref(I->rt, impl);
    return rc;
}

/* ---------------------------------------------------------------- gc */

static int gen_arg(hx_interp *I, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw, int dflt, int *gen) {
    rh_object *g = n >= 1 ? a[0] : NULL;
    for (int k = 0; k < nkw; k++) {
        if (strcmp(kwn[k], "generation") != 0) {
            rh_err_set(I->rt, RH_EXC_TYPE, "'%s' is an invalid keyword argument", kwn[k]);
            return -1;
        }
        g = kwv[k];
    }
    if (!g || g == rh_none(I->rt)) { *gen = dflt; return 0; }
    int64_t v;
    if (rh_index_value(I->rt, g, &v)) return -1;
    *gen = (int)v;
    return 0;
}

FN(gc_collect) {
    UNUSED_ARGS;
    int gen;
    if (n > 1) return argc(I, "collect", n, 0, 1, 0), NULL;
    if (gen_arg(I, a, n, kwn, kwv, nkw, 2, &gen)) return NULL;
    if (gen < 0 || gen > 2) { rh_err_set(I->rt, RH_EXC_VALUE, "invalid generation"); return NULL; }
    int64_t r = rh_gc_collect(I->rt, gen);
    if (r < 0) return NULL;
    return rh_int_from_i64(I->rt, r);
}
FN(gc_enable) { UNUSED_ARGS; (void)a; if (argc(I, "enable", n, 0, 0, nkw)) return NULL; rh_gc_enable(I->rt); return none(I); }
FN(gc_disable) { UNUSED_ARGS; (void)a; if (argc(I, "disable", n, 0, 0, nkw)) return NULL; rh_gc_disable(I->rt); return none(I); }
FN(gc_isenabled) { UNUSED_ARGS; (void)a; if (argc(I, "isenabled", n, 0, 0, nkw)) return NULL; return rh_bool(I->rt, rh_gc_isenabled(I->rt)); }
FN(gc_get_count) { UNUSED_ARGS; (void)a; if (argc(I, "get_count", n, 0, 0, nkw)) return NULL; int v[3]; rh_gc_get_count(I->rt, v); return int3(I, v); }
FN(gc_get_threshold) { UNUSED_ARGS; (void)a; if (argc(I, "get_threshold", n, 0, 0, nkw)) return NULL; int v[3]; rh_gc_get_threshold(I->rt, v); return int3(I, v); }
FN(gc_set_threshold) {
    UNUSED_ARGS;
    if (nkw) { rh_err_set(I->rt, RH_EXC_TYPE, "set_threshold() takes no keyword arguments"); return NULL; }
    if (n < 1 || n > 3) {
        rh_err_set(I->rt, RH_EXC_TYPE, n < 1 ? "set_threshold() takes at least 1 argument (0 given)"
                                             : "set_threshold() takes at most 3 arguments (%d given)", n);
        return NULL;
    }
    int64_t v[3] = {-1, -1, -1};
    for (int i = 0; i < n; i++)
        if (rh_index_value(I->rt, a[i], &v[i])) return NULL;
    rh_gc_set_threshold(I->rt, (int)v[0], (int)v[1], (int)v[2]);
    return none(I);
}
FN(gc_is_tracked) { UNUSED_ARGS; if (argc(I, "is_tracked", n, 1, 1, nkw)) return NULL; return rh_bool(I->rt, rh_gc_is_tracked(a[0])); }
FN(gc_is_finalized) { UNUSED_ARGS; if (argc(I, "is_finalized", n, 1, 1, nkw)) return NULL; return rh_bool(I->rt, rh_gc_is_finalized(a[0])); }
FN(gc_get_objects) {
    UNUSED_ARGS;
    int gen;
    if (!RH_API(I, "gc", "get_objects(generation)") && argc(I, "get_objects", n, 0, 0, nkw)) return NULL;
    if (n > 1) return argc(I, "get_objects", n, 0, 1, 0), NULL;
    if (gen_arg(I, a, n, kwn, kwv, nkw, -1, &gen)) return NULL;
    if (gen < -1 || gen > 2) {
        rh_err_set(I->rt, RH_EXC_VALUE, gen < -1 ? "generation parameter must be non-negative (%d given)"
                                                 : "generation parameter must be less than the number of available generations (%d)",
                   gen < -1 ? gen : 3);
        return NULL;
    }
    return rh_gc_get_objects(I->rt, gen);
}
static rh_object *referents_of(hx_interp *I, rh_object **a, int n, int referrers) {
    rh_object *all = rh_list_new(I->rt, 0);
    for (int i = 0; all && i < n; i++) {
        rh_object *l = referrers ? rh_gc_get_referrers(I->rt, a[i]) : rh_gc_get_referents(I->rt, a[i]);
        if (!l || rh_list_extend(I->rt, all, l)) { rh_xdecref(I->rt, l); rh_decref(I->rt, all); return NULL; }
        rh_decref(I->rt, l);
    }
    return all;
}
FN(gc_get_referents) { UNUSED_ARGS; if (nkw) return argc(I, "get_referents", n, 0, 64, nkw), NULL; return referents_of(I, a, n, 0); }
FN(gc_get_referrers) { UNUSED_ARGS; if (nkw) return argc(I, "get_referrers", n, 0, 64, nkw), NULL; return referents_of(I, a, n, 1); }
FN(gc_freeze) { UNUSED_ARGS; (void)a; if (argc(I, "freeze", n, 0, 0, nkw)) return NULL; rh_gc_freeze(I->rt); return none(I); }
FN(gc_unfreeze) { UNUSED_ARGS; (void)a; if (argc(I, "unfreeze", n, 0, 0, nkw)) return NULL; rh_gc_unfreeze(I->rt); return none(I); }
FN(gc_get_freeze_count) { UNUSED_ARGS; (void)a; if (argc(I, "get_freeze_count", n, 0, 0, nkw)) return NULL; return rh_int_from_i64(I->rt, rh_gc_get_freeze_count(I->rt)); }
FN(gc_get_stats) { UNUSED_ARGS; (void)a; if (argc(I, "get_stats", n, 0, 0, nkw)) return NULL; return rh_gc_get_stats(I->rt); }
FN(gc_set_debug) {
    UNUSED_ARGS;
    if (argc(I, "set_debug", n, 1, 1, nkw)) return NULL;
    int64_t v;
    if (rh_index_value(I->rt, a[0], &v)) return NULL;
    rh_gc_set_debug(I->rt, (int)v);
    return none(I);
}
FN(gc_get_debug) { UNUSED_ARGS; (void)a; if (argc(I, "get_debug", n, 0, 0, nkw)) return NULL; return rh_int_from_i64(I->rt, rh_gc_get_debug(I->rt)); }

/* ---------------------------------------------------------------- weakref */

FN(wr_ref) {
    UNUSED_ARGS;
    if (argc(I, "ref", n, 1, 2, nkw)) return NULL;
    rh_object *cb = n == 2 && a[1] != rh_none(I->rt) ? a[1] : NULL;
    return rh_weakref_new(I->rt, a[0], cb);
}
FN(wr_getweakrefcount) { UNUSED_ARGS; if (argc(I, "getweakrefcount", n, 1, 1, nkw)) return NULL; return rh_int_from_i64(I->rt, rh_weakref_count(a[0])); }
FN(wr_getweakrefs) { UNUSED_ARGS; if (argc(I, "getweakrefs", n, 1, 1, nkw)) return NULL; return rh_weakref_list(I->rt, a[0]); }

/* ---------------------------------------------------------------- refheap */

void hx_report_mark(hx_interp *I, rh_object *label);

FN(rh_mark) {
    UNUSED_ARGS;
    if (argc(I, "mark", n, 1, 1, nkw)) return NULL;
    if (rh_kind_of(a[0]) != RH_K_STR) { rh_err_set(I->rt, RH_EXC_TYPE, "mark() label must be str"); return NULL; }
    hx_report_mark(I, a[0]);
    return none(I);
}

/* sys._getframe(depth=0, /) (Python/sysmodule.c sys__getframe_impl): the frame object of the Python frame
 * depth calls up from the caller, made now if it has none (_PyFrame_GetFrameObject); ValueError "call
 * stack is not deep enough" past the outermost. Lib's namedtuple reads f_globals['__name__'] of depth 1. */
FN(sys_getframe) {
    UNUSED_ARGS;
    rh_runtime *rt = I->rt;
    if (nkw) { rh_err_set(rt, RH_EXC_TYPE, "_getframe() takes no keyword arguments"); return NULL; }
    if (n > 1) { rh_err_set(rt, RH_EXC_TYPE, "_getframe expected at most 1 argument, got %d", n); return NULL; }
    int64_t depth = 0;
    if (n == 1) {
        if (rh_kind_of(a[0]) == RH_K_FLOAT) { rh_err_set(rt, RH_EXC_TYPE, "'float' object cannot be interpreted as an integer"); return NULL; }
        if (!rh_type_of(a[0])->as_number.nb_index) {
            rh_err_set(rt, RH_EXC_TYPE, "'%s' object cannot be interpreted as an integer", hx_tname(a[0]));
            return NULL;
        }
        if (rh_index_value(rt, a[0], &depth)) return NULL;
    }
    hx_frame *f = I->frame;
    while (f && depth-- > 0) f = f->back;
    if (!f) { rh_err_set(rt, RH_EXC_VALUE, "call stack is not deep enough"); return NULL; }
    rh_object *fo = hx_frame_object(I, f);
    return fo ? newref(fo) : NULL;
}

/* ---------------------------------------------------------------- module tables */

static const rh_builtin_def sys_defs[] = {
    {"getrefcount", (void (*)(void))sys_getrefcount, 0}, {"getsizeof", (void (*)(void))sys_getsizeof, 0},
    {"intern", (void (*)(void))sys_intern, 0}, {"exc_info", (void (*)(void))sys_exc_info, 0},
    {"exc_clear", (void (*)(void))sys_exc_clear, 0},
    {"getallocatedblocks", (void (*)(void))sys_getallocatedblocks, 0},
    {"exit", (void (*)(void))sys_exit, 0}, {"getrecursionlimit", (void (*)(void))sys_getrecursionlimit, 0},
    {"setrecursionlimit", (void (*)(void))sys_setrecursionlimit, 0},
    {"getdefaultencoding", (void (*)(void))sys_getdefaultencoding, 0},
    {"getfilesystemencoding", (void (*)(void))sys_getfilesystemencoding, 0},
    {"getfilesystemencodeerrors", (void (*)(void))sys_getfilesystemencodeerrors, 0},
    {"excepthook", (void (*)(void))sys_excepthook, 0}, {"audit", (void (*)(void))sys_audit, 0}, {"_getframe", (void (*)(void))sys_getframe, 0}, {NULL, NULL, 0}};
static const rh_builtin_def gc_defs[] = {
    {"collect", (void (*)(void))gc_collect, 0}, {"enable", (void (*)(void))gc_enable, 0},
    {"disable", (void (*)(void))gc_disable, 0}, {"isenabled", (void (*)(void))gc_isenabled, 0},
    {"get_count", (void (*)(void))gc_get_count, 0}, {"get_threshold", (void (*)(void))gc_get_threshold, 0},
    {"set_threshold", (void (*)(void))gc_set_threshold, 0}, {"is_tracked", (void (*)(void))gc_is_tracked, 0},
    {"is_finalized", (void (*)(void))gc_is_finalized, 0}, {"get_objects", (void (*)(void))gc_get_objects, 0},
    {"get_referents", (void (*)(void))gc_get_referents, 0}, {"get_referrers", (void (*)(void))gc_get_referrers, 0},
    {"freeze", (void (*)(void))gc_freeze, 0}, {"unfreeze", (void (*)(void))gc_unfreeze, 0},
    {"get_freeze_count", (void (*)(void))gc_get_freeze_count, 0}, {"get_stats", (void (*)(void))gc_get_stats, 0},
    {"set_debug", (void (*)(void))gc_set_debug, 0}, {"get_debug", (void (*)(void))gc_get_debug, 0},
    {NULL, NULL, 0}};
static const rh_builtin_def weakref_defs[] = {
    {"ref", (void (*)(void))wr_ref, HX_METH_VARARGS} /* weakref type: no vectorcall */, {"getweakrefcount", (void (*)(void))wr_getweakrefcount, 0},
    {"getweakrefs", (void (*)(void))wr_getweakrefs, 0}, {NULL, NULL, 0}};
static const rh_builtin_def refheap_defs[] = {{"mark", (void (*)(void))rh_mark, 0}, {NULL, NULL, 0}};

static int add_fns(hx_interp *I, rh_object *m, const char *modname, const rh_builtin_def *defs) {
    for (int i = 0; defs[i].name; i++) {
        if (!RH_API_DYN(I, modname, defs[i].name)) continue; /* not in the profile's version */
        rh_object *f = rh_builtin_new(I->rt, &defs[i], m);
        if (!f) return -1;
        int rc = rh_dict_set_cstr(I->rt, rh_module_dict(m), defs[i].name, f);
        rh_decref(I->rt, f);
        if (rc) return -1;
    }
    return 0;
}

static int add_int(hx_interp *I, rh_object *m, const char *name, int64_t v) {
    if (!RH_API_DYN(I, "gc", name)) return 0;
    rh_object *x = rh_int_from_i64(I->rt, v);
    if (!x) return -1;
    int rc = rh_dict_set_cstr(I->rt, rh_module_dict(m), name, x);
    rh_decref(I->rt, x);
    return rc;
}

rh_object *hx_make_module(hx_interp *I, const char *name, const rh_builtin_def *defs) {
    rh_object *nm = rh_str_intern_utf8(I->rt, name, strlen(name));
    if (!nm) return NULL;
    rh_object *m = rh_module_new(I->rt, nm);
    rh_decref(I->rt, nm);
    if (!m) return NULL;
    if (add_fns(I, m, name, defs)) { rh_decref(I->rt, m); return NULL; }
    return m;
}

/* gc.garbage / gc.callbacks: the runtime makes the list on first use, so it is NULL (MemoryError set)
 * when that allocation fails. */
static int set_gc_list(hx_interp *I, rh_object *m, const char *name, rh_object *list) {
    return list ? rh_dict_set_cstr(I->rt, rh_module_dict(m), name, list) : -1;
}

/* Lib/weakref.py's __all__, a list its import leaves behind (one list from the free list, which 2.7's
 * collections keep): the names in its order that the native module has. */
static int weakref_all(hx_interp *I, rh_object *m) {
    static const char *const names[] = {"ref", "proxy", "getweakrefcount", "getweakrefs", "ProxyType"};
    rh_object *all = rh_list_new(I->rt, 0);
    int rc = all ? 0 : -1;
    for (size_t i = 0; rc == 0 && i < sizeof names / sizeof *names; i++) {
        rh_object *s = rh_str_intern_utf8(I->rt, names[i], strlen(names[i]));
        rc = s ? rh_list_append(I->rt, all, s) : -1;
        rh_xdecref(I->rt, s);
    }
    if (rc == 0) rc = rh_dict_set_cstr(I->rt, rh_module_dict(m), "__all__", all);
    rh_xdecref(I->rt, all);
    return rc;
}

/* The native modules: sys.builtin_module_names' part the interpreter has; found before the search path. */
static const char *const native_modules[48] = {
#define HX_MOD_NAME(name) #name,
    HX_NATIVE_MODULES(HX_MOD_NAME)
#undef HX_MOD_NAME
    NULL};

/* The interpreter's field holding native module `name`, or NULL when there is no such native module. */
static rh_object **native_slot(hx_interp *I, const char *name) {
#define HX_MOD_SLOT(n) if (!strcmp(name, #n)) return &I->mod_##n;
    HX_NATIVE_MODULES(HX_MOD_SLOT)
#undef HX_MOD_SLOT
    return NULL;
}

void hx_native_module_names(char *out, size_t n) {
    size_t k = 0;
    out[0] = 0;
    for (int i = 0; native_modules[i] && k < n; i++)
        k += (size_t)snprintf(out + k, n - k, "%s%s", i ? ", " : "", native_modules[i]);
}

int hx_native_module_is_builtin(const char *name) {
    static const char *const stand_ins[] = {"random", "io", "collections", "weakref", NULL};
    for (int i = 0; stand_ins[i]; i++)
        if (!strcmp(stand_ins[i], name)) return 0;
    return hx_native_module_exists(name);
}

int hx_native_module_exists(const char *name) {
    for (int i = 0; native_modules[i]; i++)
        if (!strcmp(native_modules[i], name)) return 1;
    return 0;
}

static int py27_fixup(hx_interp *I, rh_object **slot, rh_object *m);

rh_object *hx_import_module(hx_interp *I, const char *name) {
    rh_object **slot = native_slot(I, name);
    if (slot && I->imports && !hx_native_module_found(I->imports, name)) slot = NULL; /* Lib's collections */
    if (!slot) return hx_import_file(I, name); /* a module written in Python (import.c) */
    if (*slot) return newref(*slot);
    rh_object *m = NULL;
    if (slot == &I->mod_math) m = hx_module_math(I);
    else if (slot == &I->mod_time) m = hx_module_time(I);
    else if (slot == &I->mod_random) m = hx_module_random(I);
    else if (slot == &I->mod_itertools) m = hx_module_itertools(I);
    else if (slot == &I->mod__collections) m = hx_module__collections(I);
    else if (slot == &I->mod_collections) m = hx_module_collections(I);
    else if (slot == &I->mod_array) m = hx_module_array(I);
    else if (slot == &I->mod__io || slot == &I->mod_io) m = hx_module_io(I, name);
    else if (slot == &I->mod__bisect) m = hx_module_bisect(I);
    else if (slot == &I->mod__heapq) m = hx_module_heapq(I);
    else if (slot == &I->mod__abc) m = hx_module_abc(I);
    else if (slot == &I->mod_builtins) { /* made with __main__ (interp.c); again only after finalization */
        rh_object *nm = rh_str_from_cstr(I->rt, "builtins");
        m = nm ? rh_module_new_with_dict(I->rt, nm, I->builtins) : NULL;
        rh_xdecref(I->rt, nm);
    }
    else if (slot == &I->mod__sre) m = hx_module_sre(I);
    else if (slot == &I->mod__thread) m = hx_module__thread(I);
    else if (slot == &I->mod_errno) m = hx_module_errno(I);
    else if (slot == &I->mod__string) m = hx_module__string(I);
    else if (slot == &I->mod__struct) m = hx_module__struct(I);
    else if (slot == &I->mod__weakref) m = hx_module__weakref(I);
    else if (slot == &I->mod_atexit) m = hx_module_atexit(I);
    else if (slot == &I->mod_posix) m = hx_module_posix(I);
    else if (slot == &I->mod__codecs) m = hx_module__codecs(I);
    else if (slot == &I->mod__imp) m = hx_module__imp(I);
    else if (slot == &I->mod__warnings) m = hx_module__warnings(I);
    else if (slot == &I->mod_marshal) m = hx_module_marshal(I);
    else if (slot == &I->mod__ast) m = hx_module__ast(I);
    else if (slot == &I->mod_sys) {
        m = hx_make_module(I, "sys", sys_defs);
        if (m && add_sys_attrs(I, m)) { rh_decref(I->rt, m); m = NULL; }
        if (m && I->exc_py2) { /* I->mod_sys is set only below */
            rh_object *saved = I->mod_sys;
            I->mod_sys = m;
            hx_sys_exc_mirror(I);
            I->mod_sys = saved;
        }
        for (int err = 0; m && err < 2; err++) { /* sys.stdout, sys.stderr (builtins_iter.c) */
            rh_object *s = hx_std_stream_new(I, err);
            if (!s || rh_dict_set_cstr(I->rt, rh_module_dict(m), err ? "stderr" : "stdout", s)) { rh_decref(I->rt, m); m = NULL; }
            rh_xdecref(I->rt, s);
        }
        /* sys.modules (the imported Python modules: natives and __main__ are not entered) */
        rh_object *mods = m ? hx_sys_modules(I) : NULL;
        if (m && (!mods || rh_dict_set_cstr(I->rt, rh_module_dict(m), "modules", mods))) { rh_decref(I->rt, m); m = NULL; }
    }
    else if (slot == &I->mod_weakref) { /* weakref.proxy / ProxyType are _weakref's (mod_weakref.c) */
        m = hx_make_module(I, "weakref", weakref_defs);
        rh_object *pf = m ? rh_builtin_new(I->rt, hx_weakref_proxy_def(), m) : NULL;
        if (m && (!pf || rh_dict_set_cstr(I->rt, rh_module_dict(m), "proxy", pf) ||
                  rh_dict_set_cstr(I->rt, rh_module_dict(m), "ProxyType", (rh_object *)rh_builtin_type(I->rt, RH_K_WEAKPROXY))))
            rh_setref(I->rt, &m, NULL);
        rh_xdecref(I->rt, pf);
        if (m && weakref_all(I, m) != 0) rh_setref(I->rt, &m, NULL);
    }
    else if (slot == &I->mod_refheap) m = hx_make_module(I, "refheap", refheap_defs);
    else {
        m = hx_make_module(I, "gc", gc_defs);
        /* DEBUG_LEAK is every flag but DEBUG_STATS: 2.7 also has DEBUG_INSTANCES (8) and DEBUG_OBJECTS (16) */
        int64_t old_flags = RH_API(I, "gc", "DEBUG_INSTANCES") ? 8 | 16 : 0;
        if (m && (add_int(I, m, "DEBUG_STATS", RH_GC_DEBUG_STATS) || add_int(I, m, "DEBUG_COLLECTABLE", RH_GC_DEBUG_COLLECTABLE) ||
                  add_int(I, m, "DEBUG_UNCOLLECTABLE", RH_GC_DEBUG_UNCOLLECTABLE) ||
                  add_int(I, m, "DEBUG_INSTANCES", 8) || add_int(I, m, "DEBUG_OBJECTS", 16) ||
                  add_int(I, m, "DEBUG_SAVEALL", RH_GC_DEBUG_SAVEALL) ||
                  add_int(I, m, "DEBUG_LEAK", RH_GC_DEBUG_LEAK | old_flags) ||
                  set_gc_list(I, m, "garbage", rh_gc_garbage(I->rt)) ||
                  (RH_API(I, "gc", "callbacks") && set_gc_list(I, m, "callbacks", rh_gc_callbacks(I->rt))))) {
            rh_decref(I->rt, m);
            m = NULL;
        }
    }
    if (!m) return NULL;
    if (py27_fixup(I, slot, m) != 0) { rh_decref(I->rt, m); return NULL; }
    *slot = m;
    return newref(m);
}

/* 2.7's _PyImport_FixupExtension (Python/import.c): a C module's first import keeps a copy of its dict in the
 * interpreter's `extensions` table until finalization, one more reference to everything in it. refheap's
 * native modules that are C modules in 2.7 (not its stand-ins for Lib's weakref, collections, io, random,
 * atexit); __builtin__'s copy is made at start-up. 0, or -1 with MemoryError. */
static int py27_fixup(hx_interp *I, rh_object **slot, rh_object *m) {
    if (!I->py27_ext) return 0;
    rh_object **c_modules[] = {&I->mod_gc, &I->mod_math, &I->mod_time, &I->mod_itertools, &I->mod__collections,
                               &I->mod_array, &I->mod__io, &I->mod__bisect, &I->mod__heapq, &I->mod__sre,
                               &I->mod__thread, &I->mod_errno, &I->mod__struct, &I->mod__weakref, &I->mod_posix,
                               &I->mod__codecs, &I->mod_builtins};
    for (size_t i = 0; i < sizeof c_modules / sizeof c_modules[0]; i++) {
        if (c_modules[i] != slot) continue;
        rh_object *copy = rh_dict_copy(I->rt, rh_module_dict(m));
        int rc = copy ? rh_list_append(I->rt, I->py27_ext, copy) : -1;
        rh_xdecref(I->rt, copy);
        return rc;
    }
    return 0;
}

/* ---------------------------------------------------------------- hooks */

/* PyErr_Fetch / PyErr_Restore around Python code run from inside the library */
typedef rh_err_state saved_err;
static void save_err(hx_interp *I, saved_err *s) { rh_err_save(I->rt, s); }
static void restore_err(hx_interp *I, saved_err *s) { rh_err_restore_state(I->rt, s); }

static int hook_call_del(void *ctx, rh_runtime *rt, rh_object *self) {
    hx_interp *I = ctx;
    if (I->exiting >= 2) return 0;
    rh_object *fn = rh_class_lookup(rt, (rh_object *)rh_type_of(self), I->s_del);
    if (!fn) { rh_err_clear(rt); return 0; }
    saved_err s;
    save_err(I, &s);
    rh_incref(fn);
    rh_object *arg = newref(self);
    rh_object *r = hx_call(I, fn, &arg, 1, NULL, NULL, 0);
    if (r) rh_decref(rt, r);
    else hx_write_unraisable(I, fn);
    rh_decref(rt, fn);
    restore_err(I, &s);
    return 0;
}

static int hook_caller(void *ctx, rh_runtime *rt, rh_object *fn, rh_object *args) {
    hx_interp *I = ctx;
    if (I->exiting >= 2) return 0;
    saved_err s;
    save_err(I, &s);
    size_t n = args ? rh_tuple_len(args) : 0;
    rh_object *a[RH_ARGS_MAX];
    if (n > RH_ARGS_MAX) n = RH_ARGS_MAX;
    for (size_t i = 0; i < n; i++) a[i] = newref(rh_tuple_get(args, i));
    rh_incref(fn);
    rh_object *r = hx_call(I, fn, a, (int)n, NULL, NULL, 0);
    if (r) rh_decref(rt, r);
    else hx_write_unraisable(I, fn);
    rh_decref(rt, fn);
    restore_err(I, &s);
    return 0;
}

static void hook_unraisable(void *ctx, rh_runtime *rt, rh_exc kind, const char *msg, rh_object *where) {
    hx_interp *I = ctx;
    (void)rt;
    fflush(stdout);
    if (where) {
        rh_object *r = hx_obj_repr(I, where);
        fprintf(stderr, "Exception ignored in: %s\n", r ? rh_str_utf8(I->rt, r, NULL) : "<object>");
        rh_xdecref(I->rt, r);
        rh_err_clear(I->rt);
    }
    fprintf(stderr, "%s%s%s\n", rh_exc_name(kind), msg && msg[0] ? ": " : "", msg ? msg : "");
    fflush(stderr);
}

static void hook_output(void *ctx, const char *text) {
    (void)ctx;
    fflush(stdout);
    fputs(text, stderr);
}

/* hook_caller for one argument (weakref callbacks: PyObject_CallOneArg makes no tuple) */
static int hook_caller1(void *ctx, rh_runtime *rt, rh_object *fn, rh_object *arg) {
    hx_interp *I = ctx;
    if (I->exiting >= 2) return 0;
    saved_err s;
    save_err(I, &s);
    const rh_profile *p = rh_runtime_profile(rt);
    /* 2.7 calls through PyObject_CallFunctionObjArgs: a 1-tuple holds the argument for the call. 3.10's
     * PyObject_CallOneArg hands a Python function the caller's pointer, its frame taking the only new
     * reference (call_pyfunc is told the argument is borrowed); 3.11+ frames take the reference given. */
    rh_object *packed = p->python2 ? rh_tuple_pack(rt, 1, arg) : NULL;
    if (p->python2 && !packed) {
        hx_write_unraisable(I, fn);
        restore_err(I, &s);
        return 0;
    }
    int borrowed = !p->call_args_stolen && rh_kind_of(fn) == RH_K_FUNCTION;
    rh_object *a = borrowed ? arg : newref(arg);
    rh_incref(fn);
    I->arg0_borrowed = borrowed;
    rh_object *r = hx_call(I, fn, &a, 1, NULL, NULL, 0);
    I->arg0_borrowed = 0;
    if (r) rh_decref(rt, r);
    else hx_write_unraisable(I, fn);
    rh_decref(rt, fn);
    rh_xdecref(rt, packed);
    restore_err(I, &s);
    return 0;
}

void hx_hooks_install(hx_interp *I) {
    rh_gc_set_caller(I->rt, hook_caller, I);
    rh_gc_set_caller1(I->rt, hook_caller1);
}

/* The library's class slot wrappers (slot_tp_* in t_class.c) call Python code through here. */
static rh_object *hook_call(void *ctx, rh_runtime *rt, rh_object *callable, rh_object *const *args, size_t nargs) {
    (void)rt;
    if (nargs > RH_ARGS_MAX) nargs = RH_ARGS_MAX;
    return hx_call_borrowed((hx_interp *)ctx, callable, (rh_object **)args, (int)nargs);
}

static rh_object *hook_call_tuple(void *ctx, rh_runtime *rt, rh_object *callable, rh_object *args) {
    (void)rt;
    return hx_call_tuple27((hx_interp *)ctx, callable, args);
}

static rh_object *hook_getattr(void *ctx, rh_runtime *rt, rh_object *o, rh_object *name) {
    (void)rt;
    return hx_getattr_obj((hx_interp *)ctx, o, name);
}

static int hook_exc_matches(void *ctx, rh_runtime *rt, rh_exc raised, rh_exc cls) {
    return hx_py27_check_hook((hx_interp *)ctx, (rh_object *)rh_exc_type(rt, cls), "__subclasscheck__",
                              (rh_object *)rh_exc_type(rt, raised));
}

/* Declared in interp.h. */
rh_hooks hx_interp_hooks(hx_interp *I) {
    rh_hooks h = {.ctx = I, .call_del = hook_call_del, .unraisable = hook_unraisable, .output = hook_output,
                  .call = hook_call, .gen_resume = hx_gen_resume_hook, .getattr = hook_getattr,
                  .exc_matches = hook_exc_matches, .call_tuple = hook_call_tuple};
    return h;
}
