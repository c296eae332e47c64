#include "core/account_rules.h"

#include <gtest/gtest.h>

namespace treff {
namespace {

TEST(AccountRules, EmailIsTrimmedAndKeepsItsCase) {
  auto e = check_email("  Anna.Jansen@Zorghuis.nl ");
  ASSERT_TRUE(e) << e.error().message;
  EXPECT_EQ(e.value(), "Anna.Jansen@Zorghuis.nl");
}

TEST(AccountRules, EmailWithoutTheFormNameAtDomainIsRefused) {
  for (const char* bad : {"", "   ", "anna", "@zorghuis.nl", "anna@", "anna@zorghuis", "anna@.nl", "anna@zorghuis.",
                          "an na@zorghuis.nl", "anna@@zorghuis.nl", "a@b@zorghuis.nl", "<script>@x.nl",
                          "anna@zorghuis.nl\n", "x'); DROP TABLE accounts;--@x.nl"}) {
    auto e = check_email(bad);
    ASSERT_FALSE(e) << bad;
    EXPECT_EQ(e.error().code, "bad-email") << bad;
  }
  EXPECT_FALSE(check_email(std::string(250, 'a') + "@x.nl"));
  EXPECT_FALSE(check_email("anna@zorg\xff.nl"));
}

TEST(AccountRules, PasswordNeedsTenCharactersAndNoOtherComposition) {
  EXPECT_EQ(check_account_password("kort").error().code, "password-too-short");
  EXPECT_EQ(check_account_password("negen9999").error().code, "password-too-short");
  EXPECT_TRUE(check_account_password("tulpen in de zon"));
  EXPECT_TRUE(check_account_password("alleenkleineletters"));
  // Ten characters, counted as people see them (é is one), not as bytes.
  EXPECT_EQ(check_account_password("ééééééééé").error().code, "password-too-short");
  EXPECT_TRUE(check_account_password("éééééééééé"));
}

TEST(AccountRules, TheMostCommonPasswordsAreRefusedInAnyCase) {
  for (const char* common : {"1234567890", "Wachtwoord1", "PASSWORD123", "qwertzuiop", "Passwort1234"}) {
    auto s = check_account_password(common);
    ASSERT_FALSE(s) << common;
    EXPECT_EQ(s.error().code, "password-too-common") << common;
  }
}

TEST(AccountRules, PasswordsWithControlCharactersOrTooLongAreRefused) {
  EXPECT_FALSE(check_account_password("tulpen\nin de zon"));
  EXPECT_FALSE(check_account_password(std::string(257, 'x')));
}

TEST(AccountRules, OptionalLinesMayBeEmptyButNotTooLongOrInvisible) {
  EXPECT_EQ(check_organisation("  Zorghuis De Linde ").value(), "Zorghuis De Linde");
  EXPECT_EQ(check_phone("").value(), "");
  EXPECT_EQ(check_organisation(std::string(65, 'x')).error().code, "bad-organisation");
  EXPECT_EQ(check_phone("06\u202E12345678").error().code, "bad-phone");
  EXPECT_EQ(check_about(std::string(10000, 'x')).error().code, "bad-about");
  EXPECT_TRUE(check_about("<b>Ik hou van tuinieren</b>"));  // stored as text, shown as text
}

}  // namespace
}  // namespace treff
