# Renders the view headless under Xvfb and checks what it drew: the program must say it drew the
# park's components and lines, and the PNG must show a picture, not an empty window.
#   -DXVFB_RUN= -DVIEW= -DSCENARIO= -DOUT= -DCOMPONENTS= -DLINES= -DPYTHON_SCRIPT=
#   [-DEXTRA_ARGS= a ;-separated list of more options, e.g. --what-if]
file(REMOVE ${OUT})
execute_process(
  COMMAND ${XVFB_RUN} -a -s "-screen 0 1280x800x24" ${VIEW} ${SCENARIO} --frames 30 --speed 0 --screenshot ${OUT} ${EXTRA_ARGS}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 300)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "zeropark-view exited with ${rc}:\n${out}\n${err}")
endif()
if(NOT out MATCHES "zeropark-view: drew ${COMPONENTS} components, ${LINES} lines at tick [0-9]+")
  message(FATAL_ERROR "expected ${COMPONENTS} components and ${LINES} lines drawn, got:\n${out}")
endif()
execute_process(COMMAND /usr/bin/python3 ${PYTHON_SCRIPT} ${OUT} RESULT_VARIABLE check_rc OUTPUT_VARIABLE check_out ERROR_VARIABLE check_err)
if(NOT check_rc EQUAL 0)
  message(FATAL_ERROR "the screenshot looks wrong:\n${check_out}\n${check_err}")
endif()
message(STATUS "${out}${check_out}")
