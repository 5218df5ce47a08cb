# Profile conformance (included from conformance/CMakeLists.txt): every scenario and seed workload under
# every version profile but py311 (workloads.cmake's workload.*/oracle.* cover py311), against output
# recorded from that profile's real interpreter (conformance/profiles/record.py).
#   profile.<p>.<group>.<id>         `refheap run <id>.py --profile <p>`            (label profiles)
#   profile-oracle.<p>.<group>.<id>  the real interpreter of <p> on the same file   (labels profiles, oracle)
# Both compare stdout with profiles/<p>/<id>.expected when that file exists, else with the common
# cases/<group>/<id>.expected (workloads/seed/<id>.expected), addresses normalised to 0x?; and the exit
# status with profiles/<p>/MANIFEST.tsv when it lists the id, else cases/MANIFEST.tsv (0 when unlisted).
# Group is "seed" for workloads/seed. An interpreter that is absent makes its tests skip (77), never pass.
# Ids in profiles/<p>/DIFFERENCES.tsv are deliberate differences: their refheap test is registered
# DISABLED ("Not Run (Disabled)"), so it can neither pass nor fail. The driver is run_workload.sh.

set(RH_PF_DIR ${CMAKE_CURRENT_SOURCE_DIR}/profiles)
set(RH_PF_PROFILES py27 py310 py312 py313)
set(RH_PF_DRIVER ${CMAKE_CURRENT_SOURCE_DIR}/run_workload.sh)
set(RH_PF_BIN ${PROJECT_BINARY_DIR}/refheap)
set(RH_PF_FLAG "")
set(RH_PF_LABELS profiles)
if(REFHEAP_SANITIZE)
  set(RH_PF_FLAG sanitize)  # the same RSS skip rule as workload.*
  list(APPEND RH_PF_LABELS asan)
endif()
set(RH_PF_ENV "PYTHONPATH=${PROJECT_SOURCE_DIR}/harness/oracle;PYTHONDONTWRITEBYTECODE=1")

# Read a tab-separated file's rows into <out>, each row its first three fields joined by "|" (a
# missing field is empty). The header row ("id ...") and # comments are dropped; text after the third
# field (a free-form source or reason, possibly with ";") is ignored.
function(rh_pf_rows path out)
  set(rows "")
  if(EXISTS ${path})
    file(STRINGS ${path} lines REGEX "^[A-Za-z0-9_]+\t")
    foreach(line ${lines})
      if(line MATCHES "^([^\t]*)\t([^\t]*)(\t([^\t]*))?" AND NOT CMAKE_MATCH_1 STREQUAL "id")
        list(APPEND rows "${CMAKE_MATCH_1}|${CMAKE_MATCH_2}|${CMAKE_MATCH_4}")
      endif()
    endforeach()
  endif()
  set(${out} "${rows}" PARENT_SCOPE)
endfunction()

# The interpreter of each profile: interpreters.tsv's path, or the same version under $PYENV_ROOT or
# ~/.pyenv; when none exists the literal path is kept (absent: the driver skips).
rh_pf_rows(${RH_PF_DIR}/interpreters.tsv rh_pf_interp)
foreach(row ${rh_pf_interp})
  string(REPLACE "|" ";" f "${row}")
  list(GET f 0 p)
  list(GET f 1 path)
  list(GET f 2 version)
  get_filename_component(name ${path} NAME)
  get_filename_component(dir ${path} DIRECTORY)
  find_program(RH_PYTHON_${p} NAMES ${name}
               HINTS ${dir} $ENV{PYENV_ROOT}/versions/${version}/bin $ENV{HOME}/.pyenv/versions/${version}/bin
               NO_DEFAULT_PATH)
  if(RH_PYTHON_${p})
    set(RH_PF_PY_${p} ${RH_PYTHON_${p}})
  else()
    set(RH_PF_PY_${p} ${path})
  endif()
endforeach()

# the common exit status of every scenario id
rh_pf_rows(${CMAKE_CURRENT_SOURCE_DIR}/cases/MANIFEST.tsv rh_pf_common)
foreach(row ${rh_pf_common})
  string(REPLACE "|" ";" f "${row}")
  list(GET f 0 id)
  list(GET f 2 code)
  set(RH_PF_EXIT_${id} ${code})
endforeach()

file(GLOB rh_pf_cases CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/cases/*/*.py)
file(GLOB rh_pf_seeds CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/workloads/seed/*.py)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${RH_PF_DIR}/interpreters.tsv)

# Register profile.<p>.<group>.<id> and profile-oracle.<p>.<group>.<id> for one workload file.
function(rh_pf_register p group py)
  get_filename_component(id ${py} NAME_WE)
  get_filename_component(dir ${py} DIRECTORY)
  set(expected ${dir}/${id}.expected)
  if(EXISTS ${RH_PF_DIR}/${p}/${id}.expected)
    set(expected ${RH_PF_DIR}/${p}/${id}.expected)
  endif()
  set(code 0)
  if(DEFINED RH_PF_EXIT_${p}_${id})
    set(code ${RH_PF_EXIT_${p}_${id}})
  elseif(DEFINED RH_PF_EXIT_${id} AND NOT group STREQUAL "seed")
    set(code ${RH_PF_EXIT_${id}})
  endif()
  set(t profile.${p}.${group}.${id})
  add_test(NAME ${t} COMMAND sh ${RH_PF_DRIVER} profile ${RH_PF_BIN} ${py} ${expected} ${code} ${p} ${RH_PF_FLAG})
  set_tests_properties(${t} PROPERTIES LABELS "${RH_PF_LABELS}" SKIP_RETURN_CODE 77 TIMEOUT 600
                       ENVIRONMENT "${RH_PF_ENV}")
  if(id IN_LIST RH_PF_DIFFERENCES_${p})
    set_tests_properties(${t} PROPERTIES DISABLED TRUE)
  endif()
  set(t profile-oracle.${p}.${group}.${id})
  add_test(NAME ${t} COMMAND sh ${RH_PF_DRIVER} profile-oracle ${RH_PF_PY_${p}} ${py} ${expected} ${code})
  set_tests_properties(${t} PROPERTIES LABELS "profiles;oracle" SKIP_RETURN_CODE 77 TIMEOUT 600
                       ENVIRONMENT "${RH_PF_ENV}")
endfunction()

foreach(p ${RH_PF_PROFILES})
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
               ${RH_PF_DIR}/${p}/MANIFEST.tsv ${RH_PF_DIR}/${p}/DIFFERENCES.tsv)
  file(GLOB rh_pf_own CONFIGURE_DEPENDS ${RH_PF_DIR}/${p}/*.expected)  # which ids have their own file
  rh_pf_rows(${RH_PF_DIR}/${p}/MANIFEST.tsv rows)
  foreach(row ${rows})
    string(REPLACE "|" ";" f "${row}")
    list(GET f 0 id)
    list(GET f 2 code)
    set(RH_PF_EXIT_${p}_${id} ${code})
  endforeach()
  set(RH_PF_DIFFERENCES_${p} "")
  rh_pf_rows(${RH_PF_DIR}/${p}/DIFFERENCES.tsv rows)
  foreach(row ${rows})
    string(REPLACE "|" ";" f "${row}")
    list(GET f 0 id)
    list(APPEND RH_PF_DIFFERENCES_${p} ${id})
  endforeach()
  foreach(py ${rh_pf_cases})
    get_filename_component(dir ${py} DIRECTORY)
    get_filename_component(group ${dir} NAME)
    rh_pf_register(${p} ${group} ${py})
  endforeach()
  foreach(py ${rh_pf_seeds})
    rh_pf_register(${p} seed ${py})
  endforeach()
endforeach()
