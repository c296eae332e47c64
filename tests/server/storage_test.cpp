// The data folder in trouble, against the real binary. The disk fills up: writes are refused with
// a clear error, what is stored stays readable and unchanged, and once there is room again writing
// works. The folder is read-only when the server starts: it says so and stops, touching nothing.
// (A file system cannot be remounted read-only under a running server by hand: the kernel refuses
// while the database is open for writing.)
//
// The server gets a mount namespace of its own, where its data folder is a small tmpfs or a
// read-only bind mount, and `nsenter` runs commands inside it. This needs the rights to make mount
// namespaces, as tools/test has (it runs as root).
#include <gtest/gtest.h>
#include <sched.h>
#include <sys/mount.h>
#include <unistd.h>

#include <cstdlib>
#include <memory>
#include <string>

#include "account_fixture.h"
#include "jpeg_maker.h"

namespace treff::test {
namespace {

class StorageTrouble : public ::testing::Test {
 protected:
  // The server with its data folder on a tmpfs of `size` (e.g. "1m"), seen only by it.
  void start_on_small_disk(const std::string& size) {
    const std::string dir = data.str();
    server = std::make_unique<ServerProcess>(std::vector<std::string>{"--data", dir}, [dir, size] {
      if (unshare(CLONE_NEWNS) != 0 || mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0 ||
          mount("treff-test", dir.c_str(), "tmpfs", 0, ("size=" + size).c_str()) != 0)
        _exit(90);
    });
  }
  // Runs a shell command in the server's mount namespace; its exit status.
  int inside(const std::string& command) {
    const std::string cmd = nsenter() + "sh -c '" + command + "' 2>/dev/null";
    return std::system(cmd.c_str());
  }
  std::string nsenter() { return "nsenter -t " + std::to_string(server->pid()) + " -m "; }

  // Anna's account made by the admin command in the server's namespace; her session cookie.
  std::string enrol_anna() {
    auto [status, out] = run_server_command(
        "user add --data " + data.str() + " --email anna@linde.nl --name 'Anna Jansen' --organisation 'De Linde'",
        nsenter());
    EXPECT_EQ(status, 0) << out;
    const auto at = out.find("/invite#");
    EXPECT_NE(at, std::string::npos) << out;
    auto accepted = api(server->port(), http::verb::post, "/api/invitation/accept",
                        json{{"token", out.substr(at + 8, 43)}, {"password", kGoodPassword}}.dump());
    EXPECT_EQ(accepted.result_int(), 200) << accepted.body();
    return cookie_of(accepted);
  }
  HttpResponse me(const std::string& cookie) { return api(server->port(), http::verb::get, "/api/me", "", cookie); }
  HttpResponse change_name(const std::string& cookie, const std::string& name) {
    return api(server->port(), http::verb::patch, "/api/me", json{{"name", name}}.dump(), cookie);
  }
  HttpResponse upload(const std::string& cookie, const std::string& jpeg) {
    return http_request(server->port(), http::verb::put, "/api/me/photo", jpeg,
                        {{http::field::origin, "http://127.0.0.1:" + std::to_string(server->port())},
                         {http::field::content_type, "image/jpeg"},
                         {http::field::cookie, cookie}});
  }

  TempFolder data;
  std::unique_ptr<ServerProcess> server;
};

TEST_F(StorageTrouble, AFullDiskRefusesWritesClearlyAndLosesNothing) {
  start_on_small_disk("2m");
  const std::string anna = enrol_anna();
  ASSERT_EQ(change_name(anna, "Anna de Vries").result_int(), 200);
  // A small photo first: the one refused later needs more new pages than any write before it, so
  // the database has no spare room it could reuse (the WAL only grows until a checkpoint).
  const std::string photo = make_jpeg(48, 48);
  ASSERT_EQ(upload(anna, photo).result_int(), 200);

  inside("cat /dev/zero > " + data.str() + "/filler");  // ends when the disk is full
  ASSERT_NE(inside("echo x > " + data.str() + "/probe"), 0) << "the disk is not full";
  // A new photo (written where the database has no room left) is refused in plain words.
  auto refused = upload(anna, make_jpeg(256, 256, 100));
  EXPECT_EQ(refused.result_int(), 503) << refused.body();
  EXPECT_EQ(body_of(refused)["error"], "storage_full");
  EXPECT_NE(body_of(refused)["message"].get<std::string>().find("full"), std::string::npos);
  // What was stored is there, unchanged; the session still works.
  auto stored = me(anna);
  ASSERT_EQ(stored.result_int(), 200) << stored.body();
  EXPECT_EQ(body_of(stored)["account"]["name"], "Anna de Vries");
  EXPECT_EQ(body_of(stored)["account"]["photo_version"], 1);
  auto seen = api(server->port(), http::verb::get, "/api/photos/" + std::to_string(body_of(stored)["account"]["id"].get<int>()) + "?v=1", "", anna);
  EXPECT_EQ(seen.result_int(), 200);
  EXPECT_EQ(seen.body(), photo);

  // Room made again: writing works.
  inside("rm " + data.str() + "/filler");
  auto saved = upload(anna, make_jpeg(256, 256, 100));
  EXPECT_EQ(saved.result_int(), 200) << saved.body();
  EXPECT_EQ(body_of(saved)["account"]["photo_version"], 2);
  EXPECT_EQ(change_name(anna, "Anna").result_int(), 200);
}

TEST_F(StorageTrouble, AServerStartedOnAReadOnlyFolderSaysSoAndStops) {
  TempFolder seeded;  // a data folder with an account in it, then mounted read-only for the server
  ASSERT_EQ(run_server_command("user add --data " + seeded.str() + " --email anna@linde.nl --name Anna").first, 0);
  const std::string dir = seeded.str();
  std::string printed;
  try {
    ServerProcess refused(std::vector<std::string>{"--data", dir}, [dir] {
      if (unshare(CLONE_NEWNS) != 0 || mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0 ||
          mount(dir.c_str(), dir.c_str(), nullptr, MS_BIND, nullptr) != 0 ||
          mount(nullptr, dir.c_str(), nullptr, MS_BIND | MS_REMOUNT | MS_RDONLY, nullptr) != 0)
        _exit(90);
      dup2(STDOUT_FILENO, STDERR_FILENO);  // its complaint goes where the test reads
    });
    FAIL() << "the server started on a read-only data folder";
  } catch (const std::runtime_error& e) {
    printed = e.what();
  }
  EXPECT_NE(printed.find("cannot write its data folder"), std::string::npos) << printed;
  // The folder is untouched: the account is still there.
  auto [status, list] = run_server_command("user list --data " + dir);
  EXPECT_EQ(status, 0);
  EXPECT_NE(list.find("anna@linde.nl"), std::string::npos) << list;
}

}  // namespace
}  // namespace treff::test
