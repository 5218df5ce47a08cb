/* record.c — `refheap record` (run a program on a real CPython with its heap traced) and
 * `refheap shim-path` (where the pure-Python `refheap` shim lives).
 *
 * Owns the choice of launcher: the one CMake built against Debian's libpython3.11
 * (refheap-record-launcher next to the refheap binary) when --python is that interpreter, otherwise one
 * compiled here against the other interpreter's libpython (cached under $XDG_CACHE_HOME/refheap/, keyed
 * by the interpreter's version and library path), or a clear refusal saying why it cannot be built.
 * Exit status: the program's (a signal becomes 128+N, as a shell reports it), 2 for usage errors and when
 * no launcher can run, the launcher's own failures (125 from launcher.c) become 2 with its message.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "record.h"
#include "trace.h" /* RH_TRACE_VERSION: part of a cached launcher's name */

#define LAUNCHER_FAILED 125
#define DEFAULT_PYTHON "/usr/bin/python3"

static const char record_usage[] =
    "usage: refheap record [-o FILE] [--python PATH] [-q] SCRIPT.py [ARGS...]\n"
    "       refheap record [-o FILE] [--python PATH] [-q] -m MODULE [ARGS...]\n"
    "Runs the program on a real CPython with PEP 445 hooks on the RAW, MEM and OBJ domains installed\n"
    "before the interpreter initialises; writes every allocation, free, collection, refheap.mark(),\n"
    "RSS sample and the final sys._debugmallocstats() to a zstd-compressed trace (docs/trace-format.md).\n"
    "  -o FILE        the trace (default: <script or module name>.trace)\n"
    "  --python PATH  the interpreter (default " DEFAULT_PYTHON "); another one needs its libpython\n"
    "                 (CPython >= 3.8 built with --enable-shared) and a C compiler\n"
    "  -q             no summary line on stderr\n"
    "exit status: the program's; 2 when the program could not be started or recorded\n";

static int usage(const char *msg, const char *arg) {
    fprintf(stderr, "refheap record: %s%s%s\n%s", msg, arg ? " " : "", arg ? arg : "", record_usage);
    return 2;
}

/* Directory of the running refheap binary (launcher and the build live there). */
static int exe_dir(char *out, size_t n) {
    ssize_t k = readlink("/proc/self/exe", out, n - 1);
    if (k <= 0) return -1;
    out[k] = 0;
    char *slash = strrchr(out, '/');
    if (!slash) return -1;
    *slash = 0;
    return 0;
}

int rh_shim_path_main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    printf("%s/harness/oracle\n", RH_SOURCE_DIR);
    return 0;
}

/* ---------------------------------------------------------------- the interpreter's facts */

typedef struct pyinfo {
    char version[32];     /* "3.11" */
    long hexversion;
    char libpath[PATH_MAX];  /* the shared libpython, "" if none */
    char include[PATH_MAX];
    char libdir[PATH_MAX];
    char libname[128];    /* "python3.11" */
} pyinfo;

static const char query_code[] =
    "import sys, sysconfig, os\n"
    "v = sysconfig.get_config_var\n"
    "ld = v('LDLIBRARY') or ''\n"
    "libdir = v('LIBDIR') or ''\n"
    "lib = os.path.join(libdir, 'libpython%d.%d%s.so' % (sys.version_info[0], sys.version_info[1], "
    "getattr(sys, 'abiflags', '')))\n"
    "print('%d.%d' % sys.version_info[:2]); print(sys.hexversion)\n"
    "print(os.path.realpath(lib) if os.path.exists(lib) else '')\n"
    "print(sysconfig.get_paths()['include']); print(libdir)\n"
    "print('python%d.%d%s' % (sys.version_info[0], sys.version_info[1], getattr(sys, 'abiflags', '')))\n";

static void chomp(char *s) { s[strcspn(s, "\n")] = 0; }

static int query_python(const char *python, pyinfo *pi) {
    int fd[2];
    if (pipe(fd) != 0) return -1;
    pid_t pid = fork();
    if (pid < 0) return -1;
    if (pid == 0) {
        dup2(fd[1], 1);
        close(fd[0]);
        close(fd[1]);
        execl(python, python, "-E", "-S", "-c", query_code, (char *)NULL);
        _exit(127);
    }
    close(fd[1]);
    FILE *f = fdopen(fd[0], "r");
    char hex[64] = "";
    int ok = f && fgets(pi->version, sizeof pi->version, f) && fgets(hex, sizeof hex, f) &&
             fgets(pi->libpath, sizeof pi->libpath, f) && fgets(pi->include, sizeof pi->include, f) &&
             fgets(pi->libdir, sizeof pi->libdir, f) && fgets(pi->libname, sizeof pi->libname, f);
    if (f) fclose(f);
    int st;
    waitpid(pid, &st, 0);
    if (!ok || !WIFEXITED(st) || WEXITSTATUS(st) != 0) return -1;
    chomp(pi->version); chomp(pi->libpath); chomp(pi->include); chomp(pi->libdir); chomp(pi->libname);
    pi->hexversion = strtol(hex, NULL, 10);
    return 0;
}

/* ---------------------------------------------------------------- launchers */

static int run_wait(char *const argv[], int quiet_stdout) {
    pid_t pid = fork();
    if (pid < 0) return -1;
    if (pid == 0) {
        if (quiet_stdout) dup2(2, 1);
        execvp(argv[0], argv);
        fprintf(stderr, "refheap record: cannot run %s: %s\n", argv[0], strerror(errno));
        _exit(127);
    }
    int st;
    while (waitpid(pid, &st, 0) < 0)
        if (errno != EINTR) return -1;
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

static int newer(const char *a, const char *b) { /* a's mtime >= b's */
    struct stat sa, sb;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_mtime >= sb.st_mtime;
}

/* Compile a launcher for another interpreter into the cache; path in out. */
static int build_launcher(const char *python, const pyinfo *pi, char *out, size_t n) {
    if (pi->hexversion < 0x03080000) {
        fprintf(stderr, "refheap record: %s is Python %s; recording needs CPython >= 3.8 (the PEP 587 "
                "initialisation API the launcher uses to hook allocators before start-up)\n", python, pi->version);
        return -1;
    }
    if (!pi->libpath[0]) {
        fprintf(stderr, "refheap record: %s (Python %s) has no shared libpython in %s: it was built "
                "without --enable-shared, so no launcher can embed it (pyenv: PYTHON_CONFIGURE_OPTS="
                "--enable-shared pyenv install %s); or record with " DEFAULT_PYTHON "\n", python, pi->version,
                pi->libdir[0] ? pi->libdir : "(no LIBDIR)", pi->version);
        return -1;
    }
    char hdr[PATH_MAX + 16];
    snprintf(hdr, sizeof hdr, "%s/Python.h", pi->include);
    if (access(hdr, R_OK) != 0) {
        fprintf(stderr, "refheap record: %s (Python %s) has no C headers (%s missing); the launcher must "
                "be compiled against them\n", python, pi->version, hdr);
        return -1;
    }
    const char *cache = getenv("XDG_CACHE_HOME");
    char dir[PATH_MAX];
    if (cache && *cache) snprintf(dir, sizeof dir, "%s/refheap", cache);
    else snprintf(dir, sizeof dir, "%s/.cache/refheap", getenv("HOME") ? getenv("HOME") : "/tmp");
    char mk[PATH_MAX + 16];
    snprintf(mk, sizeof mk, "mkdir -p '%s'", dir);
    if (system(mk) != 0) return -1;
    /* one launcher per interpreter library, source tree and trace format: two checkouts of refheap (or
     * two versions of it) never run each other's launcher */
    unsigned long h = 5381;
    for (const char *p = pi->libpath; *p; p++) h = h * 33 + (unsigned char)*p;
    for (const char *p = RH_SOURCE_DIR; *p; p++) h = h * 33 + (unsigned char)*p;
    snprintf(out, n, "%s/launcher-%s-v%u-%08lx", dir, pi->version, RH_TRACE_VERSION, h & 0xffffffffUL);
    char src[PATH_MAX], wsrc[PATH_MAX], tsrc[PATH_MAX];
    snprintf(src, sizeof src, "%s/harness/record/launcher.c", RH_SOURCE_DIR);
    snprintf(wsrc, sizeof wsrc, "%s/harness/record/trace_write.c", RH_SOURCE_DIR);
    snprintf(tsrc, sizeof tsrc, "%s/harness/record/trace.h", RH_SOURCE_DIR);
    if (newer(out, src) && newer(out, wsrc) && newer(out, tsrc)) return 0;
    char inc[PATH_MAX + 4], rec[PATH_MAX + 4], ldir[PATH_MAX + 4], rpath[PATH_MAX + 16], lib[160];
    snprintf(inc, sizeof inc, "-I%s", pi->include);
    snprintf(rec, sizeof rec, "-I%s/harness/record", RH_SOURCE_DIR);
    snprintf(ldir, sizeof ldir, "-L%s", pi->libdir);
    snprintf(rpath, sizeof rpath, "-Wl,-rpath,%s", pi->libdir);
    snprintf(lib, sizeof lib, "-l%s", pi->libname);
    char *cc = getenv("CC") && *getenv("CC") ? getenv("CC") : "cc";
    char *argv[] = {cc, "-O2", "-std=gnu11", inc, rec, "-o", out, src, wsrc, ldir, rpath, lib, "-lzstd",
                    "-lpthread", "-lm", "-ldl", NULL};
    fprintf(stderr, "refheap record: building a launcher for Python %s (%s) ...\n", pi->version, pi->libpath);
    int rc = run_wait(argv, 1);
    if (rc != 0) {
        fprintf(stderr, "refheap record: cannot build a launcher against %s (compiler exit %d; needs a C "
                "compiler and libzstd-dev)\n", pi->libpath, rc);
        unlink(out);
        return -1;
    }
    return 0;
}

/* The launcher for `python`: the built-in one when python's libpython is the one CMake found. */
static int find_launcher(const char *python, char *out, size_t n) {
    pyinfo pi;
    memset(&pi, 0, sizeof pi);
    if (access(python, X_OK) != 0) {
        fprintf(stderr, "refheap record: %s: %s\n", python, strerror(errno));
        return -1;
    }
    if (query_python(python, &pi) != 0) {
        fprintf(stderr, "refheap record: %s did not answer as a CPython 3 interpreter (sysconfig query "
                "failed)\n", python);
        return -1;
    }
#ifdef RH_LAUNCHER_LIBPYTHON
    if (strcmp(pi.libpath, RH_LAUNCHER_LIBPYTHON) == 0) {
        char dir[PATH_MAX];
        if (exe_dir(dir, sizeof dir) == 0) {
            snprintf(out, n, "%s/refheap-record-launcher", dir);
            if (access(out, X_OK) == 0) return 0;
        }
    }
#endif
    return build_launcher(python, &pi, out, n);
}

/* ---------------------------------------------------------------- refheap record */

static void default_output(const char *target, int is_module, char *out, size_t n) {
    const char *base = strrchr(target, '/');
    base = base ? base + 1 : target;
    size_t len = strlen(base);
    if (!is_module && len > 3 && strcmp(base + len - 3, ".py") == 0) len -= 3;
    snprintf(out, n, "%.*s.trace", (int)len, base);
}

int rh_record_main(int argc, char **argv) {
    const char *out = NULL, *python = DEFAULT_PYTHON;
    int quiet = 0, i = 2;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-o") || !strcmp(a, "--python")) {
            if (i + 1 >= argc) return usage("missing value for", a);
            if (a[1] == 'o') out = argv[++i];
            else python = argv[++i];
        } else if (!strcmp(a, "-q")) quiet = 1;
        else if (!strcmp(a, "-h") || !strcmp(a, "--help")) { fputs(record_usage, stdout); return 0; }
        else if (!strcmp(a, "-m")) break;
        else if (a[0] == '-') return usage("unknown option", a);
        else break;
    }
    if (i >= argc) return usage("missing SCRIPT.py or -m MODULE", NULL);
    int is_module = !strcmp(argv[i], "-m");
    if (is_module && i + 1 >= argc) return usage("missing module name after", "-m");
    char deflt[PATH_MAX];
    if (!out) {
        default_output(argv[i + is_module], is_module, deflt, sizeof deflt);
        out = deflt;
    }
    char launcher[PATH_MAX];
    if (find_launcher(python, launcher, sizeof launcher) != 0) return 2;
    /* launcher TRACE PYTHON program-args... */
    int nprog = argc - i;
    char **largv = calloc((size_t)nprog + 4, sizeof *largv);
    if (!largv) return 2;
    largv[0] = launcher;
    largv[1] = (char *)out;
    largv[2] = (char *)python;
    for (int k = 0; k < nprog; k++) largv[3 + k] = argv[i + k];
    if (quiet) setenv("REFHEAP_RECORD_QUIET", "1", 1);
    /* the launcher writes a byte here once the trace is whole: a program leaving by os._exit() (no exit
     * handlers) or a signal never does */
    int done[2] = {-1, -1};
    char fdtext[16];
    if (pipe(done) == 0) {
        fcntl(done[0], F_SETFD, FD_CLOEXEC);
        fcntl(done[0], F_SETFL, O_NONBLOCK);
        snprintf(fdtext, sizeof fdtext, "%d", done[1]);
        setenv("REFHEAP_RECORD_DONE_FD", fdtext, 1);
    }
    fflush(stdout);
    int st = run_wait(largv, 0);
    free(largv);
    char byte = 0;
    int whole = done[0] < 0; /* without the pipe, no claim either way */
    if (done[0] >= 0) {
        close(done[1]);
        whole = read(done[0], &byte, 1) == 1; /* non-blocking: a forked child may still hold the pipe */
        close(done[0]);
    }
    if (st < 0) {
        fprintf(stderr, "refheap record: cannot start %s: %s\n", launcher, strerror(errno));
        return 2;
    }
    if (st == LAUNCHER_FAILED) {
        fprintf(stderr, "refheap record: the recording failed (see above); %s is not usable\n", out);
        return 2;
    }
    if (st > 128 && st < 128 + 65)
        fprintf(stderr, "refheap record: the program was killed by signal %d; %s is truncated\n", st - 128, out);
    else if (!whole)
        fprintf(stderr, "refheap record: the program ended with status %d without the interpreter's exit (os._exit() "
                "or a crash); %s is truncated and replay will refuse it\n", st, out);
    else if (st != 0 && !quiet)
        fprintf(stderr, "refheap record: the program exited with status %d (the trace %s is complete)\n", st, out);
    return st;
}
