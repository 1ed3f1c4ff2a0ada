/* Broken plug-ins for tests/controllers/plugin_controller_test.cc: one good setting, then a bad
 * one, chosen at build time by ZP_TEST_BAD_SETTING:
 *   1  an empty key
 *   2  min greater than max
 *   3  a default outside [min, max]
 * Loading each must fail naming the setting and what is wrong with it. */
#include "zeropark/zeropark_controller.h"

#ifndef ZP_TEST_BAD_SETTING
#error "define ZP_TEST_BAD_SETTING as 1, 2 or 3"
#endif

ZP_CONTROLLER_EXPORT uint32_t zp_controller_abi_version(void) { return ZEROPARK_CONTROLLER_ABI_VERSION; }

ZP_CONTROLLER_EXPORT const char* zp_controller_name(void) { return "bad_settings"; }

static const zp_setting kSettings[] = {
    {"reserve_soc", 0.2, 0.0, 1.0, "A valid setting before the bad one."},
#if ZP_TEST_BAD_SETTING == 1
    {"", 1.0, 0.0, 2.0, "No key."},
#elif ZP_TEST_BAD_SETTING == 2
    {"target_import_kw", 50.0, 100.0, 10.0, "Its range is upside down."},
#else
    {"target_import_kw", 500.0, 0.0, 100.0, "Its default is out of its range."},
#endif
};

ZP_CONTROLLER_EXPORT const zp_setting* zp_controller_settings(size_t* count) {
  *count = sizeof kSettings / sizeof kSettings[0];
  return kSettings;
}

#include "idle_entry_points.h"
