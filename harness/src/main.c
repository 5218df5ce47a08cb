/* main.c — the refheap command line: `refheap run FILE.py [options]`, --help, --version.
 *
 * Owns argument parsing, the run sequence (preload re-exec for LD_PRELOAD allocators, read, lex, parse,
 * runtime creation with the chosen allocator and profile, resolve, execute, finalize, report) and exit
 * statuses: 0 program ok, 1 uncaught exception, 2 bad input or usage, 3 a --max-rss/--timeout limit hit
 * (limits.c). stdout carries exactly the
 * program's output (fully buffered, flushed before anything is written to stderr and at exit).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hx_stdlib.h"
#include "interp.h"
#include "limits.h"
#include "record.h"
#include "report.h"
#include "source.h"

static const char usage_text[] =
    "usage: refheap run FILE.py [--profile NAME] [--allocator NAME|PATH.so] [--report] [--json FILE] [--] [ARGS...]\n"
    "       refheap record [-o FILE] [--python PATH] SCRIPT.py|-m MODULE [ARGS...]   (refheap record -h)\n"
    "       refheap replay FILE [--allocator NAME] [--set KEY=VALUE] [--json OUT] [--report]  (-h)\n"
    "       refheap shim-path   (the folder of the `refheap` shim module for PYTHONPATH)\n"
    "       refheap --help | --version\n"
    "\n"
    "Runs a workload written in the refheap subset of Python 3 on the reference model of CPython's\n"
    "memory management. stdout is exactly the program's output.\n"
    "\n"
    "options:\n"
    "  --profile NAME      version profile: py27, py310, py311 (default), py312, py313\n"
    "  --allocator NAME    object allocator: pymalloc (default), malloc, mimalloc, cpython, jemalloc,\n"
    "                      tcmalloc, or a path to a plug-in .so\n"
    "  --dis               print the compiled bytecode instead of running\n"
    "  --report            per-statement table (time, RSS, live objects, gc counts) on stderr\n"
    "  --json FILE         per-statement measurements, totals and machine facts as JSON\n"
    "                      (docs/results-schema.md)\n"
    "  --release-tolerance-mb MB   with --json/--report: after a statement that lowers RSS, poll until RSS\n"
    "                      is within MB of its level at the first refheap.mark() (release latency)\n"
    "  --release-deadline-s S      give up polling after S seconds (default 5): 'not released within S s'\n"
    "  --fail-alloc N      fault injection: the Nth object-allocator request of the program (counted from\n"
    "                      the end of interpreter start-up) fails, as if memory ran out; N = 0 fails none.\n"
    "                      At exit stderr gets 'refheap: fail-alloc: R requests, F failed'\n"
    "  --fail-alloc-sticky with --fail-alloc: every request after the Nth fails too\n"
    "  --max-heap MB       object-allocator requests that would take the live heap above MB fail\n"
    "                      (MemoryError), as a byte limit of the fault injector\n"
    "  --max-rss MB        stop the program (exit status 3) once its resident set size exceeds MB\n"
    "  --timeout S         stop the program (exit status 3) once it has run S seconds (wall clock)\n"
    "after FILE.py, the first argument that is not one of these options (or everything after --) begins\n"
    "the program's own arguments: sys.argv is [FILE.py, ARGS...]\n"
    "exit status: 0 ok, 1 uncaught exception, 2 bad input or usage, 3 stopped by --max-rss or --timeout\n";

typedef struct opts {
    const char *file, *profile, *allocator, *json;
    int report;
    int dis;
    double release_tol_mb;   /* < 0: off */
    double release_deadline_s;
    long long fail_alloc;    /* < 0: no fault injection; 0: count requests only; N: fail the Nth */
    int fail_sticky;
    long long max_heap_mb;   /* 0: no limit */
    long long max_rss_mb;    /* 0: no limit */
    double timeout_s;        /* 0: no limit */
    char **args;             /* the program's arguments after the file (sys.argv[1:]), borrowed from argv */
    int nargs;
} opts;

static int usage_error(const char *msg, const char *arg) {
    fprintf(stderr, "refheap: %s%s%s\n%s", msg, arg ? " " : "", arg ? arg : "", usage_text);
    return 2;
}

static int parse_args(int argc, char **argv, opts *o) {
    if (argc < 2) return usage_error("missing command", NULL);
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) { fputs(usage_text, stdout); return 0; }
    if (!strcmp(argv[1], "--version")) { printf("refheap %s\n", REFHEAP_VERSION); return 0; }
    if (strcmp(argv[1], "run") != 0) return usage_error("unknown command", argv[1]);
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--report")) o->report = 1;
        else if (!strcmp(a, "--dis")) o->dis = 1;
        else if (!strcmp(a, "--fail-alloc-sticky")) o->fail_sticky = 1;
        else if (!strcmp(a, "--timeout")) {
            if (i + 1 >= argc) return usage_error("missing value for", a);
            char *end;
            double v = strtod(argv[++i], &end);
            if (*end || end == argv[i] || !(v > 0)) return usage_error("--timeout: not a positive number:", argv[i]);
            o->timeout_s = v;
        }
        else if (!strcmp(a, "--fail-alloc") || !strcmp(a, "--max-heap") || !strcmp(a, "--max-rss")) {
            if (i + 1 >= argc) return usage_error("missing value for", a);
            char *end;
            errno = 0;
            long long v = strtoll(argv[++i], &end, 10);
            if (*end || end == argv[i] || v < 0 || errno) return usage_error("not a non-negative integer:", argv[i]);
            if (a[2] == 'f') o->fail_alloc = v;
            else if (v <= 0 || v >= (1ll << 40)) return usage_error("not a size in MB:", argv[i]);
            else if (a[6] == 'h') o->max_heap_mb = v;
            else o->max_rss_mb = v;
        }
        else if (!strcmp(a, "--release-tolerance-mb") || !strcmp(a, "--release-deadline-s")) {
            if (i + 1 >= argc) return usage_error("missing value for", a);
            char *end;
            double v = strtod(argv[++i], &end);
            if (*end || v < 0) return usage_error("not a non-negative number:", argv[i]);
            if (a[10] == 't') o->release_tol_mb = v;
            else o->release_deadline_s = v;
        }
        else if (!strcmp(a, "--profile") || !strcmp(a, "--allocator") || !strcmp(a, "--json")) {
            if (i + 1 >= argc) return usage_error("missing value for", a);
            const char **dst = a[2] == 'p' ? &o->profile : a[2] == 'a' ? &o->allocator : &o->json;
            *dst = argv[++i];
        } else if (!strcmp(a, "--help")) { fputs(usage_text, stdout); return 0; }
        else if (o->file) { /* the program's arguments begin (`--` itself is not one of them) */
            if (!strcmp(a, "--")) i++;
            o->args = argv + i;
            o->nargs = argc - i;
            break;
        }
        else if (a[0] == '-' && a[1]) return usage_error("unknown option", a);
        else o->file = a;
    }
    if (!o->file) return usage_error("missing workload file", NULL);
    return -1; /* go on */
}

/* The profile's interpreter's standard library directory (hx_stdlib.h, generated from
 * conformance/profiles/interpreters.tsv); REFHEAP_STDLIB overrides it ("" for none). NULL: none. */
static const char *stdlib_dir(const char *profile) {
    const char *env = getenv("REFHEAP_STDLIB");
    if (env) return env;
#define HX_STDLIB_ROW(p, dir) if (!strcmp(profile, p)) return dir;
    HX_STDLIB_DIRS(HX_STDLIB_ROW)
#undef HX_STDLIB_ROW
    return NULL;
}

static void interp_release(hx_interp *I) {
    rh_runtime *rt = I->rt;
    I->exiting = 2; /* from here on no Python code runs (hooks become no-ops) */
    hx_release_module_consts(I);
    hx_atexit_free(I); /* not finalized (--dis, start-up failed): the callbacks never run */
    hx_kwtuples_free(I); /* _PyArg_Fini */
    for (int i = 0; i < I->nlate; i++) rh_decref(rt, I->late[i]);
    for (int i = 0; i < I->nnames; i++) rh_decref(rt, I->names[i]);
    free(I->consts);
    free(I->py2saved); /* empty: every frame that saved a state gave it back */
    free(I->compframes); /* empty: every comprehension frame left with its frame */
    free(I->early);
    free(I->late);
    free(I->names);
    free(I->name_set);
    free(I->const_head);
    free(I->const_next);
    free(I->const_hash);
    free(I->const_cfg);
    free(I->const_file);
    /* module dicts and their functions' m_self form cycles: break them, then collect what is left */
#define HX_MOD_VALUE(name) I->mod_##name,
    rh_object *mods[] = {HX_NATIVE_MODULES(HX_MOD_VALUE)};
#undef HX_MOD_VALUE
    for (size_t i = 0; i < sizeof mods / sizeof mods[0]; i++)
        if (mods[i] && rh_module_dict(mods[i]) != I->builtins) rh_dict_clear(rt, rh_module_dict(mods[i]));
    if (I->globals) rh_dict_clear(rt, I->globals);
    if (I->sys_modules) { /* not finalized (--dis, or start-up failed): wipe the imported modules too */
        size_t pos = 0;
        rh_object *k, *v;
        while (rh_dict_next(I->sys_modules, &pos, &k, &v)) rh_dict_clear(rt, rh_module_dict(v));
    }
#define HX_MOD_ADDR(name) &I->mod_##name,
    rh_object **owned[] = {&I->globals, &I->builtins, &I->sys_modules, HX_NATIVE_MODULES(HX_MOD_ADDR)
#undef HX_MOD_ADDR
                           &I->marks, &I->object_methods, &I->static_tp_dicts, &I->code_objs, &I->struct_cache, &I->struct_error, &I->io_unsupported,
#define HX_NAME_SLOT(field, text) &I->field,
                           HX_INTERNED_NAMES(HX_NAME_SLOT)
#undef HX_NAME_SLOT
    };
    for (size_t i = 0; i < sizeof owned / sizeof owned[0]; i++) {
        rh_object *o = *owned[i];
        *owned[i] = NULL;
        rh_xdecref(rt, o);
    }
    rh_gc_collect(rt, 2);
    rh_err_clear(rt);
    free(I->arena);
    I->arena = NULL;
    I->arena_cap = I->arena_top = 0;
}

/* --fail-alloc: the chosen allocator goes inside the fault-injection decorator (alloc_failinject.c),
 * unarmed while the runtime and the interpreter start up; arm_failinject arms it right after, so N counts
 * the program's own requests (compilation constants, then execution, finalization and teardown). */
static int wrap_failinject(rh_allocator *a) {
    rh_allocator inner = *a;
    rh_failinject_config off = {0};
    return rh_allocator_failinject(a, &inner, &off); /* owns inner from here on, failure included */
}

static uint64_t fi_armed_at; /* requests seen when arm_failinject ran */

static void arm_failinject(rh_runtime *rt, const opts *o) {
    rh_failinject_counts n;
    rh_failinject_get(rh_runtime_allocator(rt), &n);
    fi_armed_at = n.requests;
    rh_failinject_config c = {.fail_nth = o->fail_alloc > 0 ? (uint64_t)o->fail_alloc : 0,
                              .byte_limit = (uint64_t)o->max_heap_mb << 20, .sticky = o->fail_sticky};
    rh_failinject_set(rh_runtime_allocator(rt), &c);
}

/* Requests counted since arming (all of them with N = 0); the oom sweep reads this line. */
static void report_failinject(rh_runtime *rt) {
    rh_failinject_counts n;
    rh_failinject_get(rh_runtime_allocator(rt), &n);
    fflush(stdout);
    fprintf(stderr, "refheap: fail-alloc: %llu requests, %llu failed\n", (unsigned long long)(n.requests - fi_armed_at),
            (unsigned long long)n.failures);
}

/* Memory ran out while the program was being compiled (its constants and names are runtime objects):
 * as CPython when compiling the main file raises MemoryError (pythonrun.c, _PyRun_SimpleFileObject ->
 * PyErr_Print), the exception is printed without a traceback and the exit status is 1. */
static int compile_nomemory(rh_runtime *rt) {
    rh_err_clear(rt);
    fflush(stdout);
    fputs("MemoryError\n", stderr);
    return 1;
}

/* The program ended with an uncaught exception (pythonrun.c _PyErr_PrintEx / handle_system_exit):
 * SystemExit gives its code as the exit status (None: 0; an int: itself; anything else is printed to
 * stderr, status 1); any other exception is printed with its traceback, status 1. The error stays
 * pending, as sys.last_value keeps it, until finalization. */
static int uncaught(hx_interp *I) {
    rh_runtime *rt = I->rt;
    rh_object *e = rh_err_occurred(rt) == RH_EXC_SYSTEMEXIT ? rh_err_value(rt) : NULL;
    if (!e) {
        hx_print_traceback(I);
        return 1;
    }
    rh_incref(e);
    rh_object *code = rh_getattr(rt, e, I->s_code);
    if (!code) { /* "if we failed to dig out the 'code' attribute", the exception itself is printed */
        rh_err_clear(rt);
        code = e;
        rh_incref(code);
    }
    rh_decref(rt, e);
    int64_t v = 1;
    int status = 1;
    if (code == rh_none(rt)) {
        status = 0;
    } else if (hx_is_intlike(code) && rh_int_as_i64(rt, code, &v) == 0) {
        status = (int)v;
    } else {
        fflush(stdout);
        rh_object *str = hx_obj_str(I, code);
        fprintf(stderr, "%s\n", str ? rh_str_utf8(rt, str, NULL) : "");
        rh_xdecref(rt, str);
    }
    rh_xdecref(rt, code);
    rh_err_clear(rt);
    return status;
}

static int compile_error(const char *file, hx_cerr *e) {
    fflush(stdout);
    fprintf(stderr, "%s:%d:%d: %s\n", file, e->line, e->col, e->msg);
    return 2;
}

int main(int argc, char **argv) {
    if (argc >= 2 && !strcmp(argv[1], "record")) return rh_record_main(argc, argv);
    if (argc >= 2 && !strcmp(argv[1], "replay")) return rh_replay_main(argc, argv);
    if (argc >= 2 && !strcmp(argv[1], "shim-path")) return rh_shim_path_main(argc, argv);
    opts o = {0};
    o.release_tol_mb = -1;
    o.release_deadline_s = 5;
    o.fail_alloc = -1;
    int st = parse_args(argc, argv, &o);
    if (st >= 0) return st;
    const char *alloc_name = o.allocator ? o.allocator : "pymalloc";
    if (rh_preload_library(alloc_name)) {
        char err[256];
        if (rh_preload_reexec(alloc_name, argv) != 0) {
            fprintf(stderr, "refheap: cannot re-execute with allocator '%s' preloaded\n", alloc_name);
            return 2;
        }
        if (rh_preload_verify(alloc_name, err, sizeof err) != 0) {
            fprintf(stderr, "refheap: allocator '%s' is not active in this process: %s\n", alloc_name, err);
            return 2;
        }
    }
    const rh_profile *prof = rh_profile_get(o.profile);
    if (!prof) {
        fprintf(stderr, "refheap: unknown profile '%s'; known:", o.profile);
        for (const char *const *p = rh_profile_names(); *p; p++) fprintf(stderr, " %s", *p);
        fputc('\n', stderr);
        return 2;
    }
    size_t len = 0;
    char *src = hx_read_file(o.file, &len);
    if (!src) {
        fprintf(stderr, "refheap: cannot read %s: %s\n", o.file, strerror(errno));
        return 2;
    }
    hx_cerr cerr = {0};
    if (hx_source_decode(&src, &len, o.file, prof->default_encoding, &cerr) != 0) {
        free(src);
        return compile_error(o.file, &cerr);
    }
    int ntok = 0;
    hx_tok *toks = hx_lex(src, len, &ntok, &cerr);
    hx_code *mod = toks ? hx_parse(toks, ntok, &cerr) : NULL;
    hx_toks_free(toks, ntok);
    if (!mod) { free(src); return compile_error(o.file, &cerr); }
    static hx_imports imports; /* every module the program imports, found and parsed before it runs */
    hx_imports_init(&imports, o.file, stdlib_dir(prof->name));
    imports.source_encoding = prof->default_encoding;
    const char *errfile = NULL;
    if (hx_imports_load(&imports, mod, &cerr, &errfile) != 0) {
        int st2 = compile_error(errfile ? errfile : o.file, &cerr);
        hx_code_free(mod);
        hx_imports_free(&imports);
        free(src);
        return st2;
    }

    if (prof->python2 && !(mod->future & RH_FUTURE_PRINT_FUNCTION)) {
        /* print is a statement in Python 2: a workload runs under both only with the future import */
        hx_cerr_set(&cerr, 1, 1, "the %s profile runs Python 2 programs: the workload must begin with "
                                 "'from __future__ import print_function'", prof->name);
        hx_code_free(mod);
        hx_imports_free(&imports);
        free(src);
        return compile_error(o.file, &cerr);
    }
    hx_interp *I = calloc(1, sizeof *I);
    if (!I) abort();
    I->classic_division = prof->python2 && !(mod->future & RH_FUTURE_DIVISION);
    I->filename = o.file;
    I->args = o.args;
    I->nargs = o.nargs;
    I->abspath = realpath(o.file, NULL);
    I->src = src;
    I->srclen = len;
    I->module = mod;
    I->imports = &imports;
    rh_config cfg = {.profile = prof, .hooks = hx_interp_hooks(I)};
    char err[256] = "";
    if (rh_allocator_create(&cfg.allocator, alloc_name, prof, err, sizeof err) != 0) {
        fprintf(stderr, "refheap: allocator '%s': %s\n", alloc_name, err);
        hx_code_free(mod);
        hx_imports_free(&imports);
        free(src);
        free(I->abspath);
        free(I);
        return 2;
    }
    int fault_inject = o.fail_alloc >= 0 || o.max_heap_mb > 0;
    if (fault_inject && wrap_failinject(&cfg.allocator) != 0) {
        fprintf(stderr, "refheap: cannot set up --fail-alloc\n");
        hx_code_free(mod);
        hx_imports_free(&imports);
        free(src);
        free(I->abspath);
        free(I);
        return 2;
    }
    if (rh_limits_start(o.max_rss_mb, o.timeout_s) != 0) {
        fprintf(stderr, "refheap: cannot start the --max-rss/--timeout watchdog\n");
        rh_allocator_destroy(&cfg.allocator);
        hx_code_free(mod);
        hx_imports_free(&imports);
        free(src);
        free(I->abspath);
        free(I);
        return 2;
    }
    rh_runtime *rt = rh_runtime_new(&cfg, err, sizeof err);
    if (!rt) {
        fprintf(stderr, "refheap: cannot create the runtime: %s\n", err);
        hx_code_free(mod);
        hx_imports_free(&imports);
        free(src);
        free(I->abspath);
        free(I);
        return 2;
    }
    static char outbuf[1 << 16];
    setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
    int status = 0;
    if (hx_interp_init(I, rt) != 0) {
        fprintf(stderr, "refheap: cannot initialise the interpreter: %s\n", rh_err_message(rt));
        status = 2;
    } else {
        hx_hooks_install(I);
        if (fault_inject) arm_failinject(rt, &o);
        errfile = NULL;
        if (hx_prepare(I, mod, &cerr) != 0 || hx_compile(I, mod, &cerr) != 0 ||
            hx_imports_compile(I, &cerr, &errfile) != 0) {
            status = rh_err_occurred(rt) == RH_EXC_MEMORY ? compile_nomemory(rt)
                                                          : compile_error(errfile ? errfile : o.file, &cerr);
        } else if (o.dis) {
            hx_dis(stdout, mod);
        } else {
            if (o.report || o.json)
                I->report = hx_report_new(rt, o.file, rh_runtime_allocator(rt)->name, prof->name, o.report, o.json);
            if (I->report && o.release_tol_mb >= 0)
                hx_report_set_release(I->report, (int64_t)(o.release_tol_mb * 1048576.0), o.release_deadline_s);
            if (hx_interp_run(I) != 0) status = uncaught(I);
            hx_interp_finalize(I);
            fflush(stdout);
            if (I->report && hx_report_finish(I, status) != 0 && status == 0) status = 2;
        }
    }
    fflush(stdout);
    interp_release(I);
    if (o.fail_alloc >= 0) report_failinject(rt);
    hx_report_free(I->report);
    rh_runtime_free(rt);
    hx_code_free(mod);
    hx_imports_free(&imports);
    free(src);
    free(I->abspath);
    free(I);
    return status;
}
