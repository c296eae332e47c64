// Protocol tests' shared check: every message, written and read back, is the same message (the
// same type, written again to the same text).
#pragma once

#include <gtest/gtest.h>

#include <vector>

#include "core/protocol.h"

namespace treff::proto {

template <class Message, class Parse>
void expect_round_trips(const std::vector<Message>& all, Parse parse) {
  for (const auto& m : all) {
    const std::string text = serialize(m);
    auto back = parse(text);
    ASSERT_TRUE(back.ok()) << text << " -> " << back.error().message;
    EXPECT_EQ(back.value().index(), m.index());
    EXPECT_EQ(serialize(back.value()), text);
  }
}

inline void expect_server_round_trips(const std::vector<ServerMessage>& all) { expect_round_trips(all, parse_server_message); }
inline void expect_client_round_trips(const std::vector<ClientMessage>& all) { expect_round_trips(all, parse_client_message); }

}  // namespace treff::proto
