# Renders the view of a scenario headless and checks what it drew (render_and_check.cmake).
#   -DXVFB_RUN= -DVIEW= -DSCENARIO= -DOUT= -DCOMPONENTS= -DLINES= -DPYTHON_SCRIPT=
#   [-DEXTRA_ARGS= a ;-separated list of more options, e.g. --what-if]
include(${CMAKE_CURRENT_LIST_DIR}/render_and_check.cmake)
render_and_check(${SCENARIO} 30 ${EXTRA_ARGS})
message(STATUS "${VIEW_OUT}")
