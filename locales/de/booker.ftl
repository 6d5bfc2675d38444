booker-time-gone = Diese Zeit ist nicht mehr frei. Bitte wählen Sie eine andere.
booker-just-taken = Diese Zeit wurde gerade vergeben. Bitte wählen Sie eine andere.
booker-location-phone = Telefonat
booker-location-online = Online-Termin
booker-location-video = Videoanruf
booker-location = Ort
booker-locations-or = { $first } oder { $last }
booker-rescheduling = Sie verschieben Ihre Buchung vom { $when }.
booker-duration = Dauer
booker-time-zone = Zeitzone
booker-apply = Übernehmen
booker-previous-month = Voriger Monat
booker-next-month = Nächster Monat
booker-day-times = { $date }, { $count ->
        [one] 1 freie Zeit
       *[other] { $count } freie Zeiten
    }
booker-day-no-times = { $date }, keine freien Zeiten
booker-month-empty = In diesem Monat ist nichts mehr frei.
booker-see-month = { $month } ansehen
booker-times = Zeiten
booker-clock = Uhrzeitformat
booker-seats-left = { $seats ->
        [one] noch 1 Platz frei
       *[other] noch { $seats } Plätze frei
    }
booker-pick-a-day = Wählen Sie einen Tag, um die buchbaren Zeiten zu sehen.
booker-your-details = Ihre Angaben
booker-your-name = Ihr Name
booker-email = E-Mail-Adresse
booker-where = Wo möchten Sie sich treffen?
booker-add-guests = Gäste hinzufügen
booker-guests-hint = Sie erhalten die Einladung ebenfalls.
booker-guest-email-n = E-Mail des Gasts { $n }
booker-guest-email = E-Mail des Gasts
booker-guests = Gäste
booker-add-another-guest = + Weiteren Gast hinzufügen
booker-back = Zurück
booker-request = Buchung anfragen
booker-confirm = Buchung bestätigen
booker-confirm-new-time = Neue Zeit bestätigen
booker-reschedule-reason = Grund für die Verschiebung (optional)
booker-reschedule-reason-hint = Wird dem Gastgeber mitgeteilt.
booker-reschedule = Verschieben
booker-too-many-from-network = Aus diesem Netzwerk wurden zu viele Buchungen vorgenommen. Versuchen Sie es in { $minutes } Minuten erneut.
booker-too-many-event-type = Für diese Terminart wurden in der letzten Stunde zu viele Buchungen vorgenommen. Versuchen Sie es in { $minutes } Minuten erneut.
booker-too-many-host = Bei diesem Gastgeber wurden in der letzten Stunde zu viele Buchungen vorgenommen. Versuchen Sie es in { $minutes } Minuten erneut.
booker-already-booked = Sie haben diese Zeit bereits gebucht
booker-already-booked-text = Genau diese Buchung wurde gerade eben vorgenommen. Über den Link auf ihrer Bestätigungsseite können Sie sie ansehen, verschieben oder absagen.
booker-back-to-calendar = Zurück zum Kalender
booker-optional = (optional)
booker-choose = Bitte wählen…
booker-phone-hint = Eine Telefonnummer wie +49 30 1234567
profile-nothing-to-book = Noch nichts zu buchen
profile-nothing-to-book-text = Hier gibt es im Moment keine Terminarten zu buchen.

booker-error-too-many-guests = { $max ->
        [one] darf höchstens { $max } Gast enthalten
       *[other] darf höchstens { $max } Gäste enthalten
    }
booker-error-not-a-question = ist keine Frage dieser Terminart
booker-error-choices = muss eine Liste von Auswahlmöglichkeiten sein
booker-error-not-a-choice = „{ $choice }“ ist keine Auswahlmöglichkeit; wählen Sie aus: { $choices }
