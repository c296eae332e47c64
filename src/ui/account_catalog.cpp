#include "ui/account_catalog.h"

#include <cstddef>

namespace treff::ui {
namespace {

struct Entry {
  const char* nl;
  const char* de;
  const char* en;
};

// One row per AccountText, in enum order.
constexpr Entry kTexts[] = {
    {"Inloggen", "Anmelden", "Log in"},
    {"Inloggen met uw account", "Mit Ihrem Konto anmelden", "Log in with your account"},
    {"E-mailadres", "E-Mail-Adresse", "E-mail address"},
    {"Wachtwoord", "Passwort", "Password"},
    {"Bezig met inloggen…", "Anmeldung läuft…", "Logging in…"},
    {"Terug", "Zurück", "Back"},
    {"Wachtwoord vergeten? Vraag de beheerder van uw organisatie om een nieuwe uitnodigingslink.",
     "Passwort vergessen? Bitten Sie die Verwaltung Ihrer Organisation um einen neuen Einladungslink.",
     "Forgot your password? Ask your organisation's administrator for a new invitation link."},
    {"Welkom bij Treff", "Willkommen bei Treff", "Welcome to Treff"},
    {"Uitnodiging voor {name}", "Einladung für {name}", "Invitation for {name}"},
    {"Kies uw wachtwoord: minstens 10 tekens. Een korte zin is goed te onthouden.",
     "Wählen Sie Ihr Passwort: mindestens 10 Zeichen. Ein kurzer Satz ist leicht zu merken.",
     "Choose your password: at least 10 characters. A short sentence is easy to remember."},
    {"Nieuw wachtwoord", "Neues Passwort", "New password"},
    {"Herhaal het wachtwoord", "Passwort wiederholen", "Repeat the password"},
    {"Wachtwoord instellen", "Passwort festlegen", "Set the password"},
    {"De uitnodiging wordt gecontroleerd…", "Die Einladung wird geprüft…", "Checking the invitation…"},
    {"Mijn contactenlijst", "Meine Kontaktliste", "My contacts"},
    {"Mijn gegevens", "Meine Daten", "My details"},
    {"Uitloggen", "Abmelden", "Log out"},
    {"U heeft nog geen contacten. Kies “Nieuw contact” om iemand toe te voegen.",
     "Sie haben noch keine Kontakte. Wählen Sie „Neuer Kontakt“, um jemanden hinzuzufügen.",
     "You have no contacts yet. Choose “New contact” to add someone."},
    {"Vorige pagina", "Vorherige Seite", "Previous page"},
    {"Volgende pagina", "Nächste Seite", "Next page"},
    {"Pagina {name}", "Seite {name}", "Page {name}"},
    {"Telefoon", "Telefon", "Phone"},
    {"Over mij", "Über mich", "About me"},
    {"Organisatie", "Organisation", "Organisation"},
    {"Verwijderen uit mijn lijst", "Aus meiner Liste entfernen", "Remove from my list"},
    {"{name} uit uw contactenlijst verwijderen?", "{name} aus Ihrer Kontaktliste entfernen?",
     "Remove {name} from your contacts?"},
    {"Ja, verwijderen", "Ja, entfernen", "Yes, remove"},
    {"Annuleren", "Abbrechen", "Cancel"},
    {"Nieuw contact", "Neuer Kontakt", "New contact"},
    {"Naam of e-mailadres", "Name oder E-Mail-Adresse", "Name or e-mail address"},
    {"Zoeken", "Suchen", "Search"},
    {"Niemand gevonden in uw organisatie.", "Niemand in Ihrer Organisation gefunden.",
     "Nobody found in your organisation."},
    {"Contactverzoek sturen", "Kontaktanfrage senden", "Send a contact request"},
    {"Verzoek verstuurd. {name} ziet het bij het volgende bezoek.",
     "Anfrage gesendet. {name} sieht sie beim nächsten Besuch.",
     "Request sent. {name} will see it on their next visit."},
    {"Staat al in uw lijst", "Schon in Ihrer Liste", "Already in your list"},
    {"Wacht op antwoord", "Wartet auf Antwort", "Waiting for an answer"},
    {"Contactverzoeken", "Kontaktanfragen", "Contact requests"},
    {"{name} wil u toevoegen als contact.", "{name} möchte Sie als Kontakt hinzufügen.",
     "{name} would like to add you as a contact."},
    {"Accepteren", "Annehmen", "Accept"},
    {"Weigeren", "Ablehnen", "Decline"},
    {"Verstuurde verzoeken", "Gesendete Anfragen", "Sent requests"},
    {"U bent uitgelogd: te lang niet gebruikt, of elders uitgelogd. Log opnieuw in.",
     "Sie wurden abgemeldet: zu lange nicht benutzt oder anderswo abgemeldet. Bitte melden Sie sich neu an.",
     "You were logged out: not used for too long, or logged out elsewhere. Please log in again."},
    {"Naam", "Name", "Name"},
    {"Bewaar", "Speichern", "Save"},
    {"Bewaard.", "Gespeichert.", "Saved."},
    {"Foto kiezen", "Foto auswählen", "Choose a photo"},
    {"Foto met de camera", "Foto mit der Kamera", "Photo with the camera"},
    {"Foto maken", "Foto aufnehmen", "Take the photo"},
    {"Uw nieuwe foto is bewaard.", "Ihr neues Foto ist gespeichert.", "Your new photo is saved."},
    {"Wachtwoord wijzigen", "Passwort ändern", "Change the password"},
    {"Huidig wachtwoord", "Aktuelles Passwort", "Current password"},
    {"Wachtwoord wijzigen", "Passwort ändern", "Change the password"},
    {"Het wachtwoord is gewijzigd. Op uw andere apparaten bent u uitgelogd.",
     "Das Passwort ist geändert. Auf Ihren anderen Geräten wurden Sie abgemeldet.",
     "The password is changed. You were logged out on your other devices."},
    {"Overal uitloggen", "Überall abmelden", "Log out everywhere"},
    {"U heeft wijzigingen die nog niet bewaard zijn. Wilt u ze bewaren?",
     "Sie haben Änderungen, die noch nicht gespeichert sind. Möchten Sie sie speichern?",
     "You have changes that are not saved yet. Do you want to save them?"},
    {"Niet bewaren", "Nicht speichern", "Don't save"},
    {"Iemand uitnodigen", "Jemanden einladen", "Invite someone"},
    {"Uitnodigingslink maken", "Einladungslink erstellen", "Make an invitation link"},
    {"Stuur deze link aan {name}. Hij is drie dagen geldig en werkt één keer.",
     "Senden Sie diesen Link an {name}. Er gilt drei Tage und funktioniert einmal.",
     "Send this link to {name}. It is valid for three days and works once."},
    {"Uitnodigingslink", "Einladungslink", "Invitation link"},
    {"Zoeken sluiten", "Suche schließen", "Close the search"},
    {"Contacten van {name}", "Kontakte von {name}", "Contacts of {name}"},
    {"Foto van {name}", "Foto von {name}", "Photo of {name}"},
    {"Even geduld…", "Einen Moment…", "One moment…"},
    {"Gesprek via een link", "Gespräch per Link", "Call by link"},
};
static_assert(sizeof(kTexts) / sizeof(kTexts[0]) == static_cast<std::size_t>(AccountText::Count),
              "every AccountText needs a row");

// Problems of the accounts API and the client's checks, by code.
struct Problem {
  const char* code;
  Entry text;
};
constexpr Problem kProblems[] = {
    {"login-failed",
     {"Het e-mailadres of het wachtwoord klopt niet.", "Die E-Mail-Adresse oder das Passwort stimmt nicht.",
      "The e-mail address or the password is not right."}},
    {"password-empty", {"Vul het wachtwoord in.", "Bitte geben Sie das Passwort ein.", "Please enter the password."}},
    {"bad-email",
     {"Vul een e-mailadres in zoals naam@voorbeeld.nl.", "Bitte geben Sie eine E-Mail-Adresse wie name@beispiel.de ein.",
      "Please enter an e-mail address such as name@example.org."}},
    {"password-too-short",
     {"Het wachtwoord moet minstens 10 tekens hebben.", "Das Passwort braucht mindestens 10 Zeichen.",
      "The password needs at least 10 characters."}},
    {"password-too-common",
     {"Dit wachtwoord wordt heel vaak gebruikt. Kies een ander.",
      "Dieses Passwort wird sehr oft benutzt. Bitte wählen Sie ein anderes.",
      "This password is one of the most used ones. Please choose another."}},
    {"password-mismatch",
     {"De twee wachtwoorden zijn niet gelijk.", "Die beiden Passwörter sind nicht gleich.",
      "The two passwords are not the same."}},
    {"bad-password",
     {"Het wachtwoord is te lang (hoogstens 256 tekens).", "Das Passwort ist zu lang (höchstens 256 Zeichen).",
      "The password is too long (at most 256 characters)."}},
    {"wrong-password",
     {"Het huidige wachtwoord klopt niet.", "Das aktuelle Passwort stimmt nicht.", "The current password is not right."}},
    {"invitation-unknown",
     {"Deze uitnodigingslink is onbekend. Controleer of u de hele link heeft gekopieerd.",
      "Dieser Einladungslink ist unbekannt. Prüfen Sie, ob Sie den ganzen Link kopiert haben.",
      "This invitation link is unknown. Check that you copied the whole link."}},
    {"invitation-used",
     {"Deze uitnodigingslink is al gebruikt. Log in met uw wachtwoord, of vraag om een nieuwe link.",
      "Dieser Einladungslink wurde schon benutzt. Melden Sie sich mit Ihrem Passwort an oder bitten Sie um einen neuen Link.",
      "This invitation link has been used already. Log in with your password, or ask for a new link."}},
    {"invitation-expired",
     {"Deze uitnodigingslink is verlopen. Vraag de beheerder om een nieuwe.",
      "Dieser Einladungslink ist abgelaufen. Bitten Sie die Verwaltung um einen neuen.",
      "This invitation link has expired. Ask the administrator for a new one."}},
    {"bad-phone",
     {"Het telefoonnummer is te lang (hoogstens 32 tekens).", "Die Telefonnummer ist zu lang (höchstens 32 Zeichen).",
      "The phone number is too long (at most 32 characters)."}},
    {"bad-about",
     {"De tekst over u is te lang (hoogstens 280 tekens).", "Der Text über Sie ist zu lang (höchstens 280 Zeichen).",
      "The text about you is too long (at most 280 characters)."}},
    {"bad-organisation",
     {"De naam van de organisatie is te lang (hoogstens 64 tekens).",
      "Der Name der Organisation ist zu lang (höchstens 64 Zeichen).",
      "The organisation's name is too long (at most 64 characters)."}},
    {"email-taken",
     {"Er is al een account met dit e-mailadres.", "Es gibt schon ein Konto mit dieser E-Mail-Adresse.",
      "There is already an account with this e-mail address."}},
    {"already-contact",
     {"Deze persoon staat al in uw contactenlijst.", "Diese Person ist schon in Ihrer Kontaktliste.",
      "This person is in your contacts already."}},
    {"contact-self",
     {"U kunt uzelf niet als contact toevoegen.", "Sie können sich nicht selbst als Kontakt hinzufügen.",
      "You cannot add yourself as a contact."}},
    {"not-a-contact",
     {"Deze persoon staat niet meer in uw lijst.", "Diese Person ist nicht mehr in Ihrer Liste.",
      "This person is no longer in your list."}},
    {"no-request",
     {"Dit verzoek bestaat niet meer.", "Diese Anfrage gibt es nicht mehr.", "This request no longer exists."}},
    {"no-account",
     {"Deze persoon is niet gevonden.", "Diese Person wurde nicht gefunden.", "This person was not found."}},
    {"not-found",
     {"Deze persoon is niet gevonden.", "Diese Person wurde nicht gefunden.", "This person was not found."}},
    {"forbidden",
     {"Dat mag alleen een beheerder.", "Das darf nur die Verwaltung.", "Only an administrator may do that."}},
    {"bad-query",
     {"Typ een naam of een e-mailadres.", "Geben Sie einen Namen oder eine E-Mail-Adresse ein.",
      "Type a name or an e-mail address."}},
    {"bad-photo",
     {"Dit bestand is geen foto die de server kan lezen. Kies een andere foto.",
      "Diese Datei ist kein Foto, das der Server lesen kann. Bitte wählen Sie ein anderes Foto.",
      "The server cannot read this file as a photo. Please choose another photo."}},
    {"not-an-image",
     {"Dit bestand is geen afbeelding. Kies een foto.", "Diese Datei ist kein Bild. Bitte wählen Sie ein Foto.",
      "This file is not a picture. Please choose a photo."}},
    {"photo-too-large",
     {"De foto is te groot.", "Das Foto ist zu groß.", "The photo is too large."}},
    {"no-camera",
     {"Er is geen camerabeeld. Sta de camera toe en probeer het opnieuw.",
      "Es gibt kein Kamerabild. Erlauben Sie die Kamera und versuchen Sie es noch einmal.",
      "There is no camera picture. Allow the camera and try again."}},
    {"storage_full",
     {"De server kan nu niets bewaren (de schijf is vol). Er is niets verloren; probeer het later opnieuw.",
      "Der Server kann gerade nichts speichern (die Festplatte ist voll). Es ging nichts verloren; versuchen Sie es später noch einmal.",
      "The server cannot store anything now (its disk is full). Nothing was lost; please try again later."}},
    {"storage_read_only",
     {"De server kan nu niets bewaren. Er is niets verloren; probeer het later opnieuw.",
      "Der Server kann gerade nichts speichern. Es ging nichts verloren; versuchen Sie es später noch einmal.",
      "The server cannot store anything now. Nothing was lost; please try again later."}},
    {"not-logged-in",
     {"U bent uitgelogd. Log opnieuw in.", "Sie sind abgemeldet. Bitte melden Sie sich neu an.",
      "You are logged out. Please log in again."}},
};

const char* pick(const Entry& e) {
  switch (language()) {
    case Language::Dutch: return e.nl;
    case Language::German: return e.de;
    case Language::English: return e.en;
  }
  return e.en;
}

}  // namespace

const char* tr(AccountText text) { return pick(kTexts[static_cast<std::size_t>(text)]); }

std::string tr_with_name(AccountText text, const std::string& name) { return fill_name(tr(text), name); }

const char* tr_account_problem(std::string_view code) {
  for (const auto& p : kProblems)
    if (code == p.code) return pick(p.text);
  if (code == "storage_busy") return tr_problem("busy");  // the same words as the rooms' "busy"
  return tr_problem(code);  // e.g. "bad-name", "busy", "too-many-attempts", "server-unreachable"
}

}  // namespace treff::ui
