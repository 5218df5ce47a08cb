/* import.c — modules written in Python: finding them (plain modules and packages), loading them, executing
 * each at its first import.
 *
 * What CPython's import system does for source modules (Lib/importlib/_bootstrap.py __import__,
 * _gcd_import, _find_and_load, _load_unlocked, _handle_fromlist, _calc___package__, _resolve_name,
 * _init_module_attrs; _bootstrap_external.py PathFinder, FileFinder and SourceFileLoader; Python/ceval.c
 * import_name, import_from, import_all_from), reduced to what a program needs:
 *  - the search path is the directory of the main program, each PYTHONPATH entry, then the profile's
 *    interpreter's standard library directory; a built-in (native) module of the same top-level name wins,
 *    as sys.builtin_module_names are found first. In a directory, `name/__init__.py` (a package) is found
 *    before `name.py` (FileFinder.find_spec); a submodule `a.b` is looked for only in package a's directory
 *    (its __path__). Namespace packages (a directory without __init__.py) are not found;
 *  - the unconditional top-level imports (a statement directly in the module body, not under if/try/def)
 *    of the program and of every module so found are resolved before anything runs (hx_imports_load): a
 *    missing module or a syntax error in one is a `file:line:col: message` and exit 2, never a failure
 *    half-way through. Any other import statement finds, reads, parses and compiles its module when it
 *    runs: a missing one raises ModuleNotFoundError (with .name) there, catchable as in CPython, and one
 *    that cannot be parsed raises refheap.Unsupported naming file:line:col;
 *  - the first import makes the module object, enters it in sys.modules *before* executing its body
 *    (so an import cycle sees the partly initialised module, as in CPython), runs the body with the module's
 *    dict as globals, takes it out of sys.modules again if the body fails (_load_unlocked), and sets it
 *    as an attribute of its parent package (_find_and_load_unlocked);
 *  - at exit, modules go as finalize_modules has it: removed from sys.modules, a collection, then the
 *    dicts of those still alive wiped (_PyModule_ClearDict) in reverse order of import.
 * Invariants: a hx_modfile owns its path, source and syntax tree; its module object is owned by
 * I->sys_modules (the entry) — mf->module is a borrowed pointer, valid while that entry is the module.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "interp.h"
#include "source.h"

char *hx_read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap + 1);
    if (!buf) abort();
    for (;;) {
        size_t r = fread(buf + n, 1, cap - n, f);
        n += r;
        if (n < cap) break;
        cap *= 2;
        buf = realloc(buf, cap + 1);
        if (!buf) abort();
    }
    int err = ferror(f);
    fclose(f);
    if (err) { free(buf); return NULL; }
    buf[n] = 0;
    *len = n;
    return buf;
}

static rh_object *newref_obj(rh_object *o) {
    rh_incref(o);
    return o;
}

static char *dupstr(const char *s) {
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (!d) abort();
    memcpy(d, s, n);
    return d;
}

/* ---------------------------------------------------------------- the search path */

/* The directory part of path ("." when it has none). New string. */
static char *dir_of(const char *path) {
    const char *slash = strrchr(path, '/');
    if (!slash) return dupstr(".");
    size_t n = (size_t)(slash - path);
    char *d = malloc(n + 2);
    if (!d) abort();
    memcpy(d, path, n ? n : 1);
    d[n ? n : 1] = 0;
    return d;
}

static int is_dir(const char *p) {
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

void hx_imports_init(hx_imports *R, const char *main_file, const char *stdlib) {
    memset(R, 0, sizeof *R);
    R->tail = &R->files;
    R->dirs[R->ndirs++] = dir_of(main_file);
    const char *pp = getenv("PYTHONPATH");
    while (pp && *pp && R->ndirs < HX_IMPORT_DIRS_MAX - 1) {
        const char *end = strchr(pp, ':');
        size_t n = end ? (size_t)(end - pp) : strlen(pp);
        if (n) {
            char *d = malloc(n + 1);
            if (!d) abort();
            memcpy(d, pp, n);
            d[n] = 0;
            R->dirs[R->ndirs++] = d;
        }
        pp = end ? end + 1 : NULL;
    }
    if (stdlib && *stdlib && is_dir(stdlib)) R->stdlib = R->dirs[R->ndirs++] = dupstr(stdlib);
}

/* dir + "/" + a + b: new string */
static char *join3(const char *dir, const char *a, const char *b) {
    size_t n = strlen(dir) + strlen(a) + strlen(b) + 2;
    char *p = malloc(n);
    if (!p) abort();
    snprintf(p, n, "%s/%s%s", dir, a, b);
    return p;
}

/* FileFinder.find_spec for source files: <dir>/<last>/__init__.py (a package: *pkgdir set), else
 * <dir>/<last>.py. The path (new string) or NULL. */
static char *find_in_dir(const char *dir, const char *last, char **pkgdir) {
    char *d = join3(dir, last, "");
    if (is_dir(d)) {
        char *init = join3(d, "__init__", ".py");
        if (access(init, R_OK) == 0) { *pkgdir = d; return init; }
        free(init);
    }
    free(d);
    char *p = join3(dir, last, ".py");
    if (access(p, R_OK) == 0 && !is_dir(p)) return p;
    free(p);
    return NULL;
}

/* The Lib directory of a package a native module stands in for: `collections`. Where the standard library
 * has it (3.x) Lib's package is imported instead of the native module (hx_native_module_found); 2.7's
 * collections is one file, so py27 keeps the native module. The directory (new string), else NULL. */
char *hx_native_package_dir(const hx_imports *R, const char *name) {
    static const char *const packages[] = {"collections", NULL};
    if (!R || !R->stdlib) return NULL;
    for (int i = 0; packages[i]; i++) {
        if (strcmp(packages[i], name) != 0) continue;
        char *d = join3(R->stdlib, name, "");
        if (is_dir(d)) return d;
        free(d);
    }
    return NULL;
}

/* A native module that stands in for a Lib package only where the profile's Lib lacks it: `collections` is
 * Lib's package (Lib/collections/__init__.py over the native `_collections`) wherever the standard library
 * has that directory (3.x), and refheap's native one otherwise (2.7's Lib has collections.py, which needs
 * 2.7's `exec` statement, itertools.imap and the rest; the native one serves the py27 programs). */
/* `weakref` is Lib's weakref.py (over the native _weakref and Lib's _weakrefset.py) wherever the standard
 * library is 3.x's, known by its _collections_abc.py, which that weakref.py imports; 2.7's weakref.py (over
 * UserDict) and a run without a standard library keep refheap's native weakref module. */
static int lib_module_replaces_native(const hx_imports *R, const char *name) {
    if (!R || !R->stdlib || strcmp(name, "weakref") != 0) return 0;
    char *py = join3(R->stdlib, name, ".py"), *abc = join3(R->stdlib, "_collections_abc", ".py");
    int yes = access(py, R_OK) == 0 && access(abc, R_OK) == 0;
    free(py);
    free(abc);
    return yes;
}

int hx_native_module_found(const hx_imports *R, const char *name) {
    if (strchr(name, '.') || !hx_native_module_exists(name)) return 0;
    if (lib_module_replaces_native(R, name)) return 0;
    char *dir = hx_native_package_dir(R, name);
    free(dir);
    return dir == NULL;
}

hx_modfile *hx_imports_find(const hx_imports *R, const char *name) {
    for (hx_modfile *m = R->files; m; m = m->next)
        if (!strcmp(m->name, name)) return m;
    return NULL;
}

/* The parent part of a dotted name ("" for a top-level one): new string. */
static char *parent_of(const char *name) {
    const char *dot = strrchr(name, '.');
    size_t n = dot ? (size_t)(dot - name) : 0;
    char *p = malloc(n + 1);
    if (!p) abort();
    memcpy(p, name, n);
    p[n] = 0;
    return p;
}

/* Where `name` would be found: 1 found (*path, *pkgdir new strings), 0 not found, -1 when its parent is
 * found but not a package (*notpkg names it). The parent, if any, must be in R already. */
static int locate(const hx_imports *R, const char *name, char **path, char **pkgdir) {
    *path = *pkgdir = NULL;
    const char *dot = strrchr(name, '.');
    if (!dot) {
        for (int i = 0; i < R->ndirs; i++)
            if ((*path = find_in_dir(R->dirs[i], name, pkgdir)) != NULL) return 1;
        return 0;
    }
    char *parent = parent_of(name);
    hx_modfile *pm = hx_imports_find(R, parent);
    char *native_dir = pm ? NULL : hx_native_package_dir(R, parent);
    free(parent);
    if (native_dir) {
        *path = find_in_dir(native_dir, dot + 1, pkgdir);
        free(native_dir);
        return *path != NULL;
    }
    if (!pm) return 0;
    if (!pm->pkgdir) return -1;
    return (*path = find_in_dir(pm->pkgdir, dot + 1, pkgdir)) != NULL;
}

/* A new entry for a found file, at the end of the list (not read yet). */
static hx_modfile *add_file(hx_imports *R, const char *name, char *path, char *pkgdir) {
    hx_modfile *m = calloc(1, sizeof *m);
    if (!m) abort();
    m->name = dupstr(name);
    m->path = path;
    m->pkgdir = pkgdir;
    m->abspath = realpath(path, NULL);
    *R->tail = m;
    R->tail = &m->next;
    return m;
}

static void modfile_free(hx_modfile *m) {
    if (m->code) hx_code_free(m->code);
    free(m->src);
    free(m->path);
    free(m->abspath);
    free(m->pkgdir);
    free(m->name);
    free(m);
}

/* Take m, the last entry, off the list again and free it (a file a run-time import could not parse). */
static void drop_last(hx_imports *R, hx_modfile *m) {
    hx_modfile **pp = &R->files;
    while (*pp && *pp != m) pp = &(*pp)->next;
    if (!*pp) return;
    *pp = m->next;
    if (R->tail == &m->next) R->tail = pp;
    modfile_free(m);
}

/* Read and parse m. 0, or -1 with err set (about m->path). */
static int parse_file(const hx_imports *R, hx_modfile *m, hx_cerr *err) {
    if (!(m->src = hx_read_file(m->path, &m->len))) {
        hx_cerr_set(err, 1, 1, "cannot read the module: %s", strerror(errno));
        return -1;
    }
    if (hx_source_decode(&m->src, &m->len, m->path, R->source_encoding ? R->source_encoding : "utf-8", err))
        return -1;
    int ntok = 0;
    hx_tok *toks = hx_lex(m->src, m->len, &ntok, err);
    m->code = toks ? hx_parse(toks, ntok, err) : NULL;
    hx_toks_free(toks, ntok);
    return m->code ? 0 : -1;
}

/* _resolve_name: the absolute name of `name` imported at `level` from package `package` (NULL: none). New
 * string, or NULL with *why set to CPython's ImportError message. */
static char *resolve_name(const char *name, int level, const char *package, const char **why) {
    if (level == 0) return dupstr(name);
    if (!package || !*package) {
        *why = "attempted relative import with no known parent package";
        return NULL;
    }
    size_t n = strlen(package);
    for (int k = 1; k < level; k++) { /* package.rsplit('.', level - 1) */
        const char *dot = NULL;
        for (size_t i = 0; i < n; i++)
            if (package[i] == '.') dot = package + i;
        if (!dot) {
            *why = "attempted relative import beyond top-level package";
            return NULL;
        }
        n = (size_t)(dot - package);
    }
    size_t ln = strlen(name);
    char *r = malloc(n + ln + 2);
    if (!r) abort();
    memcpy(r, package, n);
    if (ln) { r[n] = '.'; memcpy(r + n + 1, name, ln + 1); }
    else r[n] = 0;
    return r;
}

/* The package a file's relative imports start from (__package__): its own name for a package, else its
 * parent's. New string, "" for a top-level module. */
static char *package_of(const hx_modfile *m) { return m->pkgdir ? dupstr(m->name) : parent_of(m->name); }

/* ---------------------------------------------------------------- loading before the run */

static int load_static(hx_imports *R, hx_modfile *m, hx_code *unit, hx_cerr *err, const char **errfile);

static void not_found(hx_imports *R, const hx_node *at, const char *name, int notpkg, hx_cerr *err) {
    char natives[320];
    hx_native_module_names(natives, sizeof natives);
    if (notpkg) {
        char *parent = parent_of(name);
        hx_cerr_set(err, at->line, at->col, "ModuleNotFoundError: No module named '%s'; '%s' is not a package", name, parent);
        free(parent);
        return;
    }
    hx_cerr_set(err, at->line, at->col,
                "ModuleNotFoundError: No module named '%s' (refheap has the native modules %s and finds "
                "module.py files and packages in the program's directory, PYTHONPATH and %s)", name, natives,
                R->stdlib ? R->stdlib : "no standard library");
}

/* One module of an unconditional import, and each package on its way: native, already found, or found,
 * read, parsed and its own unconditional imports loaded. required = 0: a name that may be an attribute
 * rather than a submodule (`from p import x`), where not finding it is no error. */
static int load_name(hx_imports *R, const hx_node *at, const char *name, int required, hx_cerr *err,
                     const char **errfile) {
    size_t n = strlen(name);
    char *prefix = malloc(n + 1);
    if (!prefix) abort();
    int rc = 0;
    for (size_t end = 0; end <= n && rc == 0; end++) {
        if (end < n && name[end] != '.') continue;
        memcpy(prefix, name, end);
        prefix[end] = 0;
        if (hx_native_module_found(R, prefix)) break; /* natives have no submodules */
        if (hx_imports_find(R, prefix)) continue;
        char *path, *pkgdir;
        int found = locate(R, prefix, &path, &pkgdir);
        if (found <= 0) {
            /* A submodule of a module that is no package (found < 0) may still be in sys.modules when the
             * statement runs (os.py: sys.modules['os.path'] = path, then `from os.path import ...`):
             * _find_and_load looks there first, so that import is left to run time (hx_import_file). */
            if (found == 0 && (required || end < n)) { not_found(R, at, prefix, 0, err); rc = -1; }
            break;
        }
        hx_modfile *m = add_file(R, prefix, path, pkgdir);
        if (parse_file(R, m, err) != 0 || (rc = load_static(R, m, m->code, err, errfile)) != 0) {
            if (!*errfile) *errfile = m->path;
            rc = -1;
        }
    }
    free(prefix);
    return rc;
}

/* The unconditional imports of a module body: its top-level import statements. m: the file (NULL: the
 * program, which has no package). */
static int load_static(hx_imports *R, hx_modfile *m, hx_code *unit, hx_cerr *err, const char **errfile) {
    char *package = m ? package_of(m) : NULL;
    int rc = 0;
    for (int i = 0; i < unit->nbody && rc == 0; i++) {
        const hx_node *s = unit->body[i];
        if (!s || s->kind != S_IMPORT) continue;
        if (!s->sval) {
            for (int k = 0; k < s->n && rc == 0; k++) rc = load_name(R, s->items[k], s->items[k]->sval, 1, err, errfile);
            continue;
        }
        const char *why = NULL;
        char *abs = resolve_name(s->sval, (int)s->ival, package, &why);
        if (!abs) continue; /* ImportError when it runs, as in CPython */
        rc = load_name(R, s, abs, 1, err, errfile);
        hx_modfile *pm = rc == 0 ? hx_imports_find(R, abs) : NULL;
        for (int k = 0; pm && pm->pkgdir && k < s->n && rc == 0; k++) { /* _handle_fromlist's submodules */
            size_t ln = strlen(abs) + strlen(s->items[k]->sval) + 2;
            char *sub = malloc(ln);
            if (!sub) abort();
            snprintf(sub, ln, "%s.%s", abs, s->items[k]->sval);
            rc = load_name(R, s->items[k], sub, 0, err, errfile);
            free(sub);
            pm = hx_imports_find(R, abs);
        }
        free(abs);
    }
    free(package);
    return rc;
}

int hx_imports_load(hx_imports *R, hx_code *main_module, hx_cerr *err, const char **errfile) {
    *errfile = NULL;
    return load_static(R, NULL, main_module, err, errfile);
}

int hx_imports_compile(hx_interp *I, hx_cerr *err, const char **errfile) {
    for (hx_modfile *m = I->imports->files; m; m = m->next) {
        if (m->compiled) continue;
        if (hx_prepare(I, m->code, err) != 0 || hx_compile(I, m->code, err) != 0) {
            *errfile = m->path;
            return -1;
        }
        m->compiled = 1;
    }
    return 0;
}

void hx_imports_free(hx_imports *R) {
    for (hx_modfile *m = R->files, *next; m; m = next) {
        next = m->next;
        modfile_free(m);
    }
    for (int i = 0; i < R->ndirs; i++) free(R->dirs[i]);
    memset(R, 0, sizeof *R);
}

/* ---------------------------------------------------------------- loading while the program runs */

/* A file found by an import statement that runs (not loaded before the run): read, parsed, compiled. A file
 * that cannot be is refheap.Unsupported naming file:line:col (CPython: SyntaxError for a syntax error;
 * refheap's own "unsupported" refusals have no CPython counterpart) and leaves no entry. Borrowed or NULL. */
static hx_modfile *load_lazy(hx_interp *I, const char *name, char *path, char *pkgdir) {
    hx_imports *R = I->imports;
    hx_modfile *m = add_file(R, name, path, pkgdir);
    hx_cerr err = {0};
    if (parse_file(R, m, &err) == 0 && hx_prepare(I, m->code, &err) == 0 && hx_compile(I, m->code, &err) == 0) {
        m->compiled = 1;
        return m;
    }
    if (!rh_err_occurred(I->rt) || rh_err_occurred(I->rt) != RH_EXC_MEMORY) {
        rh_err_clear(I->rt);
        rh_err_set(I->rt, RH_EXC_UNSUPPORTED, "%s:%d:%d: %s", m->path, err.line, err.col, err.msg);
    }
    drop_last(R, m);
    return NULL;
}

/* ModuleNotFoundError(msg, name=name), as _find_and_load_unlocked raises it. */
static void module_not_found(hx_interp *I, const char *name, const char *fmt, const char *parent) {
    rh_runtime *rt = I->rt;
    if (parent) rh_err_set(rt, RH_EXC_MODULENOTFOUND, fmt, name, parent);
    else rh_err_set(rt, RH_EXC_MODULENOTFOUND, fmt, name);
    if (rh_err_normalize(rt) != 0) return;
    rh_object *e = rh_err_value(rt), *n = rh_str_from_utf8(rt, name, strlen(name));
    if (!n) return; /* MemoryError replaced it */
    rh_exc_set_import_name(rt, e, n);
    rh_decref(rt, n);
}

/* ---------------------------------------------------------------- executing at first import */

/* module_init_dict and _init_module_attrs: the names a source module's dict starts with: __name__ (the
 * module object's), __doc__, __package__, __loader__, __spec__, __path__ (a package), __file__,
 * __cached__, then __builtins__ as exec puts it. 2.7 (PyModule_New, load_package): __doc__, __package__,
 * __file__, __path__, __builtins__. */
static int init_module_dict(hx_interp *I, rh_object *d, const hx_modfile *mf) {
    rh_runtime *rt = I->rt;
    int py2 = rh_runtime_profile(rt)->python2;
    static const char *const names3[] = {"__doc__", "__package__", "__loader__", "__spec__", "__path__", "__file__",
                                         "__cached__", "__builtins__", NULL};
    static const char *const names2[] = {"__doc__", "__package__", "__file__", "__path__", "__builtins__", NULL};
    int rc = 0;
    for (const char *const *n = py2 ? names2 : names3; *n && rc == 0; n++) {
        rh_object *v;
        if (!strcmp(*n, "__file__")) v = rh_str_from_utf8(rt, mf->path, strlen(mf->path));
        else if (!strcmp(*n, "__package__")) {
            char *pkg = package_of(mf);
            v = rh_str_from_utf8(rt, pkg, strlen(pkg));
            free(pkg);
        } else if (!strcmp(*n, "__path__")) {
            if (!mf->pkgdir) continue;
            rh_object *dir = rh_str_from_utf8(rt, mf->pkgdir, strlen(mf->pkgdir));
            v = dir ? rh_list_new(rt, 0) : NULL;
            if (v && rh_list_append(rt, v, dir) != 0) { rh_decref(rt, v); v = NULL; }
            rh_xdecref(rt, dir);
        }
        else if (!strcmp(*n, "__builtins__")) { v = I->builtins; rh_incref(v); }
        else { v = rh_none(rt); rh_incref(v); }
        rc = v ? rh_dict_set_cstr(rt, d, *n, v) : -1;
        rh_xdecref(rt, v);
    }
    return rc;
}

rh_object *hx_sys_modules(hx_interp *I) {
    if (!I->sys_modules && !(I->sys_modules = rh_dict_new(I->rt))) return NULL;
    return I->sys_modules;
}

rh_object *hx_sys_path(hx_interp *I) {
    rh_runtime *rt = I->rt;
    rh_object *l = rh_list_new(rt, 0);
    for (int i = 0; l && I->imports && i < I->imports->ndirs; i++) {
        /* the program's directory absolute, as CPython's sys.path[0] (the script's realpath'd directory) */
        char *abs = i == 0 ? realpath(I->imports->dirs[0], NULL) : NULL;
        const char *d = abs ? abs : I->imports->dirs[i];
        rh_object *s = rh_str_from_utf8(rt, d, strlen(d));
        free(abs);
        if (!s || rh_list_append(rt, l, s) != 0) { rh_xdecref(rt, s); rh_decref(rt, l); return NULL; }
        rh_decref(rt, s);
    }
    return l;
}

/* sys.modules[name]: borrowed, NULL when absent (error set only on failure). */
static rh_object *sys_modules_get(hx_interp *I, const char *name) {
    if (!hx_sys_modules(I)) return NULL;
    return rh_dict_get_cstr(I->rt, I->sys_modules, name);
}

/* _load_unlocked for a source module: a new module object in sys.modules, its body executed. New ref. */
static rh_object *exec_module(hx_interp *I, hx_modfile *mf) {
    rh_runtime *rt = I->rt;
    rh_object *key = rh_str_from_utf8(rt, mf->name, strlen(mf->name));
    if (!key) return NULL;
    rh_object *m = rh_module_new(rt, key);
    if (!m || init_module_dict(I, rh_module_dict(m), mf) != 0 || rh_dict_set(rt, I->sys_modules, key, m) != 0) {
        rh_xdecref(rt, m);
        rh_decref(rt, key);
        return NULL;
    }
    mf->module = m;
    mf->last_dict = rh_module_dict(m);
    if (!mf->imported) {
        mf->imported = 1;
        mf->order = ++I->imports->nimported;
    }
    mf->initializing = 1;
    int st = hx_run_module(I, mf->code, rh_module_dict(m));
    mf->initializing = 0;
    if (st != 0) {
        rh_err_state saved;
        rh_err_save(rt, &saved);
        if (rh_dict_del(rt, I->sys_modules, key) != 0) rh_err_clear(rt);
        rh_err_restore_state(rt, &saved);
        mf->module = NULL;
        rh_decref(rt, m);
        rh_decref(rt, key);
        return NULL;
    }
    rh_decref(rt, m);
    /* _load_unlocked: "Move the module to the end of sys.modules" (pop, then set again): the module sys.modules
     * holds now (the body may have replaced its entry) */
    rh_object *r = rh_dict_get(rt, I->sys_modules, key);
    if (r) rh_incref(r);
    else if (!rh_err_occurred(rt)) rh_err_set(rt, RH_EXC_KEY, "'%s'", mf->name);
    if (r && (rh_dict_del(rt, I->sys_modules, key) != 0 || rh_dict_set(rt, I->sys_modules, key, r) != 0)) {
        rh_decref(rt, r);
        r = NULL;
    }
    rh_decref(rt, key);
    return r;
}

/* ---------------------------------------------------------------- eval of a source string */

/* A source string (src: malloc'd, NUL-terminated, taken) as the module unit "<string>" on the import list,
 * lexed, parsed, resolved and compiled (hx_code.names_in_ns as given): the unit, or NULL with the error set
 * (refheap.Unsupported naming <string>:line:col for what refheap cannot parse; CPython: SyntaxError). */
static hx_modfile *compile_string(hx_interp *I, char *src, size_t len, int names_in_ns) {
    rh_runtime *rt = I->rt;
    hx_modfile *m = add_file(I->imports, "<string>", dupstr("<string>"), NULL);
    m->src = src;
    m->len = len;
    hx_cerr err = {0};
    int ntok = 0;
    hx_tok *toks = hx_lex(m->src, m->len, &ntok, &err);
    m->code = toks ? hx_parse(toks, ntok, &err) : NULL;
    hx_toks_free(toks, ntok);
    if (m->code) m->code->names_in_ns = names_in_ns;
    if (!m->code || hx_prepare(I, m->code, &err) != 0 || hx_compile(I, m->code, &err) != 0) {
        if (rh_err_occurred(rt) != RH_EXC_MEMORY) {
            rh_err_clear(rt);
            rh_err_set(rt, RH_EXC_UNSUPPORTED, "<string>:%d:%d: %s", err.line, err.col, err.msg);
        }
        drop_last(I->imports, m);
        return NULL;
    }
    m->compiled = 1;
    return m;
}

/* builtin eval(source, globals) for a str source (Python/bltinmodule.c builtin_eval_impl: leading spaces and
 * tabs stripped, then PyRun_StringFlags in Py_eval_input mode with globals as both namespaces). refheap's
 * compiler has no expression mode: the text runs as the statement `__rh_eval__ = (source)` in globals and
 * the value is taken out of the dict again (one key added and removed: the dict may have grown). The unit
 * (source and code) is kept on the import list, named "<string>", as long as the interpreter lives: the
 * functions the expression makes keep pointing at its code. A source that cannot be parsed is
 * refheap.Unsupported naming <string>:line:col (CPython: SyntaxError). New reference or NULL. */
rh_object *hx_eval_source(hx_interp *I, const char *text, size_t len, rh_object *globals) {
    rh_runtime *rt = I->rt;
    if (!I->imports) { rh_err_set(rt, RH_EXC_UNSUPPORTED, "eval() without an import context"); return NULL; }
    while (len && (*text == ' ' || *text == '\t')) text++, len--;
    static const char head[] = "__rh_eval__ = (", tail[] = "\n)\n";
    char *src = malloc(sizeof head - 1 + len + sizeof tail);
    if (!src) abort();
    memcpy(src, head, sizeof head - 1);
    memcpy(src + sizeof head - 1, text, len);
    memcpy(src + sizeof head - 1 + len, tail, sizeof tail);
    hx_modfile *m = compile_string(I, src, sizeof head - 1 + len + sizeof tail - 1, 0);
    if (!m || hx_run_module(I, m->code, globals) != 0) return NULL;
    rh_object *key = rh_str_intern_utf8(rt, "__rh_eval__", 11);
    rh_object *v = key ? rh_dict_get(rt, globals, key) : NULL;
    rh_xincref(v);
    if (v && rh_dict_del(rt, globals, key) != 0) rh_setref(rt, &v, NULL);
    rh_xdecref(rt, key);
    return v;
}

/* builtin exec(source, globals, locals) for a str source (Python/bltinmodule.c builtin_exec_impl, then
 * PyRun_StringFlags in Py_file_input mode): the text is a module unit named "<string>", kept on the import
 * list for the interpreter's life as eval's; with a locals mapping other than globals its top-level names
 * live there (LOAD_NAME/STORE_NAME of module code), functions it defines still look names up in globals. */
int hx_exec_source(hx_interp *I, const char *text, size_t len, rh_object *globals, rh_object *locals) {
    rh_runtime *rt = I->rt;
    if (!I->imports) { rh_err_set(rt, RH_EXC_UNSUPPORTED, "exec() without an import context"); return -1; }
    char *src = malloc(len + 2);
    if (!src) abort();
    memcpy(src, text, len);
    memcpy(src + len, "\n", 2);
    int names_in_ns = locals == globals ? 0 : rh_runtime_profile(rt)->version_hex >= 0x030C ? 2 : 1;
    hx_modfile *m = compile_string(I, src, len + 1, names_in_ns);
    if (!m) return -1;
    return hx_run_module_ns(I, m->code, globals, locals != globals ? locals : NULL);
}

/* _find_and_load for an absolute dotted name: sys.modules, else the native module, else the parent first,
 * then the file found on the path (or the parent's __path__), executed and set on its parent. New ref. */
rh_object *hx_import_file(hx_interp *I, const char *name) {
    rh_runtime *rt = I->rt;
    if (I->imports ? hx_native_module_found(I->imports, name) : (!strchr(name, '.') && hx_native_module_exists(name)))
        return hx_import_module(I, name);
    rh_object *m = sys_modules_get(I, name);
    if (m) return newref_obj(m);
    if (rh_err_occurred(rt) || !I->imports) return NULL;
    char *parent = parent_of(name);
    rh_object *pm = NULL;
    if (*parent) {
        if (!(pm = hx_import_file(I, parent))) { free(parent); return NULL; }
        if ((m = sys_modules_get(I, name)) != NULL) { /* the parent's body imported it */
            rh_decref(rt, pm);
            free(parent);
            return newref_obj(m);
        }
    }
    hx_modfile *mf = hx_imports_find(I->imports, name);
    if (!mf) {
        char *path, *pkgdir;
        int found = pm && rh_kind_of(pm) == RH_K_MODULE && !rh_dict_get_cstr(rt, rh_module_dict(pm), "__path__")
                        ? -1 : locate(I->imports, name, &path, &pkgdir);
        if (found <= 0) {
            if (found < 0) module_not_found(I, name, "No module named '%s'; '%s' is not a package", parent);
            else module_not_found(I, name, "No module named '%s'", NULL);
            rh_xdecref(rt, pm);
            free(parent);
            return NULL;
        }
        mf = load_lazy(I, name, path, pkgdir);
    }
    m = mf ? exec_module(I, mf) : NULL;
    if (m && pm) { /* _find_and_load_unlocked: setattr(parent_module, child, module) */
        const char *child = name + strlen(parent) + 1;
        rh_object *cn = rh_str_intern_utf8(rt, child, strlen(child));
        if (!cn || hx_setattr(I, pm, cn, m) != 0) { rh_decref(rt, m); m = NULL; }
        rh_xdecref(rt, cn);
    }
    rh_xdecref(rt, pm);
    free(parent);
    return m;
}

/* A module's attribute by C name: new ref, NULL (no error) when absent, NULL with error on failure. */
static rh_object *attr_or_null(hx_interp *I, rh_object *o, const char *attr) {
    rh_object *n = rh_str_intern_utf8(I->rt, attr, strlen(attr));
    if (!n) return NULL;
    rh_object *v = hx_getattr_obj(I, o, n);
    rh_decref(I->rt, n);
    if (!v && rh_err_occurred(I->rt) == RH_EXC_ATTRIBUTE) rh_err_clear(I->rt);
    return v;
}

/* _handle_fromlist: for a package, each name of the fromlist it lacks is imported as a submodule; a '*'
 * imports the names of __all__ so. A submodule that does not exist is no error here (IMPORT_FROM then
 * raises ImportError). 0 or -1. */
static int handle_fromlist(hx_interp *I, rh_object *module, const char *fromlist, int recursive) {
    rh_runtime *rt = I->rt;
    if (rh_kind_of(module) != RH_K_MODULE || !rh_dict_get_cstr(rt, rh_module_dict(module), "__path__"))
        return rh_err_occurred(rt) ? -1 : 0;
    const char *mname = hx_cstr(I, rh_module_name(module));
    for (const char *p = fromlist; *p;) {
        const char *end = strchr(p, ',');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        char *x = malloc(n + 1);
        if (!x) abort();
        memcpy(x, p, n);
        x[n] = 0;
        p = end ? end + 1 : p + n;
        int rc = 0;
        rh_object *v = NULL;
        if (!strcmp(x, "*")) {
            if (!recursive && (v = attr_or_null(I, module, "__all__")) != NULL) {
                rh_object *it = NULL, *item;
                size_t len = 0;
                char *names = NULL;
                if (!(it = rh_getiter(rt, v))) rc = -1;
                while (rc == 0 && (item = rh_iternext(rt, it)) != NULL) {
                    size_t k = 0;
                    const char *u = rh_kind_of(item) == RH_K_STR ? rh_str_utf8(rt, item, &k) : NULL;
                    if (u) {
                        names = realloc(names, len + k + 2);
                        if (!names) abort();
                        if (len) names[len++] = ',';
                        memcpy(names + len, u, k);
                        len += k;
                        names[len] = 0;
                    }
                    rh_decref(rt, item);
                }
                if (rc == 0 && rh_err_occurred(rt)) rc = -1;
                if (rc == 0 && names) rc = handle_fromlist(I, module, names, 1);
                free(names);
                rh_xdecref(rt, it);
            }
        } else if (!(v = attr_or_null(I, module, x)) && !rh_err_occurred(rt)) {
            size_t ln = strlen(mname) + n + 2;
            char *from_name = malloc(ln);
            if (!from_name) abort();
            snprintf(from_name, ln, "%s.%s", mname, x);
            char *path = NULL, *pkgdir = NULL;
            if (hx_imports_find(I->imports, from_name) || locate(I->imports, from_name, &path, &pkgdir) > 0) {
                rh_object *sub = hx_import_file(I, from_name);
                if (!sub) rc = -1;
                rh_xdecref(rt, sub);
            }
            free(path);
            free(pkgdir);
            free(from_name);
        }
        if (rh_err_occurred(rt)) rc = -1;
        rh_xdecref(rt, v);
        free(x);
        if (rc) return -1;
    }
    return 0;
}

/* The package globals' code imports relative to (_calc___package__): __package__, else __name__ (a
 * package's own, or its parent part). New string or NULL (none known). */
static char *calc_package(hx_interp *I, rh_object *globals) {
    rh_runtime *rt = I->rt;
    rh_object *pkg = globals ? rh_dict_get_cstr(rt, globals, "__package__") : NULL;
    if (pkg && rh_kind_of(pkg) == RH_K_STR) return dupstr(hx_cstr(I, pkg));
    rh_object *name = globals ? rh_dict_get_cstr(rt, globals, "__name__") : NULL;
    if (!name || rh_kind_of(name) != RH_K_STR) return NULL;
    if (rh_dict_get_cstr(rt, globals, "__path__")) return dupstr(hx_cstr(I, name));
    return parent_of(hx_cstr(I, name));
}

rh_object *hx_import_name(hx_interp *I, rh_object *globals, const char *name, int level, const char *fromlist) {
    rh_runtime *rt = I->rt;
    char *abs;
    if (level > 0) {
        char *package = calc_package(I, globals);
        if (rh_err_occurred(rt)) { free(package); return NULL; }
        const char *why = NULL;
        abs = resolve_name(name, level, package, &why);
        free(package);
        if (!abs) { rh_err_set(rt, RH_EXC_IMPORT, "%s", why); return NULL; }
    } else {
        if (!*name) { rh_err_set(rt, RH_EXC_VALUE, "Empty module name"); return NULL; }
        abs = dupstr(name);
    }
    rh_object *m = hx_import_file(I, abs);
    if (m && !fromlist && strchr(abs, '.')) { /* `import a.b.c` binds a */
        char *top = dupstr(abs);
        *strchr(top, '.') = 0;
        rh_decref(rt, m);
        m = hx_import_file(I, top);
        free(top);
    }
    free(abs);
    if (m && fromlist && handle_fromlist(I, m, fromlist, 0) != 0) {
        rh_decref(rt, m);
        return NULL;
    }
    return m;
}

/* IMPORT_FROM (import_from in Python/ceval.c): the attribute, else the submodule sys.modules holds under
 * "<module>.<attr>" (a circular import), else ImportError naming module and file. */
rh_object *hx_import_from(hx_interp *I, rh_object *module, const char *attr) {
    rh_runtime *rt = I->rt;
    rh_object *name = rh_str_intern_utf8(rt, attr, strlen(attr));
    if (!name) return NULL;
    rh_object *v = hx_getattr_obj(I, module, name);
    rh_decref(rt, name);
    if (v || rh_err_occurred(rt) != RH_EXC_ATTRIBUTE) return v;
    rh_err_clear(rt);
    const char *mname = "?", *where = NULL;
    const hx_modfile *mf = NULL;
    if (rh_kind_of(module) == RH_K_MODULE) {
        mname = hx_cstr(I, rh_module_name(module));
        size_t ln = strlen(mname) + strlen(attr) + 2;
        char *full = malloc(ln);
        if (!full) abort();
        snprintf(full, ln, "%s.%s", mname, attr);
        rh_object *sub = I->sys_modules ? rh_dict_get_cstr(rt, I->sys_modules, full) : NULL;
        free(full);
        if (sub) return newref_obj(sub);
        if (rh_err_occurred(rt)) return NULL;
        for (hx_modfile *m = I->imports ? I->imports->files : NULL; m; m = m->next)
            if (m->module == module) { where = m->abspath ? m->abspath : m->path; mf = m; }
    }
    if (!where) rh_err_set(rt, RH_EXC_IMPORT, "cannot import name '%s' from '%s' (unknown location)", attr, mname);
    else if (mf->initializing)
        rh_err_set(rt, RH_EXC_IMPORT, "cannot import name '%s' from partially initialized module '%s' (most likely due "
                                      "to a circular import) (%s)", attr, mname, where);
    else rh_err_set(rt, RH_EXC_IMPORT, "cannot import name '%s' from '%s' (%s)", attr, mname, where);
    if (rh_kind_of(module) == RH_K_MODULE && rh_err_normalize(rt) == 0) /* name=pkgname */
        rh_exc_set_import_name(rt, rh_err_value(rt), rh_module_name(module));
    return NULL;
}

/* IMPORT_STAR (import_all_from in Python/ceval.c): the names of module.__all__, else every key of its
 * __dict__ not starting with '_', stored into ns (the frame's namespace dict). 0 or -1. */
int hx_import_star(hx_interp *I, rh_object *ns, rh_object *module) {
    rh_runtime *rt = I->rt;
    rh_object *all = attr_or_null(I, module, "__all__"), *names;
    if (rh_err_occurred(rt)) return -1;
    int skip_private = all == NULL;
    if (all) names = all;
    else {
        rh_object *d = rh_kind_of(module) == RH_K_MODULE ? newref_obj(rh_module_dict(module))
                                                          : attr_or_null(I, module, "__dict__");
        if (!d) {
            if (!rh_err_occurred(rt))
                rh_err_set(rt, RH_EXC_IMPORT, "from-import-* object has no __dict__ and no __all__");
            return -1;
        }
        names = rh_list_new(rt, 0); /* the keys, as PyMapping_Keys */
        size_t pos = 0;
        rh_object *k, *v;
        while (names && rh_dict_next(d, &pos, &k, &v))
            if (rh_list_append(rt, names, k) != 0) { rh_decref(rt, names); names = NULL; }
        rh_decref(rt, d);
        if (!names) return -1;
    }
    rh_object *it = rh_getiter(rt, names), *name;
    int rc = it ? 0 : -1;
    while (rc == 0 && (name = rh_iternext(rt, it)) != NULL) {
        if (rh_kind_of(name) != RH_K_STR) {
            rh_err_set(rt, RH_EXC_TYPE, skip_private ? "Key in %s.__dict__ must be str, not %s"
                                                     : "Item in %s.__all__ must be str, not %s",
                       hx_cstr(I, rh_module_name(module)), rh_type_name(name));
            rc = -1;
        } else if (!(skip_private && hx_cstr(I, name)[0] == '_')) {
            rh_object *v = hx_getattr_obj(I, module, name);
            if (!v || rh_dict_set(rt, ns, name, v) != 0) rc = -1;
            rh_xdecref(rt, v);
        }
        rh_decref(rt, name);
    }
    if (rc == 0 && rh_err_occurred(rt)) rc = -1;
    rh_xdecref(rt, it);
    rh_decref(rt, names);
    return rc;
}

/* The file a frame's code came from, found by its globals: a module's dict, else the program's. */
const hx_modfile *hx_imports_file_of_globals(hx_interp *I, rh_object *globals) {
    for (hx_modfile *m = I->imports ? I->imports->files : NULL; m; m = m->next)
        if (m->module && rh_module_dict(m->module) == globals) return m;
    /* a dict no live module owns: the frames of an import that failed (main's dict outlives every import) */
    for (hx_modfile *m = I->imports ? I->imports->files : NULL; m; m = m->next)
        if (!m->module && m->last_dict == globals) return m;
    return NULL;
}

/* finalize_remove_modules for the imported modules, after __main__ left: each leaves sys.modules in import
 * order (the dict's entries are dropped in insertion order). Returns the list of weak references to them
 * that finalize_modules keeps (new reference; NULL when there were none or on failure). */
rh_object *hx_imports_remove(hx_interp *I) {
    rh_runtime *rt = I->rt;
    if (!I->imports || !I->sys_modules) return NULL;
    rh_object *weaklist = rh_list_new(rt, 0);
    size_t pos = 0;
    rh_object *k, *v;
    while (weaklist && rh_dict_next(I->sys_modules, &pos, &k, &v)) {
        rh_object *wr = rh_weakref_new(rt, v, NULL);
        if (!wr || rh_list_append(rt, weaklist, wr) != 0) rh_err_clear(rt);
        rh_xdecref(rt, wr);
    }
    if (!weaklist) rh_err_clear(rt);
    /* finalize_remove_modules: each entry's value becomes None in place, in the dict's order (sys.modules
     * may be held by the sys module too); the dict itself goes at teardown */
    rh_object *mods = I->sys_modules;
    pos = 0;
    while (rh_dict_next(mods, &pos, &k, &v)) {
        if (v == rh_none(rt)) continue;
        rh_incref(k);
        if (rh_dict_set(rt, mods, k, rh_none(rt)) != 0) rh_err_clear(rt);
        rh_decref(rt, k);
    }
    for (hx_modfile *m = I->imports->files; m; m = m->next) m->module = NULL;
    I->sys_modules = NULL;
    rh_decref(rt, mods);
    return weaklist;
}

/* finalize_modules_clear_weaklist: after the collection, the dicts of the modules something still holds
 * are wiped, newest first (_PyModule_ClearDict). Consumes weaklist (may be NULL). */
void hx_imports_wipe(hx_interp *I, rh_object *weaklist) {
    rh_runtime *rt = I->rt;
    if (!weaklist) return;
    for (size_t i = rh_list_len(weaklist); i-- > 0;) {
        rh_object *mod = rh_weakref_get(rt, rh_list_get(weaklist, i));
        if (mod == rh_none(rt) || rh_kind_of(mod) != RH_K_MODULE) continue;
        rh_incref(mod);
        hx_module_clear_dict(I, rh_module_dict(mod));
        rh_decref(rt, mod);
    }
    rh_decref(rt, weaklist);
}
