// Copying a link to the clipboard and opening the phone's share sheet (wasm/share.js).
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace treff::platform {

// Starts copying `text`; the answer (copied or not) comes later from take_clipboard_answers().
// Returns the request's number, never reused.
unsigned copy_to_clipboard(const std::string& text);
// (request, copied) for each answer since the last call.
std::vector<std::pair<unsigned, bool>> take_clipboard_answers();

bool share_sheet_available();
void open_share_sheet(const std::string& title, const std::string& url);

}  // namespace treff::platform
