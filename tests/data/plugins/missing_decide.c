/* A broken plug-in for tests/controllers/plugin_controller_test.cc: every entry point but
 * zp_controller_decide, so loading it must fail naming that symbol. */
#include "zeropark/zeropark_controller.h"

ZP_CONTROLLER_EXPORT uint32_t zp_controller_abi_version(void) { return ZEROPARK_CONTROLLER_ABI_VERSION; }

ZP_CONTROLLER_EXPORT const char* zp_controller_name(void) { return "missing_decide"; }

ZP_CONTROLLER_EXPORT const zp_setting* zp_controller_settings(size_t* count) {
  *count = 0;
  return NULL;
}

#define ZP_TEST_WITHOUT_DECIDE
#include "idle_entry_points.h"
