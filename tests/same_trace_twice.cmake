# Same scenario + same seed ⇒ bit-identical trace file: runs the CLI twice, compares the bytes.
foreach(n 1 2)
  execute_process(COMMAND ${CLI} run ${SCENARIO} -o ${OUT_DIR}/twice_${n}.h5 --quiet
                  RESULT_VARIABLE code OUTPUT_QUIET ERROR_VARIABLE err)
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "run ${n} failed (${code}): ${err}")
  endif()
endforeach()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${OUT_DIR}/twice_1.h5 ${OUT_DIR}/twice_2.h5
                RESULT_VARIABLE differ)
if(NOT differ EQUAL 0)
  message(FATAL_ERROR "two runs of the same scenario and seed wrote different traces")
endif()
