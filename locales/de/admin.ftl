# Verwaltung: Personen, Einladungen, die Einstellungen der Instanz und die Seiten darunter.

admin-title = Verwaltung
admin-intro = Wer sich anmelden kann und wie sich diese Instanz verhält.
admin-back-to-admin = Zurück zur Verwaltung
admin-calendar-sync = Kalenderabgleich
admin-status = Status
admin-set-up = Eingerichtet
admin-not-set-up = Nicht eingerichtet
admin-client-id = Client-ID
admin-client-secret = Client-Geheimnis
admin-redirect-uri = Weiterleitungs-URI

## Personen und Einladungen

admin-people = Personen
admin-role = { $role ->
        [owner] Inhaber
        [admin] Administrator
       *[member] Mitglied
    }
admin-disabled = Deaktiviert
admin-no-password = Hat noch kein Passwort festgelegt
admin-since = seit { $date }
admin-enable = Aktivieren
admin-disable = Deaktivieren
admin-disable-confirm = { $name } deaktivieren? Die Person wird sofort abgemeldet.
admin-create-account = Konto anlegen
admin-create-account-hint = Sie erhalten einen Einmal-Link, { $days ->
        [one] 1 Tag
       *[other] { $days } Tage
    } gültig, mit dem die Person ihr Passwort wählt.
admin-name = Name
admin-email = E-Mail
admin-role-label = Rolle
admin-role-member = Mitglied
admin-role-admin = Administrator
admin-create-account-button = Konto anlegen
admin-invitations = Einladungen
admin-invitations-hint = Die Person erhält einen Einmal-Link, { $days ->
        [one] 1 Tag
       *[other] { $days } Tage
    } gültig, um Namen und Passwort zu wählen. Er wird per E-Mail verschickt, wenn ein Mailserver eingerichtet ist; sonst kopieren Sie ihn.
admin-send-invitation = Einladung senden
admin-no-invitations = Keine offenen Einladungen.
admin-pending = Offen
admin-expires = läuft ab am { $date }
admin-revoke-confirm = Die Einladung für { $email } widerrufen? Der Link funktioniert dann nicht mehr.
admin-revoke = Widerrufen
admin-account-created = Konto für { $name } angelegt.
admin-invitation-emailed = Einladung an { $email } gesendet.
admin-invitation-link-works = Der Link funktioniert einmal innerhalb von { $days ->
        [one] 1 Tag
       *[other] { $days } Tagen
    }.
admin-invitation-created = Einladung für { $email } angelegt.
admin-not-emailed-invitation = Sie konnte nicht per E-Mail verschickt werden ({ $reason }).
admin-invitation-send-link = Schicken Sie der Person diesen Einmal-Link. Er wird nur jetzt angezeigt und funktioniert einmal innerhalb von { $days ->
        [one] 1 Tag
       *[other] { $days } Tagen
    }:
admin-invitation-link = Einladungslink
admin-account-link-emailed = Wir haben { $email } einen Einmal-Link geschickt, um das Passwort zu wählen. Er funktioniert einmal innerhalb von { $days ->
        [one] 1 Tag
       *[other] { $days } Tagen
    }.
admin-not-emailed-link = Der Link konnte nicht per E-Mail verschickt werden ({ $reason }).
admin-account-link-send = Schicken Sie der Person diesen Einmal-Link, um ihr Passwort zu wählen. Er wird nur jetzt angezeigt und ist { $days ->
        [one] 1 Tag
       *[other] { $days } Tage
    } gültig:
admin-one-time-link = Einmal-Link

## Die Einstellungen der Instanz

admin-instance = Instanz
admin-public-address-hint = Etwa https://book.example.org. Die Angabe base_url in der Konfigurationsdatei hat Vorrang.
admin-signup = Wer beitreten kann
admin-signup-closed = Geschlossen: Nur die Administration legt Konten an
admin-signup-invite = Nur auf Einladung: Personen treten über einen Einmal-Link bei
admin-signup-hint = Eine öffentliche Registrierungsseite gibt es in keinem Fall.
admin-embed-origins = Websites, die Buchungsseiten einbetten dürfen
admin-embed-origins-hint = Ein Ursprung pro Zeile, etwa https://www.example.org. Leer: Keine Website darf sie in einem Frame zeigen. Das Dashboard kann nie eingebettet werden.
admin-require-mfa = Bestätigung in zwei Schritten verlangen
admin-require-mfa-off = Aus: Jede Person entscheidet selbst
admin-require-mfa-administrators = Für die Administration
admin-require-mfa-everyone = Für alle
admin-require-mfa-hint = Betroffene richten sie direkt nach der Anmeldung ein und können vorher nichts anderes tun.
admin-audit-retention = Audit-Protokoll aufbewahren (Jahre)
admin-audit-retention-hint = Ältere Einträge werden täglich entfernt; das Protokoll bleibt überprüfbar. HIPAA verlangt 6 Jahre.
admin-limit-event-type = Neue Buchungen je Terminart und Stunde
admin-limit-event-type-hint = Über die Buchungsseiten und die API zusammen; darüber hinaus werden Personen gebeten, es später zu versuchen. 0: keine Grenze.
admin-limit-host = Neue Buchungen je Gastgeber und Stunde
admin-limit-host-hint = Über alle Terminarten eines Gastgebers. Gastgeber, die ihre eigenen Terminarten buchen, sind nicht begrenzt. 0: keine Grenze.
admin-idle = Abmelden nach Inaktivität
admin-idle-hint = Eine Minute vorher fragt die Seite, ob die Person noch da ist.
admin-idle-minutes = { $minutes ->
        [one] 1 Minute
       *[other] { $minutes } Minuten
    }
admin-idle-hours = { $hours ->
        [one] 1 Stunde
       *[other] { $hours } Stunden
    }
admin-idle-option = { $time } ({ $fits })
admin-minimum-necessary = Nur das Nötigste in Nachrichten
admin-minimum-necessary-hint = Antworten und Notizen bleiben aus E-Mails, SMS und Webhooks heraus; diese enthalten nur Zeit, Ort und Links. Das Dashboard zeigt weiterhin alles, wer es sehen darf.
admin-allow-private = Server im privaten Netz erlauben
admin-allow-private-hint = Für Webhook-Empfänger, das SMS-Gateway, den Mailserver und den Single-Sign-on-Anbieter in Ihrem Netz (10.x, 172.16–31.x, 192.168.x, 100.64–127.x, fc00::/7); Mailserver, Gateway und Anbieter dürfen dann auch auf diesem Rechner laufen (localhost). Link-lokale Adressen, Cloud-Metadaten und andere Sonderadressen werden immer abgelehnt.
admin-save-settings = Einstellungen speichern

## Das Audit-Protokoll

admin-audit-title = Audit-Protokoll
admin-audit-intro = Wer was von wo getan hat. Neueste zuerst; die Seite zeigt bis zu { $limit } Zeilen, ein Download enthält alle passenden Zeilen.
admin-audit-action = Aktion
admin-audit-actor = Akteur
admin-audit-anyone = Alle
admin-audit-actor-kind = { $kind ->
        [user] Benutzer
        [api_key] API-Schlüssel
        [invitee] Eingeladener
        [system] System
        [anonymous] Anonym
       *[other] { $kind }
    }
admin-audit-actor-id = Akteur-ID
admin-audit-from = Von
admin-audit-to = Bis
admin-audit-filter = Filtern
admin-audit-download-csv = CSV herunterladen
admin-audit-download-json = JSON herunterladen
admin-audit-time = Zeit (UTC)
admin-audit-object = Objekt
admin-audit-outcome = Ergebnis
admin-audit-outcome-value = { $outcome ->
        [success] Erfolg
        [failure] Fehlschlag
        [denied] Verweigert
       *[other] { $outcome }
    }
admin-audit-address = Adresse
admin-audit-user-agent = User-Agent

## E-Mail: der Mailserver

smtp-server = Server
smtp-port = Port
smtp-security = Sicherheit
smtp-security-starttls = STARTTLS: eine einfache Verbindung, auf TLS umgestellt
smtp-security-tls = TLS von Anfang an
smtp-security-none = Keine: nur für ein Relay in einem vertrauenswürdigen Netz
smtp-security-hint = Meist Port 587 mit STARTTLS, 465 mit TLS.
smtp-username = Benutzername
smtp-username-hint = Nur wenn der Server eine Anmeldung verlangt.
smtp-password = Passwort
smtp-password-stored = Ein Passwort ist gespeichert. Leer lassen, um es zu behalten.
smtp-password-new = Verschlüsselt gespeichert, nie wieder angezeigt.
smtp-from-address = Absenderadresse
smtp-from-name = Absendername
smtp-from-name-placeholder = Ihre Organisation

admin-email-title = E-Mail
admin-email-intro = Der Mailserver, über den Kairos Buchungsbestätigungen, Anfragen und Änderungen verschickt. Ohne ihn wird keine E-Mail gesendet.
admin-email-server = Mailserver
admin-email-save = Mailserver speichern
admin-email-test = Testnachricht senden
admin-email-save-first = Speichern Sie zuerst einen Mailserver.
admin-email-test-hint = Sendet eine kurze Nachricht über den gespeicherten Server. Schlägt das fehl, sehen Sie die Antwort des Servers.
admin-email-send-to = Senden an
admin-email-send-test = Test-E-Mail senden
admin-email-test-sent = Die Testnachricht wurde an { $to } gesendet.
admin-email-test-not-sent = Die Testnachricht wurde nicht gesendet.
admin-email-server-answered = Der Mailserver antwortete:
admin-email-test-failed = Die Testnachricht wurde nicht gesendet: { $reason }.

## SMS

admin-sms-title = SMS
admin-sms-intro = Kairos verschickt SMS (Erinnerungen und Nachrichten aus Abläufen) über ein HTTP-Gateway Ihrer Wahl.
admin-sms-gateway = Gateway
admin-sms-unreadable = Die gespeicherten Gateway-Einstellungen lassen sich mit dem Schlüssel dieser Instanz nicht lesen. Geben Sie sie erneut ein.
admin-sms-not-set-up = Nicht eingerichtet: Es werden keine SMS verschickt
admin-sms-url = Gateway-URL
admin-sms-url-hint = Kairos sendet dorthin eine POST-Anfrage je Nachricht. Adressen im privaten Netz erfordern die Instanz-Einstellung, die sie erlaubt.
admin-sms-auth-header = Authentifizierungs-Header
admin-sms-auth-header-hint = Leer: Es wird kein Header gesendet.
admin-sms-header-value = Header-Wert
admin-sms-header-value-stored = Verschlüsselt gespeichert. Leer lassen, um ihn zu behalten.
admin-sms-header-value-new = Etwa Bearer … oder Basic …; verschlüsselt gespeichert.
admin-sms-body-format = Format des Inhalts
admin-sms-body-form = Formular (application/x-www-form-urlencoded)
admin-sms-body-format-invalid = muss JSON oder Formular sein
admin-sms-body-template = Vorlage für den Inhalt
admin-sms-body-template-hint = { $to } ist die Telefonnummer und { $body } die Nachricht. In JSON werden sie zu Zeichenketten in Anführungszeichen: { $json }; in einem Formular zu kodierten Werten: { $form }.
admin-sms-save = Gateway speichern
admin-sms-remove-confirm = Das SMS-Gateway entfernen? Kairos verschickt dann keine SMS mehr.
admin-sms-remove = Gateway entfernen
admin-sms-twilio = Twilio-kompatible Vorlage
admin-sms-twilio-intro = Richtet das Gateway für die Messages API von Twilio ein oder für einen Dienst, der sie nachbildet: ein Formular mit To, From und Body und Basic-Authentifizierung mit Account SID und Auth Token.
admin-sms-account-sid = Account SID
admin-sms-auth-token = Auth Token
admin-sms-sender = Absendernummer
admin-sms-api-base = API-Adresse
admin-sms-api-base-hint = Die von Twilio, sofern der Dienst nichts anderes angibt.
admin-sms-use-preset = Vorlage verwenden
admin-sms-test = Test-SMS senden
admin-sms-test-hint = Sendet jetzt eine kurze Nachricht und zeigt, was das Gateway geantwortet hat.
admin-sms-phone = Telefonnummer
admin-sms-send-test = Test-SMS senden
admin-sms-test-taken = Das Gateway hat die Testnachricht angenommen: HTTP { $status } in { $ms } ms.
admin-sms-it-answered = Es antwortete:
admin-sms-test-failed = Die Testnachricht wurde nicht gesendet: { $reason }.
admin-sms-gateway-answered = Das Gateway antwortete:
admin-sms-set-up-first = Richten Sie zuerst ein Gateway ein.

## Hintergrundaufträge

admin-jobs-title = Hintergrundaufträge
admin-jobs-intro = E-Mails und andere Arbeit nach einer Änderung. Ein fehlschlagender Auftrag wird mit wachsenden Pausen (höchstens eine Stunde Abstand) { $hours ->
        [one] 1 Stunde
       *[other] { $hours } Stunden
    } ab seiner Fälligkeit wiederholt, danach ist er abgebrochen, bis Sie ihn erneut starten.
admin-jobs-intro-reminders = Eine Erinnerung, die nicht vor Beginn ihres Termins gesendet werden konnte, ist abgebrochen und sagt das.
admin-jobs-times-in = Zeiten in { $zone }.
admin-jobs-failing = Fehlschlagend
admin-jobs-none-failing = Nichts schlägt fehl.
admin-jobs-dead = Abgebrochen
admin-jobs-none-dead = Kein Auftrag hat aufgegeben.
admin-jobs-running = Laufend
admin-jobs-none-running = Nichts läuft.
admin-jobs-waiting = Wartend
admin-jobs-none-waiting = Nichts wartet.
admin-jobs-retry-dead = Alle abgebrochenen Aufträge erneut starten
admin-job-retry = Jetzt erneut versuchen
admin-job-number = Auftrag { $id }
admin-job-lane = Spur { $lane }
admin-job-runs = Läuft { $time }
admin-job-attempts = Versuche: { $attempts }
admin-job-attempts-of = Versuche: { $attempts } von { $cap }
admin-job-updated = Aktualisiert { $time }
admin-job-retried-until = Wiederholt bis { $time }
admin-job-why = Grund
admin-job-notify = E-Mails zu einer Buchungsänderung vorbereiten
admin-job-email = Eine Buchungs-E-Mail senden
admin-job-workflow = Einen Ablaufschritt ausführen
admin-job-webhook = Einen Webhook zustellen
admin-job-sync = Einen verbundenen Kalender abgleichen
admin-job-retention = Audit-Einträge nach Ablauf ihrer Aufbewahrung entfernen
admin-job-workflow-step = Ablauf „{ $workflow }“: { $action ->
        [EMAIL_ATTENDEE] E-Mail an den Teilnehmer
        [EMAIL_HOST] E-Mail an den Gastgeber
        [EMAIL_ADDRESS] E-Mail an eine Adresse
        [SMS_ATTENDEE] SMS an den Teilnehmer (seine Telefonangabe)
        [SMS_NUMBER] SMS an eine Nummer
       *[WEBHOOK] einen Webhook aufrufen
    }
admin-jobs-trouble = Hintergrundaufträge schlagen fehl:
admin-jobs-trouble-failing = { $count } fehlschlagend ({ $kinds })
admin-jobs-trouble-dead = { $count } abgebrochen ({ $kinds })
admin-jobs-trouble-since = Der älteste wird seit { $time } wiederholt.
admin-jobs-trouble-check = Prüfen Sie den Mailserver, das SMS-Gateway oder die dort genannten Webhook-Empfänger: { $link }.

## Single Sign-on

admin-sso-title = Single Sign-on
admin-sso-intro = Lassen Sie Personen sich beim OpenID-Connect-Anbieter Ihrer Organisation anmelden (Keycloak, Entra ID, Okta, Authentik, …).
admin-sso-provider = Identitätsanbieter
admin-sso-enabled = Single Sign-on auf der Anmeldeseite anbieten
admin-sso-enabled-hint = Kairos prüft beim Speichern das Discovery-Dokument des Anbieters.
admin-sso-issuer = Aussteller-URL
admin-sso-issuer-hint = Genau so, wie die ID-Tokens des Anbieters ihn nennen. Kairos ruft nur diesen Host auf.
admin-sso-secret-stored = Ein Geheimnis ist gespeichert (mit dem Schlüssel der Instanz verschlüsselt). Leer lassen, um es zu behalten.
admin-sso-secret-new = Aus den Client-Einstellungen des Anbieters. Leer lassen für einen öffentlichen Client (nur PKCE).
admin-sso-clear-secret = Das gespeicherte Client-Geheimnis entfernen
admin-sso-button-label = Text der Schaltfläche
admin-sso-button-placeholder = Mit Single Sign-on anmelden
admin-sso-only = Nur Single Sign-on
admin-sso-only-hint = Blendet das Passwortformular aus und lehnt die Anmeldung mit Passwort für alle ab.
admin-sso-save = Single Sign-on speichern
admin-sso-at-provider = Beim Anbieter
admin-sso-register = Legen Sie einen vertraulichen OpenID-Connect-Client mit Autorisierungscode-Flow und PKCE (S256) an und registrieren Sie diese Weiterleitungs-URI:
admin-sso-matching = Kairos fragt die Scopes openid, email und profile an. Personen werden über ihre E-Mail-Adresse bestehenden, aktiven Konten zugeordnet; der Anbieter muss sie als bestätigt kennzeichnen (email_verified). Konten werden nicht automatisch angelegt. Die Bestätigung in zwei Schritten von Kairos gilt nicht für Single Sign-on: Es gilt die des Anbieters.
admin-sso-break-glass = Notfallzugang
admin-sso-break-glass-text = Ist der Anbieter ausgefallen, während „Nur Single Sign-on“ aktiv ist, kommt der Inhaber trotzdem über die Shell des Hosts hinein: Setzen Sie { $setting } in kairos.toml (oder KAIROS_ALLOW_PASSWORD_SIGN_IN=true), starten Sie neu und führen Sie dann { $command } aus, um einen Einmal-Link für das Passwort zu erhalten. Anmeldung und Zurücksetzen werden beide protokolliert.
admin-sso-override = { $setting } ist gesetzt: Das Passwortformular bleibt verfügbar

## Integrationen

admin-integrations-title = Integrationen
admin-integrations-intro = Cloud-Dienste, die Gastgeber verbinden können. Jeder nutzt eine App, die Ihre Organisation beim Anbieter registriert.
admin-integrations-secret-stored = Ein Geheimnis ist gespeichert (mit dem Schlüssel der Instanz verschlüsselt) und wird nie wieder angezeigt. Leer lassen, um es zu behalten.
admin-integrations-remove = { $vendor } entfernen: Gastgeber können es nicht mehr verbinden, und verbundene Konten werden nicht mehr abgeglichen
admin-integrations-save = { $vendor } speichern
admin-microsoft-client-id = Anwendungs-ID (Client)
admin-microsoft-tenant = Verzeichnis-ID (Mandant)
admin-microsoft-tenant-hint = Die Verzeichnis-ID oder Domain Ihrer Organisation (contoso.onmicrosoft.com), damit sich nur ihre Konten verbinden können; { $common } für jedes Geschäfts-, Schul- oder private Microsoft-Konto.

admin-google-intro = Gastgeber verbinden ihre Google-Kalender mit einer Anmeldung: Ihre Termine blockieren ihre Zeiten, und Buchungen werden in den Kalender ihrer Wahl geschrieben. Solange hier keine App eingerichtet ist, sehen Gastgeber Google nicht, und Kairos ruft es nie auf.
admin-google-secret-from = Aus dem OAuth-Client, den Sie in der Google Cloud Console anlegen.
admin-google-at = Bei Google
admin-google-step-project = Legen Sie in der Google Cloud Console ein Projekt an und aktivieren Sie die { $api }.
admin-google-step-consent = Richten Sie den OAuth-Zustimmungsbildschirm ein (intern bei einer Workspace-Organisation), mit den Scopes { $events } und { $readonly }.
admin-google-step-client = Legen Sie eine OAuth-Client-ID vom Typ { $kind } mit dieser autorisierten Weiterleitungs-URI an und fügen Sie dann Client-ID und Geheimnis oben ein:
admin-google-leaves = Was dieses Gerät verlässt: Zeiten und Titel der Buchungen, die in den Google-Kalender eines Gastgebers geschrieben werden (mit „Nur das Nötigste“ keine Namen, Antworten oder Notizen), und Abfragen der Termine des Gastgebers, die Kairos auf belegte Zeiten reduziert.

admin-microsoft-intro = Gastgeber verbinden ihre Kalender von Microsoft 365 oder Outlook.com mit einer Anmeldung: Ihre Termine blockieren ihre Zeiten, und Buchungen werden in den Kalender ihrer Wahl geschrieben. Solange hier keine App eingerichtet ist, sehen Gastgeber Microsoft nicht, und Kairos ruft es nie auf.
admin-microsoft-secret-from = Der Wert eines Client-Geheimnisses, das Sie unter „Zertifikate & Geheimnisse“ im Microsoft Entra Admin Center hinzufügen.
admin-microsoft-at = Bei Microsoft
admin-microsoft-step-register = Öffnen Sie im Microsoft Entra Admin Center { $registrations } und registrieren Sie eine neue Anwendung: nur Konten in diesem Organisationsverzeichnis (dann tragen Sie oben dessen Verzeichnis-ID (Mandant) ein) oder in jedem Verzeichnis und private Konten (dann lassen Sie { $common } stehen).
admin-microsoft-step-permissions = Fügen Sie unter { $permissions } die delegierten Microsoft-Graph-Berechtigungen { $readwrite } und { $offline } hinzu.
admin-microsoft-step-secret = Fügen Sie unter { $secrets } ein Client-Geheimnis hinzu und tragen Sie dessen Wert oben mit der Anwendungs-ID (Client) ein.
admin-microsoft-step-platform = Fügen Sie unter { $authentication } die Plattform { $web } mit dieser Weiterleitungs-URI hinzu:
admin-microsoft-leaves = Was dieses Gerät verlässt: Zeiten und Titel der Buchungen, die in den Microsoft-Kalender eines Gastgebers geschrieben werden (mit „Nur das Nötigste“ keine Namen, Antworten oder Notizen), und Abfragen der Termine des Gastgebers, die Kairos auf belegte Zeiten reduziert.

admin-zoom-intro = Gastgeber verbinden ihr Zoom-Konto mit einer Anmeldung, und Terminarten können dann über Zoom stattfinden: Kairos legt für jede Buchung ein Zoom-Meeting an, verschiebt es mit der Buchung und löscht es, wenn die Buchung storniert wird. Solange hier keine App eingerichtet ist, sehen Gastgeber Zoom nicht, und Kairos ruft es nie auf.
admin-zoom-secret-from = Aus der OAuth-App, die Sie im Zoom App Marketplace anlegen (App Credentials).
admin-zoom-at = Bei Zoom
admin-zoom-step-app = Wählen Sie im Zoom App Marketplace { $menu } und legen Sie eine { $app } (vom Benutzer verwaltet) oder eine OAuth-App an.
admin-zoom-step-scopes = Fügen Sie die Scopes hinzu, um Meetings anzulegen, zu ändern und zu löschen und den Benutzer zu lesen ({ $write } und { $read } oder ihre feiner gegliederten Entsprechungen).
admin-zoom-step-redirect = Tragen Sie diese Weiterleitungs-URL ein (auch in der OAuth-Zulassungsliste) und fügen Sie dann Client-ID und Geheimnis oben ein:
admin-zoom-leaves = Was dieses Gerät verlässt: Titel, Zeit und Dauer jeder Zoom-Buchung sowie eine Agenda-Zeile mit der Kennung der Buchung. Keine Namen der Eingeladenen, keine E-Mails, Antworten oder Notizen.

admin-error-has-account = gehört bereits zu einem Konto
admin-error-invited = hat bereits eine offene Einladung; widerrufen Sie sie, um eine neue zu senden

admin-smtp-error-host = muss ein Hostname oder eine IP-Adresse sein
admin-smtp-error-port = muss eine Zahl zwischen 1 und 65535 sein
admin-smtp-error-security = muss none, STARTTLS oder TLS sein
admin-smtp-error-username = ist erforderlich, wenn ein Passwort angegeben ist

admin-sms-error-header-name = muss ein Header-Name wie Authorization oder X-Api-Key sein
admin-sms-error-header-for-value = ist erforderlich, wenn ein Wert angegeben ist
admin-sms-error-no-body = muss {"{body}"} enthalten, den Text der Nachricht
admin-sms-error-no-to = muss {"{to}"} enthalten, die Telefonnummer
admin-sms-error-json = ist kein gültiges JSON, sobald {"{to}"} und {"{body}"} eingesetzt sind (sie werden zu Zeichenketten in Anführungszeichen: {"{\"to\": {to}, \"text\": {body}}"})
admin-sms-error-sid = muss die SID des Kontos sein (Buchstaben und Ziffern)

admin-sso-error-required = ist erforderlich, um Single Sign-on einzuschalten
admin-sso-error-only = setzt eingeschaltetes Single Sign-on voraus, sonst könnte sich niemand anmelden
admin-sso-error-issuer-url = muss eine URL wie https://id.example.org/realms/clinic sein, nicht { $issuer }
admin-sso-error-issuer-query = muss eine URL ohne Query und Fragment sein
admin-sso-error-issuer-http = muss https:// verwenden
admin-sso-error-issuer-scheme = muss mit https:// beginnen
