#include <algorithm>

#include "ui/account_screens.h"
#include "ui/any_text.h"
#include "ui/calling_catalog.h"
#include "ui/widgets.h"

namespace treff::ui {

// Photos are square (the browser cropped them before upload), so they fill the square as they are.
namespace {

// A dot at the bottom right, ringed in white so it shows on any photo.
void draw_presence(ImDrawList* dl, PresenceMark presence, ImVec2 a, ImVec2 b) {
  if (presence == PresenceMark::Unknown) return;
  const ImU32 colour = presence == PresenceMark::Online   ? IM_COL32(40, 160, 70, 255)
                       : presence == PresenceMark::InCall ? IM_COL32(230, 140, 20, 255)
                                                          : IM_COL32(130, 130, 130, 255);
  const float r = std::max(7.0f, (b.x - a.x) * 0.08f);
  const ImVec2 c(b.x - r - 4, b.y - r - 4);
  dl->AddCircleFilled(c, r + 2.5f, IM_COL32_WHITE, 24);
  dl->AddCircleFilled(c, r, colour, 24);
}

}  // namespace

const char* presence_words(PresenceMark presence) {
  switch (presence) {
    case PresenceMark::Online: return tr(CallingText::Online);
    case PresenceMark::InCall: return tr(CallingText::InCall);
    case PresenceMark::Offline: return tr(CallingText::Offline);
    case PresenceMark::Unknown: break;
  }
  return "";
}

void draw_person_photo(ImDrawList* dl, const PersonCard& person, ImVec2 a, ImVec2 b) {
  const float radius = std::min(10.0f, (b.x - a.x) / 6);
  if (person.photo) {
    dl->AddImageRounded(person.photo, a, b, ImVec2(0, 0), ImVec2(1, 1), IM_COL32_WHITE, radius);
    draw_presence(dl, person.presence, a, b);
    return;
  }
  dl->AddRectFilled(a, b, kTileBackground, radius);
  const float w = b.x - a.x;
  const ImVec2 c((a.x + b.x) / 2, (a.y + b.y) / 2);
  dl->AddCircleFilled(c, w * 0.32f, kAccent, 48);
  const float size = w * 0.28f;
  const ImVec2 ts = any_text_size(person.initials, size);
  draw_any_text(dl, ImVec2(c.x - ts.x / 2, c.y - ts.y / 2), size, IM_COL32_WHITE, person.initials);
  draw_presence(dl, person.presence, a, b);
}

}  // namespace treff::ui
