// The line of a logged-in person: a signaling connection of its own, open while they are logged
// in (in a call or not), that hears whether their contacts are online and carries rings both
// ways. Separate from the call's connection, so presence and rings go on when a call ends, and a
// call through another backend (an SFU) does not take them along.
//
// Platform-free: the socket comes from a factory and its events are taken in update(), once per
// frame, with the time passed in. A lost connection is opened again with backoff; a ring that
// was going on then is over ("the call did not happen"), as the server forgets it too.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/protocol.h"
#include "core/result.h"
#include "platform/message_socket.h"

namespace treff {

// The caller's side of a ring: whom it rings and how each answered.
struct OutgoingRing {
  std::string id;  // "" until the server took it
  std::string room;
  bool into_room = false;  // rung from inside `room`, where the caller already is
  bool audio_only = false;
  struct Callee {
    int account = 0;
    CalleeState state = CalleeState::Ringing;
    std::int64_t deadline_ms = 0;  // on this side's clock
  };
  std::vector<Callee> callees;
  std::int64_t started_ms = 0;
  bool over = false;
};

// A ring for this person.
struct IncomingRing {
  std::string id;
  int caller = 0;
  std::string caller_name;
  bool audio_only = false;
  std::int64_t started_ms = 0;
  std::int64_t deadline_ms = 0;  // on this side's clock
  bool answering = false;        // "Opnemen" was sent; the server's word is awaited
};

// How a ring ended, for a sentence on screen.
enum class RingOutcome {
  None,
  Declined,         // the caller's: everyone declined (or some declined, the rest did not answer)
  NotAnswered,      // the caller's: the time ran out
  Busy,             // the caller's: in a call already
  Offline,          // the caller's: nobody could be reached
  CallerStopped,    // the callee's: the caller hung up before it was answered
  AnsweredElsewhere,  // the callee's: answered on another device
  Missed,           // the callee's: not answered in time
  ConnectionLost,   // either side: the line broke while it rang
  Refused,          // either side: the server said no (`problem` says why)
};

// Where to go: the private room of a ring that started (the caller) or was answered here.
struct CallToJoin {
  std::string room;
  bool audio_only = false;
};

class CallingLine {
 public:
  using SocketFactory = std::function<std::unique_ptr<platform::MessageSocket>()>;
  explicit CallingLine(SocketFactory open_socket);

  // Logged in: the line opens (and stays open); logged out: it closes and forgets everything.
  void open(std::int64_t now_ms);
  void close();
  bool is_open() const { return open_; }
  // The contact list changed (accepted, removed): ask the presence of the new list.
  void contacts_changed();

  // Rings these contacts (or, `into_room` given, these people of the organisation into the room
  // this person is in); errors ("busy-ringing", "not-connected", "nobody") say why nothing was sent.
  Status ring(const std::vector<int>& callees, bool audio_only, std::int64_t now_ms, const std::string& into_room = "");
  void stop();     // the caller hangs up
  void answer();   // the first incoming ring
  void decline();

  // Takes the socket's events; reconnects; ends what ran out. True when anything on screen changed.
  bool update(std::int64_t now_ms);
  std::optional<CallToJoin> take_call_to_join();

  proto::Presence presence(int account) const;
  bool presence_known() const { return presence_known_; }
  const std::optional<OutgoingRing>& outgoing() const { return outgoing_; }
  const std::optional<IncomingRing>& incoming() const { return incoming_; }
  RingOutcome outcome() const { return outcome_; }
  const std::string& problem() const { return problem_; }  // the server's error code with Refused
  // Who called, for the callee's outcomes ("You missed a call from Anna").
  const std::string& outcome_caller() const { return outcome_caller_; }
  void dismiss_outcome() { outcome_ = RingOutcome::None; }
  bool connected() const { return socket_open_; }

 private:
  void connect(std::int64_t now_ms);
  void lost(std::int64_t now_ms);
  void on_message(const std::string& text, std::int64_t now_ms);
  void on_progress(const proto::RingProgress& m, std::int64_t now_ms);
  void send(const proto::ClientMessage& m);
  // The shown ring is over: the next one waiting, if any, takes the screen.
  void show_next_ring();
  // The caller's word for how a ring that is over went for everyone.
  static RingOutcome caller_outcome(const OutgoingRing& ring);

  SocketFactory open_socket_;
  std::unique_ptr<platform::MessageSocket> socket_;
  bool open_ = false;         // should be open (logged in)
  bool socket_open_ = false;  // open and greeted
  int attempt_ = 0;
  std::int64_t reconnect_at_ms_ = 0;
  std::int64_t connect_started_ms_ = 0;
  std::int64_t now_ms_ = 0;  // the time of the last call that said it, for what is sent
  std::int64_t last_sent_ms_ = 0;
  std::int64_t unanswered_ping_ms_ = 0;
  std::map<int, proto::Presence> presence_;
  bool presence_known_ = false;
  std::optional<OutgoingRing> outgoing_;
  std::optional<IncomingRing> incoming_;
  std::vector<IncomingRing> waiting_rings_;  // further rings while one is shown
  std::optional<CallToJoin> call_to_join_;
  RingOutcome outcome_ = RingOutcome::None;
  std::string problem_;
  std::string outcome_caller_;
  bool changed_ = false;
};

}  // namespace treff
