#include "core/field_reader.h"

#include <gtest/gtest.h>

#include <string>

namespace treff::proto {
namespace {

using json = nlohmann::json;

// A message with more fields than the reader keeps in its fixed array: every field it read is
// known, and one it did not read is still reported.
TEST(FieldReader, MessagesWithManyFieldsAreReadWhole) {
  json message{{"v", 1}, {"type", "many"}};
  for (int i = 0; i < 30; ++i) message["f" + std::to_string(i)] = i;
  std::vector<std::string> names;
  for (int i = 0; i < 30; ++i) names.push_back("f" + std::to_string(i));

  FieldReader all(message, "many");
  for (const auto& name : names) EXPECT_EQ(all.integer(name.c_str(), 0, 100), std::stoi(name.substr(1)));
  const auto error = all.finish();
  EXPECT_FALSE(error) << error->message;

  FieldReader some(message, "many");
  for (std::size_t i = 0; i + 1 < names.size(); ++i) some.integer(names[i].c_str(), 0, 100);
  const auto missed = some.finish();
  ASSERT_TRUE(missed);
  EXPECT_EQ(missed->code, "bad-message");
  EXPECT_EQ(missed->message, "many: unexpected field 'f29'");
}

TEST(FieldReader, TheFirstProblemIsTheOneReported) {
  const json message{{"v", 1}, {"type", "t"}, {"name", 5}, {"extra", true}};
  FieldReader r(message, "t");
  r.string("name", 10);
  r.boolean("missing");
  const auto error = r.finish();
  ASSERT_TRUE(error);
  EXPECT_EQ(error->message, "t: field 'name' must be a string");
}

}  // namespace
}  // namespace treff::proto
