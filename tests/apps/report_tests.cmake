# `zeropark report` on the real binary (included from tests/CMakeLists.txt). The unit tests of its
# parts are tests/report/*_test.cc.
set(REPORT_DATA ${CMAKE_CURRENT_SOURCE_DIR}/data/reports)
set(REPORT_WORK ${CMAKE_CURRENT_BINARY_DIR}/report_cli)
set(REPORT_TRACE ${REPORT_WORK}/baoshan_week.h5)

add_test(NAME report.help COMMAND zeropark report --help)
set_tests_properties(report.help PROPERTIES PASS_REGULAR_EXPRESSION "Usage: zeropark report TRACE.h5")
add_test(NAME report.no_trace_is_a_usage_error
  COMMAND bash -c "$<TARGET_FILE:zeropark> report; test $? -eq 2")
add_test(NAME report.bad_top_is_a_usage_error
  COMMAND bash -c "$<TARGET_FILE:zeropark> report x.h5 --top many; test $? -eq 2")
add_test(NAME report.missing_file_exits_3_naming_it
  COMMAND bash -c "out=$($<TARGET_FILE:zeropark> report no_such_trace.h5 2>&1); code=$?; echo \"$out\"; test $code -eq 3 && grep -q 'no_such_trace.h5: no such file' <<< \"$out\"")
add_test(NAME report.not_hdf5_exits_3_naming_it
  COMMAND bash -c "mkdir -p ${REPORT_WORK} && echo 'tick_s,power_kw' > ${REPORT_WORK}/fake.h5 && out=$($<TARGET_FILE:zeropark> report ${REPORT_WORK}/fake.h5 2>&1); code=$?; echo \"$out\"; test $code -eq 3 && grep -q 'fake.h5: not an HDF5 file' <<< \"$out\"")

# One short default-park trace shared by the tests below.
# Its folder is made here: the fixture may run before any other test of the folder.
add_test(NAME report.make_week_trace
  COMMAND bash -c "mkdir -p ${REPORT_WORK} && $<TARGET_FILE:zeropark> run ${PROJECT_SOURCE_DIR}/scenarios/baoshan_carbon_zero_park.yaml --end 2023-01-08 --no-baseline --quiet -o ${REPORT_TRACE}")
set_tests_properties(report.make_week_trace PROPERTIES FIXTURES_SETUP report_week_trace)

# The table: every recomputed KPI equals the recorded one (no warning), and the output says what
# is not attributed.
add_test(NAME report.table_agrees_with_the_run COMMAND zeropark report ${REPORT_TRACE} --top 3)
set_tests_properties(report.table_agrees_with_the_run PROPERTIES FIXTURES_REQUIRED report_week_trace
  PASS_REGULAR_EXPRESSION "Demand and capacity charges are not attributed" FAIL_REGULAR_EXPRESSION "warning:")

# --json is one JSON object of the agreed shape; the assets' CO2 and cost add up to the KPIs.
add_test(NAME report.json_parses
  COMMAND bash -c "$<TARGET_FILE:zeropark> report ${REPORT_TRACE} --json > ${REPORT_WORK}/week.json && /usr/bin/python3 -c \"import json, math; d = json.load(open('${REPORT_WORK}/week.json')); k = d['kpis']; assert len(k) == 16 and set(d) == {'kpis', 'assets', 'zones'}, d.keys(); co2 = sum(a['co2_kg'] for a in d['assets'].values()); cost = sum(a['cost_cny'] for a in d['assets'].values()); assert math.isclose(co2, k['co2_kg'], rel_tol=1e-9) and math.isclose(cost, k['energy_cost_cny'], rel_tol=1e-9), (co2, cost); assert all(set(a) == {'kind', 'bus', 'energy_kwh', 'co2_kg', 'cost_cny', 'avoided_co2_kg'} for a in d['assets'].values()); print('ok', len(d['assets']), 'assets', len(d['zones']), 'zones')\"")
set_tests_properties(report.json_parses PROPERTIES FIXTURES_REQUIRED report_week_trace PASS_REGULAR_EXPRESSION "^ok ")

# --html through a stand-in package (tests/data/reports/fake_analysis): found via
# ZEROPARK_ANALYSIS_DIR, a failure is exit 4 with the package's stderr, no package is exit 4.
add_test(NAME report.html_runs_the_python_package
  COMMAND bash -c "rm -rf ${REPORT_WORK}/html && ZEROPARK_ANALYSIS_DIR=${REPORT_DATA}/fake_analysis $<TARGET_FILE:zeropark> report ${REPORT_TRACE} --html ${REPORT_WORK}/html > /dev/null && grep -q 'report of ${REPORT_TRACE}' ${REPORT_WORK}/html/index.html")
set_tests_properties(report.html_runs_the_python_package PROPERTIES FIXTURES_REQUIRED report_week_trace)
add_test(NAME report.html_failure_exits_4_with_its_stderr
  COMMAND bash -c "out=$(ZEROPARK_FAKE_REPORT_FAIL=1 ZEROPARK_ANALYSIS_DIR=${REPORT_DATA}/fake_analysis $<TARGET_FILE:zeropark> report ${REPORT_TRACE} --html ${REPORT_WORK}/html_fail 2>&1 >/dev/null); code=$?; echo \"$out\"; test $code -eq 4 && grep -q 'failing on purpose' <<< \"$out\"")
set_tests_properties(report.html_failure_exits_4_with_its_stderr PROPERTIES FIXTURES_REQUIRED report_week_trace)
add_test(NAME report.html_without_the_package_exits_4
  COMMAND bash -c "out=$(ZEROPARK_ANALYSIS_DIR=${REPORT_WORK}/nowhere $<TARGET_FILE:zeropark> report ${REPORT_TRACE} --html ${REPORT_WORK}/html_none 2>&1 >/dev/null); code=$?; echo \"$out\"; test $code -eq 4 && grep -q 'needs the Python package zeropark_analysis' <<< \"$out\"")
set_tests_properties(report.html_without_the_package_exits_4 PROPERTIES FIXTURES_REQUIRED report_week_trace)

# The C++ and the Python package compute the same numbers (kpis, assets, zones) to 1e-9 relative.
add_test(NAME report.python_and_cpp_agree
  COMMAND bash -c "$<TARGET_FILE:zeropark> report ${REPORT_TRACE} --json > ${REPORT_WORK}/agree_cpp.json && PYTHONPATH=${PROJECT_SOURCE_DIR}/analysis /usr/bin/python3 -m zeropark_analysis kpis ${REPORT_TRACE} --json > ${REPORT_WORK}/agree_python.json && /usr/bin/python3 ${REPORT_DATA}/compare_report_json.py ${REPORT_WORK}/agree_cpp.json ${REPORT_WORK}/agree_python.json")
set_tests_properties(report.python_and_cpp_agree PROPERTIES FIXTURES_REQUIRED report_week_trace)
