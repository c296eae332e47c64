#include "ui/audio_catalog.h"

#include <cstddef>
#include <cstdio>

namespace treff::ui {
namespace {

// One row per AudioText, in enum order.
constexpr CatalogEntry kTexts[] = {
    {"Microfoon testen", "Mikrofon testen", "Test microphone"},
    {"Zeg iets: we nemen drie seconden op…", "Sagen Sie etwas: wir nehmen drei Sekunden auf…",
     "Say something: recording three seconds…"},
    {"U hoort nu wat de anderen zouden horen…", "Sie hören jetzt, was die anderen hören würden…",
     "Now playing what the others would hear…"},
    {"Zo klinkt u voor de anderen. Hoorde u niets? Kijk of uw luidspreker aanstaat.",
     "So klingen Sie für die anderen. Nichts gehört? Prüfen Sie, ob Ihr Lautsprecher an ist.",
     "That is how you sound to the others. Heard nothing? Check that your speaker is on."},
    {"We hoorden niets van uw microfoon: staat hij op stil?",
     "Wir haben von Ihrem Mikrofon nichts gehört: ist es stummgeschaltet?",
     "We heard nothing from your microphone: is it muted?"},
    {"Er is geen microfoon om te testen. Sluit er een aan en laad de pagina opnieuw.",
     "Es gibt kein Mikrofon zum Testen. Schließen Sie eines an und laden Sie die Seite neu.",
     "There is no microphone to test. Plug one in and reload the page."},
    {"De browser laat Treff de microfoon niet gebruiken. Sta het toe (het slotje naast het adres) en laad de "
     "pagina opnieuw.",
     "Der Browser lässt Treff das Mikrofon nicht benutzen. Erlauben Sie es (das Schloss neben der Adresse) und "
     "laden Sie die Seite neu.",
     "The browser does not let Treff use the microphone. Allow it (the padlock next to the address) and reload "
     "the page."},
    {"De microfoon viel weg tijdens de test. Sluit hem weer aan en probeer het opnieuw.",
     "Das Mikrofon ist während des Tests verschwunden. Schließen Sie es wieder an und versuchen Sie es erneut.",
     "The microphone went away during the test. Plug it in again and try once more."},
    {"Deze browser kan de microfoon niet testen. Een gesprek werkt wel.",
     "Dieser Browser kann das Mikrofon nicht testen. Ein Gespräch geht trotzdem.",
     "This browser cannot test the microphone. Calls still work."},
    {"Uw browser gaf helemaal geen geluid door. Is er een luidspreker of koptelefoon aangesloten? Sluit er een aan "
     "en laad de pagina opnieuw.",
     "Ihr Browser hat gar keinen Ton weitergegeben. Ist ein Lautsprecher oder Kopfhörer angeschlossen? Schließen Sie "
     "einen an und laden Sie die Seite neu.",
     "Your browser passed on no sound at all. Is a speaker or headset connected? Connect one and reload the page."},
    {"De test is mislukt. Probeer het opnieuw.", "Der Test ist fehlgeschlagen. Versuchen Sie es erneut.",
     "The test did not work. Please try again."},
    {"Spreek een bericht in voor {name}", "Nachricht für {name} hinterlassen", "Leave {name} a message"},
    {"Uw bericht voor {name} wordt opgenomen. Druk op Versturen als u klaar bent (hooguit een minuut).",
     "Ihre Nachricht für {name} wird aufgenommen. Drücken Sie auf Senden, wenn Sie fertig sind (höchstens eine Minute).",
     "Recording your message for {name}. Press Send when you are done (a minute at most)."},
    {"Versturen", "Senden", "Send"},
    {"Annuleren", "Abbrechen", "Cancel"},
    {"Bericht voor {name} wordt verstuurd…", "Nachricht für {name} wird gesendet…", "Sending the message for {name}…"},
    {"Uw bericht voor {name} is verstuurd.", "Ihre Nachricht für {name} ist gesendet.", "Your message for {name} was sent."},
    {"U kunt alleen berichten inspreken voor uw contacten.", "Nachrichten können Sie nur Ihren Kontakten hinterlassen.",
     "You can only leave messages for your contacts."},
    {"Het bericht is te lang: hooguit een minuut.", "Die Nachricht ist zu lang: höchstens eine Minute.",
     "The message is too long: a minute at most."},
    {"Het bericht kwam niet goed aan. Probeer het opnieuw.", "Die Nachricht kam nicht richtig an. Versuchen Sie es erneut.",
     "The message did not arrive whole. Please try again."},
    {"Er wachten te veel berichten op deze persoon. Probeer het later.",
     "Für diese Person warten zu viele Nachrichten. Versuchen Sie es später.",
     "Too many messages are waiting for this person. Try again later."},
    {"De server is niet bereikbaar. Het bericht is niet verstuurd.", "Der Server ist nicht erreichbar. Die Nachricht wurde nicht gesendet.",
     "The server cannot be reached. The message was not sent."},
    {"Het bericht kon niet worden verstuurd.", "Die Nachricht konnte nicht gesendet werden.", "The message could not be sent."},
    {"Ingesproken berichten", "Sprachnachrichten", "Voice messages"},
    {"Bericht van {name} afspelen", "Nachricht von {name} abspielen", "Play message from {name}"},
    {"Bericht van {name} wissen", "Nachricht von {name} löschen", "Delete message from {name}"},
    {"Speelt af…", "Wird abgespielt…", "Playing…"},
    {"De berichten kunnen nu niet worden geladen.", "Die Nachrichten können gerade nicht geladen werden.",
     "The messages cannot be loaded just now."},
    {"Gesprek opnemen", "Gespräch aufnehmen", "Record this call"},
    {"Opname stoppen", "Aufnahme beenden", "Stop recording"},
    {"U neemt dit gesprek op ({name}). Iedereen hier ziet dat.",
     "Sie nehmen dieses Gespräch auf ({name}). Alle hier sehen das.",
     "You are recording this call ({name}). Everyone here sees that."},
    {"{name} neemt dit gesprek op.", "{name} nimmt dieses Gespräch auf.", "{name} is recording this call."},
    {"De opname is bewaard als {name}.", "Die Aufnahme ist als {name} gespeichert.", "The recording was saved as {name}."},
    {"De opname is mislukt.", "Die Aufnahme ist fehlgeschlagen.", "The recording did not work."},
};
static_assert(sizeof(kTexts) / sizeof(kTexts[0]) == static_cast<std::size_t>(AudioText::Count),
              "one row per AudioText");

}  // namespace

const char* tr(AudioText text) { return in_language(kTexts[static_cast<std::size_t>(text)], language()); }

std::string tr_with_name(AudioText text, const std::string& name) { return fill_name(tr(text), name); }

std::string minutes_and_seconds(long long whole_seconds) {
  const long long s = whole_seconds < 0 ? 0 : whole_seconds;
  char text[32];
  std::snprintf(text, sizeof text, "%lld:%02lld", s / 60, s % 60);
  return text;
}

}  // namespace treff::ui
