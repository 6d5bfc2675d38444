setup-title = Kairos einrichten
setup-progress = Fortschritt der Einrichtung
setup-step-account = Konto
setup-step-organization = Organisation
setup-step-email = E-Mail
setup-step-done = Fertig
setup-required = Einrichtung erforderlich
setup-required-text = Diese Kairos-Instanz ist noch nicht eingerichtet.
setup-required-where = Die Administration findet den einmaligen Einrichtungslink in der Ausgabe von `kairos serve` oder in dessen Protokoll (bei einer Systeminstallation: `journalctl -u kairos`).
setup-required-valid = Der Link gilt 30 Minuten; ein Neustart von Kairos gibt einen neuen aus.
setup-link-invalid = Dieser Einrichtungslink ist nicht gültig
setup-link-invalid-title = Einrichtungslink ungültig
setup-link-invalid-why = Er ist vielleicht abgelaufen (Links gelten 30 Minuten), wurde schon benutzt oder unvollständig kopiert.
setup-link-invalid-what = Starten Sie Kairos neu, um einen neuen Einrichtungslink auszugeben, und öffnen Sie ihn innerhalb von 30 Minuten.
setup-welcome = Willkommen bei Kairos
setup-welcome-text = Legen Sie das Konto der Inhaberin oder des Inhabers an. Es verwaltet diese Instanz und kann alle anderen einladen.
setup-password-hint = Mindestens 12 Zeichen. Ein paar Wörter, die nichts miteinander zu tun haben, ergeben ein starkes Passwort.
setup-password-repeat = Passwort wiederholen
setup-create-account = Konto anlegen und weiter
setup-organization = Ihre Organisation
setup-organization-text = Diese Angaben erscheinen auf Buchungsseiten und in Nachrichten. Sie können sie später ändern.
setup-organization-name = Name der Organisation
setup-public-address-hint = Die Adresse, unter der diese Instanz erreichbar ist, etwa https://book.example.org.
setup-first-day = Erster Tag der Woche
setup-installation = Welche Art von Installation ist das?
setup-installation-hint = Kairos meldet Personen nach einer Weile ohne Aktivität ab: früh, wo andere den Bildschirm sehen können, später am eigenen Computer. Die Administration kann das später ändern.
setup-installation-kind = Art der Installation
setup-installation-shared = Eine Praxis oder Klinik: Bildschirme, die andere sehen oder benutzen können
setup-installation-office = Ein Team: alle an einem eigenen Computer
setup-installation-personal = Nur ich, an meinem eigenen Computer
setup-finish = Einrichtung abschließen
setup-email-text = Kairos sendet Bestätigungen, Anfragen und Änderungen per E-Mail an die Buchenden und an die Gastgeber. Geben Sie jetzt Ihren Mailserver ein oder überspringen Sie das und erledigen Sie es später unter Verwaltung → E-Mail.
setup-save-finish = Speichern und abschließen
setup-skip = Vorerst überspringen
setup-signed-out-after = nach { $minutes ->
        [60] 1 Stunde
        [240] 4 Stunden
        [480] 8 Stunden
       *[other] { $minutes } Minuten
    } abgemeldet
