# Die Terminarten im Dashboard: die Liste, das Anlegen und der Editor.

et-title = Terminarten
# Vor der Adresse der öffentlichen Seite, die als Link folgt.
# $page: diese Adresse.
et-list-intro = Was bei Ihnen gebucht werden kann, und Ihre öffentliche Seite: { $page }
et-copy-link = Link kopieren
et-new = Neue Terminart
et-empty-title = Noch keine Terminarten
et-empty-text = Legen Sie eine an, etwa ein 30-minütiges Beratungsgespräch, und teilen Sie den Link.
et-create-first = Erste Terminart anlegen
# $team: der Name des Teams, dem die Terminart gehört.
et-team-badge = Team: { $team }
et-hidden = Ausgeblendet
et-needs-confirmation = Mit Bestätigung
et-open = Öffnen
et-view = Ansehen
et-edit = Bearbeiten
et-duplicate = Duplizieren
et-show = Einblenden
et-hide = Ausblenden
# $title: der Titel der Terminart.
et-delete-confirm = „{ $title }“ löschen? Die Buchungen bleiben erhalten.
et-delete = Löschen
# Der Titel einer duplizierten Terminart. $title: der Titel des Originals.
et-copy-title = { $title } (Kopie)

# Eine Terminart anlegen.
et-new-intro = Sie können später alles ändern.
et-owner-just-me = Nur ich
et-field-title = Titel
et-title-placeholder = Beratungsgespräch
et-field-slug = URL-Kürzel
et-new-slug-hint = Kleinbuchstaben, Ziffern und -. Leer gelassen, wird es aus dem Titel gebildet.
# Ein Beispiel für ein URL-Kürzel: nur Kleinbuchstaben, Ziffern und Bindestriche.
et-slug-placeholder = beratung
et-field-description = Beschreibung
et-new-description-hint = Wird auf der Buchungsseite angezeigt.
et-field-duration = Dauer in Minuten
et-duration-hint = Eine Zahl oder mehrere, durch Kommas getrennt (15, 30, 60), damit gewählt werden kann.
et-field-owner = Inhaber
et-owner-hint = Eine Team-Terminart wird bei den Mitgliedern des Teams gebucht.
et-cancel = Abbrechen
et-continue = Weiter
et-error-durations = muss aus ganzen Minutenzahlen bestehen, etwa 30 oder 15, 30, 60
et-error-days-required = ist für diese Auswahl erforderlich

# Der Editor.
et-not-saved = Noch nicht gespeichert: Klicken Sie auf „Änderungen speichern“, wenn Sie fertig sind.
et-preview = Vorschau
et-sections = Abschnitte
et-basics = Grundlagen
et-availability = Verfügbarkeit
et-limits = Grenzen
et-questions = Buchungsfragen
et-advanced = Erweitert
et-embed = Einbetten
et-member-view = Sie sehen diese Team-Terminart als Mitglied des Teams. Nur die Admins des Teams können sie ändern.
et-slug-hint = Das Ende des Buchungslinks. Kleinbuchstaben, Ziffern und -.
et-description-hint = Wird auf der Buchungsseite angezeigt. Eine Leerzeile beginnt einen neuen Absatz.
et-field-durations = Dauern in Minuten
et-durations-hint = Mehrere, durch Kommas getrennt, lassen die Wahl; die erste ist die Vorgabe.
et-locations = Orte
et-locations-hint = Wo der Termin stattfindet. Bei mehreren wählt die eingeladene Person.
# $n: die Nummer des Orts in der Liste.
et-location-n = Ort { $n }
et-remove = Entfernen
et-location-kind = Art
et-location-in-person = Vor Ort
et-location-phone = Telefon
et-location-link = Meeting-Link
et-location-video = Videoanruf (ein Raum pro Buchung)
et-location-google-meet = Google Meet (mit Ihrem Google Kalender)
et-location-teams = Microsoft Teams (mit Ihrem Microsoft-365-Kalender)
et-location-zoom = Zoom (mit Ihrem Zoom-Konto)
et-location-value = Adresse, Nummer oder Link
et-location-value-placeholder = Für Videoanrufe nicht nötig
et-no-location = Kein Ort: Die Einzelheiten klären Sie mit der eingeladenen Person.
et-add-location = + Ort hinzufügen
# $team: der Name des Teams, fett gedruckt.
et-team-of = Team-Terminart von { $team }. Es gilt der Standardplan jedes Gastgebers.
et-scheduling = Planung
et-round-robin = Reihum: ein Gastgeber, abwechselnd
et-collective = Gemeinsam: alle Gastgeber nehmen teil
et-hosts = Gastgeber
et-round-robin-title = Reihum: Wer eine Buchung erhält.
et-round-robin-text = Von den Gastgebern, die zu der Zeit frei sind, der mit der höchsten Priorität; bei Gleichstand der, der am weitesten hinter seinem Anteil an den Buchungen dieses Monats liegt (Gewicht 200 erhält doppelt so viele Buchungen wie Gewicht 100); unter diesen der, der am längsten nicht gebucht wurde.
et-turn-group = Wechselgruppe
# $group: der Name des Felds (et-turn-group), fett; $first, $second: zwei Beispiele für
# Gruppennamen (et-group-example-first, et-group-example-second), kursiv.
et-turn-group-text = { $group } bleibt meist leer: Dann wechseln sich alle Gastgeber gemeinsam ab. Soll je ein Gastgeber jeder Art teilnehmen (etwa eine Ärztin und ein Dolmetscher), geben Sie jeder Art einen Namen wie { $first } und { $second }: Gastgeber mit demselben Namen wechseln sich ab, und sobald ein Gastgeber eine Gruppe hat, nimmt ein Gastgeber ohne Gruppe an jeder Buchung teil.
et-group-example-first = ärzte
et-group-example-second = dolmetscher
et-priority = Priorität
et-priority-lowest = Am niedrigsten
et-priority-low = Niedrig
et-priority-medium = Mittel
et-priority-high = Hoch
et-priority-highest = Am höchsten
et-weight = Gewicht
et-turn-group-field = Wechselgruppe (optional)
et-turn-group-placeholder = leer: wechselt sich mit allen ab
et-schedule = Zeitplan
et-schedule-hint = Welchen Arbeitszeiten diese Terminart folgt.
et-my-default-schedule = Mein Standardplan
# Ein Zeitplan im Menü, der der Standard der Person ist. $name: der Name des Plans.
et-schedule-default = { $name } (Standard)
et-edit-schedules = Ihre Zeitpläne bearbeiten
et-minimum-notice = Mindestvorlauf (Minuten)
et-minimum-notice-hint = Wie kurz vor Beginn noch gebucht werden darf.
et-slot-interval = Startzeiten alle (Minuten)
et-slot-interval-hint = Leer: die Dauer.
et-buffer-before = Puffer davor (Minuten)
et-buffer-after = Puffer danach (Minuten)
et-window = Wie weit im Voraus gebucht werden darf
et-window-unlimited = Jederzeit in der Zukunft
et-window-calendar-days = Innerhalb einer Anzahl von Kalendertagen
et-window-business-days = Innerhalb einer Anzahl von Werktagen
et-window-date-range = Nur zwischen zwei Daten
et-window-days = Tage
et-window-from = Von
et-window-until = Bis
et-most-bookings = Höchstens Buchungen
et-limit-day-bookings = Pro Tag (Buchungen)
et-limit-week-bookings = Pro Woche (Buchungen)
et-limit-month-bookings = Pro Monat (Buchungen)
et-limit-year-bookings = Pro Jahr (Buchungen)
et-most-time = Höchstens gebuchte Zeit
et-limit-day-minutes = Pro Tag (Minuten)
et-limit-week-minutes = Pro Woche (Minuten)
et-limit-month-minutes = Pro Monat (Minuten)
et-limit-year-minutes = Pro Jahr (Minuten)
et-first-slot-only = Nur die erste freie Zeit jedes Tages anbieten
et-questions-hint = Name und E-Mail werden immer erfragt. Ergänzen Sie, was Sie sonst noch wissen müssen.
# $n: die Nummer der Frage in der Liste.
et-question-n = Frage { $n }
et-move-up = Frage { $n } nach oben verschieben
et-move-down = Frage { $n } nach unten verschieben
et-question = Frage
et-answer-type = Art der Antwort
et-kind-text = Kurzer Text
et-kind-textarea = Langer Text
et-kind-email = E-Mail
et-kind-phone = Telefonnummer
et-kind-number = Zahl
et-kind-select = Auswahlliste
et-kind-multiselect = Mehrfachauswahl
et-kind-radio = Einfachauswahl
et-kind-checkbox = Kontrollkästchen
et-kind-date = Datum
et-identifier = Kennung
et-identifier-hint = Benennt die Antwort in der API.
et-choices = Auswahlmöglichkeiten (eine pro Zeile)
et-choices-hint = Für Auswahllisten und Auswahlfragen.
et-answer-required = Eine Antwort ist erforderlich
et-no-questions = Keine weiteren Fragen.
et-add-question = + Frage hinzufügen
et-requires-confirmation = Erfordert Bestätigung
et-requires-confirmation-hint = Buchungen warten, bis Sie sie annehmen.
et-pending-blocks-slot = Die Zeit freihalten, solange eine Anfrage wartet
et-seats = Plätze pro Termin
et-seats-hint = Für Gruppentermine: Mehrere Personen können dieselbe Zeit buchen. Leer: eine.
et-hidden-field = Auf der öffentlichen Seite ausgeblendet
et-hidden-hint = Der direkte Link funktioniert weiterhin.
et-embed-title = Auf Ihrer Website einbetten
et-embed-hint = Fügen Sie dies dort ein, wo die Buchungsseite erscheinen soll. Welche Websites sie einbetten dürfen, legt eine Administratorin oder ein Administrator unter Verwaltung → Instanz fest.
et-snippet = Code
et-copy-snippet = Code kopieren
et-back = Zurück
et-save = Änderungen speichern

et-error-no-duration = muss mindestens eine Dauer enthalten
et-error-too-many-durations = { $max ->
        [one] darf höchstens { $max } Dauer enthalten
       *[other] darf höchstens { $max } Dauern enthalten
    }
et-error-duration-range = { $max ->
        [one] { $minutes } liegt nicht zwischen { $min } und { $max } Minute
       *[other] { $minutes } liegt nicht zwischen { $min } und { $max } Minuten
    }
et-error-repeated-duration = darf keine Dauer doppelt enthalten
et-error-end-before-start = darf nicht vor dem Beginn liegen
et-error-zero-limit = muss mindestens 1 sein (für keine Grenze leer lassen)
et-error-seats-confirmation = lässt sich nicht mit „Erfordert Bestätigung“ kombinieren
et-error-too-many-locations = { $max ->
        [one] darf höchstens { $max } Ort enthalten
       *[other] darf höchstens { $max } Orte enthalten
    }
et-error-hosts-of-teams = gibt es nur bei Terminarten eines Teams
et-error-personal-kind = muss bei einer persönlichen Terminart „individual“ sein
et-error-team-kind = muss bei einer Terminart eines Teams „collective“ (gemeinsam) oder „roundRobin“ (reihum) sein
et-error-no-host = muss mindestens einen Gastgeber enthalten
et-error-host-twice = ist doppelt aufgeführt
et-error-group-of-round-robin = gibt es nur bei Terminarten, die reihum verteilt werden
et-error-link = muss ein Link mit http:// oder https:// sein
et-error-video-url = wird für jede Buchung erstellt; bitte weglassen
et-error-key = muss aus { $min } bis { $max } Buchstaben, Ziffern, - oder _ bestehen
et-error-key-of-the-form = wird vom Buchungsformular selbst verwendet; bitte wählen Sie einen anderen
et-error-key-used = wird bereits von einer anderen Frage verwendet
et-error-no-choice = muss mindestens eine Auswahlmöglichkeit enthalten
et-error-choices-distinct = müssen verschieden und nicht leer sein
et-error-choices-of-lists = gibt es nur bei Auswahllisten, Mehrfach- und Einfachauswahl
et-error-slug-used = wird bereits von einer anderen Terminart verwendet
et-error-team-schedule = Terminarten eines Teams folgen dem Standardplan jedes Gastgebers
et-error-not-your-schedule = ist keiner Ihrer Zeitpläne
et-error-not-a-member = ist kein Mitglied des Teams
et-error-needs-google = braucht einen Google-Kalender als Zielkalender jedes Gastgebers (Dashboard → Kalender)
et-error-needs-microsoft = braucht einen Microsoft-365-Kalender als Zielkalender jedes Gastgebers (Dashboard → Kalender)
et-error-needs-zoom = erfordert, dass jeder Gastgeber sein Zoom-Konto verbindet (Dashboard → Kalender)
et-error-team-fixed = kann nicht geändert werden; legen Sie stattdessen eine neue Terminart an
