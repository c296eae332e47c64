// Signaling load benchmark for treff-server (not a test: it prints figures).
//
// Starts the real server, then from this one single-threaded process opens N WebSocket clients in
// rooms of k. Each client joins like a browser does: the newcomer sends an offer (a realistic
// ~4 KiB SDP) to everyone already in the room, they answer, and both sides trickle ICE candidates.
// Then, for a fixed time, clients send candidate messages to a room peer at a fixed total rate.
// Prints: connections held, relayed messages/s, p50/p99 relay latency (send to receive, both
// here), and server memory per connection (RSS growth over the idle server / N).
//
// Server and load generator each get one core of a 2-core machine; the latency includes this
// process's own event-loop delay, so it is an upper bound on the server's share.
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <fstream>
#include <iterator>
#include <sstream>
#include <unistd.h>
#include <memory>
#include <string>
#include <vector>

#include "process_stats.h"
#include "server_process.h"

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using treff::bench::cpu_ms;
using treff::bench::rss_kib;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

struct Options {
  int clients = 10000;
  int room_size = 4;
  int rate = 20000;          // relayed messages per second in the steady phase
  int seconds = 10;          // length of the steady phase
  int connect_parallel = 256;  // handshakes in flight at once
  int candidates = 4;        // ICE candidates each side trickles per peer on join
};

std::string fake_sdp(const std::string& kind) {
  std::string sdp = "v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n" + kind + "\r\n";
  while (sdp.size() < 4000) sdp += "a=rtpmap:111 opus/48000/2\r\na=fmtp:111 minptime=10;useinbandfec=1\r\n";
  return sdp;
}

std::string json_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\r') out += "\\r";
    else if (c == '\n') out += "\\n";
    else out += c;
  }
  return out;
}

struct Stats {
  long relayed = 0;           // signal messages received by clients
  long join_messages = 0;     // signals received during the join phase
  std::vector<std::int64_t> sent_at_ns;  // steady-phase send time by sequence number
  std::vector<double> latency_ms;
  int joined = 0;
  int failed = 0;
  bool steady = false;
};

class Client : public std::enable_shared_from_this<Client> {
 public:
  Client(asio::io_context& ioc, Stats& stats, int index, const Options& o)
      : ws_(ioc), stats_(stats), index_(index), room_("bench-" + std::to_string(index / o.room_size)), opts_(o) {}

  void start(tcp::endpoint ep, std::function<void()> on_joined) {
    on_joined_ = std::move(on_joined);
    beast::get_lowest_layer(ws_).async_connect(ep, [self = shared_from_this()](beast::error_code ec) {
      if (ec) return self->fail();
      self->ws_.async_handshake("127.0.0.1", "/ws", [self](beast::error_code hec) {
        if (hec) return self->fail();
        self->send("{\"v\":1,\"type\":\"join\",\"room\":\"" + self->room_ + "\",\"name\":\"Bench " +
                   std::to_string(self->index_) + "\",\"mic\":true,\"camera\":true}");
        self->read();
      });
    });
  }

  // Steady phase: one candidate to the next peer in the room, tagged with a sequence number.
  void send_tagged(long seq) {
    if (peers_.empty()) return;
    const std::string& to = peers_[static_cast<std::size_t>(seq) % peers_.size()];
    send("{\"v\":1,\"type\":\"signal\",\"to\":\"" + to + "\",\"kind\":\"candidate\",\"candidate\":\"candidate:" +
         std::to_string(seq) + " 1 udp 2122260223 127.0.0.1 50000 typ host\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0}");
  }

  bool has_peers() const { return !peers_.empty(); }
  bool open() const { return open_; }

 private:
  void fail() {
    if (!failed_) ++stats_.failed;
    failed_ = true;
    open_ = false;
    if (on_joined_) std::exchange(on_joined_, nullptr)();
  }

  void read() {
    ws_.async_read(buffer_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec) {
        self->open_ = false;
        return;
      }
      self->on_message(beast::buffers_to_string(self->buffer_.data()));
      self->buffer_.consume(self->buffer_.size());
      self->read();
    });
  }

  static std::string field(const std::string& text, const std::string& key) {
    const auto at = text.find("\"" + key + "\":\"");
    if (at == std::string::npos) return {};
    const auto start = at + key.size() + 4;
    return text.substr(start, text.find('"', start) - start);
  }

  void signal(const std::string& to, const std::string& kind) {
    if (kind == "candidate") {
      for (int i = 0; i < opts_.candidates; ++i)
        send("{\"v\":1,\"type\":\"signal\",\"to\":\"" + to + "\",\"kind\":\"candidate\",\"candidate\":\"candidate:j" +
             std::to_string(i) + " 1 udp 2122260223 127.0.0.1 5000" + std::to_string(i) +
             " typ host\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0}");
    } else {
      send("{\"v\":1,\"type\":\"signal\",\"to\":\"" + to + "\",\"kind\":\"" + kind + "\",\"sdp\":\"" +
           json_escape(fake_sdp(kind)) + "\"}");
    }
  }

  void on_message(const std::string& text) {
    const std::string type = field(text, "type");
    if (type == "joined") {
      open_ = true;
      // Everyone already here gets an offer and candidates, as a browser newcomer would send.
      std::size_t pos = 0;
      while ((pos = text.find("\"id\":\"", pos)) != std::string::npos) {
        pos += 6;
        peers_.push_back(text.substr(pos, text.find('"', pos) - pos));
        signal(peers_.back(), "offer");
        signal(peers_.back(), "candidate");
      }
      ++stats_.joined;
      if (on_joined_) std::exchange(on_joined_, nullptr)();
    } else if (type == "peer-joined") {
      const auto at = text.find("\"id\":\"");
      peers_.push_back(text.substr(at + 6, text.find('"', at + 6) - at - 6));
    } else if (type == "signal") {
      ++stats_.relayed;
      const std::string kind = field(text, "kind");
      if (!stats_.steady) {
        ++stats_.join_messages;
        if (kind == "offer") {
          const std::string from = field(text, "from");
          signal(from, "answer");
          signal(from, "candidate");
        }
        return;
      }
      const auto at = text.find("candidate:");
      if (at == std::string::npos || text[at + 10] == 'j') return;
      const long seq = std::atol(text.c_str() + at + 10);
      if (seq >= 0 && static_cast<std::size_t>(seq) < stats_.sent_at_ns.size()) {
        const auto now = Clock::now().time_since_epoch().count();
        stats_.latency_ms.push_back((now - stats_.sent_at_ns[static_cast<std::size_t>(seq)]) / 1e6);
      }
    } else if (type == "error") {
      std::fprintf(stderr, "client %d got an error: %s\n", index_, text.c_str());
    }
  }

  void send(std::string text) {
    queue_.push_back(std::move(text));
    if (queue_.size() == 1) write();
  }

  void write() {
    ws_.text(true);
    ws_.async_write(asio::buffer(queue_.front()), [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec) return self->fail();
      self->queue_.pop_front();
      if (!self->queue_.empty()) self->write();
    });
  }

  websocket::stream<beast::tcp_stream> ws_;
  beast::flat_buffer buffer_;
  std::deque<std::string> queue_;
  Stats& stats_;
  int index_;
  std::string room_;
  const Options& opts_;
  std::vector<std::string> peers_;
  std::function<void()> on_joined_;
  bool open_ = false;
  bool failed_ = false;
};

void run_for(asio::io_context& ioc, std::chrono::milliseconds d) {
  ioc.restart();
  ioc.run_for(d);
}

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i];
    const int v = std::atoi(argv[i + 1]);
    if (k == "--clients") o.clients = v;
    else if (k == "--room-size") o.room_size = v;
    else if (k == "--rate") o.rate = v;
    else if (k == "--seconds") o.seconds = v;
    else {
      std::fprintf(stderr, "usage: signaling_load [--clients N] [--room-size K] [--rate MSGS_PER_S] [--seconds S]\n");
      std::exit(2);
    }
  }
  o.clients = std::clamp(o.clients, 2, 30000);
  o.room_size = std::clamp(o.room_size, 2, 8);
  o.rate = std::clamp(o.rate, 1, 200000);
  o.seconds = std::clamp(o.seconds, 1, 120);
  return o;
}

}  // namespace

int main(int argc, char** argv) {
  const Options o = parse(argc, argv);
  // All clients come from this one address: the per-address limits (made for a home or a firm
  // behind one NAT) are lifted, the rest stay at their defaults.
  treff::test::ServerProcess server({"--room-limit", std::to_string(o.room_size), "--connections-per-address", "1000000",
                                     "--joins-per-minute", "100000"});
  const long rss_idle = rss_kib(server.pid());
  std::printf("signaling load: %d clients in rooms of %d, then %d msg/s for %d s\n", o.clients, o.room_size,
              o.rate, o.seconds);

  asio::io_context ioc{1};
  Stats stats;
  std::vector<std::shared_ptr<Client>> clients;
  const tcp::endpoint ep(asio::ip::make_address("127.0.0.1"), server.port());

  // Join phase: clients join one after another per room (bounded in flight), as real people do.
  const auto join_start = Clock::now();
  int next = 0, in_flight = 0;
  std::function<void()> launch = [&] {
    while (in_flight < o.connect_parallel && next < o.clients) {
      auto c = std::make_shared<Client>(ioc, stats, next++, o);
      clients.push_back(c);
      ++in_flight;
      c->start(ep, [&] {
        --in_flight;
        launch();
      });
    }
  };
  launch();
  const auto join_deadline = join_start + std::chrono::seconds(120);
  while ((stats.joined + stats.failed < o.clients) && Clock::now() < join_deadline) run_for(ioc, std::chrono::milliseconds(50));
  // Let the offer/answer/candidate traffic of the last joins drain.
  long before = -1;
  while (before != stats.relayed && Clock::now() < join_deadline) {
    before = stats.relayed;
    run_for(ioc, std::chrono::milliseconds(300));
  }
  const double join_s = std::chrono::duration<double>(Clock::now() - join_start).count();
  const long rss_loaded = rss_kib(server.pid());
  constexpr int idle_ms = 9000;  // three ping rounds at the default 6 s peer timeout

  // Idle phase: nobody says anything; the server pings each connection after half its peer timeout
  // of silence (browsers in a call send a heartbeat instead). What keeping them costs.
  const double idle_cpu_before = cpu_ms(server.pid());
  run_for(ioc, std::chrono::milliseconds(idle_ms));
  const double idle_cpu = cpu_ms(server.pid()) - idle_cpu_before;

  // Steady phase: a fixed total rate, paced every millisecond.
  stats.steady = true;
  stats.sent_at_ns.assign(static_cast<std::size_t>(o.rate) * o.seconds, 0);
  stats.latency_ms.reserve(stats.sent_at_ns.size());
  const long relayed_before = stats.relayed;
  const auto cpu_before = treff::bench::cpu_times(server.pid());
  long seq = 0;
  std::size_t rr = 0;
  const auto steady_start = Clock::now();
  asio::steady_timer pacer(ioc);
  std::function<void()> tick = [&] {
    const double elapsed = std::chrono::duration<double>(Clock::now() - steady_start).count();
    const long due = std::min(static_cast<long>(elapsed * o.rate), static_cast<long>(stats.sent_at_ns.size()));
    while (seq < due) {
      Client& c = *clients[rr++ % clients.size()];
      if (!c.open() || !c.has_peers()) continue;
      stats.sent_at_ns[static_cast<std::size_t>(seq)] = Clock::now().time_since_epoch().count();
      c.send_tagged(seq++);
    }
    if (seq < static_cast<long>(stats.sent_at_ns.size())) {
      pacer.expires_after(std::chrono::milliseconds(1));
      pacer.async_wait([&](beast::error_code) { tick(); });
    }
  };
  tick();
  run_for(ioc, std::chrono::seconds(o.seconds) + std::chrono::milliseconds(200));
  run_for(ioc, std::chrono::milliseconds(1000));  // stragglers
  const double steady_s = o.seconds;  // every message is sent within this window (see tick)
  const long relayed = stats.relayed - relayed_before;
  const auto server_times = treff::bench::cpu_times(server.pid()) - cpu_before;
  const double server_cpu = server_times.total_ms();

  int held = 0;
  for (const auto& c : clients) held += c->open() ? 1 : 0;

  std::vector<double> lat = stats.latency_ms;
  std::sort(lat.begin(), lat.end());
  auto pct = [&](double p) { return lat.empty() ? -1.0 : lat[std::min(lat.size() - 1, static_cast<std::size_t>(p * lat.size()))]; };

  std::printf("join phase:            %.1f s, %d joined, %d failed, %ld signals relayed\n", join_s, stats.joined,
              stats.failed, stats.join_messages);
  std::printf("connections held:      %d of %d\n", held, o.clients);
  std::printf("relayed messages/s:    %.0f (target %d; %zu of %ld sent were received)\n", relayed / steady_s, o.rate,
              lat.size(), seq);
  std::printf("relay latency:         p50 %.2f ms, p99 %.2f ms, max %.2f ms\n", pct(0.50), pct(0.99),
              lat.empty() ? -1.0 : lat.back());
  std::printf("server CPU:            %.1f%% of one core, %.1f us per relayed message\n",
              100.0 * server_cpu / (1000.0 * (steady_s + 1.2)), 1000.0 * server_cpu / std::max(1L, relayed));
  // The kernel's share (a read, a write and epoll per message, both ends of loopback TCP) is the
  // floor that no change inside the server removes.
  std::printf("  of which:            %.1f us in the server's code, %.1f us in the kernel\n",
              1000.0 * server_times.user_ms / std::max(1L, relayed), 1000.0 * server_times.system_ms / std::max(1L, relayed));
  std::printf("idle connections:      %.2f%% of one core for %d idle connections over %.0f s (server pings)\n",
              100.0 * idle_cpu / idle_ms, held, idle_ms / 1000.0);
  std::printf("server RSS:            idle %ld KiB, loaded %ld KiB, %.1f KiB per connection\n", rss_idle, rss_loaded,
              static_cast<double>(rss_loaded - rss_idle) / std::max(1, held));
  return 0;
}
