// Photos against the real treff-server binary: upload checks (decoded by libjpeg-turbo), who may
// see them, and caching by version.
#include "account_fixture.h"
#include "jpeg_maker.h"

namespace treff::test {
namespace {

class Photos : public TwoOrganisations {
 protected:
  HttpResponse upload(const std::string& bytes, const std::string& cookie, const std::string& type = "image/jpeg") {
    return http_request(server->port(), http::verb::put, "/api/me/photo", bytes,
                        {{http::field::origin, "http://127.0.0.1:" + std::to_string(server->port())},
                         {http::field::content_type, type},
                         {http::field::cookie, cookie}});
  }
  HttpResponse photo_of(std::int64_t id, const std::string& cookie, std::int64_t version = 1) {
    return api(server->port(), http::verb::get, "/api/photos/" + std::to_string(id) + "?v=" + std::to_string(version), "",
               cookie);
  }
};

TEST_F(Photos, AnUploadedPhotoIsShownToTheOrganisationWithANewVersionEachTime) {
  const std::string first = make_jpeg(256, 256);
  auto up = upload(first, anna);
  ASSERT_EQ(up.result_int(), 200) << up.body();
  EXPECT_EQ(body_of(up)["account"]["photo_version"], 1);
  auto seen = photo_of(anna_id, bob);
  ASSERT_EQ(seen.result_int(), 200) << seen.body();
  EXPECT_EQ(seen.body(), first);
  EXPECT_EQ(seen[http::field::content_type], "image/jpeg");
  EXPECT_NE(std::string(seen[http::field::cache_control]).find("private"), std::string::npos);

  const std::string second = make_jpeg(128, 128);
  EXPECT_EQ(body_of(upload(second, anna))["account"]["photo_version"], 2);
  EXPECT_EQ(photo_of(anna_id, bob, 2).body(), second);
  restart();
  EXPECT_EQ(photo_of(anna_id, anna, 2).body(), second);
}

TEST_F(Photos, AnotherOrganisationAndStrangersSeeNoPhoto) {
  ASSERT_EQ(upload(make_jpeg(64, 64), anna).result_int(), 200);
  EXPECT_EQ(photo_of(anna_id, eve).result_int(), 404);
  EXPECT_EQ(photo_of(anna_id, "").result_int(), 401);
  EXPECT_EQ(api(server->port(), http::verb::get, "/api/photos/../../etc/passwd", "", bob).result_int(), 404);
}

TEST_F(Photos, WhatIsNotAPhotoIsRefusedAndTheOldOneStays) {
  const std::string kept = make_jpeg(100, 100);
  ASSERT_EQ(upload(kept, anna).result_int(), 200);
  struct Case {
    const char* what;
    std::string bytes;
    int status;
  };
  const std::string jpeg = make_jpeg(200, 200);
  std::string padded = make_jpeg(256, 256, 100);
  padded.resize(300 * 1024, 'x');
  for (const Case& c : {Case{"text", "just some text", 400}, Case{"cut short", jpeg.substr(0, jpeg.size() / 2), 400},
                        Case{"image bomb", with_claimed_size(make_jpeg(64, 64), 30000, 30000), 413},
                        Case{"too many pixels", make_jpeg(600, 400), 413}, Case{"over 256 KB", padded, 413}}) {
    auto r = upload(c.bytes, anna);
    EXPECT_EQ(r.result_int(), c.status) << c.what << ": " << r.body();
    EXPECT_FALSE(body_of(r)["message"].get<std::string>().empty()) << c.what;
  }
  EXPECT_EQ(upload(jpeg, anna, "image/svg+xml").result_int(), 400);
  EXPECT_EQ(photo_of(anna_id, bob).body(), kept);
}

TEST_F(Photos, AFiftyMegabytePhotoIsRefusedBeforeItIsRead) {
  // Announced at 50 MB: the answer comes after the header, before any of the body is sent, and the
  // server goes on as before.
  const std::string answer = answer_before_body(
      server->port(), "PUT /api/me/photo HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: http://127.0.0.1:" +
                          std::to_string(server->port()) + "\r\nContent-Type: image/jpeg\r\nCookie: " + anna +
                          "\r\nContent-Length: " + std::to_string(50 * 1024 * 1024) + "\r\n\r\n");
  EXPECT_EQ(answer.rfind("HTTP/1.1 413", 0), 0u) << answer;
  EXPECT_NE(answer.find("\"too-large\""), std::string::npos) << answer;
  EXPECT_EQ(api(server->port(), http::verb::get, "/api/me", "", anna).result_int(), 200);
}

}  // namespace
}  // namespace treff::test
