// Reading and writing the calling messages (core/calling_messages.h) as JSON; used by
// core/protocol.cpp's parse and serialize, which own the envelope and the message variants.
#pragma once

#include <nlohmann/json.hpp>

#include "core/calling_messages.h"
#include "core/field_reader.h"

namespace treff::proto::calling {

RingStart read_ring_start(FieldReader& r);
std::string read_ring_id(FieldReader& r);  // the "ring" field
PresenceUpdate read_presence(FieldReader& r);
RingProgress read_ring_progress(FieldReader& r);
IncomingRing read_incoming_ring(FieldReader& r);
RingOver read_ring_over(FieldReader& r);

void write(nlohmann::json& j, const RingStart& m);
void write(nlohmann::json& j, const PresenceUpdate& m);
void write(nlohmann::json& j, const RingProgress& m);
void write(nlohmann::json& j, const IncomingRing& m);
void write(nlohmann::json& j, const RingOver& m);

}  // namespace treff::proto::calling
