# Coverage-guided fuzz targets (libFuzzer; clang only), configured with -DREFHEAP_FUZZ=ON (see `make fuzz`,
# scripts/fuzz.sh). Included from harness/CMakeLists.txt. The whole build is instrumented for coverage
# (-fsanitize=fuzzer-no-link, set in the top CMakeLists.txt) and runs under ASan+UBSan (REFHEAP_SANITIZE):
#   fuzz_compile   source text -> lexer, parser, resolver, compiler (`refheap run --dis`)
#   fuzz_run       source text -> the full run with per-input caps (harness/fuzz/fuzz_cli.c)
#   fuzz_trace     bytes -> the record/replay trace reader (harness/record/fuzz_trace.c, record.cmake)
set(RH_FUZZ_DIR ${CMAKE_CURRENT_SOURCE_DIR}/fuzz)
# the CLI with main renamed, so that the fuzzers drive exactly the run sequence of `refheap run`
add_library(refheap_fuzz_cli OBJECT EXCLUDE_FROM_ALL ${RH_HARNESS_SOURCES} ${RH_RECORD_DIR}/record.c
            ${RH_RECORD_DIR}/replay.c ${RH_RECORD_DIR}/replay_out.c ${RH_RECORD_DIR}/trace_read.c)
target_compile_definitions(refheap_fuzz_cli PRIVATE main=rh_cli_main RH_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
target_include_directories(refheap_fuzz_cli PRIVATE ${RH_RECORD_DIR} ${ZSTD_INCLUDE} ${CMAKE_CURRENT_BINARY_DIR}/gen
                           $<TARGET_PROPERTY:refheap,INTERFACE_INCLUDE_DIRECTORIES>)
foreach(t compile run)
  add_executable(fuzz_${t} EXCLUDE_FROM_ALL ${RH_FUZZ_DIR}/fuzz_cli.c $<TARGET_OBJECTS:refheap_fuzz_cli>)
  target_link_options(fuzz_${t} PRIVATE -fsanitize=fuzzer)
  target_link_libraries(fuzz_${t} PRIVATE refheap m ${ZSTD_LIB})
  set_target_properties(fuzz_${t} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR})
endforeach()
target_compile_definitions(fuzz_compile PRIVATE RH_FUZZ_RUN=0)
target_compile_definitions(fuzz_run PRIVATE RH_FUZZ_RUN=1)
if(TARGET fuzz_trace)
  set_target_properties(fuzz_trace PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR})
endif()
add_custom_target(fuzzers DEPENDS fuzz_compile fuzz_run fuzz_trace refheap_cli)
