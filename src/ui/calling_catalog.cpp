#include "ui/calling_catalog.h"

#include <cstddef>

#include "ui/account_catalog.h"

namespace treff::ui {
namespace {

// One row per CallingText, in enum order.
constexpr CatalogEntry kTexts[] = {
    {"Nu online", "Jetzt online", "Online now"},
    {"Klik op de foto van wie u wilt bellen (een of meer), en dan op ‘Start beeldcontact’.",
     "Klicken Sie auf das Foto der Person, die Sie anrufen möchten (eine oder mehrere), dann auf „Videoanruf starten“.",
     "Click the photo of whom you want to call (one or more), then “Start video call”."},
    {"Er is nu niemand van uw contacten online.", "Gerade ist niemand aus Ihren Kontakten online.",
     "None of your contacts is online right now."},
    {"Start beeldcontact", "Videoanruf starten", "Start video call"},
    {"Alleen bellen", "Nur telefonieren", "Call with sound only"},
    {"online", "online", "online"},
    {"in gesprek", "im Gespräch", "in a call"},
    {"offline", "offline", "offline"},
    {"gekozen", "ausgewählt", "chosen"},
    {"U belt {name}…", "Sie rufen {name} an…", "Calling {name}…"},
    {"Nog {name} seconden om op te nemen", "Noch {name} Sekunden zum Annehmen", "{name} seconds left to answer"},
    {"Nog 1 seconde om op te nemen", "Noch 1 Sekunde zum Annehmen", "1 second left to answer"},
    {"Stop", "Auflegen", "Stop"},
    {"{name} belt u", "{name} ruft Sie an", "{name} is calling you"},
    {"Alleen geluid, zonder beeld", "Nur Ton, ohne Bild", "Sound only, no video"},
    {"Opnemen", "Annehmen", "Answer"},
    {"Weigeren", "Ablehnen", "Decline"},
    {"{name} heeft het gesprek geweigerd.", "{name} hat den Anruf abgelehnt.", "{name} declined the call."},
    {"{name} heeft niet opgenomen.", "{name} hat nicht angenommen.", "{name} did not answer."},
    {"{name} is al in gesprek. Probeer het later nog eens.", "{name} ist schon im Gespräch. Versuchen Sie es später noch einmal.",
     "{name} is in another call. Please try again later."},
    {"{name} is niet meer online.", "{name} ist nicht mehr online.", "{name} is not online any more."},
    {"{name} heeft opgehangen.", "{name} hat aufgelegt.", "{name} hung up."},
    {"U heeft het gesprek op een ander apparaat opgenomen.", "Sie haben den Anruf auf einem anderen Gerät angenommen.",
     "You answered the call on another device."},
    {"U heeft een gesprek van {name} gemist.", "Sie haben einen Anruf von {name} verpasst.", "You missed a call from {name}."},
    {"De verbinding met de server viel weg: het gesprek is niet doorgegaan.",
     "Die Verbindung zum Server ist abgebrochen: Der Anruf ist nicht zustande gekommen.",
     "The connection to the server was lost: the call did not happen."},
    {"Verbinding maken met de server…", "Verbindung zum Server wird hergestellt…", "Connecting to the server…"},
    {"Kies eerst wie u wilt bellen: klik op een foto.", "Wählen Sie zuerst, wen Sie anrufen möchten: Klicken Sie auf ein Foto.",
     "First choose whom to call: click a photo."},
    {"OK", "OK", "OK"},
    {"en", "und", "and"},
    {"Zo ziet u ook dat iemand belt als er een ander venster voor Treff staat.",
     "So sehen Sie einen Anruf auch, wenn ein anderes Fenster vor Treff liegt.",
     "So that you also see a call when another window is in front of Treff."},
    {"Meldingen toestaan", "Benachrichtigungen erlauben", "Allow notifications"},
    {"Iemand van uw organisatie bellen", "Jemanden aus Ihrer Organisation anrufen", "Call someone from your organisation"},
    {"Klik op een naam: die persoon wordt gebeld en komt in deze kamer als hij of zij opneemt.",
     "Klicken Sie auf einen Namen: Die Person wird angerufen und kommt in diesen Raum, wenn sie annimmt.",
     "Click a name: that person is called, and comes into this room when they answer."},
    {"Er is verder niemand in uw organisatie.", "Sonst ist niemand in Ihrer Organisation.",
     "There is nobody else in your organisation."},
};
static_assert(sizeof kTexts / sizeof kTexts[0] == static_cast<std::size_t>(CallingText::Count),
              "one row per CallingText");

struct Problem {
  const char* code;
  CatalogEntry text;
};
constexpr Problem kProblems[] = {
    {"ring-self", {"U kunt uzelf niet bellen.", "Sie können sich nicht selbst anrufen.", "You cannot call yourself."}},
    {"too-many-rings",
     {"U heeft te vaak kort na elkaar gebeld. Wacht een minuut en probeer het dan opnieuw.",
      "Sie haben zu oft kurz hintereinander angerufen. Warten Sie eine Minute und versuchen Sie es dann noch einmal.",
      "You started too many calls in a short time. Wait a minute, then try again."}},
    {"already-calling",
     {"U belt al. Stop dat gesprek eerst.", "Sie rufen schon an. Beenden Sie diesen Anruf zuerst.",
      "You are calling already. Stop that call first."}},
    {"too-many-callees",
     {"Kies minder mensen: zoveel passen niet in één gesprek.", "Wählen Sie weniger Personen: So viele passen nicht in ein Gespräch.",
      "Choose fewer people: that many do not fit in one call."}},
    {"private-call",
     {"Dit gesprek is besloten: alleen wie gebeld is kan erin.", "Dieses Gespräch ist privat: Nur wer angerufen wurde, kann hinein.",
      "This call is private: only the people who were called can join it."}},
    {"ring-over",
     {"Dit gesprek is al afgelopen.", "Dieser Anruf ist schon vorbei.", "This call has already ended."}},
    {"not-in-room",
     {"U kunt alleen mensen uitnodigen in de kamer waar u zelf in zit.",
      "Sie können nur in den Raum einladen, in dem Sie selbst sind.",
      "You can only invite people into the room you are in."}},
    {"not-a-colleague",
     {"Vanuit een kamer kunt u de mensen van uw organisatie en uw contacten bellen.",
      "Aus einem Raum können Sie die Personen Ihrer Organisation und Ihre Kontakte anrufen.",
      "From a room you can call the people of your organisation and your contacts."}},
};

}  // namespace

const char* tr(CallingText text) { return in_language(kTexts[static_cast<std::size_t>(text)], language()); }

std::string tr_with_name(CallingText text, const std::string& name) { return fill_name(tr(text), name); }

const char* tr_calling_problem(std::string_view code) {
  for (const auto& p : kProblems)
    if (code == p.code) return in_language(p.text, language());
  return tr_account_problem(code);  // "not-a-contact", "not-logged-in", "busy", "internal", ...
}

}  // namespace treff::ui
