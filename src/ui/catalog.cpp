#include "ui/catalog.h"

namespace treff::ui {
namespace {

Language g_language = Language::English;

// One row per Text, in enum order.
constexpr CatalogEntry kCatalog[] = {
    {"Treff", "Treff", "Treff"},
    {"Deelnemen aan het gesprek", "Am Gespräch teilnehmen", "Join the call"},
    {"Uw naam", "Ihr Name", "Your name"},
    {"Ruimte", "Raum", "Room"},
    {"Deelnemen", "Teilnehmen", "Join"},
    {"Verbinden…", "Verbinde…", "Connecting…"},
    {"Verbinding verbroken. Opnieuw verbinden…", "Verbindung unterbrochen. Verbinde neu…",
     "Connection lost. Reconnecting…"},
    {"Microfoon uitzetten", "Mikrofon ausschalten", "Turn microphone off"},
    {"Microfoon aanzetten", "Mikrofon einschalten", "Turn microphone on"},
    {"Video uitzetten", "Video ausschalten", "Turn video off"},
    {"Video aanzetten", "Video einschalten", "Turn video on"},
    {"Ophangen", "Beenden", "Leave"},
    {"U heeft het gesprek verlaten.", "Sie haben das Gespräch verlassen.", "You left the call."},
    {"Opnieuw deelnemen", "Wieder teilnehmen", "Rejoin"},
    {"U", "Sie", "You"},
    {"Microfoon uit", "Mikrofon aus", "Microphone off"},
    {"Camera uit", "Kamera aus", "Camera off"},
    {"Spreekt", "Spricht", "Speaking"},
    {"De camera is niet toegestaan. U doet mee met alleen geluid.",
     "Die Kamera ist nicht erlaubt. Sie nehmen nur mit Ton teil.",
     "The camera is not allowed. You are in the call with sound only."},
    {"Firefox: klik op het camera-symbool links in de adresbalk en kies “Toestaan”. Laad daarna de pagina opnieuw.",
     "Firefox: Klicken Sie links in der Adressleiste auf das Kamera-Symbol und wählen Sie „Erlauben“. Laden Sie dann die Seite neu.",
     "Firefox: click the camera symbol at the left of the address bar and choose “Allow”. Then reload the page."},
    {"Chrome: klik op het slot- of camera-symbool in de adresbalk, zet Camera op “Toestaan” en laad de pagina opnieuw.",
     "Chrome: Klicken Sie in der Adressleiste auf das Schloss- oder Kamera-Symbol, stellen Sie Kamera auf „Zulassen“ und laden Sie die Seite neu.",
     "Chrome: click the lock or camera symbol in the address bar, set Camera to “Allow” and reload the page."},
    {"Er is geen camera of microfoon beschikbaar. U kunt kijken en luisteren.",
     "Es ist keine Kamera und kein Mikrofon verfügbar. Sie können zusehen und zuhören.",
     "No camera or microphone is available. You can watch and listen."},
    {"De server is niet bereikbaar. Probeer het later opnieuw.",
     "Der Server ist nicht erreichbar. Bitte versuchen Sie es später noch einmal.",
     "The server cannot be reached. Please try again later."},
    {"Deze ruimte is vol.", "Dieser Raum ist voll.", "This room is full."},
    {"De verbinding met de server is verbroken.", "Die Verbindung zum Server wurde unterbrochen.",
     "The connection to the server was lost."},
    {"Er ging iets mis.", "Etwas ist schiefgegangen.", "Something went wrong."},
    {"Vul een naam in (hoogstens 64 tekens).", "Bitte geben Sie einen Namen ein (höchstens 64 Zeichen).",
     "Please enter a name (at most 64 characters)."},
    {"Een ruimtenaam heeft 1 tot 64 tekens: letters a-z zonder accenten, cijfers en - _ . (geen spaties, geen /).",
     "Ein Raumname hat 1 bis 64 Zeichen: Buchstaben a-z ohne Umlaute, Ziffern und - _ . (keine Leerzeichen, kein /).",
     "A room name has 1 to 64 characters: letters a-z without accents, digits and - _ . (no spaces, no /)."},
    {"Deze ruimte is met een wachtwoord beveiligd. Vraag het wachtwoord aan wie u uitnodigde.",
     "Dieser Raum ist mit einem Passwort geschützt. Fragen Sie die Person, die Sie eingeladen hat, nach dem Passwort.",
     "This room is protected by a password. Ask the person who invited you for it."},
    {"Dat is niet het wachtwoord van deze ruimte.", "Das ist nicht das Passwort dieses Raums.",
     "That is not the password of this room."},
    {"Te veel pogingen. Wacht een minuut en probeer het dan opnieuw.",
     "Zu viele Versuche. Warten Sie eine Minute und versuchen Sie es dann noch einmal.",
     "Too many attempts. Wait a minute, then try again."},
    {"De server heeft het druk. Probeer het zo opnieuw.", "Der Server ist ausgelastet. Versuchen Sie es gleich noch einmal.",
     "The server is busy. Please try again in a moment."},
    {"Wachtwoord van de ruimte", "Passwort des Raums", "Room password"},
    {"Vul het wachtwoord in (hoogstens 256 tekens).", "Bitte geben Sie das Passwort ein (höchstens 256 Zeichen).",
     "Please enter the password (at most 256 characters)."},
    {"Ruimte", "Raum", "Room"},
    {"Ruimte (op slot)", "Raum (abgeschlossen)", "Room (locked)"},
    {"Ruimte op slot doen", "Raum abschließen", "Lock the room"},
    {"Wachtwoord verwijderen", "Passwort entfernen", "Remove the password"},
    {"Deze ruimte is beveiligd met een wachtwoord.", "Dieser Raum ist mit einem Passwort geschützt.",
     "This room is locked with a password."},
    {"Iedereen met de link kan deelnemen.", "Jeder mit dem Link kann teilnehmen.", "Anyone with the link can join."},
    {"Alleen {name} kan het wachtwoord instellen of verwijderen.",
     "Nur {name} kann das Passwort festlegen oder entfernen.", "Only {name} can set or remove the password."},
    {"Beeldbellen in de browser", "Videotelefonie im Browser", "Video calls in your browser"},
    {"Zo werkt het", "So funktioniert es", "How it works"},
    {"1. Druk op “Direct beeldbellen” of geef een ruimte een naam.",
     "1. Drücken Sie „Jetzt anrufen“ oder geben Sie einem Raum einen Namen.",
     "1. Press “Call now” or give a room a name."},
    {"2. Stuur de link per e-mail, sms of WhatsApp naar wie u wilt spreken.",
     "2. Senden Sie den Link per E-Mail, SMS oder WhatsApp an die Menschen, mit denen Sie sprechen möchten.",
     "2. Send the link by e-mail, text message or WhatsApp to the people you want to talk to."},
    {"3. Zij openen de link, typen hun naam en zijn in het gesprek.",
     "3. Sie öffnen den Link, geben ihren Namen ein und sind im Gespräch.",
     "3. They open the link, type their name and are in the call."},
    {"Meer details", "Mehr Details", "More details"},
    {"Minder details", "Weniger Details", "Fewer details"},
    {"Er is niets te installeren: Firefox of Chrome is genoeg. Beeld en geluid gaan rechtstreeks tussen de "
     "deelnemers (tot 6 personen); de server brengt u alleen met elkaar in contact en bewaart niets. Een ruimte "
     "bestaat zolang er iemand in is. Wie als eerste binnen is, kan de ruimte met een wachtwoord op slot doen "
     "(knop “Ruimte”).",
     "Es gibt nichts zu installieren: Firefox oder Chrome genügt. Bild und Ton gehen direkt zwischen den "
     "Teilnehmenden (bis zu 6 Personen); der Server bringt Sie nur zusammen und speichert nichts. Ein Raum besteht, "
     "solange jemand darin ist. Wer zuerst da ist, kann den Raum mit einem Passwort abschließen (Knopf „Raum“).",
     "There is nothing to install: Firefox or Chrome is enough. Picture and sound go directly between the "
     "participants (up to 6 people); the server only introduces you and keeps nothing. A room exists as long as "
     "someone is in it. Whoever is in first can lock the room with a password (button “Room”)."},
    {"Direct beeldbellen", "Jetzt anrufen", "Call now"},
    {"of", "oder", "or"},
    {"Naam van een nieuwe ruimte", "Name für einen neuen Raum", "Name for a new room"},
    {"Ruimte aanmaken", "Raum erstellen", "Create a room"},
    {"Vul eerst uw naam in.", "Bitte geben Sie zuerst Ihren Namen ein.", "Please enter your name first."},
    {"Nederlands", "Deutsch", "English"},
    {"Iemand uitnodigen", "Jemanden einladen", "Invite someone"},
    {"Link naar deze ruimte", "Link zu diesem Raum", "Link to this room"},
    {"Link kopiëren", "Link kopieren", "Copy link"},
    {"De link is gekopieerd. Plak hem in een e-mail of bericht.",
     "Der Link ist kopiert. Fügen Sie ihn in eine E-Mail oder Nachricht ein.",
     "The link is copied. Paste it into an e-mail or message."},
    {"Kopiëren lukte niet. De link hierboven is geselecteerd: kopieer hem met Ctrl+C of door lang te drukken.",
     "Kopieren ging nicht. Der Link oben ist markiert: Kopieren Sie ihn mit Strg+C oder durch langes Drücken.",
     "Copying did not work. The link above is selected: copy it with Ctrl+C or a long press."},
    {"Link delen…", "Link teilen…", "Share link…"},
    {"Alleen geluid (zonder camera)", "Nur Audio (ohne Kamera)", "Audio only (no camera)"},
    {"Microfoon", "Mikrofon", "Microphone"},
    {"Camera: {name}", "Kamera: {name}", "Camera: {name}"},
    {"Microfoon: {name}", "Mikrofon: {name}", "Microphone: {name}"},
    {"Luidspreker: {name}", "Lautsprecher: {name}", "Speaker: {name}"},
    {"standaard", "Standard", "default"},
    {"Server: {name}", "Server: {name}", "Server: {name}"},
    {"deze server", "dieser Server", "this server"},
    {"Deze link hoort bij een server die deze pagina niet kent ({name}). Vraag om een nieuwe link.",
     "Dieser Link gehört zu einem Server, den diese Seite nicht kennt ({name}). Bitten Sie um einen neuen Link.",
     "This link is for a server this page does not know ({name}). Ask for a new link."},
    {"Klik om de anderen te horen", "Klicken, um die anderen zu hören", "Click to hear the others"},
    {"Geen verbinding met {name} — we proberen het opnieuw",
     "Keine Verbindung zu {name} — wir versuchen es weiter",
     "No connection to {name} — trying again"},
    {"Nog steeds geen verbinding met {name}. Probeer een ander netwerk (bijvoorbeeld de hotspot van uw telefoon), "
     "of vraag wie deze server beheert om een TURN-relay in te stellen.",
     "Immer noch keine Verbindung zu {name}. Versuchen Sie ein anderes Netz (zum Beispiel den Hotspot Ihres Telefons) "
     "oder bitten Sie, wer diesen Server betreibt, ein TURN-Relay einzurichten.",
     "Still no connection to {name}. Try another network (your phone's hotspot, for example), or ask whoever runs "
     "this server to set up a TURN relay."},
    {"Camera en microfoon werken alleen via een beveiligde verbinding, en deze pagina is geopend via http. "
     "Vraag om de link die met https:// begint.",
     "Kamera und Mikrofon funktionieren nur über eine sichere Verbindung, und diese Seite wurde über http geöffnet. "
     "Bitten Sie um den Link, der mit https:// beginnt.",
     "Camera and microphone work only over a secure connection, and this page was opened over http. "
     "Ask for the link that starts with https://."},
    {"Camera en microfoon", "Kamera und Mikrofon", "Camera and microphone"},
    {"De server is op dit moment vol. Probeer het over een paar minuten opnieuw.",
     "Der Server ist gerade voll. Versuchen Sie es in ein paar Minuten noch einmal.",
     "The server is full right now. Please try again in a few minutes."},
    {"Te veel verbindingen vanaf uw adres. Sluit Treff in andere tabbladen, of probeer het later opnieuw.",
     "Zu viele Verbindungen von Ihrer Adresse. Schließen Sie Treff in anderen Tabs, oder versuchen Sie es später noch einmal.",
     "Too many connections from your address. Close Treff in other tabs, or try again later."},
    {"Te vaak deelgenomen vanaf uw adres. Wacht een minuut en probeer het dan opnieuw.",
     "Zu oft von Ihrer Adresse teilgenommen. Warten Sie eine Minute und versuchen Sie es dann noch einmal.",
     "Too many joins from your address. Wait a minute, then try again."},
    {"De mediaserver antwoordt niet. Probeer het later opnieuw.",
     "Der Medienserver antwortet nicht. Versuchen Sie es später noch einmal.",
     "The media server does not answer. Please try again later."},
    {"Deze kamer staat op een mediaserver en kan niet vanuit het gesprek op slot.",
     "Dieser Raum liegt auf einem Medienserver und kann nicht aus dem Gespräch abgeschlossen werden.",
     "This room is on a media server and cannot be locked from the call."},
    {"De kamer is op de mediaserver gesloten.",
     "Der Raum wurde auf dem Medienserver geschlossen.",
     "The room was closed on the media server."},
    {"U bent uit de kamer verwijderd.",
     "Sie wurden aus dem Raum entfernt.",
     "You were removed from the room."},
    {"De mediaserver weigerde dit. Probeer het opnieuw; lukt het niet, vraag dan de beheerder.",
     "Der Medienserver hat das abgelehnt. Versuchen Sie es noch einmal; klappt es nicht, fragen Sie die Verwaltung.",
     "The media server refused this. Try again; if it keeps failing, ask its administrator."},
    {"Deze server biedt geen videokamers aan.",
     "Dieser Server bietet keine Videoräume an.",
     "This server does not offer video rooms."},
    {"Vorige", "Zurück", "Previous"},
    {"Volgende", "Weiter", "Next"},
    {"{page} van {pages}", "{page} von {pages}", "{page} of {pages}"},
};
static_assert(sizeof(kCatalog) / sizeof(kCatalog[0]) == static_cast<std::size_t>(Text::Count),
              "every Text needs a catalog row");

}  // namespace

Language language_from_tag(std::string_view tag) {
  const std::string_view primary = tag.substr(0, tag.find_first_of("-_"));
  if (primary == "nl") return Language::Dutch;
  if (primary == "de") return Language::German;
  return Language::English;
}

void set_language(Language language) { g_language = language; }
Language language() { return g_language; }

const char* language_tag(Language language) {
  switch (language) {
    case Language::Dutch: return "nl";
    case Language::German: return "de";
    case Language::English: return "en";
  }
  return "en";
}

const char* tr(Text text) { return tr(text, g_language); }

const char* tr(Text text, Language language) { return in_language(kCatalog[static_cast<int>(text)], language); }

const char* in_language(const CatalogEntry& e, Language language) {
  switch (language) {
    case Language::Dutch: return e.nl;
    case Language::German: return e.de;
    case Language::English: return e.en;
  }
  return e.en;
}

std::string tr_with_name(Text text, const std::string& name) { return fill_name(tr(text), name); }

std::string fill_name(const char* text, const std::string& name) {
  std::string out = text;
  const auto at = out.find("{name}");
  if (at != std::string::npos) out.replace(at, 6, name);
  return out;
}

const char* tr_problem(std::string_view code) {
  if (code == "room-full") return tr(Text::RoomFull);
  if (code == "server-unreachable") return tr(Text::ServerUnreachable);
  if (code == "connection-lost") return tr(Text::ConnectionLost);
  if (code == "bad-name") return tr(Text::BadName);
  if (code == "bad-room") return tr(Text::BadRoom);
  if (code == "password-required") return tr(Text::RoomLocked);
  if (code == "bad-password") return tr(Text::BadPassword);
  if (code == "wrong-password") return tr(Text::WrongPassword);
  if (code == "too-many-attempts") return tr(Text::TooManyAttempts);
  if (code == "busy") return tr(Text::ServerBusy);
  if (code == "server-full") return tr(Text::ServerFull);
  if (code == "too-many-connections") return tr(Text::TooManyConnections);
  if (code == "too-many-joins") return tr(Text::TooManyJoins);
  if (code == "server-silent") return tr(Text::MediaServerSilent);
  if (code == "not-offered") return tr(Text::RoomCannotBeLocked);
  if (code == "room-closed") return tr(Text::RoomClosed);
  if (code == "removed") return tr(Text::RemovedFromRoom);
  if (code == "server-error") return tr(Text::MediaServerRefused);
  if (code == "no-videoroom") return tr(Text::NoVideoRooms);
  return tr(Text::SomethingWentWrong);
}

}  // namespace treff::ui
