cal-intro = Termine in Ihren eigenen Kalendern sperren die Zeiten, die gebucht werden können, und neue Buchungen können in einen davon eingetragen werden. Kairos gleicht alle paar Minuten ab.
cal-your-calendars = Ihre Kalender
cal-empty = Keine Kalender verbunden
cal-empty-text = Verbinden Sie unten ein Konto oder fügen Sie einen ICS-Feed hinzu, dann kann niemand Sie zu Ihren belegten Zeiten buchen.
cal-provider-ics = ICS-Feed
cal-status-reconnect = Muss neu verbunden werden
cal-status-failing = Abgleich schlägt fehl
cal-status-waiting = Wartet auf den ersten Abgleich
cal-status-synced = Abgeglichen
cal-destination = Neue Buchungen werden in { $calendar } ({ $address }) eingetragen.
cal-destination-none = Neue Buchungen werden in keinen Ihrer Kalender eingetragen. Wählen Sie „{ $button }“ bei einem Ihrer verbundenen Kalender, damit sie dort landen.
cal-calendar = Kalender
cal-blocks-slots = Seine Termine sperren Ihre Zeiten
cal-not-checked = Nicht auf Konflikte geprüft
cal-read-only = Schreibgeschützt
cal-written-here = Neue Buchungen werden hier eingetragen
cal-not-destination = Kein Ziel möglich: { $reason }
cal-check-conflicts = Auf Konflikte prüfen
cal-stop-writing = Keine Buchungen mehr hier eintragen
cal-write-here = Neue Buchungen hier eintragen
cal-error-on-or-off = muss an oder aus sein
cal-no-access = Kairos hat keinen Zugriff mehr:
cal-no-access-text = Bis Sie es neu verbinden, sperren seine Termine Ihre Zeiten nicht, und Buchungen werden dort nicht eingetragen.
cal-connect-again = Neu verbinden
cal-last-sync-failed = Der letzte Abgleich ist fehlgeschlagen:
cal-failed-times = { $count ->
    [one] Er ist { $count }-mal in Folge fehlgeschlagen.
   *[other] Er ist { $count }-mal in Folge fehlgeschlagen.
}
cal-retry-text = Kairos versucht es von selbst erneut und wartet nach jedem Fehlschlag länger (höchstens sechs Stunden).
cal-last-success = Letzter erfolgreicher Abgleich
cal-next-sync = Nächster Abgleich
cal-not-yet = Noch nicht
cal-not-planned = Nicht geplant
cal-zoom-text = Videobesprechungen: Terminarten mit Zoom als Ort erhalten für jede Buchung eine Zoom-Besprechung in diesem Konto, die mit ihr verschoben und gelöscht wird.
cal-no-calendars-listed = Der Server listet für dieses Konto noch keine Kalender.
cal-sync-now = Jetzt abgleichen
cal-disconnect = Trennen
cal-disconnect-confirm = Dieses Konto trennen? Kairos vergisst den Zugriff und die kopierten Termine.
cal-options = Optionen
cal-sync-cancellations-title = In diesem Kalender gelöschte Buchungen absagen
cal-sync-cancellations-text = Wenn Sie den Termin einer Buchung in Ihrem Kalender löschen, wird die Buchung abgesagt und die eingeladene Person benachrichtigt, 15 Minuten nachdem Kairos es bemerkt (stellen Sie den Termin vorher wieder her, um sie zu behalten).
cal-sync-cancellations = Absagen abgleichen
cal-live-check-title = Vor jeder Buchung im Kalender nachfragen
cal-live-check-text = Bevor eine Buchung angelegt oder verschoben wird, fragt Kairos Ihren Zielkalender höchstens 3 Sekunden lang nach Änderungen seit dem letzten Abgleich. Antwortet er nicht rechtzeitig, wird die Buchung trotzdem vorgenommen.
cal-live-check = Live-Prüfung
cal-connect-sign-in = Mit einer Anmeldung verbinden
cal-connect-sign-in-text = Sie melden sich bei dem Dienst an und erlauben Kairos, die belegten Zeiten Ihrer Kalender zu lesen und Ihre Buchungen einzutragen (bei Zoom: für jede Buchung eine Besprechung anzulegen). Kairos speichert den Zugriff verschlüsselt; Sie können die Verbindung jederzeit trennen.
cal-connect-vendor = { $vendor } verbinden
cal-not-connected = Nicht verbunden: { $reason }.
cal-vendor-not-set-up = { $vendor } ist auf dieser Instanz nicht eingerichtet: Wenden Sie sich an einen Administrator
cal-vendor-unknown-state = die Anmeldung bei { $vendor } wurde nicht hier abgeschlossen oder hat zu lange gedauert: Beginnen Sie von vorn
cal-vendor-access-not-allowed = { $vendor }: Der Zugriff wurde nicht erlaubt
cal-vendor-no-access-granted = { $vendor }: Es wurde kein Zugriff gewährt
cal-vendor-refused = { $vendor } hat die Anfrage abgelehnt: { $detail }
cal-vendor-revoked = { $vendor } akzeptiert den Zugriff von Kairos nicht mehr: Verbinden Sie das Konto neu
cal-vendor-unreachable = { $vendor } war nicht erreichbar: { $detail }
cal-vendor-credentials = der gespeicherte Zugriff lässt sich mit dem Schlüssel dieser Instanz nicht öffnen
cal-caldav-title = Ein CalDAV-Konto verbinden
cal-caldav-text = Nextcloud, iCloud, Fastmail, Radicale, Baïkal, SOGo und andere CalDAV-Server. Kairos liest Ihre Termine und kann neue Buchungen in einen Kalender eintragen.
cal-server-address = Serveradresse
cal-server-address-hint = Der Hostname genügt: Kairos findet Ihre Kalender.
cal-username = Benutzername
cal-app-password = App-Passwort
cal-app-password-hint = Nicht Ihr Hauptpasswort, sondern ein eigenes, das Sie widerrufen können. Kairos speichert es verschlüsselt und zeigt es nie wieder an.
cal-app-password-help = Wo bekomme ich ein App-Passwort?
cal-help-nextcloud = Einstellungen → Sicherheit → Geräte & Sitzungen → Neues App-Passwort erstellen.
cal-help-icloud = account.apple.com → Anmeldung und Sicherheit → App-spezifische Passwörter. Der Server ist caldav.icloud.com.
cal-help-fastmail = Einstellungen → Privatsphäre & Sicherheit → App-Passwörter verwalten → Neues App-Passwort, mit Zugriff auf CalDAV.
cal-connect-account = Konto verbinden
cal-feed-title = Einen ICS-Feed hinzufügen
cal-feed-text = Eine schreibgeschützte Kalenderadresse: Ihre Termine sperren Ihre Zeiten, aber Buchungen können nicht dort eingetragen werden.
cal-feed-address = Feed-Adresse
cal-feed-address-hint = Behandeln Sie sie wie ein Passwort: Wer sie hat, kann den Kalender lesen. Kairos speichert sie verschlüsselt und zeigt nur ihren Hostnamen.
cal-feed-help = Wo finde ich die Adresse?
cal-help-google = Einstellungen → Ihr Kalender → Kalender integrieren → Privatadresse im iCal-Format.
cal-help-outlook = Einstellungen → Kalender → Freigegebene Kalender → Kalender veröffentlichen → der ICS-Link.
cal-help-others-label = Andere:
cal-help-others = Suchen Sie in den Freigabe-Einstellungen des Kalenders nach „abonnieren“, „veröffentlichen“ oder „iCal“. Eine webcal://-Adresse funktioniert auch.
cal-add-feed = Feed hinzufügen
cal-sync-title = Kalenderabgleich
cal-sync-intro = Jedes verbundene Kalenderkonto dieser Instanz und wie es abgeglichen wird. Nur die Person, der es gehört, sieht seine Kalender.
cal-back-to-admin = Zurück zur Verwaltung
cal-accounts-failing = { $count ->
    [one] { $count } Konto kann nicht abgeglichen werden.
   *[other] { $count } Konten können nicht abgeglichen werden.
}
cal-accounts-failing-text = Die Person, der es gehört, sieht den Grund auf ihrer Seite „Kalender“ und kann die Adresse oder das Passwort korrigieren oder das Konto trennen.
cal-accounts = Konten
cal-empty-admin-text = Mitglieder verbinden ihre Kalender unter „Kalender“.
cal-owner = Inhaber
cal-provider = Anbieter
cal-address = Adresse
cal-last-sync = Letzter Abgleich
cal-failures = Fehlschläge
cal-last-error = Letzter Fehler

cal-error-provider = muss caldav oder ics sein (Google Kalender und Microsoft 365 werden über ihre Anmeldeseiten verbunden)
cal-error-long-line = muss eine Zeile mit höchstens 2048 Zeichen sein
cal-error-http = muss eine http- oder https-Adresse sein
cal-error-username = ist bei einem Passwort erforderlich

cal-error-did-not-work = hat nicht funktioniert: { $reason }
cal-error-no-calendars = hat nicht funktioniert: Der Server führt für diesen Benutzer keine Kalender
cal-error-no-answer = { $seconds ->
        [one] hat nicht innerhalb von { $seconds } Sekunde geantwortet
       *[other] hat nicht innerhalb von { $seconds } Sekunden geantwortet
    }
cal-error-password-refused = wurde vom Server abgelehnt: Prüfen Sie den Benutzernamen und verwenden Sie ein App-Passwort
cal-error-read-only-destination = dieser Kalender ist schreibgeschützt: Buchungen können dort nicht eingetragen werden
cal-error-feed-read-only = ein Feed ist schreibgeschützt: Kairos trägt dort keine Buchungen ein
cal-error-caldav-only = gibt es nur für CalDAV-Konten
