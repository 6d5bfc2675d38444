api-not-found = Niets gevonden met deze id ({ $what })
api-unauthorized = Stuur een API-sleutel als `Authorization: Bearer kairos_…`
api-rate-limited = Te veel verzoeken ({ $what }); probeer het over { $seconds } seconden opnieuw
api-internal = Het verzoek kon niet worden uitgevoerd; de beheerder vindt de details in het logboek
api-validation-failed = Ongeldig: { $fields }: { $details }
api-slot-unavailable = Dat tijdstip is niet meer beschikbaar
api-idempotency-key-reused = Deze Idempotency-Key is al gebruikt voor een ander verzoek
unavailable-invalid-input = Het verzoek is ongeldig: { $error }
unavailable-invalid-duration = { $minutes } minuten is geen van de duren van dit afspraaktype
unavailable-in-the-past = Dat tijdstip ligt in het verleden
unavailable-within-minimum-notice = Dat tijdstip is te snel: dit afspraaktype vraagt meer voorbereidingstijd
unavailable-outside-booking-window = Dat tijdstip valt buiten de boekingsperiode
unavailable-outside-working-hours = Dat tijdstip valt buiten de werktijden
unavailable-not-on-slot-grid = Dat tijdstip is geen van de aangeboden begintijden
unavailable-out-of-office = De host is dan afwezig
unavailable-conflict = Dat tijdstip is niet meer beschikbaar
unavailable-booking-limit-reached = Het maximale aantal boekingen voor { $period ->
        [day] deze dag
        [week] deze week
        [month] deze maand
       *[year] dit jaar
    } is bereikt
unavailable-duration-limit-reached = De maximale geboekte tijd voor { $period ->
        [day] deze dag
        [week] deze week
        [month] deze maand
       *[year] dit jaar
    } is bereikt
unavailable-no-seats-left = Er zijn op dat tijdstip geen plaatsen meer vrij
unavailable-not-first-slot-of-day = Alleen het eerste beschikbare tijdstip van elke dag wordt aangeboden
api-booking-cap = { $cap ->
        [host] { bk-cap-host }
       *[event-type] { bk-cap-event-type }
    }; probeer het over { $seconds ->
        [one] { $seconds } seconde
       *[other] { $seconds } seconden
    } opnieuw

api-error-event-type-required = is verplicht (of geef username en eventTypeSlug op)
api-error-date-or-instant = moet een datum (JJJJ-MM-DD) of een RFC 3339-tijdstip zijn
api-error-booking-status = moet ACCEPTED, PENDING, CANCELLED of REJECTED zijn
