# Program conformance cases (included from conformance/CMakeLists.txt): the compute-bound programs of
# workloads/programs/ (refheap's own implementations of classic benchmarks: the workloads of pyperformance,
# the Benchmarks Game, GCBench; the bench step `interpreter` times them at their bench size).
#   workload.programs.<id>  `refheap run` of <id>.py at its small size: stdout byte-identical to
#                           workloads/programs/<id>.expected, exit status 0                  (label workload)
#   oracle.programs.<id>    the same small copy under /usr/bin/python3 against the same .expected;
#                           skipped (77), never passed, when /usr/bin/python3 is absent      (label oracle)
# Each program holds a line `TEST_SIZE = <small>` and, after it, a line `SIZE = <bench size>`; the test runs
# a copy (written into the build tree at configure time) whose SIZE line reads `SIZE = TEST_SIZE`.
# workloads/programs/record.sh records the .expected files from /usr/bin/python3 the same way.
# The driver is conformance/run_workload.sh.

set(RH_PG_DIR ${PROJECT_SOURCE_DIR}/workloads/programs)
set(RH_PG_OUT ${CMAKE_CURRENT_BINARY_DIR}/programs)
set(RH_PG_LABELS workload)
set(RH_PG_FLAG "")
if(REFHEAP_SANITIZE)
  set(RH_PG_FLAG sanitize)
  list(APPEND RH_PG_LABELS asan)
endif()
file(MAKE_DIRECTORY ${RH_PG_OUT})

file(GLOB rh_pg_programs CONFIGURE_DEPENDS ${RH_PG_DIR}/*.py)
foreach(py ${rh_pg_programs})
  get_filename_component(id ${py} NAME_WE)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${py})
  file(READ ${py} src)
  if(NOT src MATCHES "\nTEST_SIZE = [^\n]+\n(.*\n)?SIZE = [^\n]+")
    message(FATAL_ERROR "${py}: needs a line 'TEST_SIZE = ...' followed later by a line 'SIZE = ...'")
  endif()
  string(REGEX REPLACE "\nSIZE = [^\n]*" "\nSIZE = TEST_SIZE" small "${src}")
  set(copy ${RH_PG_OUT}/${id}.py)
  file(WRITE ${copy} "${small}")
  add_test(NAME workload.programs.${id}
           COMMAND sh ${RH_WL_DRIVER} refheap ${RH_WL_BIN} ${copy} ${RH_PG_DIR}/${id}.expected 0 ${RH_PG_FLAG})
  set_tests_properties(workload.programs.${id} PROPERTIES LABELS "${RH_PG_LABELS}"
                       SKIP_RETURN_CODE 77 TIMEOUT 600)
  add_test(NAME oracle.programs.${id}
           COMMAND sh ${RH_WL_DRIVER} oracle ${RH_WL_ORACLE} ${copy} ${RH_PG_DIR}/${id}.expected 0)
  set_tests_properties(oracle.programs.${id} PROPERTIES LABELS oracle SKIP_RETURN_CODE 77 TIMEOUT 600)
endforeach()
