#include "core/text_rules.h"

#include <gtest/gtest.h>

namespace treff {
namespace {

TEST(DisplayName, IsTrimmedAndAccepted) {
  auto r = check_display_name("  Anna de Vries \t");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value(), "Anna de Vries");
}

TEST(DisplayName, AcceptsGermanAndDutchLetters) {
  EXPECT_TRUE(check_display_name("Jürgen Weiß").ok());
  EXPECT_TRUE(check_display_name("Ĳsbrand van 't Hoff").ok());
}

TEST(DisplayName, RejectsEmptyAndBlank) {
  EXPECT_EQ(check_display_name("").error().code, "bad-name");
  EXPECT_EQ(check_display_name("   ").error().message, "Please enter a name.");
  EXPECT_FALSE(check_display_name("\xC2\xA0").ok());  // a lone no-break space
}

TEST(DisplayName, CountsCharactersNotBytes) {
  EXPECT_TRUE(check_display_name(std::string(64, 'a')).ok());
  EXPECT_FALSE(check_display_name(std::string(65, 'a')).ok());
  std::string umlauts;
  for (int i = 0; i < 64; ++i) umlauts += "ü";  // 128 bytes, 64 characters
  EXPECT_TRUE(check_display_name(umlauts).ok());
}

TEST(DisplayName, RejectsControlAndBidiCharacters) {
  EXPECT_FALSE(check_display_name("Anna\nBob").ok());
  EXPECT_FALSE(check_display_name("Anna\x7f").ok());
  EXPECT_FALSE(check_display_name("Anna\xE2\x80\xAE" "nnA").ok());  // U+202E right-to-left override
  EXPECT_FALSE(check_display_name("\xC2\x85").ok());                // U+0085 next line (C1)
}

TEST(DisplayName, RejectsInvalidUtf8) {
  EXPECT_FALSE(check_display_name("\xC3").ok());
  EXPECT_FALSE(check_display_name("\xC0\xAF").ok());          // overlong '/'
  EXPECT_FALSE(check_display_name("\xED\xA0\x80").ok());      // surrogate
  EXPECT_FALSE(check_display_name("\xF4\x90\x80\x80").ok());  // above U+10FFFF
}

TEST(RoomName, AcceptsUrlSafeNames) {
  EXPECT_TRUE(check_room_name("familie-jansen").ok());
  EXPECT_TRUE(check_room_name("Team_2.planning").ok());
}

TEST(RoomName, RejectsWhatCannotStandInAUrlPath) {
  for (const char* bad : {"", "with space", "a/b", "..", ".hidden", "caf\xC3\xA9", "a?b"})
    EXPECT_EQ(check_room_name(bad).error().code, "bad-room") << bad;
  EXPECT_FALSE(check_room_name(std::string(65, 'r')).ok());
  EXPECT_FALSE(check_room_name(std::string(500, 'r')).ok());
}

TEST(Password, LimitsLengthAndControlCharacters) {
  EXPECT_TRUE(check_password("geheim wachtwoord").ok());
  EXPECT_FALSE(check_password("").ok());
  EXPECT_FALSE(check_password(std::string(10000, 'x')).ok());
  EXPECT_FALSE(check_password("a\tb").ok());
}

TEST(Initials, TakeFirstAndLastWord) {
  EXPECT_EQ(initials_of("anna de vries"), "AV");
  EXPECT_EQ(initials_of("Bob"), "B");
  EXPECT_EQ(initials_of("  Jürgen  Weiß "), "JW");
  EXPECT_EQ(initials_of("Ömer"), "Ö");
  EXPECT_EQ(initials_of(""), "?");
}

TEST(Initials, AreLettersOfAnyScriptAndSkipEmoji) {
  EXPECT_EQ(initials_of("Олена Коваль"), "ОК");
  EXPECT_EQ(initials_of("王芳"), "王");
  EXPECT_EQ(initials_of("Mia \U0001F33B"), "M") << "a flower is no initial";
  EXPECT_EQ(initials_of("\U0001F33B Mia"), "M");
  EXPECT_EQ(initials_of("\U0001F33B"), "\U0001F33B") << "a name of emoji only keeps them";
}

}  // namespace
}  // namespace treff
