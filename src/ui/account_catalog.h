// The texts of the account screens (login, invitation, contacts, my details), in Dutch, German
// and English. Kept apart from catalog.h, which holds the rooms' texts; the language is the same.
#pragma once

#include <string>
#include <string_view>

#include "ui/catalog.h"

namespace treff::ui {

enum class AccountText {
  LogIn,
  LoginTitle,
  Email,
  Password,
  LoggingIn,
  Back,
  ForgotPassword,
  InvitationTitle,
  InvitationFor,       // {name}
  ChoosePassword,
  NewPassword,
  RepeatPassword,
  SetPassword,
  CheckingInvitation,
  ContactsTitle,
  MyDetails,
  LogOut,
  NoContactsYet,
  PreviousPage,
  NextPage,
  PageOf,              // {name}: "2 / 3"
  Phone,
  About,
  Organisation,
  RemoveContact,
  ConfirmRemove,       // {name}
  YesRemove,
  Cancel,
  NewContact,
  FindPerson,
  Search,
  NobodyFound,
  SendRequest,
  RequestSent,         // {name}
  AlreadyContact,
  WaitingForAnswer,
  RequestsTitle,
  WantsContact,        // {name}
  Accept,
  Decline,
  AskedTitle,
  SessionEnded,
  DisplayName,
  Save,
  Saved,
  ChoosePhoto,
  CameraPhoto,
  TakePhoto,
  NewPhotoSaved,
  ChangePasswordTitle,
  CurrentPassword,
  ChangePassword,
  PasswordChanged,
  LogOutEverywhere,
  UnsavedQuestion,
  DontSave,
  InviteTitle,
  MakeInvitation,
  InvitationMade,      // {name}
  InvitationLink,
  CloseSearch,
  ContactsOf,          // {name}: whose list this is
  PhotoOf,             // {name}: a contact's photo as a button
  Loading,
  CallByLink,          // from the contacts to the start screen's rooms by link
  Count
};

const char* tr(AccountText text);
std::string tr_with_name(AccountText text, const std::string& name);
// A plain message for an error code of the accounts API or of the client's own checks
// ("login-failed", "invitation-used", ...); room problems as tr_problem.
const char* tr_account_problem(std::string_view code);

}  // namespace treff::ui
