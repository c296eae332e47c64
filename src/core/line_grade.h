// What a call needs from a person's line, and how the connection test's measurements are judged:
// green (good for video), amber (sound will work well, video may not), red (too slow or no path).
#pragma once

namespace treff {

// ---- what a call needs (each threshold says where it comes from) ----
// One video stream: Treff asks the camera for 640×480 at 24 fps (wasm/media.js), which the
// browser's VP8 sends at about 500–800 kbit/s once settled.
constexpr double kVideoStreamKbps = 700;
// One sound stream: Opus voice at about 32 kbit/s, plus the RTP/UDP/IP headers of 50 packets a
// second (about 20 kbit/s).
constexpr double kSoundStreamKbps = 50;
// A throughput test measures one short burst; a call's media needs room for the household's other
// traffic and for the bursts after a lost packet.
constexpr double kHeadroom = 1.5;
// Green: video both ways with one other person (a 2-person call; each more person in a mesh room
// needs one more stream up and down).
constexpr double kVideoCallKbps = kVideoStreamKbps * kHeadroom;
// Amber: sound with three others (a 4-person call without video).
constexpr double kSoundCallKbps = 3 * kSoundStreamKbps * kHeadroom;
// Round trip to the server. ITU-T G.114: up to 150 ms one way (300 ms round) a conversation flows
// naturally; up to 400 ms one way it works; beyond it people talk over each other.
constexpr double kGoodRoundTripMs = 300;
constexpr double kUsableRoundTripMs = 800;
// Video for more people than a mesh room carries well is not promised (issue 15: 5–6 people).
constexpr int kMostVideoPeople = 6;

// Whether the call's media can go over UDP (what a call wants: late packets are dropped, not
// waited for), found by gathering against the server's STUN/TURN servers.
enum class UdpPath {
  NotChecked,    // the server names no STUN/TURN server: nothing to look through
  Udp,           // a STUN server answered over UDP (srflx) or a TURN relay gave a UDP address
  TcpRelayOnly,  // only the relay over TCP: sound copes, video stutters at every lost packet
  None,          // nothing: a call from elsewhere cannot reach this browser
};

struct LineMeasurement {
  double round_trip_ms = 0;
  double down_kbps = 0;
  double up_kbps = 0;
  UdpPath path = UdpPath::NotChecked;
};

enum class LineGrade { Green, Amber, Red };
// Which one sentence says what to do.
enum class LineAdvice {
  GoodForVideo,
  SlowForVideo,      // amber: enough for sound, not for video
  LongDelay,         // amber: the round trip is long
  TcpOnly,           // amber: only the relay over TCP
  TooSlow,           // red: not even sound with a few people
  DelayTooLong,      // red
  NoPath,            // red: no UDP, no relay
  ServerUnreachable  // red: the test itself could not reach the server
};

struct LineVerdict {
  LineGrade grade = LineGrade::Red;
  LineAdvice advice = LineAdvice::ServerUnreachable;
  int video_people = 0;  // with green: video works with up to this many people in a call
};

LineVerdict judge_line(const LineMeasurement& m);

}  // namespace treff
