/* record.h — entry points of `refheap record`, `refheap replay` and `refheap shim-path`, called by the
 * dispatch in harness/src/main.c with the whole command line (argv[1] is the subcommand). Each returns the
 * process exit status. */
#ifndef REFHEAP_RECORD_H
#define REFHEAP_RECORD_H

int rh_record_main(int argc, char **argv);
int rh_replay_main(int argc, char **argv);
int rh_shim_path_main(int argc, char **argv);

#endif
