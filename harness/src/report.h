/* report.h — the measurement report of a run (report.c): creation, marks, output. */
#ifndef RH_HARNESS_REPORT_H
#define RH_HARNESS_REPORT_H
#include "interp.h"

/* table: write the per-statement table on stderr at the end; json: path of the results file or NULL. */
rh_report *rh_report_new(rh_runtime *rt, const char *file, const char *allocator, const char *profile, int table, const char *json);
void rh_report_free(rh_report *r);
/* Measure release latency (docs/benchmarks.md): after a statement that lowered RSS, poll until RSS is
 * within tolerance_bytes of its level at the first mark, for at most deadline_s seconds. */
void rh_report_set_release(rh_report *r, int64_t tolerance_bytes, double deadline_s);
/* refheap.mark(label): always appended to I->marks; with a report also timestamped. label borrowed. */
void rh_report_mark(rh_interp *I, rh_object *label);
/* Write the table / JSON. Returns 0 or -1 (JSON file not writable). */
int rh_report_finish(rh_interp *I, int exit_status);
#endif
