api-not-found = Nichts mit dieser ID gefunden ({ $what })
api-unauthorized = Senden Sie einen API-Schlüssel als `Authorization: Bearer kairos_…`
api-rate-limited = Zu viele Anfragen ({ $what }); versuchen Sie es in { $seconds } Sekunden erneut
api-internal = Die Anfrage konnte nicht ausgeführt werden; Details stehen für die Administration im Protokoll
api-validation-failed = Ungültig: { $fields }: { $details }
api-slot-unavailable = Diese Zeit ist nicht mehr verfügbar
api-idempotency-key-reused = Dieser Idempotency-Key wurde bereits für eine andere Anfrage verwendet
unavailable-invalid-input = Die Anfrage ist ungültig: { $error }
unavailable-invalid-duration = { $minutes } Minuten ist keine der Dauern dieser Terminart
unavailable-in-the-past = Diese Zeit liegt in der Vergangenheit
unavailable-within-minimum-notice = Diese Zeit ist zu kurzfristig: Die Terminart braucht mehr Vorlauf
unavailable-outside-booking-window = Diese Zeit liegt außerhalb des Buchungszeitraums
unavailable-outside-working-hours = Diese Zeit liegt außerhalb der Arbeitszeiten
unavailable-not-on-slot-grid = Diese Zeit ist keine der angebotenen Startzeiten
unavailable-out-of-office = Der Gastgeber ist zu dieser Zeit abwesend
unavailable-conflict = Diese Zeit ist nicht mehr verfügbar
unavailable-booking-limit-reached = Die Höchstzahl an Buchungen für { $period ->
        [day] diesen Tag
        [week] diese Woche
        [month] diesen Monat
       *[year] dieses Jahr
    } ist erreicht
unavailable-duration-limit-reached = Die höchste gebuchte Zeit für { $period ->
        [day] diesen Tag
        [week] diese Woche
        [month] diesen Monat
       *[year] dieses Jahr
    } ist erreicht
unavailable-no-seats-left = Zu dieser Zeit sind keine Plätze mehr frei
unavailable-not-first-slot-of-day = Es wird nur die erste freie Zeit jedes Tages angeboten
api-booking-cap = { $cap ->
        [host] { bk-cap-host }
       *[event-type] { bk-cap-event-type }
    }; versuchen Sie es in { $seconds ->
        [one] { $seconds } Sekunde
       *[other] { $seconds } Sekunden
    } erneut

api-error-event-type-required = ist erforderlich (oder geben Sie username und eventTypeSlug an)
api-error-date-or-instant = muss ein Datum (JJJJ-MM-TT) oder ein Zeitpunkt nach RFC 3339 sein
api-error-booking-status = muss ACCEPTED, PENDING, CANCELLED oder REJECTED sein
