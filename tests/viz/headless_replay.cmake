# Records a short trace with the CLI, then replays it headless under Xvfb: the view must draw the
# park's components and lines from the trace, reach its end, and the PNG must show a picture.
#   -DCLI= -DXVFB_RUN= -DVIEW= -DSCENARIO= -DEND= -DTRACE= -DOUT= -DCOMPONENTS= -DLINES= -DPYTHON_SCRIPT=
file(REMOVE ${TRACE} ${OUT})
execute_process(COMMAND ${CLI} run ${SCENARIO} --end ${END} --no-baseline --quiet -o ${TRACE}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 300)
if(NOT rc EQUAL 0 OR NOT EXISTS ${TRACE})
  message(FATAL_ERROR "zeropark run exited with ${rc}:\n${out}\n${err}")
endif()
# A name without .h5: the view must recognise the trace by its HDF5 signature.
configure_file(${TRACE} ${TRACE}.recorded COPYONLY)
execute_process(
  COMMAND ${XVFB_RUN} -a -s "-screen 0 1280x800x24" ${VIEW} ${TRACE}.recorded --frames 60 --speed 0 --screenshot ${OUT}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 300)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "zeropark-view exited with ${rc}:\n${out}\n${err}")
endif()
if(NOT out MATCHES "zeropark-view: drew ${COMPONENTS} components, ${LINES} lines at tick [0-9]+")
  message(FATAL_ERROR "expected ${COMPONENTS} components and ${LINES} lines drawn, got:\n${out}")
endif()
if(NOT err MATCHES "replay [0-9]+ of [0-9]+ rows \\(trace complete\\)")
  message(FATAL_ERROR "the replay did not reach the trace's end in 60 frames at full speed:\n${err}")
endif()
execute_process(COMMAND /usr/bin/python3 ${PYTHON_SCRIPT} ${OUT} RESULT_VARIABLE check_rc OUTPUT_VARIABLE check_out ERROR_VARIABLE check_err)
if(NOT check_rc EQUAL 0)
  message(FATAL_ERROR "the screenshot looks wrong:\n${check_out}\n${check_err}")
endif()
message(STATUS "${out}${err}${check_out}")
