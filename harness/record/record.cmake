# refheap record / replay (harness/record/): the trace format (zstd), the launcher that embeds libpython
# with PEP 445 hooks, and the two subcommands of the refheap CLI. Included from harness/CMakeLists.txt.
find_library(ZSTD_LIB NAMES zstd)
find_path(ZSTD_INCLUDE NAMES zstd.h)
if(NOT ZSTD_LIB OR NOT ZSTD_INCLUDE)
  message(FATAL_ERROR "refheap record/replay need libzstd-dev (run scripts/deps.sh)")
endif()
set(RH_RECORD_DIR ${CMAKE_CURRENT_SOURCE_DIR}/record)

target_sources(refheap_cli PRIVATE ${RH_RECORD_DIR}/record.c ${RH_RECORD_DIR}/replay.c
               ${RH_RECORD_DIR}/replay_out.c ${RH_RECORD_DIR}/trace_read.c)
target_include_directories(refheap_cli PRIVATE ${RH_RECORD_DIR} ${ZSTD_INCLUDE})
target_link_libraries(refheap_cli PRIVATE ${ZSTD_LIB})
target_compile_definitions(refheap_cli PRIVATE RH_SOURCE_DIR="${PROJECT_SOURCE_DIR}")

# The launcher for Debian's CPython 3.11 (the default --python). Never sanitized: it embeds a whole
# interpreter, whose own one-time allocations LeakSanitizer would report; the replayer is.
if(PYTHON311_LIB AND PYTHON311_INCLUDE)
  get_filename_component(PYTHON311_LIB_REAL ${PYTHON311_LIB} REALPATH)
  add_executable(refheap_record_launcher ${RH_RECORD_DIR}/launcher.c ${RH_RECORD_DIR}/trace_write.c)
  set_target_properties(refheap_record_launcher PROPERTIES OUTPUT_NAME refheap-record-launcher
                        RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}
                        COMPILE_OPTIONS "-Wall;-Wextra;-Wno-unused-parameter;-Wno-missing-field-initializers"
                        LINK_OPTIONS "")
  target_include_directories(refheap_record_launcher PRIVATE ${RH_RECORD_DIR} ${PYTHON311_INCLUDE} ${ZSTD_INCLUDE})
  target_link_libraries(refheap_record_launcher PRIVATE ${PYTHON311_LIB} ${ZSTD_LIB} pthread)
  target_compile_definitions(refheap_cli PRIVATE RH_LAUNCHER_LIBPYTHON="${PYTHON311_LIB_REAL}")
  add_dependencies(refheap_cli refheap_record_launcher)
endif()

# A libFuzzer entry point for the trace reader and replay checks (clang only; not part of ctest):
#   cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang -DREFHEAP_BENCH=OFF && cmake --build build-fuzz -t fuzz_trace
if(CMAKE_C_COMPILER_ID STREQUAL "Clang")
  add_executable(fuzz_trace EXCLUDE_FROM_ALL ${RH_RECORD_DIR}/fuzz_trace.c ${RH_RECORD_DIR}/trace_read.c)
  target_compile_options(fuzz_trace PRIVATE -fsanitize=fuzzer,address,undefined)
  target_link_options(fuzz_trace PRIVATE -fsanitize=fuzzer,address,undefined)
  target_include_directories(fuzz_trace PRIVATE ${RH_RECORD_DIR} ${ZSTD_INCLUDE})
  target_link_libraries(fuzz_trace PRIVATE ${ZSTD_LIB})
endif()
