# Opus 1.3.1, libogg 1.3.5 and libopusenc 0.2.1, compiled from the Debian source packages that
# tools/setup unpacks into third_party/src, in the native builds as well as the wasm one: the
# server reads uploaded voice messages with the same code the browser writes them with, and
# bench/opus_speed compares the same encoder compiled both ways.

function(treff_find_source out pattern)
  file(GLOB _dir LIST_DIRECTORIES true "${TREFF_THIRD_PARTY_DIR}/${pattern}")
  if(NOT _dir)
    message(FATAL_ERROR "${pattern} source not found in ${TREFF_THIRD_PARTY_DIR}: run tools/setup")
  endif()
  set(${out} ${_dir} PARENT_SCOPE)
endfunction()

# Both builds compile the codec at -O3, whatever the build type, so that the benchmark's
# wasm/native ratio compares compilers and not optimisation levels.
set(TREFF_AUDIO_OPTIMIZE -O3)
if(EMSCRIPTEN)
  # Opus 1.3.1 has no wasm intrinsics, but it has SSE ones, which Emscripten translates to wasm
  # SIMD (simd128). The x86 sources are compiled in and presumed present, as on a native x86-64
  # build, so no run-time CPU check is needed. See bench/README.md for what each step gains.
  # Emscripten calls its target processor "x86", so Opus' CMake looks for SSE; its header checks
  # run without -msimd128 and fail, hence the answers are given here.
  list(APPEND TREFF_AUDIO_OPTIMIZE -msimd128 -msse4.1 -mnontrapping-fptoint)
  foreach(_found HAVE_XMMINTRIN_H HAVE_EMMINTRIN_H HAVE_SMMINTRIN_H SSE1_SUPPORTED SSE2_SUPPORTED
                 SSE4_1_SUPPORTED)
    set(${_found} 1 CACHE INTERNAL "" FORCE)
  endforeach()
  set(HAVE_IMMINTRIN_H 0 CACHE INTERNAL "" FORCE)
  set(AVX_SUPPORTED 0 CACHE INTERNAL "" FORCE)
  foreach(_level SSE SSE2 SSE4_1)
    set(OPUS_X86_MAY_HAVE_${_level} ON CACHE BOOL "" FORCE)
    set(OPUS_X86_PRESUME_${_level} ON CACHE BOOL "" FORCE)
  endforeach()
  set(OPUS_X86_MAY_HAVE_AVX OFF CACHE BOOL "" FORCE)
endif()

treff_find_source(_opus_dir opus-1.3.1)
set(OPUS_STACK_PROTECTOR OFF CACHE BOOL "" FORCE)
set(OPUS_BUILD_PROGRAMS OFF CACHE BOOL "" FORCE)
set(OPUS_BUILD_TESTING OFF CACHE BOOL "" FORCE)
set(OPUS_INSTALL_PKG_CONFIG_MODULE OFF CACHE BOOL "" FORCE)
set(OPUS_INSTALL_CMAKE_CONFIG_MODULE OFF CACHE BOOL "" FORCE)
# Their own test suites are not ours to run (Treff's tests do not read this switch).
set(BUILD_TESTING OFF CACHE BOOL "" FORCE)
add_subdirectory(${_opus_dir} ${CMAKE_BINARY_DIR}/opus EXCLUDE_FROM_ALL)
if(EMSCRIPTEN)
  # Emscripten's libc has lrint/lrintf, but Opus' CMake cannot detect them when cross-compiling.
  target_compile_definitions(opus PRIVATE HAVE_LRINTF=1 HAVE_LRINT=1)
  # Every SSE level is presumed, so there is nothing to detect at run time (and no cpuid to do it).
  get_target_property(_opus_definitions opus COMPILE_DEFINITIONS)
  list(REMOVE_ITEM _opus_definitions OPUS_HAVE_RTCD)
  set_property(TARGET opus PROPERTY COMPILE_DEFINITIONS ${_opus_definitions})
endif()
# Opus reads its version from package_version in the *top* project's folder; give it its own.
file(STRINGS ${_opus_dir}/package_version _opus_version REGEX "PACKAGE_VERSION=" LIMIT_COUNT 1)
string(REGEX REPLACE ".*=\"?([^\"]*)\"?" "\\1" _opus_version "${_opus_version}")
target_compile_definitions(opus PRIVATE PACKAGE_VERSION="${_opus_version}")
target_compile_options(opus PRIVATE ${TREFF_AUDIO_OPTIMIZE})

treff_find_source(_ogg_dir libogg-1.3.5)
set(INSTALL_DOCS OFF CACHE BOOL "" FORCE)
set(INSTALL_PKG_CONFIG_MODULE OFF CACHE BOOL "" FORCE)
set(INSTALL_CMAKE_PACKAGE_MODULE OFF CACHE BOOL "" FORCE)
# libogg's project() predates CMake 3.0; let it manage its VERSION variables without a warning.
set(CMAKE_POLICY_DEFAULT_CMP0048 NEW)
add_subdirectory(${_ogg_dir} ${CMAKE_BINARY_DIR}/ogg EXCLUDE_FROM_ALL)
target_compile_options(ogg PRIVATE ${TREFF_AUDIO_OPTIMIZE})

# libopusenc ships only autotools; its Makefile.am's sources and definitions, as a CMake target.
treff_find_source(_opusenc_dir libopusenc-0.2.1)
file(STRINGS ${_opusenc_dir}/package_version _opusenc_version REGEX "PACKAGE_VERSION=" LIMIT_COUNT 1)
string(REGEX REPLACE ".*=\"?([^\"]*)\"?" "\\1" _opusenc_version "${_opusenc_version}")
add_library(opusenc STATIC
  ${_opusenc_dir}/src/ogg_packer.c ${_opusenc_dir}/src/opus_header.c ${_opusenc_dir}/src/opusenc.c
  ${_opusenc_dir}/src/picture.c ${_opusenc_dir}/src/resample.c ${_opusenc_dir}/src/unicode_support.c)
target_include_directories(opusenc SYSTEM PUBLIC ${_opusenc_dir}/include)
target_compile_definitions(opusenc PRIVATE RANDOM_PREFIX=libopusenc OUTSIDE_SPEEX
                           PACKAGE_NAME="libopusenc" PACKAGE_VERSION="${_opusenc_version}")
target_compile_options(opusenc PRIVATE ${TREFF_AUDIO_OPTIMIZE} -w)
target_link_libraries(opusenc PUBLIC opus)
