acct-invite-subject = Sie sind zu { $organization } auf Kairos eingeladen
acct-invite-heading = Treten Sie { $organization } bei
acct-hello = Hallo,
acct-invite-text = Sie sind eingeladen, { $organization } auf Kairos beizutreten, wo Sie Ihre Termine verwalten. Öffnen Sie den Link unten, um Ihren Namen und Ihr Passwort zu wählen.
acct-invite-expiry = Der Link funktioniert einmal und läuft in { $days ->
        [one] { $days } Tag
       *[other] { $days } Tagen
    } ab. Wenn Sie diese Einladung nicht erwartet haben, ignorieren Sie diese Nachricht.
acct-invite-button = Einladung annehmen
acct-made-subject = Ihr Konto bei { $organization } auf Kairos
acct-made-heading = Wählen Sie Ihr Passwort
acct-made-text = Für Sie wurde ein Konto bei { $organization } auf Kairos angelegt, wo Sie Ihre Termine verwalten. Öffnen Sie den Link unten, um Ihr Passwort zu wählen.
acct-made-expiry = Der Link funktioniert einmal und läuft in { $days ->
        [one] { $days } Tag
       *[other] { $days } Tagen
    } ab. Wenn Sie das nicht erwartet haben, ignorieren Sie diese Nachricht.
acct-made-button = Mein Passwort wählen
acct-reset-subject = Neues Passwort für { $organization } wählen
acct-reset-heading = Neues Passwort wählen
acct-reset-text = Jemand hat einen Link angefordert, um ein neues Passwort für Ihr Konto bei { $organization } auf Kairos zu wählen. Wenn Sie das waren, öffnen Sie den Link unten: Er funktioniert einmal, innerhalb von { $minutes } Minuten.
acct-reset-not-you = Wenn Sie es nicht waren, ignorieren Sie diese E-Mail: Ihr Passwort bleibt, wie es ist.
acct-unlock-subject = Die Anmeldung bei { $organization } wurde pausiert
acct-unlock-heading = Die Anmeldung wurde pausiert
acct-unlock-text = Jemand hat mehrmals versucht, sich mit einem falschen Passwort oder Bestätigungscode bei Ihrem Konto bei { $organization } auf Kairos anzumelden, daher ist die Anmeldung eine Weile pausiert. Wenn Sie das nicht waren: Es wurde nichts Falsches akzeptiert; ändern Sie Ihr Passwort, falls Sie es auch anderswo verwenden.
acct-unlock-how = Um sich jetzt anzumelden, öffnen Sie den Link unten in dem Browser, den Sie verwenden möchten, und bestätigen Sie. Er funktioniert einmal, innerhalb von { $minutes } Minuten, und lässt diesen Browser sich wieder anmelden.
acct-unlock-button = Meinen Browser anmelden lassen
acct-revoked-subject = { $provider } erneut verbinden
acct-revoked-heading = { $provider } muss erneut verbunden werden
acct-revoked-text = Kairos erreicht das { $provider }-Konto { $account } von { $host } nicht mehr: Der Zugriff wurde widerrufen oder ist abgelaufen.
acct-revoked-effect = Bis es wieder verbunden ist, blockieren seine Termine keine Zeiten von { $host }, und neue Buchungen werden dort nicht eingetragen. Die Buchungen selbst laufen wie gewohnt weiter.
acct-revoked-how = { $host } kann es auf der Seite „Kalender“ erneut verbinden: Dasselbe Konto behält seine Einstellungen.
acct-revoked-button = Kalender öffnen
acct-test-subject = Testnachricht von { $organization }
acct-test-heading = Testnachricht
acct-test-text = Dies ist eine Testnachricht von Kairos. E-Mail ist eingerichtet: Buchungsbestätigungen, Anfragen und Änderungen werden von dieser Adresse gesendet.
