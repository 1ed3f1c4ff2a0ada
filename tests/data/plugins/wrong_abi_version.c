/* A broken plug-in for tests/controllers/plugin_controller_test.cc: it claims an ABI version one
 * past the host's, as a plug-in built against a newer header would, so loading it must fail
 * saying which version it found and which one was expected. */
#include "zeropark/zeropark_controller.h"

ZP_CONTROLLER_EXPORT uint32_t zp_controller_abi_version(void) { return ZEROPARK_CONTROLLER_ABI_VERSION + 1; }

ZP_CONTROLLER_EXPORT const char* zp_controller_name(void) { return "wrong_abi_version"; }

ZP_CONTROLLER_EXPORT const zp_setting* zp_controller_settings(size_t* count) {
  *count = 0;
  return NULL;
}

#include "idle_entry_points.h"
