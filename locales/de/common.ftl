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
js-zone-detected = Ihre Zeitzone (erkannt)
js-zone-search = Zeitzonen suchen
js-passwords-differ = Die Passwörter stimmen nicht überein.
js-choose-one = Wählen Sie mindestens eine Option.
js-guest-email = E-Mail des Gasts { $n }
js-sending = Wird gesendet…
js-copied = Kopiert
event-type-language = Sprache der Seite
event-type-language-visitor = Sprache der Besucher
event-type-language-hint = Die Buchungsseiten und die E-Mails an die Eingeladenen sind in dieser Sprache, gleich welche Sprache der Browser anfragt.

notice-signed-out = Sie sind abgemeldet.
notice-password-changed = Ihr Passwort ist geändert. Melden Sie sich mit dem neuen an.
notice-setup-complete = Die Einrichtung ist abgeschlossen. Willkommen bei Kairos.
notice-session-ended = Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an, um fortzufahren.
notice-signed-out-everywhere = Sie sind auf allen Geräten abgemeldet.
notice-second-factor-expired = Die Anmeldung hat zu lange gedauert. Geben Sie E-Mail-Adresse und Passwort erneut ein.
notice-unlocked = Dieser Browser darf sich wieder bei Ihrem Konto anmelden.

location-phone = Telefon: { $number }
location-link-coming = (der Link wird erstellt und kommt per E-Mail)
notice-shown-once-gone = Was hier einmalig angezeigt wurde, wird nicht mehr angezeigt. Wenn Sie es nicht kopiert haben, erstellen Sie ein neues.
host-event-booked-by = Gebucht von { $name } <{ $email }>
host-event-hosts = Gastgeber: { $names }
host-event-open = Buchung öffnen: { $link }

zone-label = { $city } · { $zone } ({ $offset })
zone-label-city = { $city } ({ $offset })
zone-utc = UTC (Koordinierte Weltzeit)
zone-region = { $region ->
        [Africa] Afrika
        [America] Amerika
        [Antarctica] Antarktis
        [Arctic] Arktis
        [Asia] Asien
        [Atlantic] Atlantik
        [Australia] Australien
        [Europe] Europa
        [Indian] Indischer Ozean
        [Pacific] Pazifik
       *[other] { $region }
    }
