// Soak run for treff-server: a bench that prints figures and also gives a verdict.
//
// Starts the real server, then for --seconds keeps a population of --clients WebSocket clients
// busy in rooms of four, from this one single-threaded process: they join, relay signals to their
// room's peers, leave (with a goodbye), drop (the connection just breaks) and come back with their
// resume token, at random. Every relayed message carries a sequence number.
//
// Prints, every 10 s: the server's memory, clients in rooms, messages sent and delivered. At the
// end: sent vs delivered, what must have arrived and did not, rejoins under the same id, errors.
// Exits 1 when a message between two peers that were both connected the whole time was lost, when
// an error came that no race explains, or when the server's memory grew more than --max-growth-mib
// from the end of the first quarter to the end (the population is the same then, so growth is a
// leak, not load).
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "process_stats.h"
#include "server_process.h"

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

struct Options {
  int seconds = 600;
  int clients = 3000;
  double messages_per_client_second = 1.0;
  double churn_per_client_second = 0.02;  // each client leaves, drops or comes back every ~50 s
  double max_growth_mib = 32;
};

struct Counts {
  long sent = 0, delivered = 0;
  long must_arrive = 0, lost = 0;   // between peers connected the whole time
  long leaves = 0, drops = 0, joins = 0;
  long rejoins_same_id = 0, rejoins_new_id = 0;
  long unknown_peer = 0;            // sent to someone who had just left: a race, not an error
  long other_errors = 0;
  long connect_failures = 0;
};

class Client;
struct Sent;

// Who has which id now (ids are the server's; a rejoin under the same id keeps the entry).
std::unordered_map<std::string, Client*> g_by_id;

class Client : public std::enable_shared_from_this<Client> {
 public:
  enum class State { Away, Connecting, InRoom, Closing };

  Client(asio::io_context& ioc, Counts& counts, int index)
      : ioc_(ioc), counts_(counts), room_("soak-" + std::to_string(index / 4)), index_(index) {}

  State state() const { return state_; }
  std::uint64_t epoch() const { return epoch_; }
  bool can_send() const { return state_ == State::InRoom && !peers_.empty(); }

  // Joins (again); with `resume`, under the token of the last join.
  void join(tcp::endpoint ep, bool resume) {
    state_ = State::Connecting;
    ws_ = std::make_unique<websocket::stream<beast::tcp_stream>>(ioc_);
    buffer_.clear();
    queue_.clear();
    const std::string token = resume ? token_ : "";
    resuming_ = !token.empty();
    const std::uint64_t session = ++session_;
    beast::get_lowest_layer(*ws_).async_connect(ep, [self = shared_from_this(), token, session](beast::error_code ec) {
      if (session != self->session_) return;
      if (ec) return self->connect_failed();
      self->ws_->async_handshake("127.0.0.1", "/ws", [self, token, session](beast::error_code hec) {
        if (session != self->session_) return;
        if (hec) return self->connect_failed();
        std::string join = "{\"v\":1,\"type\":\"join\",\"room\":\"" + self->room_ + "\",\"name\":\"Soak " +
                           std::to_string(self->index_) + "\",\"mic\":true,\"camera\":true";
        if (!token.empty()) join += ",\"resume\":\"" + token + "\"";
        self->send(join + "}");
        self->read(session);
      });
    });
  }

  void send_to_random_peer(long seq, std::mt19937& random, std::deque<Sent>& log);

  // Leaves with a goodbye: "leave", then a close frame.
  void leave() {
    send("{\"v\":1,\"type\":\"leave\"}");
    end_session();
    state_ = State::Closing;
    std::shared_ptr<websocket::stream<beast::tcp_stream>> closing = std::move(ws_);
    closing->async_close(websocket::close_code::normal, [self = shared_from_this(), closing](beast::error_code) {
      if (self->state_ == State::Closing) self->state_ = State::Away;
    });
  }

  // The connection just breaks: no leave, no close frame.
  void drop() {
    end_session();
    beast::error_code ignored;
    beast::get_lowest_layer(*ws_).socket().close(ignored);
    ws_.reset();
    state_ = State::Away;
  }

  void received(long seq) { received_.insert(seq); }
  bool take_received(long seq) { return received_.erase(seq) > 0; }

 private:
  void end_session() {
    ++epoch_;
    ++session_;  // late handlers of this connection are ignored
    peers_.clear();
  }

  void connect_failed() {
    ++counts_.connect_failures;
    end_session();
    ws_.reset();
    state_ = State::Away;
  }

  void read(std::uint64_t session) {
    ws_->async_read(buffer_, [self = shared_from_this(), session](beast::error_code ec, std::size_t) {
      if (session != self->session_) return;
      if (ec) {
        // The server closed it (it must not, here): counted, and the client is away.
        ++self->counts_.other_errors;
        std::fprintf(stderr, "client %d: connection lost: %s\n", self->index_, ec.message().c_str());
        self->end_session();
        self->state_ = State::Away;
        return;
      }
      self->on_message(beast::buffers_to_string(self->buffer_.data()));
      self->buffer_.consume(self->buffer_.size());
      self->read(session);
    });
  }

  static std::string field(const std::string& text, const std::string& key) {
    const auto at = text.find("\"" + key + "\":\"");
    if (at == std::string::npos) return {};
    const auto start = at + key.size() + 4;
    return text.substr(start, text.find('"', start) - start);
  }

  void on_message(const std::string& text) {
    const std::string type = field(text, "type");
    if (type == "signal") {
      const auto at = text.find("candidate:");
      if (at != std::string::npos) received(std::atol(text.c_str() + at + 10));
      ++counts_.delivered;
    } else if (type == "joined") {
      const std::string self_id = field(text, "self");
      if (std::exchange(resuming_, false)) (self_id == id_ ? counts_.rejoins_same_id : counts_.rejoins_new_id)++;
      if (!id_.empty() && id_ != self_id) g_by_id.erase(id_);
      id_ = self_id;
      token_ = field(text, "resume");
      g_by_id[id_] = this;
      ++epoch_;  // connected from now on
      state_ = State::InRoom;
      ++counts_.joins;
      const auto peers_at = text.find("\"peers\":[");
      for (std::size_t pos = peers_at; (pos = text.find("\"id\":\"", pos)) != std::string::npos;) {
        pos += 6;
        peers_.push_back(text.substr(pos, text.find('"', pos) - pos));
      }
    } else if (type == "peer-joined") {
      const std::string id = field(text, "id");
      if (std::find(peers_.begin(), peers_.end(), id) == peers_.end()) peers_.push_back(id);
    } else if (type == "peer-left") {
      const std::string id = field(text, "id");
      peers_.erase(std::remove(peers_.begin(), peers_.end(), id), peers_.end());
    } else if (type == "error") {
      if (field(text, "code") == "unknown-peer") {
        ++counts_.unknown_peer;
      } else {
        ++counts_.other_errors;
        std::fprintf(stderr, "client %d got an error: %s\n", index_, text.c_str());
      }
    }
  }

 public:
  void send(std::string text) {
    queue_.push_back(std::move(text));
    if (queue_.size() == 1) write(session_);
  }

  const std::vector<std::string>& peers() const { return peers_; }

 private:
  void write(std::uint64_t session) {
    ws_->text(true);
    ws_->async_write(asio::buffer(queue_.front()), [self = shared_from_this(), session](beast::error_code ec, std::size_t) {
      if (session != self->session_) return;
      if (ec) return;
      self->queue_.pop_front();
      if (!self->queue_.empty()) self->write(session);
    });
  }

  asio::io_context& ioc_;
  Counts& counts_;
  std::unique_ptr<websocket::stream<beast::tcp_stream>> ws_;
  beast::flat_buffer buffer_;
  std::deque<std::string> queue_;
  std::string room_;
  int index_;
  std::string id_, token_;
  std::vector<std::string> peers_;
  std::unordered_set<long> received_;
  State state_ = State::Away;
  std::uint64_t epoch_ = 0;    // changes whenever the client joins or its connection ends
  std::uint64_t session_ = 0;  // one per connection
  bool resuming_ = false;      // this join brings the token of the last one
};

// A message sent, checked 3 s later: if sender and receiver were in the room all along, it arrived.
struct Sent {
  long seq;
  Client* from;
  std::uint64_t from_epoch;
  Client* to;
  std::uint64_t to_epoch;
  Clock::time_point at;
};

void Client::send_to_random_peer(long seq, std::mt19937& random, std::deque<Sent>& log) {
  const std::string& to = peers_[random() % peers_.size()];
  auto target = g_by_id.find(to);
  send("{\"v\":1,\"type\":\"signal\",\"to\":\"" + to + "\",\"kind\":\"candidate\",\"candidate\":\"candidate:" +
       std::to_string(seq) + " 1 udp 2122260223 127.0.0.1 50000 typ host\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0}");
  if (target != g_by_id.end())
    log.push_back({seq, this, epoch_, target->second, target->second->epoch(), Clock::now()});
}

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i];
    const double v = std::atof(argv[i + 1]);
    if (k == "--seconds") o.seconds = static_cast<int>(v);
    else if (k == "--clients") o.clients = static_cast<int>(v);
    else if (k == "--rate") o.messages_per_client_second = v;
    else if (k == "--churn") o.churn_per_client_second = v;
    else if (k == "--max-growth-mib") o.max_growth_mib = v;
    else {
      std::fprintf(stderr, "usage: soak [--seconds 600] [--clients 3000] [--rate MSGS_PER_CLIENT_S] [--churn ACTIONS_PER_CLIENT_S] [--max-growth-mib 32]\n");
      std::exit(2);
    }
  }
  o.seconds = std::clamp(o.seconds, 10, 7200);
  o.clients = std::clamp(o.clients, 8, 20000);
  return o;
}

}  // namespace

int main(int argc, char** argv) {
  const Options o = parse(argc, argv);
  // All clients share this machine's address: the per-address limits are lifted, the rest stay.
  treff::test::ServerProcess server({"--connections-per-address", "1000000", "--joins-per-minute", "100000"});
  const pid_t pid = server.pid();
  std::printf("soak: %d clients in rooms of 4 for %d s, %.1f messages and %.3f leaves/drops/returns per client per second\n",
              o.clients, o.seconds, o.messages_per_client_second, o.churn_per_client_second);
  std::printf("%6s %10s %8s %10s %10s\n", "t (s)", "RSS (KiB)", "in room", "sent", "delivered");

  asio::io_context ioc{1};
  const tcp::endpoint ep(asio::ip::make_address("127.0.0.1"), server.port());
  Counts counts;
  std::vector<std::shared_ptr<Client>> clients;
  for (int i = 0; i < o.clients; ++i) clients.push_back(std::make_shared<Client>(ioc, counts, i));
  std::mt19937 random(12345);
  std::deque<Sent> log;
  long seq = 0;

  const auto start = Clock::now();
  const auto end = start + std::chrono::seconds(o.seconds);
  auto next_report = start;
  long rss_quarter = -1;
  double message_debt = 0, churn_debt = 0;
  int joined_first = 0;
  std::vector<std::pair<Clock::time_point, std::shared_ptr<Client>>> returns;  // dropped, coming back

  auto verify = [&](Clock::time_point older_than) {
    while (!log.empty() && log.front().at < older_than) {
      const Sent& s = log.front();
      const bool arrived = s.to->take_received(s.seq);
      const bool both_stayed = s.from->epoch() == s.from_epoch && s.to->epoch() == s.to_epoch &&
                               s.from->state() == Client::State::InRoom && s.to->state() == Client::State::InRoom;
      if (both_stayed) {
        ++counts.must_arrive;
        if (!arrived && ++counts.lost <= 5) std::fprintf(stderr, "lost: message %ld\n", s.seq);
      }
      log.pop_front();
    }
  };

  asio::steady_timer ticker(ioc);
  std::function<void()> tick = [&] {
    const auto now = Clock::now();
    // Everyone joins at first, 100 at a time.
    for (int n = 0; n < 100 && joined_first < o.clients; ++n) clients[joined_first++]->join(ep, false);
    // Relayed messages at the set rate, from random clients in a room with someone.
    message_debt += o.messages_per_client_second * o.clients * 0.01;
    for (int tries = 0; message_debt >= 1 && tries < 10000; ++tries) {
      Client& c = *clients[random() % clients.size()];
      if (!c.can_send()) continue;
      c.send_to_random_peer(seq++, random, log);
      ++counts.sent;
      message_debt -= 1;
    }
    // Churn: leave, drop (and come back with the token 0-3 s later, so within the seat's hold or
    // after it), or join again.
    churn_debt += o.churn_per_client_second * o.clients * 0.01;
    while (churn_debt >= 1 && joined_first == o.clients) {
      churn_debt -= 1;
      auto& c = clients[random() % clients.size()];
      if (c->state() == Client::State::Away) {
        c->join(ep, false);
      } else if (c->state() == Client::State::InRoom) {
        const unsigned what = random() % 10;
        if (what < 4) {
          c->leave();
          ++counts.leaves;
        } else {
          c->drop();
          ++counts.drops;
          if (what < 8) returns.emplace_back(now + std::chrono::milliseconds(random() % 3000), c);
        }
      }
    }
    for (auto it = returns.begin(); it != returns.end();) {
      if (it->first <= now && it->second->state() == Client::State::Away) {
        it->second->join(ep, true);
        it = returns.erase(it);
      } else if (it->first <= now) {
        it = returns.erase(it);  // it joined meanwhile
      } else {
        ++it;
      }
    }
    verify(now - std::chrono::seconds(3));
    if (now >= next_report) {
      int in_room = 0;
      for (const auto& c : clients) in_room += c->state() == Client::State::InRoom ? 1 : 0;
      const long rss = treff::bench::rss_kib(pid);
      const double t = std::chrono::duration<double>(now - start).count();
      std::printf("%6.0f %10ld %8d %10ld %10ld\n", t, rss, in_room, counts.sent, counts.delivered);
      std::fflush(stdout);
      if (rss_quarter < 0 && t >= o.seconds / 4.0) rss_quarter = rss;
      next_report += std::chrono::seconds(10);
    }
    if (now < end) {
      ticker.expires_after(std::chrono::milliseconds(10));
      ticker.async_wait([&](beast::error_code) { tick(); });
    }
  };
  tick();
  ioc.run_for(std::chrono::seconds(o.seconds) + std::chrono::seconds(1));
  ioc.restart();
  ioc.run_for(std::chrono::seconds(4));  // the last messages arrive; then each is checked
  verify(Clock::now());
  const long rss_end = treff::bench::rss_kib(pid);
  const double growth_mib = (rss_end - rss_quarter) / 1024.0;

  // The server still serves a newcomer after all this.
  auto newcomer = std::make_shared<Client>(ioc, counts, o.clients + 4);
  newcomer->join(ep, false);
  ioc.restart();
  ioc.run_for(std::chrono::seconds(2));
  const bool serves = newcomer->state() == Client::State::InRoom;

  std::printf("messages:   %ld sent, %ld delivered; %ld between peers in the room all along, %ld of them lost\n",
              counts.sent, counts.delivered, counts.must_arrive, counts.lost);
  std::printf("churn:      %ld joins, %ld leaves, %ld drops; rejoins with the token: %ld under the same id, %ld under a new one (seat given up)\n",
              counts.joins, counts.leaves, counts.drops, counts.rejoins_same_id, counts.rejoins_new_id);
  std::printf("errors:     %ld unexpected, %ld connect failures, %ld 'unknown-peer' (sent to someone just gone)\n",
              counts.other_errors, counts.connect_failures, counts.unknown_peer);
  std::printf("memory:     server RSS %ld KiB after a quarter, %ld KiB at the end: %+.1f MiB (bound %.0f MiB)\n",
              rss_quarter, rss_end, growth_mib, o.max_growth_mib);
  std::printf("afterwards: a newcomer %s\n", serves ? "joins" : "could NOT join");
  const bool ok = counts.lost == 0 && counts.other_errors == 0 && counts.connect_failures == 0 &&
                  growth_mib <= o.max_growth_mib && serves && counts.must_arrive > 0;
  std::printf("verdict:    %s\n", ok ? "PASS" : "FAIL");
  return ok ? 0 : 1;
}
