# Makes the default scenario's trace in WORK_DIR/out/ and runs the Markdown files' Python examples there.
file(MAKE_DIRECTORY ${WORK_DIR}/out)
execute_process(COMMAND ${CLI} run ${SCENARIO} -o ${WORK_DIR}/out/baoshan_carbon_zero_park.h5 --quiet
                RESULT_VARIABLE code OUTPUT_QUIET ERROR_VARIABLE err)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "zeropark run failed (${code}): ${err}")
endif()
execute_process(COMMAND /usr/bin/python3 ${SCRIPT} ${SOURCE_DIR}/README.md ${SOURCE_DIR}/docs/trace.md WORKING_DIRECTORY ${WORK_DIR}
                RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
message(STATUS "${out}")
if(NOT code EQUAL 0)
  message(FATAL_ERROR "a documentation example failed (${code}):\n${err}")
endif()
