# pyperformance's benchmark programs, unchanged (workloads/pyperformance/: bm_<name>.py, MIT-licensed
# COPYING, the pyperf stand-in pyperf.py), as conformance cases (included from conformance/CMakeLists.txt).
#   workload.pyperformance.<name>  `refheap run bm_<name>.py` (one loop; with --gc-counts where MANIFEST.tsv
#                                  says 1): stdout byte-identical to bm_<name>.expected, exit 0 (label workload)
#   oracle.pyperformance.<name>    the same under /usr/bin/python3; skipped (77), never passed, when it is
#                                  absent (label oracle)
# workloads/pyperformance/record.sh records the .expected files from /usr/bin/python3.
set(RH_PP_DIR ${PROJECT_SOURCE_DIR}/workloads/pyperformance)
set(RH_PP_LABELS workload)
set(RH_PP_FLAG "")
if(REFHEAP_SANITIZE)
  set(RH_PP_FLAG sanitize)
  list(APPEND RH_PP_LABELS asan)
endif()
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${RH_PP_DIR}/MANIFEST.tsv)
file(STRINGS ${RH_PP_DIR}/MANIFEST.tsv rh_pp_rows)
list(REMOVE_AT rh_pp_rows 0) # the header
foreach(row ${rh_pp_rows})
  string(REPLACE "\t" ";" cols "${row}")
  list(GET cols 0 name)
  list(GET cols 1 gc)
  set(py ${RH_PP_DIR}/bm_${name}.py)
  if(NOT EXISTS ${py} OR NOT EXISTS ${RH_PP_DIR}/bm_${name}.expected)
    message(FATAL_ERROR "workloads/pyperformance/MANIFEST.tsv: ${name} needs bm_${name}.py and bm_${name}.expected")
  endif()
  set(args "")
  if(gc STREQUAL "1")
    set(args "--gc-counts")
  endif()
  add_test(NAME workload.pyperformance.${name}
           COMMAND sh ${RH_WL_DRIVER} refheap ${RH_WL_BIN} ${py} ${RH_PP_DIR}/bm_${name}.expected 0 ${RH_PP_FLAG})
  set_tests_properties(workload.pyperformance.${name} PROPERTIES LABELS "${RH_PP_LABELS}"
                       SKIP_RETURN_CODE 77 TIMEOUT 900 ENVIRONMENT "RH_WL_ARGS=${args}")
  add_test(NAME oracle.pyperformance.${name}
           COMMAND sh ${RH_WL_DRIVER} oracle ${RH_WL_ORACLE} ${py} ${RH_PP_DIR}/bm_${name}.expected 0)
  set_tests_properties(oracle.pyperformance.${name} PROPERTIES LABELS oracle SKIP_RETURN_CODE 77 TIMEOUT 900
                       ENVIRONMENT "RH_WL_ARGS=${args}")
endforeach()
