# Third-party libraries. Native builds use Debian's packages; the wasm build compiles Dear ImGui
# from the Debian source package that tools/setup unpacks into third_party/src. The audio
# libraries are compiled from source in every build: see audio_libraries.cmake.

if(EMSCRIPTEN)
  # nlohmann_json's own CMake target adds -isystem /usr/include, which lets glibc headers shadow
  # the emscripten sysroot. Expose a folder that holds only a link to the nlohmann headers.
  set(_json_dir "${CMAKE_BINARY_DIR}/json-include")
  file(MAKE_DIRECTORY "${_json_dir}")
  file(CREATE_LINK /usr/include/nlohmann "${_json_dir}/nlohmann" SYMBOLIC)
  add_library(treff_json INTERFACE)
  target_include_directories(treff_json SYSTEM INTERFACE "${_json_dir}")
  # The wasm build has no exceptions; parsing code checks every value instead of catching.
  target_compile_definitions(treff_json INTERFACE JSON_NOEXCEPTION)

  file(GLOB _imgui_dir LIST_DIRECTORIES true "${TREFF_THIRD_PARTY_DIR}/imgui-1.86*")
  if(NOT _imgui_dir)
    message(FATAL_ERROR "Dear ImGui source not found in ${TREFF_THIRD_PARTY_DIR}: run tools/setup")
  endif()
  add_library(imgui STATIC
    ${_imgui_dir}/imgui.cpp ${_imgui_dir}/imgui_draw.cpp ${_imgui_dir}/imgui_tables.cpp
    ${_imgui_dir}/imgui_widgets.cpp)
  # The renderer is Treff's own (src/app/webgl_renderer.cpp), not the OpenGL3 backend.
  target_include_directories(imgui SYSTEM PUBLIC ${_imgui_dir})
  # IMGUI_ENABLE_TEST_ENGINE: item hooks feed the UI automation tree (src/ui/automation.cpp).
  target_compile_definitions(imgui PUBLIC IMGUI_DISABLE_OBSOLETE_FUNCTIONS
                             IMGUI_ENABLE_TEST_ENGINE)

else()
  find_package(nlohmann_json 3.10 REQUIRED)
  find_package(Boost 1.74 REQUIRED)
  find_package(OpenSSL REQUIRED)
  find_package(CLI11 REQUIRED)
  find_package(Threads REQUIRED)
  find_package(SQLite3 REQUIRED)
  find_package(JPEG REQUIRED)
  add_library(treff_json INTERFACE)
  target_link_libraries(treff_json INTERFACE nlohmann_json::nlohmann_json)
endif()

include(${CMAKE_CURRENT_LIST_DIR}/audio_libraries.cmake)
