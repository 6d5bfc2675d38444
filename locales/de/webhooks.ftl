wh-title = Webhooks
wh-intro = Kairos sendet signiertes JSON an diese URLs, wenn sich Buchungen ändern, im Format von Cal.com.
wh-back-to-settings = Zurück zu den Einstellungen
wh-yours = Ihre Webhooks
wh-empty = Noch keine Webhooks
wh-empty-text = Fügen Sie unten einen hinzu, um ein anderes System über neue, verschobene und abgesagte Buchungen zu informieren.
wh-active = Aktiv
wh-paused = Pausiert
wh-triggers-count = { $count ->
        [one] { $count } Auslöser
       *[other] { $count } Auslöser
    }
wh-edit-and-log = Bearbeiten und Protokoll
wh-add-title = Webhook hinzufügen
wh-add = Webhook hinzufügen
wh-all-event-types = Alle Ihre Terminarten
wh-event-type = Terminart { $id }

wh-url = Empfänger-URL
wh-url-hint = Kairos sendet JSON per POST dorthin. Adressen in Ihrem Netzwerk brauchen die Erlaubnis der Administration; Loopback- und Cloud-Metadaten-Adressen werden immer abgelehnt.
wh-send-when = Senden, wenn
wh-triggers = Auslöser
wh-bookings-of = Buchungen von
wh-bookings-of-hint = Team-Terminarten werden für die Teams aufgeführt, die Sie verwalten.
wh-scope-all = Jede Buchung meiner eigenen Terminarten
wh-scope-only = Nur „{ $title }“
wh-secret = Geheimnis
wh-secret-hint-new = Empfänger prüfen damit X-Cal-Signature-256. Lassen Sie es leer, erzeugt Kairos eines und zeigt es einmal an.
wh-secret-hint-edit = Leer lassen, um das bisherige Geheimnis zu behalten.
wh-active-hint = Ein pausierter Webhook sendet nichts.
wh-unknown-trigger = enthält einen unbekannten Auslöser { $value }
wh-unknown-event-type = muss eine der aufgeführten Terminarten sein

wh-trigger-booking-created = Buchung erstellt oder bestätigt
wh-trigger-booking-requested = Buchung angefragt (wartet auf Bestätigung)
wh-trigger-booking-rescheduled = Buchung verschoben
wh-trigger-booking-cancelled = Buchung abgesagt
wh-trigger-booking-rejected = Anfrage abgelehnt
wh-trigger-meeting-ended = Termin beendet

wh-added-secret = Webhook hinzugefügt. Sein Geheimnis, nur jetzt angezeigt:
wh-webhook-secret = Webhook-Geheimnis
wh-verify = Empfänger prüfen den Header X-Cal-Signature-256: den hexadezimalen HMAC-SHA256 des Inhalts mit diesem Geheimnis.

wh-webhook = Webhook
wh-all = Alle Webhooks
wh-test = Test
wh-test-text = Sendet einen PING mit Beispieldaten, signiert wie jede Zustellung, und zeigt, was der Empfänger geantwortet hat.
wh-send-ping = Test-Ping senden
wh-save = Webhook speichern
wh-deliveries = Zustellungen
wh-deliveries-text = Die letzten Versuche, die neuesten zuerst. Eine fehlgeschlagene Zustellung wird mit wachsenden Pausen wiederholt. Was gesendet wurde, wird nicht aufbewahrt.
wh-nothing-sent = Noch nichts gesendet
wh-nothing-sent-text = Zustellungen erscheinen hier, sobald sich eine Buchung ändert oder Sie einen Test-Ping senden.
wh-time = Zeit
wh-trigger = Auslöser
wh-result = Ergebnis
wh-took = Dauer
wh-no-answer = Keine Antwort
wh-milliseconds = { $ms } ms
wh-delete = Löschen
wh-delete-text = Beendet alle Zustellungen und entfernt das Protokoll.
wh-delete-confirm = Diesen Webhook löschen? Sein Empfänger erfährt nichts mehr.
wh-delete-button = Webhook löschen
wh-ping-delivered = Test-Ping zugestellt: Der Empfänger antwortete in { $ms } ms mit HTTP { $status }.
wh-ping-failed = Der Test-Ping wurde nicht zugestellt: { $reason } (nach { $ms } ms).
wh-trigger-booking-payment-initiated = Zahlung begonnen (die Zeit ist reserviert)
wh-trigger-booking-paid = Buchung bezahlt

wh-error-no-trigger = wählen Sie mindestens einen aus
wh-error-event-type = ist weder eine Ihrer Terminarten noch die eines Teams, das Sie verwalten
