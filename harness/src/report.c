/* report.c — per-statement measurement of a run (--report table on stderr, --json results file).
 *
 * Owns hx_report: one row per executed top-level statement (line, source text, wall time from
 * CLOCK_MONOTONIC, RSS after from /proc/self/statm, ΔRSS, live objects from rh_object_counts_get, GC
 * counts), the collector's pause records (rh_gc_take_pauses), the refheap.mark() labels, and the machine facts written with the JSON (schema:
 * docs/results-schema.md). Invariant: nothing here runs unless --report or --json was given (the
 * VM checks I->report before calling in), so measurement stays off the normal path; marks are
 * always recorded in I->marks (cheap) for both paths.
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include "interp.h"
#include "report.h"

enum { REL_NONE = 0, REL_RELEASED, REL_NOT_RELEASED };
typedef struct row {
    int line;
    uint64_t wall_ns;
    int64_t rss, drss;
    uint64_t live;
    int gc[3];
    uint64_t start_ns;
    uint64_t user_ns, sys_ns;  /* CPU time of the statement in user space and in the kernel (getrusage) */
    int64_t minflt;            /* minor page faults during the statement (first touch of fresh memory) */
    int release;              /* REL_*: polled only when the statement lowered RSS (--release-*) */
    uint64_t release_ns;      /* from the statement's start until RSS was back (or the deadline) */
    int64_t release_rss;
} row;

typedef struct mark { char label[128]; int stmt; uint64_t t_ns; int64_t rss, peak_before; } mark;
typedef struct gcpause { rh_gc_pause p; int stmt; } gcpause;

struct hx_report {
    int table;
    const char *json_path;
    const char *allocator, *profile, *file;
    row *rows;
    size_t nrows, cap;
    mark *marks;
    size_t nmarks, capm;
    gcpause *pauses;
    size_t npauses, capp;
    uint64_t t_start, t_cur;
    int64_t rss_before, rss_start;
    struct rusage ru_before;
    int64_t peak_run;          /* the run's peak RSS: VmHWM is reset at every mark, so the max of the phases */
    long page;
    int64_t release_tol;      /* bytes; < 0: release latency not measured */
    double release_deadline_s;
};

static uint64_t tv_ns(const struct timeval *tv) {
    return (uint64_t)tv->tv_sec * 1000000000u + (uint64_t)tv->tv_usec * 1000u;
}

static uint64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* /proc reads and writes go through open/read/write into stack buffers, never stdio: a FILE allocates
 * its buffer with malloc, and that malloc/free between two statements consolidates and trims the C heap
 * (glibc), so the measurement itself would hand freed memory back to the OS — seen with every object in
 * glibc malloc, where CPython keeps it. Returns the bytes read (NUL-terminated) or -1. */
static ssize_t read_proc(const char *path, char *buf, size_t cap) {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    size_t n = 0;
    ssize_t k;
    while (n + 1 < cap && (k = read(fd, buf + n, cap - 1 - n)) > 0) n += (size_t)k;
    close(fd);
    buf[n] = 0;
    return (ssize_t)n;
}

static int64_t rss_bytes(long page) {
    char buf[128];
    long a = 0, b = 0;
    if (read_proc("/proc/self/statm", buf, sizeof buf) < 0 || sscanf(buf, "%ld %ld", &a, &b) != 2) return -1;
    return (int64_t)b * page;
}

static int64_t status_kb(const char *key) {
    char buf[8192];
    if (read_proc("/proc/self/status", buf, sizeof buf) < 0) return -1;
    size_t kl = strlen(key);
    for (const char *line = buf; line && *line; line = strchr(line, '\n'), line = line ? line + 1 : NULL)
        if (strncmp(line, key, kl) == 0 && line[kl] == ':') return strtoll(line + kl + 1, NULL, 10);
    return -1;
}

hx_report *hx_report_new(rh_runtime *rt, const char *file, const char *allocator, const char *profile, int table,
                         const char *json) {
    hx_report *r = calloc(1, sizeof *r);
    if (!r) abort();
    r->file = file;
    r->allocator = allocator;
    r->profile = profile;
    r->table = table;
    r->json_path = json;
    r->page = sysconf(_SC_PAGESIZE);
    r->t_start = now_ns();
    r->rss_start = rss_bytes(r->page);
    r->release_tol = -1;
    rh_gc_pause drain[64];
    while (rh_gc_take_pauses(rt, drain, 64) == 64) continue; /* pauses before the run are not the run's */
    return r;
}

void hx_report_set_release(hx_report *r, int64_t tolerance_bytes, double deadline_s) {
    r->release_tol = tolerance_bytes;
    r->release_deadline_s = deadline_s;
}

/* Reset the peak RSS (Linux >= 4.0: "5" > /proc/self/clear_refs sets VmHWM to the current RSS), so each
 * phase between marks gets its own peak. */
static void reset_peak(void) {
    int fd = open("/proc/self/clear_refs", O_WRONLY | O_CLOEXEC);
    if (fd < 0) return;
    if (write(fd, "5", 1) != 1) { /* not supported: the peak then spans phases */ }
    close(fd);
}

/* A phase announced as freeing memory: the mark just before this statement is labelled del, drop,
 * collect, or starts with free / release (docs/benchmarks.md). Its first statement is polled even when
 * RSS did not move, so an allocator that keeps the memory is reported as "not released". */
static int first_of_freeing_phase(hx_report *r) {
    const mark *m = &r->marks[r->nmarks - 1];
    if (m->stmt + 1 != (int)r->nrows - 1) return 0; /* row m->stmt is the mark statement itself */
    return !strcmp(m->label, "del") || !strcmp(m->label, "drop") || !strcmp(m->label, "collect") ||
           !strncmp(m->label, "free", 4) || !strncmp(m->label, "release", 7);
}

/* The statement lowered RSS (or opens a freeing phase): poll (1 ms) until RSS is within the tolerance of its level at the first
 * mark — before the workload allocated — or the deadline passes (docs/benchmarks.md §Release latency). */
static void poll_release(hx_report *r, row *w) {
    int64_t base = r->marks[0].rss;
    uint64_t limit = now_ns() + (uint64_t)(r->release_deadline_s * 1e9);
    for (;;) {
        int64_t rss = rss_bytes(r->page);
        uint64_t t = now_ns();
        int back = rss <= base + r->release_tol;
        if (back || t > limit) {
            w->release = back ? REL_RELEASED : REL_NOT_RELEASED;
            w->release_ns = t - r->t_cur;
            w->release_rss = rss;
            return;
        }
        struct timespec ms = {0, 1000000};
        nanosleep(&ms, NULL);
    }
}

void hx_report_free(hx_report *r) {
    if (!r) return;
    free(r->rows);
    free(r->marks);
    free(r->pauses);
    free(r);
}

/* drain the collector's pause records, attributing them to statement row `stmt` */
static void take_pauses(hx_interp *I, hx_report *r, int stmt) {
    rh_gc_pause buf[64];
    size_t n;
    while ((n = rh_gc_take_pauses(I->rt, buf, 64)) > 0) {
        for (size_t i = 0; i < n; i++) {
            if (r->npauses == r->capp) {
                r->capp = r->capp ? r->capp * 2 : 64;
                r->pauses = realloc(r->pauses, r->capp * sizeof *r->pauses);
                if (!r->pauses) abort();
            }
            r->pauses[r->npauses++] = (gcpause){buf[i], stmt};
        }
        if (n < 64) break;
    }
}

void hx_report_stmt_begin(hx_interp *I, hx_node *stmt) {
    hx_report *r = I->report;
    (void)stmt;
    r->rss_before = rss_bytes(r->page);
    getrusage(RUSAGE_SELF, &r->ru_before);
    r->t_cur = now_ns();
}

void hx_report_stmt_end(hx_interp *I, hx_node *stmt) {
    hx_report *r = I->report;
    uint64_t t = now_ns();
    if (r->nrows == r->cap) {
        r->cap = r->cap ? r->cap * 2 : 64;
        r->rows = realloc(r->rows, r->cap * sizeof *r->rows);
        if (!r->rows) abort();
    }
    row *w = &r->rows[r->nrows++];
    w->line = stmt->line;
    w->start_ns = r->t_cur - r->t_start;
    w->wall_ns = t - r->t_cur;
    w->rss = rss_bytes(r->page);
    w->drss = w->rss - r->rss_before;
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    w->user_ns = tv_ns(&ru.ru_utime) - tv_ns(&r->ru_before.ru_utime);
    w->sys_ns = tv_ns(&ru.ru_stime) - tv_ns(&r->ru_before.ru_stime);
    w->minflt = ru.ru_minflt - r->ru_before.ru_minflt;
    rh_object_counts oc;
    rh_object_counts_get(I->rt, &oc);
    w->live = oc.live_total;
    rh_gc_get_count(I->rt, w->gc);
    take_pauses(I, r, (int)r->nrows - 1);
    w->release = REL_NONE;
    if (r->release_tol >= 0 && r->nmarks > 0 && (w->drss < 0 || first_of_freeing_phase(r))) poll_release(r, w);
}

void hx_report_mark(hx_interp *I, rh_object *label) {
    rh_list_append(I->rt, I->marks, label);
    hx_report *r = I->report;
    if (!r) return;
    if (r->nmarks == r->capm) {
        r->capm = r->capm ? r->capm * 2 : 16;
        r->marks = realloc(r->marks, r->capm * sizeof *r->marks);
        if (!r->marks) abort();
    }
    mark *m = &r->marks[r->nmarks++];
    snprintf(m->label, sizeof m->label, "%s", rh_str_utf8(I->rt, label, NULL));
    m->stmt = (int)r->nrows;
    m->t_ns = now_ns() - r->t_start;
    m->rss = rss_bytes(r->page);
    m->peak_before = status_kb("VmHWM") * 1024;
    if (m->peak_before > r->peak_run) r->peak_run = m->peak_before;
    reset_peak();
}

/* the first source line of a statement, trimmed, for display */
static void line_text(hx_interp *I, int line, char *out, size_t n) {
    const char *p = I->src, *end = I->src + I->srclen;
    for (int l = 1; l < line && p < end; p++)
        if (*p == '\n') l++;
    while (p < end && (*p == ' ' || *p == '\t')) p++;
    size_t k = 0;
    while (p < end && *p != '\n' && *p != '\r' && k + 1 < n) out[k++] = *p++;
    out[k] = 0;
}

void hx_json_str(FILE *f, const char *s) {
    fputc('"', f);
    for (; s && *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\') fprintf(f, "\\%c", c);
        else if (c < 0x20) fprintf(f, "\\u%04x", c);
        else fputc(c, f);
    }
    fputc('"', f);
}

static void cpu_model(char *out, size_t n) {
    snprintf(out, n, "unknown");
    FILE *f = fopen("/proc/cpuinfo", "r");
    if (!f) return;
    char line[512];
    while (fgets(line, sizeof line, f))
        if (strncmp(line, "model name", 10) == 0) {
            char *c = strchr(line, ':');
            if (c) {
                c++;
                while (*c == ' ') c++;
                c[strcspn(c, "\n")] = 0;
                snprintf(out, n, "%s", c);
            }
            break;
        }
    fclose(f);
}

static void thp_mode(char *out, size_t n) {
    snprintf(out, n, "unknown");
    FILE *f = fopen("/sys/kernel/mm/transparent_hugepage/enabled", "r");
    if (!f) return;
    char line[256];
    if (fgets(line, sizeof line, f)) {
        char *a = strchr(line, '['), *b = a ? strchr(a, ']') : NULL;
        if (a && b) { *b = 0; snprintf(out, n, "%s", a + 1); }
    }
    fclose(f);
}

void hx_json_machine(FILE *f) {
    struct utsname u;
    memset(&u, 0, sizeof u);
    uname(&u);
    char cpu[256], thp[64];
    cpu_model(cpu, sizeof cpu);
    thp_mode(thp, sizeof thp);
    fprintf(f, "\"machine\": {\"sysname\": ");
    hx_json_str(f, u.sysname);
    fprintf(f, ", \"release\": ");
    hx_json_str(f, u.release);
    fprintf(f, ", \"machine\": ");
    hx_json_str(f, u.machine);
    fprintf(f, ", \"cpu_model\": ");
    hx_json_str(f, cpu);
    fprintf(f, ", \"ncpu\": %ld, \"page_size\": %ld, \"thp\": ", sysconf(_SC_NPROCESSORS_ONLN), sysconf(_SC_PAGESIZE));
    hx_json_str(f, thp);
    fputc('}', f);
}

/* Peak RSS of the whole run (bytes): the highest phase peak seen at the marks, or the current VmHWM. */
static int64_t run_peak(hx_report *r) {
    int64_t now = status_kb("VmHWM") * 1024;
    return now > r->peak_run ? now : r->peak_run;
}

static void write_table(hx_interp *I, hx_report *r) {
    fflush(stdout);
    fprintf(stderr, "%5s %12s %12s %12s %10s %6s %4s %4s  %s\n", "line", "wall_us", "rss_kb", "drss_kb", "live", "gc0",
            "gc1", "gc2", "statement");
    char text[61];
    for (size_t i = 0; i < r->nrows; i++) {
        row *w = &r->rows[i];
        line_text(I, w->line, text, sizeof text);
        fprintf(stderr, "%5d %12.1f %12lld %12lld %10llu %6d %4d %4d  %s\n", w->line, (double)w->wall_ns / 1000.0,
                (long long)(w->rss / 1024), (long long)(w->drss / 1024), (unsigned long long)w->live, w->gc[0], w->gc[1],
                w->gc[2], text);
    }
    fprintf(stderr, "peak RSS (VmHWM): %lld kB; allocator %s; profile %s\n", (long long)(run_peak(r) / 1024),
            r->allocator, r->profile);
}

static int write_json(hx_interp *I, hx_report *r, int exit_status) {
    FILE *f = fopen(r->json_path, "w");
    if (!f) return -1;
    char text[512];
    uint64_t total = now_ns() - r->t_start;
    fprintf(f, "{\n  \"schema\": \"refheap-results/1\",\n  \"tool\": \"refheap\",\n  \"version\": ");
    hx_json_str(f, REFHEAP_VERSION);
    fprintf(f, ",\n  \"workload\": ");
    hx_json_str(f, r->file);
    fprintf(f, ",\n  \"allocator\": ");
    hx_json_str(f, r->allocator);
    fprintf(f, ",\n  \"profile\": ");
    hx_json_str(f, r->profile);
    fprintf(f, ",\n  \"exit_status\": %d,\n", exit_status);
    fprintf(f, "  ");
    hx_json_machine(f);
    fprintf(f, ",\n");
    rh_object_counts oc;
    rh_object_counts_get(I->rt, &oc);
    int gc[3];
    rh_gc_get_count(I->rt, gc);
    fprintf(f, "  \"totals\": {\"wall_ns\": %llu, \"statements\": %zu, \"rss_start_bytes\": %lld, "
               "\"rss_end_bytes\": %lld, \"peak_rss_bytes\": %lld, \"objects_allocated_total\": %llu, "
               "\"objects_freed_total\": %llu, \"objects_live\": %llu, \"peak_rss_last_phase_bytes\": %lld},\n",
            (unsigned long long)total, r->nrows, (long long)r->rss_start, (long long)rss_bytes(r->page),
            (long long)run_peak(r), (unsigned long long)oc.allocated_total,
            (unsigned long long)oc.freed_total, (unsigned long long)oc.live_total,
            (long long)status_kb("VmHWM") * 1024);
    fprintf(f, "  \"statements\": [\n");
    for (size_t i = 0; i < r->nrows; i++) {
        row *w = &r->rows[i];
        line_text(I, w->line, text, sizeof text);
        fprintf(f, "    {\"index\": %zu, \"line\": %d, \"source\": ", i, w->line);
        hx_json_str(f, text);
        fprintf(f, ", \"start_ns\": %llu, \"wall_ns\": %llu, \"rss_bytes\": %lld, \"drss_bytes\": %lld, "
                   "\"live_objects\": %llu, \"gc_count\": [%d, %d, %d], \"user_ns\": %llu, \"sys_ns\": %llu, "
                   "\"minflt\": %lld",
                (unsigned long long)w->start_ns, (unsigned long long)w->wall_ns, (long long)w->rss, (long long)w->drss,
                (unsigned long long)w->live, w->gc[0], w->gc[1], w->gc[2], (unsigned long long)w->user_ns,
                (unsigned long long)w->sys_ns, (long long)w->minflt);
        if (w->release == REL_RELEASED)
            fprintf(f, ", \"release\": {\"outcome\": \"released\", \"latency_ns\": %llu, \"rss_bytes\": %lld}",
                    (unsigned long long)w->release_ns, (long long)w->release_rss);
        else if (w->release == REL_NOT_RELEASED)
            fprintf(f, ", \"release\": {\"outcome\": \"not released within %g s\", \"rss_bytes\": %lld}",
                    r->release_deadline_s, (long long)w->release_rss);
        fprintf(f, "}%s\n", i + 1 < r->nrows ? "," : "");
    }
    fprintf(f, "  ],\n  \"marks\": [\n");
    for (size_t i = 0; i < r->nmarks; i++) {
        mark *m = &r->marks[i];
        fprintf(f, "    {\"label\": ");
        hx_json_str(f, m->label);
        fprintf(f, ", \"statement_index\": %d, \"t_ns\": %llu, \"rss_bytes\": %lld, \"peak_rss_before_bytes\": %lld}%s\n",
                m->stmt, (unsigned long long)m->t_ns, (long long)m->rss, (long long)m->peak_before,
                i + 1 < r->nmarks ? "," : "");
    }
    fprintf(f, "  ],\n  \"gc_pauses\": [\n");
    for (size_t i = 0; i < r->npauses; i++) {
        gcpause *p = &r->pauses[i];
        fprintf(f, "    {\"statement_index\": %d, \"generation\": %d, \"start_ns\": %llu, \"duration_ns\": %llu, "
                   "\"examined\": %llu, \"collected\": %llu, \"uncollectable\": %llu}%s\n",
                p->stmt, p->p.generation, (unsigned long long)(p->p.start_ns - r->t_start), (unsigned long long)p->p.duration_ns,
                (unsigned long long)p->p.examined, (unsigned long long)p->p.collected,
                (unsigned long long)p->p.uncollectable, i + 1 < r->npauses ? "," : "");
    }
    fprintf(f, "  ]\n}\n");
    return fclose(f);
}

int hx_report_finish(hx_interp *I, int exit_status) {
    hx_report *r = I->report;
    if (!r) return 0;
    take_pauses(I, r, -1); /* collections of the shutdown (statement_index -1) */
    if (r->table) write_table(I, r);
    if (r->json_path && write_json(I, r, exit_status) != 0) {
        fflush(stdout);
        fprintf(stderr, "refheap: cannot write %s\n", r->json_path);
        return -1;
    }
    return 0;
}
