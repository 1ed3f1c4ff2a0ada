// Writing the current framebuffer as a PNG.
#pragma once

#include <string>

namespace zeropark::view {

// Reads the back buffer (width × height, RGB) and writes it top row first; false with `error`
// set when the file cannot be written.
bool write_screenshot(const std::string& path, int width, int height, std::string& error);

}  // namespace zeropark::view
