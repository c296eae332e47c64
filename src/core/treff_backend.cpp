#include "core/treff_backend.h"

#include <utility>

namespace treff {

namespace {
constexpr const char* kAgent = "treff-web/0.1";
}

void TreffBackend::opened(std::int64_t) {
  send(proto::Hello{kAgent});
  events_.push_back(backend::Ready{});  // the server takes a join right after the hello
}

void TreffBackend::join(const JoinRequest& r) { send(proto::Join{r.room, r.name, r.password, r.media, r.resume}); }

void TreffBackend::received(std::string_view text, std::int64_t) {
  auto parsed = proto::parse_server_message(text);
  if (!parsed) {
    events_.push_back(backend::Unreadable{parsed.error()});  // a server speaking another protocol
    return;
  }
  std::visit(
      [this](auto&& m) {
        using M = std::decay_t<decltype(m)>;
        if constexpr (std::is_same_v<M, proto::Welcome>) {
          events_.push_back(backend::Greeted{std::move(m)});
        } else if constexpr (std::is_same_v<M, proto::Joined>) {
          events_.push_back(backend::Joined{std::move(m)});
        } else if constexpr (std::is_same_v<M, proto::PeerJoined>) {
          events_.push_back(backend::PersonJoined{std::move(m.peer)});
        } else if constexpr (std::is_same_v<M, proto::PeerLeft>) {
          events_.push_back(backend::PersonLeft{std::move(m.id)});
        } else if constexpr (std::is_same_v<M, proto::PeerMedia>) {
          events_.push_back(backend::PersonMedia{std::move(m.from), m.media});
        } else if constexpr (std::is_same_v<M, proto::RoomChanged>) {
          events_.push_back(backend::RoomChanged{std::move(m.info)});
        } else if constexpr (std::is_same_v<M, proto::IceConfig>) {
          events_.push_back(backend::IceServers{std::move(m)});
        } else if constexpr (std::is_same_v<M, proto::RelayedSignal>) {
          events_.push_back(backend::Signal{std::move(m.from), std::move(m.signal)});
        } else if constexpr (std::is_same_v<M, proto::OnJanus>) {
          events_.push_back(backend::MovedToJanus{std::move(m)});
        } else if constexpr (std::is_same_v<M, proto::ErrorReply>) {
          events_.push_back(backend::Refused{Error{std::move(m.code), std::move(m.message)}});
        }
        // A pong only shows the connection lives (the call notes every message); presence and
        // rings belong to the calling line's connection, not to a room's.
      },
      std::move(parsed.value()));
}

}  // namespace treff
