#include "server/client_address.h"

#include <gtest/gtest.h>

namespace treff::server {
namespace {

const std::vector<std::string> kProxy{"127.0.0.1"};

TEST(ClientAddress, OnlyATrustedProxyIsBelieved) {
  EXPECT_EQ(client_address("203.0.113.9", "198.51.100.1", kProxy), "203.0.113.9") << "anyone can write the header";
  EXPECT_EQ(client_address("127.0.0.1", "198.51.100.1", kProxy), "198.51.100.1");
  EXPECT_EQ(client_address("127.0.0.1", "", kProxy), "127.0.0.1");
  EXPECT_EQ(client_address("127.0.0.1", "198.51.100.1", {}), "127.0.0.1") << "no --trusted-proxy: nobody";
}

TEST(ClientAddress, TheRightmostAddressNotAProxyIsTheClient) {
  // The client claims to be 10.0.0.1; the proxy appended who really connected.
  EXPECT_EQ(client_address("127.0.0.1", "10.0.0.1, 198.51.100.1", kProxy), "198.51.100.1");
  // Two proxies in a row, both trusted.
  EXPECT_EQ(client_address("127.0.0.1", "198.51.100.1, 10.1.1.1", {"127.0.0.1", "10.1.1.1"}), "198.51.100.1");
  EXPECT_EQ(client_address("127.0.0.1", " 2001:db8::7 ", kProxy), "2001:db8::7");
}

TEST(ClientAddress, AMalformedHeaderGainsNothing) {
  EXPECT_EQ(client_address("127.0.0.1", "not-an-address", kProxy), "127.0.0.1");
  EXPECT_EQ(client_address("127.0.0.1", "198.51.100.1, ", kProxy), "127.0.0.1");
  EXPECT_EQ(client_address("127.0.0.1", "198.51.100.1:4444", kProxy), "127.0.0.1");
  EXPECT_TRUE(is_ip_address("::1"));
  EXPECT_FALSE(is_ip_address("localhost"));
}

}  // namespace
}  // namespace treff::server
