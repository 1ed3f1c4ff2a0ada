// GLFW + OpenGL 3.3 core + ImGui (see gl_window.h).
#include "gl_window.h"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

namespace zeropark::view {

namespace {

// GLFW reports errors through a callback; keep the last so open() can say why it failed.
std::string last_glfw_error;
void on_glfw_error(int code, const char* description) {
  last_glfw_error = "GLFW error " + std::to_string(code) + ": " + (description ? description : "");
}

void apply_style() {
  ImGui::StyleColorsDark();
  ImGuiStyle& style = ImGui::GetStyle();
  style.WindowRounding = 4;
  style.FrameRounding = 3;
  style.WindowBorderSize = 1;
  style.Colors[ImGuiCol_WindowBg] = ImVec4(0.08f, 0.09f, 0.11f, 1.0f);
  style.Colors[ImGuiCol_TitleBgActive] = ImVec4(0.14f, 0.25f, 0.38f, 1.0f);
  style.Colors[ImGuiCol_TitleBg] = ImVec4(0.12f, 0.18f, 0.26f, 1.0f);
}

}  // namespace

std::unique_ptr<GlWindow> GlWindow::open(int width, int height, const char* title, std::string& error) {
  glfwSetErrorCallback(on_glfw_error);
  if (!glfwInit()) {
    error = "cannot open a display (" + last_glfw_error + "); set DISPLAY or run under xvfb-run";
    return nullptr;
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  std::unique_ptr<GlWindow> w(new GlWindow);
  w->window_ = glfwCreateWindow(width, height, title, nullptr, nullptr);
  if (!w->window_) {
    error = "cannot create an OpenGL 3.3 core window (" + last_glfw_error + ")";
    glfwTerminate();
    return nullptr;
  }
  glfwMakeContextCurrent(w->window_);
  glfwSwapInterval(1);
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;  // the layout is the program's, not a file's
  apply_style();
  if (!ImGui_ImplGlfw_InitForOpenGL(w->window_, true) || !ImGui_ImplOpenGL3_Init("#version 330 core")) {
    error = "cannot initialise Dear ImGui's OpenGL 3.3 backend";
    return nullptr;  // the destructor undoes what was done
  }
  w->imgui_ready_ = true;
  return w;
}

GlWindow::~GlWindow() {
  if (imgui_ready_) {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
  }
  if (ImGui::GetCurrentContext()) ImGui::DestroyContext();
  if (window_) glfwDestroyWindow(window_);
  glfwTerminate();
}

bool GlWindow::should_close() const { return glfwWindowShouldClose(window_); }

void GlWindow::begin_frame() {
  glfwPollEvents();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
}

void GlWindow::render() {
  ImGui::Render();
  glfwGetFramebufferSize(window_, &fb_width_, &fb_height_);
  glViewport(0, 0, fb_width_, fb_height_);
  glClearColor(0.05f, 0.06f, 0.07f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void GlWindow::present() { glfwSwapBuffers(window_); }

}  // namespace zeropark::view
