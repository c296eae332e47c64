# Copies the shell, the sounds of assets/, treff.js and treff.wasm (and the audio worker's module,
# WORKER_JS and WORKER_WASM) into SITE and writes .gz and .br siblings of each
# text or wasm file, so treff-server can send them precompressed.
file(MAKE_DIRECTORY ${SITE})
file(GLOB shell_files ${SHELL}/*)
file(GLOB sounds ${ASSETS}/*.wav)
file(COPY ${shell_files} ${sounds} ${JS} ${WASM} ${WORKER_JS} ${WORKER_WASM} DESTINATION ${SITE})
file(GLOB site_files ${SITE}/*.html ${SITE}/*.js ${SITE}/*.wasm ${SITE}/*.css ${SITE}/*.json)
find_program(GZIP gzip REQUIRED)
find_program(BROTLI brotli)
foreach(f ${site_files})
  execute_process(COMMAND ${GZIP} -9 -n -k -f ${f} COMMAND_ERROR_IS_FATAL ANY)
  if(BROTLI)
    execute_process(COMMAND ${BROTLI} -q 11 -k -f ${f} COMMAND_ERROR_IS_FATAL ANY)
  endif()
endforeach()
