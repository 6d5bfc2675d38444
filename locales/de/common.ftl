page-title = { $page } · Kairos
skip-to-content = Zum Inhalt springen
scheduling-by-kairos = Terminbuchung mit Kairos
language-menu-label = Sprache
language-menu-change = Ändern
nav-label = Hauptmenü
nav-home = Start
nav-event-types = Terminarten
nav-availability = Verfügbarkeit
nav-calendars = Kalender
nav-bookings = Buchungen
nav-workflows = Abläufe
nav-teams = Teams
nav-settings = Einstellungen
nav-admin = Verwaltung
sign-out = Abmelden
idle-title = Sind Sie noch da?
idle-text = Zu Ihrer Sicherheit werden Sie in { $seconds } Sekunden abgemeldet.
idle-stay = Angemeldet bleiben
copy = Kopieren
form-correct-fields = Bitte korrigieren Sie die markierten Felder.
profile-language = Sprache
profile-language-organization = Sprache der Organisation
settings-default-language = Standardsprache
settings-default-language-hint = Für Buchungsseiten, wenn der Browser keine Sprache anfragt, die Kairos spricht, und für alle, die keine gewählt haben.

# A field's error under it: the field's label, then why it was refused.
field-error = { $label } { $reason }
