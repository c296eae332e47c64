#include <algorithm>

#include "ui/account_screens.h"
#include "ui/any_text.h"
#include "ui/widgets.h"

namespace treff::ui {

// Photos are square (the browser cropped them before upload), so they fill the square as they are.
void draw_person_photo(ImDrawList* dl, const PersonCard& person, ImVec2 a, ImVec2 b) {
  const float radius = std::min(10.0f, (b.x - a.x) / 6);
  if (person.photo) {
    dl->AddImageRounded(person.photo, a, b, ImVec2(0, 0), ImVec2(1, 1), IM_COL32_WHITE, radius);
    return;
  }
  dl->AddRectFilled(a, b, kTileBackground, radius);
  const float w = b.x - a.x;
  const ImVec2 c((a.x + b.x) / 2, (a.y + b.y) / 2);
  dl->AddCircleFilled(c, w * 0.32f, kAccent, 48);
  const float size = w * 0.28f;
  const ImVec2 ts = any_text_size(person.initials, size);
  draw_any_text(dl, ImVec2(c.x - ts.x / 2, c.y - ts.y / 2), size, IM_COL32_WHITE, person.initials);
}

}  // namespace treff::ui
