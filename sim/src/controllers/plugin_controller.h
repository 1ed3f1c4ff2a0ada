// Controller plug-ins: a shared library built against zeropark/zeropark_controller.h (a C ABI),
// loaded by path and wrapped as a Controller, so researchers can write a controller without
// rebuilding ZeroPark. docs/plugins.md describes the ABI.
#pragma once

#include <filesystem>
#include <memory>
#include <stdexcept>

#include "zeropark/controller.h"

namespace zeropark {

// A plug-in that cannot be used; the message names the path and what is wrong.
struct PluginError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Loads a controller plug-in (dlopen, RTLD_NOW | RTLD_LOCAL) and wraps it as a Controller; the
// library stays loaded while the returned object lives. Throws PluginError.
std::unique_ptr<Controller> load_plugin_controller(const std::filesystem::path& path);

}  // namespace zeropark
