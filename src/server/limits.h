// What treff-server allows one connection, one address and everyone together; each is a flag
// (server_options.cpp). The defaults leave a real call far below every limit (a 6-person mesh
// sends a few hundred messages in its first seconds, then a few a minute) while bounding what one
// scanner, broken client or attacker can take from the others.
#pragma once

#include <cstddef>

namespace treff::server {

// Calling a contact (server/switchboard.h).
struct CallingLimits {
  double ring_seconds = 30;  // the countdown of a ring
  // Rings one account may start: a few redials at once, then one every few seconds (a script
  // ringing 100 times a minute does not get far).
  double rings_burst = 10;
  double rings_per_second = 1.0 / 6;
  // "watch" reads the contact list from the database: a few at once, then one every 2 s per line.
  double watches_burst = 5;
  double watches_per_second = 0.5;
};

// The connection test's endpoints (server/connection_test.h). A test moves about 5 MB at most
// (up and down, sized to the line); these let a person run it a few times in a row, and keep a
// script calling it in a loop, from one address or many, from loading the server.
struct ConnectionTestLimits {
  double requests_burst = 60;             // per address: a test makes about 15 requests
  double requests_per_second = 0.25;
  double address_bytes_burst = 24e6;      // per address: four or five whole tests at once
  double address_bytes_per_second = 40e3; // then one test every two minutes
  double total_bytes_burst = 64e6;        // all addresses together
  double total_bytes_per_second = 1e6;    // 8 Mbit/s at most, whoever asks
  std::size_t max_transfer_bytes = 2 * 1024 * 1024;  // one download or upload
  // Test-only (--connection-test-throttle-kbps): answers of the throughput endpoints are held back
  // as if the line carried this many kbit/s, so a test can show what a slow line looks like. 0: off.
  double throttle_kbps = 0;
};

struct HubLimits {
  std::size_t room_limit = 8;
  // Signaling messages per connection: a token bucket. The burst covers joining a full room
  // (offers, answers and a dozen candidates per person); the steady rate is far above a call's.
  double messages_per_second = 100;
  double message_burst = 400;
  int dropped_before_close = 200;  // a client that keeps flooding is disconnected
  // Signaling connections from one address (a care home or firm behind one NAT shares it), and in
  // all (past it: "server full", come back later).
  std::size_t connections_per_address = 64;
  std::size_t max_connections = 10000;
  // Joins from one address per minute (a burst of as many, refilled evenly over the minute):
  // rejoining after a blip counts too.
  double joins_per_minute = 60;
  // Password guesses: a few at once, then one every few seconds, per connection and per address.
  double password_attempts_burst = 5;
  double password_attempts_per_second = 1.0 / 6;
  double address_attempts_burst = 20;
  double address_attempts_per_second = 1.0 / 15;
  // Vanished peers. A connection that has sent nothing for this long is dropped; the server pings
  // after half of it, and a browser in a call sends a heartbeat every 2 s anyway.
  double peer_timeout_seconds = 6;
  // A broken connection's seat is held this long for a rejoin before the others hear it left: a
  // killed browser is gone within this, a pulled cable within peer_timeout_seconds plus this (and
  // the half-second check), under 10 s. A blip of up to ~5 s keeps the seat: the client, sending
  // every 2 s, was last heard at most 2 s before it, and rejoins within ~1 s of its end.
  double seat_hold_seconds = 2;
  // After a start, how long tokens of the last run recreate their seats (a restart mid-call).
  // Below the client's wait for its peers to come back (10 s), so both agree who is still there.
  double restart_resume_seconds = 8;
  CallingLimits calling;
};

struct HttpLimits {
  // Seconds to send a whole request (or finish the TLS handshake): a slow-loris sending a byte a
  // second is dropped after this, whatever it has sent.
  int request_seconds = 10;
  std::size_t request_bytes = 8 * 1024;  // headers; requests carry no bodies
  int requests_per_connection = 100;     // then the connection closes (browsers open another)
};

}  // namespace treff::server
