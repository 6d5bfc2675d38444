wf-intro = Erinnerungen, Nachfassnachrichten und Mitteilungen, die verschickt werden, wenn sich Buchungen ändern.
wf-new = Neuer Ablauf
wf-title = Ablauf
wf-empty = Noch keine Abläufe
wf-empty-text = Ihre erste Terminart bringt eine Erinnerung 24 Stunden vor jedem Termin mit. Für weitere Nachrichten legen Sie Abläufe an.
wf-create-first = Ablauf anlegen
wf-on = An
wf-off = Aus
wf-team = Team: { $team }
wf-no-event-types = Keine Terminarten
wf-steps-count = { $count ->
        [one] { $count } Schritt
       *[other] { $count } Schritte
    }
wf-edit = Bearbeiten
wf-turn-off = Ausschalten
wf-turn-on = Einschalten
wf-delete-confirm = „{ $name }“ löschen? Von ihm geplante Nachrichten werden nicht verschickt.
wf-delete = Löschen

wf-trigger-new-event = Wenn eine Buchung erstellt oder bestätigt wird
wf-trigger-booking-requested = Wenn eine Buchung angefragt wird (wartet auf Bestätigung)
wf-trigger-reschedule-event = Wenn eine Buchung verschoben wird
wf-trigger-event-cancelled = Wenn eine Buchung abgesagt wird
wf-trigger-booking-rejected = Wenn eine Anfrage abgelehnt wird
wf-trigger-before-event = Vor Beginn des Termins
wf-trigger-after-event = Nach Ende des Termins
wf-trigger-offset = { $trigger } · { $offset }
wf-minutes = { $count ->
        [one] { $count } Minute
       *[other] { $count } Minuten
    }
wf-hours = { $count ->
        [one] { $count } Stunde
       *[other] { $count } Stunden
    }
wf-days = { $count ->
        [one] { $count } Tag
       *[other] { $count } Tage
    }
wf-unit-minutes = Minuten
wf-unit-hours = Stunden
wf-unit-days = Tage

wf-action-email-attendee = E-Mail an den Teilnehmer
wf-action-email-host = E-Mail an den Gastgeber
wf-action-email-address = E-Mail an eine Adresse
wf-action-sms-attendee = SMS an den Teilnehmer (seine Telefonangabe)
wf-action-sms-number = SMS an eine Nummer
wf-action-webhook = Webhook aufrufen

wf-saved-without-sms-gateway = Gespeichert, aber es ist kein SMS-Gateway eingerichtet: Die SMS-Schritte dieses Ablaufs verschicken nichts, und ihre Aufträge schlagen unter Verwaltung → Hintergrundaufträge mit diesem Grund fehl, bis eine Administratorin oder ein Administrator unter Verwaltung → Textnachrichten eines einrichtet.

wf-when = Wann
wf-name = Name
wf-name-placeholder = Erinnerung einen Tag vorher
wf-owner = Gehört zu
wf-owner-hint = Die Abläufe eines Teams gelten für die Terminarten des Teams; Team-Admins verwalten sie.
wf-trigger = Auslöser
wf-offset = Wie lange vorher oder nachher
wf-offset-hint = Nur für „Vor Beginn des Termins“ und „Nach Ende des Termins“.
wf-unit = Einheit
wf-active-hint = Solange er aus ist, wird nichts verschickt, auch keine bereits geplanten Nachrichten.
wf-event-types = Terminarten
wf-send-for = Verschicken für Buchungen von
wf-no-event-types-yet = Noch keine Terminarten.
wf-on-new-event-types = Auch für Terminarten einschalten, die ab jetzt angelegt werden
wf-steps = Schritte
wf-steps-error = Schritte: { $reason }
wf-step = Schritt { $number }
wf-remove = Entfernen
wf-action = Aktion
wf-send-to = Senden an
wf-send-to-placeholder = Adresse, +Nummer oder https://-URL
wf-send-to-hint = Für „E-Mail an eine Adresse“, „SMS an eine Nummer“ und „Webhook aufrufen“.
wf-no-sms-gateway = Es ist kein SMS-Gateway eingerichtet.
wf-no-sms-gateway-text = Bis eine Administratorin oder ein Administrator unter Verwaltung → Textnachrichten eines einrichtet, verschickt dieser Schritt nichts, und seine Aufträge schlagen mit diesem Grund fehl.
wf-default-reminder = Dies ist die Standard-Erinnerung von Kairos: Solange sie unverändert bleibt, erhält jeder Teilnehmer sie in seiner eigenen Sprache.
wf-subject = E-Mail-Betreff
wf-subject-hint = Für E-Mails.
wf-message = Nachricht
wf-message-hint = Für E-Mails und SMS. Ein Webhook sendet stattdessen die Buchung als JSON.
wf-secret = Webhook-Geheimnis
wf-secret-hint = Signiert jeden Aufruf (X-Cal-Signature-256). Leer lassen, um das bisherige zu behalten.
wf-clear-secret = Webhook-Geheimnis entfernen
wf-add-step = + Schritt hinzufügen
wf-back = Zurück
wf-save = Änderungen speichern
wf-create = Ablauf anlegen
wf-variables = Variablen
wf-variables-hint = Schreiben Sie eine Variable in geschweiften Klammern, etwa { $example }. Datum und Uhrzeit stehen in der Zeitzone der lesenden Person. Beim Speichern werden Variablen genannt, die Kairos nicht kennt.
wf-answers = Antworten
wf-answers-hint = Die Antwort auf eine Buchungsfrage: ihre Kennung in Großbuchstaben, - als _ geschrieben. { $variable } ist die Antwort auf die Frage mit der Kennung { $key }.
wf-no-questions = Die Terminarten hier stellen noch keine Fragen.
wf-minimum-necessary-on = Datensparsamkeit ist an: In allem, was Abläufe verschicken, bleiben { $notes } und Antworten leer. Administratoren ändern das unter Verwaltung.
wf-minimum-necessary-off = Datensparsamkeit ist aus: Antworten und Notizen werden so verschickt, wie sie geschrieben wurden.
wf-delete-title = Diesen Ablauf löschen
wf-delete-text = Von ihm geplante Nachrichten werden nicht verschickt.
wf-delete-this-confirm = Diesen Ablauf löschen?
wf-delete-button = Ablauf löschen

wf-var-event-name = der Titel der Terminart
wf-var-organizer = der Name des Gastgebers
wf-var-attendee = der Name des Teilnehmers
wf-var-attendee-first-name = der Vorname des Teilnehmers
wf-var-attendee-email = die E-Mail-Adresse des Teilnehmers
wf-var-event-date = das Datum, z. B. Dienstag, 31. März 2026
wf-var-event-time = die Anfangszeit, z. B. 10:00
wf-var-event-end-time = die Endzeit, z. B. 10:30
wf-var-timezone = die Zeitzone des Empfängers, z. B. Europe/Berlin
wf-var-location = wo der Termin stattfindet
wf-var-meeting-url = der Video- oder Meeting-Link, falls vorhanden
wf-var-cancel-url = der Link des Teilnehmers zum Absagen
wf-var-reschedule-url = der Link des Teilnehmers, um eine andere Zeit zu wählen
wf-var-additional-notes = die Notizen, die der Teilnehmer hinzugefügt hat

wf-new-subject = Erinnerung: { $EVENT_NAME } um { $EVENT_TIME }
wf-new-body =
    Hallo { $ATTENDEE_FIRST_NAME },

    wir sehen uns am { $EVENT_DATE } um { $EVENT_TIME } ({ $TIMEZONE }).

    Zum Absagen oder um eine andere Zeit zu wählen: { $RESCHEDULE_URL }
wf-trigger-booking-paid = Wenn eine Buchung bezahlt wird

wf-error-not-your-team = ist keines Ihrer Teams
wf-error-owner = muss Sie selbst oder eines Ihrer Teams sein
wf-error-owner-admin = muss Sie selbst oder ein Team sein, das Sie verwalten
wf-error-offset-too-long = { $days ->
        [one] darf höchstens { $days } Tag betragen
       *[other] darf höchstens { $days } Tage betragen
    }
wf-error-offset-required = ist für eine Erinnerung oder Nachfassnachricht erforderlich
wf-error-event-types = müssen Terminarten des Eigentümers des Ablaufs sein
wf-error-no-step = fügen Sie mindestens einen Schritt hinzu
wf-error-too-many-steps = { $max ->
        [one] höchstens { $max } Schritt
       *[other] höchstens { $max } Schritte
    }
wf-error-subject-required = ist für eine E-Mail erforderlich
wf-error-subject-one-line = muss eine Zeile mit höchstens { $max } Zeichen sein
wf-error-unknown-variables = { $count ->
        [one] verwendet die unbekannte Variable { $names }
       *[other] verwendet die unbekannten Variablen { $names }
    }
