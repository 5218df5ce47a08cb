# Workload conformance cases (included from conformance/CMakeLists.txt).
#   workload.<group>.<id>   `refheap run` of cases/<group>/<id>.py: stdout byte-identical to <id>.expected
#                           and the exit status of MANIFEST.tsv's cpython_exit     (label workload)
#   oracle.<group>.<id>     the same scenario under /usr/bin/python3 against the committed .expected;
#                           skipped (77), never passed, when /usr/bin/python3 is absent (label oracle)
#   workload.errors.<name>  bad input: exact first line of stderr (errors/<name>.stderr) and the exit
#                           status listed in errors/MANIFEST.tsv                   (label workload)
#   workload.tracebacks.<name>  the whole of stderr (tracebacks/<name>.stderr, CPython 3.11's with the case's
#                           directory removed from its paths) and the exit status of tracebacks/MANIFEST.tsv;
#                           oracle.tracebacks.<name> checks the file against /usr/bin/python3 (label oracle)
# The driver is conformance/run_workload.sh.

set(RH_WL_DRIVER ${CMAKE_CURRENT_SOURCE_DIR}/run_workload.sh)
set(RH_WL_BIN ${PROJECT_BINARY_DIR}/refheap)
set(RH_WL_ORACLE /usr/bin/python3)
set(RH_WL_FLAG "")
set(RH_WL_LABELS workload)
if(REFHEAP_SANITIZE)
  set(RH_WL_FLAG sanitize)
  list(APPEND RH_WL_LABELS asan)
endif()

set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
             ${CMAKE_CURRENT_SOURCE_DIR}/cases/MANIFEST.tsv ${CMAKE_CURRENT_SOURCE_DIR}/errors/MANIFEST.tsv)

# expected exit status per scenario id, from MANIFEST.tsv (id, group, cpython_exit, source)
file(STRINGS ${CMAKE_CURRENT_SOURCE_DIR}/cases/MANIFEST.tsv rh_wl_manifest)
foreach(line ${rh_wl_manifest})
  string(REPLACE "\t" ";" fields "${line}")
  list(GET fields 0 id)
  list(GET fields 2 code)
  if(NOT id STREQUAL "id")
    set(RH_WL_EXIT_${id} ${code})
  endif()
endforeach()

file(GLOB rh_wl_cases CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/cases/*/*.py)
foreach(py ${rh_wl_cases})
  get_filename_component(id ${py} NAME_WE)
  get_filename_component(dir ${py} DIRECTORY)
  get_filename_component(group ${dir} NAME)
  set(exit_code 0)
  if(DEFINED RH_WL_EXIT_${id})
    set(exit_code ${RH_WL_EXIT_${id}})
  endif()
  add_test(NAME workload.${group}.${id}
           COMMAND sh ${RH_WL_DRIVER} refheap ${RH_WL_BIN} ${py} ${dir}/${id}.expected ${exit_code} ${RH_WL_FLAG})
  set_tests_properties(workload.${group}.${id} PROPERTIES LABELS "${RH_WL_LABELS}"
                       SKIP_RETURN_CODE 77 TIMEOUT 600)
  add_test(NAME oracle.${group}.${id}
           COMMAND sh ${RH_WL_DRIVER} oracle ${RH_WL_ORACLE} ${py} ${dir}/${id}.expected ${exit_code})
  set_tests_properties(oracle.${group}.${id} PROPERTIES LABELS oracle SKIP_RETURN_CODE 77 TIMEOUT 600)
endforeach()

# bad-input cases: errors/MANIFEST.tsv lists name, expected exit status and, optionally, the profile
# the case runs under (default: py311)
file(STRINGS ${CMAKE_CURRENT_SOURCE_DIR}/errors/MANIFEST.tsv rh_wl_errors)
foreach(line ${rh_wl_errors})
  string(REPLACE "\t" ";" fields "${line}")
  list(GET fields 0 name)
  list(GET fields 1 code)
  list(LENGTH fields nfields)
  set(eprofile "")
  if(nfields GREATER 2)
    list(GET fields 2 eprofile)
  endif()
  if(NOT name STREQUAL "name")
    add_test(NAME workload.errors.${name}
             COMMAND sh ${RH_WL_DRIVER} error ${RH_WL_BIN} ${CMAKE_CURRENT_SOURCE_DIR}/errors/${name}.py
                     ${CMAKE_CURRENT_SOURCE_DIR}/errors/${name}.stderr ${code} ${eprofile})
    set_tests_properties(workload.errors.${name} PROPERTIES LABELS "${RH_WL_LABELS}" TIMEOUT 60)
  endif()
endforeach()

# Uncaught tracebacks printed whole (tracebacks/MANIFEST.tsv: name, exit status)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/tracebacks/MANIFEST.tsv)
file(STRINGS ${CMAKE_CURRENT_SOURCE_DIR}/tracebacks/MANIFEST.tsv rh_wl_tracebacks)
foreach(line ${rh_wl_tracebacks})
  string(REPLACE "\t" ";" fields "${line}")
  list(GET fields 0 name)
  list(GET fields 1 code)
  if(NOT name STREQUAL "name")
    set(tb ${CMAKE_CURRENT_SOURCE_DIR}/tracebacks/${name})
    add_test(NAME workload.tracebacks.${name}
             COMMAND sh ${RH_WL_DRIVER} stderr ${RH_WL_BIN} ${tb}.py ${tb}.stderr ${code} ${RH_WL_FLAG})
    set_tests_properties(workload.tracebacks.${name} PROPERTIES LABELS "${RH_WL_LABELS}" SKIP_RETURN_CODE 77 TIMEOUT 60)
    if(NOT REFHEAP_SANITIZE)
      add_test(NAME oracle.tracebacks.${name}
               COMMAND sh ${RH_WL_DRIVER} stderr-oracle ${RH_WL_ORACLE} ${tb}.py ${tb}.stderr ${code})
      set_tests_properties(oracle.tracebacks.${name} PROPERTIES LABELS oracle SKIP_RETURN_CODE 77 TIMEOUT 60)
    endif()
  endif()
endforeach()

# The seed workloads (workloads/seed/*.py): stdout must equal CPython 3.11's (<id>.expected, generated
# with `PYTHONPATH=harness/oracle /usr/bin/python3 <id>.py`: the refheap shim module provides mark()).
file(GLOB rh_wl_seed CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/workloads/seed/*.py)
foreach(py ${rh_wl_seed})
  get_filename_component(id ${py} NAME_WE)
  get_filename_component(dir ${py} DIRECTORY)
  add_test(NAME workload.seed.${id}
           COMMAND sh ${RH_WL_DRIVER} refheap ${RH_WL_BIN} ${py} ${dir}/${id}.expected 0 ${RH_WL_FLAG})
  set_tests_properties(workload.seed.${id} PROPERTIES LABELS "${RH_WL_LABELS}" SKIP_RETURN_CODE 77 TIMEOUT 600)
  add_test(NAME oracle.seed.${id}
           COMMAND sh ${RH_WL_DRIVER} oracle ${RH_WL_ORACLE} ${py} ${dir}/${id}.expected 0)
  set_tests_properties(oracle.seed.${id} PROPERTIES LABELS oracle SKIP_RETURN_CODE 77 TIMEOUT 600
                       ENVIRONMENT "PYTHONPATH=${PROJECT_SOURCE_DIR}/harness/oracle")
endforeach()
