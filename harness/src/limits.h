/* limits.h — resource limits of `refheap run` (--max-rss, --timeout): a watchdog thread (limits.c). */
#ifndef REFHEAP_HARNESS_LIMITS_H
#define REFHEAP_HARNESS_LIMITS_H

#define RH_EXIT_LIMIT 3 /* the exit status when a limit stops the program */

/* Start the watchdog: it stops the process (message on stderr, stdout flushed when it can be, exit
 * status RH_EXIT_LIMIT) once the resident set size exceeds max_rss_mb (0: no limit) or the wall-clock
 * time since this call exceeds timeout_s (0: no limit). Returns 0, or -1 if the thread cannot start. */
int rh_limits_start(long long max_rss_mb, double timeout_s);

#endif
