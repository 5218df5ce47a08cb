/* report.h — the measurement report of a run (report.c): creation, marks, output. */
#ifndef RH_HARNESS_REPORT_H
#define RH_HARNESS_REPORT_H
#include "interp.h"

/* table: write the per-statement table on stderr at the end; json: path of the results file or NULL. */
hx_report *hx_report_new(rh_runtime *rt, const char *file, const char *allocator, const char *profile, int table, const char *json);
void hx_report_free(hx_report *r);
/* Measure release latency (docs/benchmarks.md): after a statement that lowered RSS, poll until RSS is
 * within tolerance_bytes of its level at the first mark, for at most deadline_s seconds. */
void hx_report_set_release(hx_report *r, int64_t tolerance_bytes, double deadline_s);
/* refheap.mark(label): always appended to I->marks; with a report also timestamped. label borrowed. */
void hx_report_mark(hx_interp *I, rh_object *label);
/* Write the table / JSON. Returns 0 or -1 (JSON file not writable). */
int hx_report_finish(hx_interp *I, int exit_status);
/* JSON output shared by every results file: a string literal (escaped; NULL writes ""), and the
 * "machine": {...} member (uname, CPU model, CPU count, page size, transparent-huge-page mode). */
void hx_json_str(FILE *f, const char *s);
void hx_json_machine(FILE *f);
#endif
