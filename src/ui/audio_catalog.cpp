#include "ui/audio_catalog.h"

#include <cstddef>

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
    {"De test is mislukt. Probeer het opnieuw.", "Der Test ist fehlgeschlagen. Versuchen Sie es erneut.",
     "The test did not work. Please try again."},
};
static_assert(sizeof(kTexts) / sizeof(kTexts[0]) == static_cast<std::size_t>(AudioText::Count),
              "one row per AudioText");

}  // namespace

const char* tr(AudioText text) { return in_language(kTexts[static_cast<std::size_t>(text)], language()); }

}  // namespace treff::ui
