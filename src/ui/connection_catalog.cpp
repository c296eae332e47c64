#include "ui/connection_catalog.h"

#include <cstddef>
#include <cstdio>

namespace treff::ui {
namespace {

// One row per ConnectionText, in enum order.
constexpr CatalogEntry kTexts[] = {
    {"Test verbinding", "Verbindung testen", "Test connection"},
    {"We meten wat een gesprek nodig heeft: hoe snel de server antwoordt, hoeveel uw verbinding draagt en of "
     "geluid en beeld een weg vinden. Het duurt ongeveer tien seconden.",
     "Wir messen, was ein Gespräch braucht: wie schnell der Server antwortet, wie viel Ihre Verbindung trägt und ob "
     "Ton und Bild einen Weg finden. Es dauert etwa zehn Sekunden.",
     "We measure what a call needs: how quickly the server answers, how much your line carries, and whether sound "
     "and picture find a way through. It takes about ten seconds."},
    {"Start de test", "Test starten", "Start the test"},
    {"Reactietijd meten…", "Antwortzeit messen…", "Measuring the response time…"},
    {"Ontvangen meten…", "Empfang messen…", "Measuring download…"},
    {"Verzenden meten…", "Senden messen…", "Measuring upload…"},
    {"Een weg zoeken voor geluid en beeld…", "Einen Weg für Ton und Bild suchen…", "Looking for a way for sound and picture…"},
    {"Goed voor beeldbellen", "Gut für Videoanrufe", "Good for video calls"},
    {"Bellen met alleen geluid gaat goed", "Anrufe nur mit Ton gehen gut", "Calls with sound only will work well"},
    {"Niet goed genoeg voor een gesprek", "Nicht gut genug für ein Gespräch", "Not good enough for a call"},
    {"U kunt beeldbellen met ten hoogste {name} personen.", "Sie können Videoanrufe mit bis zu {name} Personen führen.",
     "You can make video calls with up to {name} people."},
    {"Voor beeld is uw verbinding te langzaam: kies ‘Alleen bellen’, of test opnieuw dichter bij uw wifi-router.",
     "Für Bild ist Ihre Verbindung zu langsam: Wählen Sie „Nur telefonieren“ oder testen Sie noch einmal näher am WLAN-Router.",
     "Your line is too slow for video: choose “Call with sound only”, or test again closer to your Wi-Fi router."},
    {"Antwoorden komen laat aan, zodat u door elkaar kunt gaan praten: gebruik zo mogelijk een kabel of ga dichter bij de router zitten.",
     "Antworten kommen spät an, sodass Sie sich ins Wort fallen können: Nutzen Sie wenn möglich ein Kabel oder setzen Sie sich näher an den Router.",
     "Answers arrive late, so you may talk over each other: use a cable if you can, or sit closer to the router."},
    {"Uw netwerk laat geluid en beeld alleen via een omweg door: geluid werkt goed, beeld kan haperen. Vraag wie uw netwerk beheert om UDP toe te staan.",
     "Ihr Netzwerk lässt Ton und Bild nur über einen Umweg durch: Ton geht gut, das Bild kann ruckeln. Bitten Sie, wer Ihr Netzwerk betreut, UDP zu erlauben.",
     "Your network lets sound and picture through only by a detour: sound works well, the picture may stutter. Ask whoever runs your network to allow UDP."},
    {"Uw verbinding is nu te langzaam, zelfs voor geluid: stop andere downloads en video’s, of test opnieuw dichter bij de router.",
     "Ihre Verbindung ist gerade zu langsam, sogar für Ton: Beenden Sie andere Downloads und Videos oder testen Sie noch einmal näher am Router.",
     "Your line is too slow right now, even for sound: stop other downloads and videos, or test again closer to the router."},
    {"Antwoorden doen er te lang over voor een gesprek: probeer een andere verbinding, zoals een kabel of een ander wifi-netwerk.",
     "Antworten brauchen zu lange für ein Gespräch: Versuchen Sie eine andere Verbindung, etwa ein Kabel oder ein anderes WLAN.",
     "Answers take too long for a conversation: try another connection, such as a cable or another Wi-Fi network."},
    {"Uw netwerk houdt het geluid en beeld van gesprekken tegen: vraag wie uw netwerk beheert om deze server toe te staan.",
     "Ihr Netzwerk hält Ton und Bild von Gesprächen auf: Bitten Sie, wer Ihr Netzwerk betreut, diesen Server zu erlauben.",
     "Your network blocks the sound and picture of calls: ask whoever runs your network to allow this server."},
    {"De server is niet bereikbaar: controleer of u online bent en probeer het opnieuw.",
     "Der Server ist nicht erreichbar: Prüfen Sie, ob Sie online sind, und versuchen Sie es noch einmal.",
     "The server cannot be reached: check that you are online, then try again."},
    {"De server heeft net veel verbindingen gemeten. Probeer het over een paar minuten opnieuw.",
     "Der Server hat gerade viele Verbindungen gemessen. Versuchen Sie es in ein paar Minuten noch einmal.",
     "The server has just measured many connections. Try again in a few minutes."},
    {"Deze server kan geen verbindingen meten.", "Dieser Server kann keine Verbindungen messen.",
     "This server cannot measure connections."},
    {"Reactietijd: {name} ms", "Antwortzeit: {name} ms", "Response time: {name} ms"},
    {"Ontvangen: {name} Mbit/s", "Empfang: {name} Mbit/s", "Download: {name} Mbit/s"},
    {"Verzenden: {name} Mbit/s", "Senden: {name} Mbit/s", "Upload: {name} Mbit/s"},
    {"Weg voor geluid en beeld: rechtstreeks (UDP)", "Weg für Ton und Bild: direkt (UDP)", "Way for sound and picture: direct (UDP)"},
    {"Weg voor geluid en beeld: alleen via de relay over TCP", "Weg für Ton und Bild: nur über das Relay per TCP",
     "Way for sound and picture: only through the relay over TCP"},
    {"Weg voor geluid en beeld: geen gevonden", "Weg für Ton und Bild: keiner gefunden", "Way for sound and picture: none found"},
    {"Weg voor geluid en beeld: niet getest (deze server noemt geen STUN- of TURN-server)",
     "Weg für Ton und Bild: nicht getestet (dieser Server nennt keinen STUN- oder TURN-Server)",
     "Way for sound and picture: not tested (this server names no STUN or TURN server)"},
    {"Opnieuw testen", "Noch einmal testen", "Test again"},
    {"Terug", "Zurück", "Back"},
    {"rood: te traag", "rot: zu langsam", "red: too slow"},
    {"oranje: alleen geluid", "orange: nur Ton", "amber: sound only"},
    {"groen: goed voor beeld", "grün: gut für Bild", "green: good for video"},
};
static_assert(sizeof kTexts / sizeof kTexts[0] == static_cast<std::size_t>(ConnectionText::Count),
              "one row per ConnectionText");

}  // namespace

const char* tr(ConnectionText text) { return in_language(kTexts[static_cast<std::size_t>(text)], language()); }

std::string tr_with_name(ConnectionText text, const std::string& name) { return fill_name(tr(text), name); }

std::string mbit_per_second(double kbps) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", kbps / 1000);
  std::string out = text;
  if (language() != Language::English) {
    for (char& c : out) if (c == '.') c = ',';
  }
  return out;
}

}  // namespace treff::ui
