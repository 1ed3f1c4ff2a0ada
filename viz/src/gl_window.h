// The platform backend: one GLFW window with an OpenGL 3.3 core context and Dear ImGui bound to
// it, in ImGui's own backend idiom (init, new frame, render, shutdown).
#pragma once

#include <memory>
#include <string>

struct GLFWwindow;

namespace zeropark::view {

class GlWindow {
 public:
  // Null, with `error` set, when there is no display or no OpenGL 3.3.
  static std::unique_ptr<GlWindow> open(int width, int height, const char* title, std::string& error);
  ~GlWindow();
  GlWindow(const GlWindow&) = delete;
  GlWindow& operator=(const GlWindow&) = delete;

  bool should_close() const;
  void begin_frame();  // polls events and starts an ImGui frame
  void render();       // renders ImGui into the back buffer
  void present();      // swaps buffers
  int framebuffer_width() const { return fb_width_; }
  int framebuffer_height() const { return fb_height_; }

 private:
  GlWindow() = default;
  GLFWwindow* window_ = nullptr;
  bool imgui_ready_ = false;
  int fb_width_ = 0, fb_height_ = 0;
};

}  // namespace zeropark::view
