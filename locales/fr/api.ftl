api-not-found = Aucun élément ne porte cet identifiant ({ $what })
api-unauthorized = Envoyez une clé d’API sous la forme `Authorization: Bearer kairos_…`
api-rate-limited = Trop de demandes ({ $what }) ; réessayez dans { $seconds } secondes
api-internal = La demande n’a pas pu aboutir ; l’administrateur trouvera les détails dans le journal
api-validation-failed = Invalide : { $fields } : { $details }
api-slot-unavailable = Ce créneau n’est plus disponible
api-idempotency-key-reused = Cette Idempotency-Key a déjà servi pour une autre demande
unavailable-invalid-input = La demande est invalide : { $error }
unavailable-invalid-duration = { $minutes } minutes ne fait pas partie des durées de ce rendez-vous
unavailable-in-the-past = Ce créneau est dans le passé
unavailable-within-minimum-notice = Ce créneau est trop proche : ce rendez-vous demande un délai de prévenance plus long
unavailable-outside-booking-window = Ce créneau est en dehors de la période de réservation
unavailable-outside-working-hours = Ce créneau est en dehors des heures de travail
unavailable-not-on-slot-grid = Ce créneau ne fait pas partie des heures de début proposées
unavailable-out-of-office = L’hôte est absent à ce moment-là
unavailable-conflict = Ce créneau n’est plus disponible
unavailable-booking-limit-reached = Le nombre maximal de réservations pour { $period ->
        [day] ce jour
        [week] cette semaine
        [month] ce mois
       *[year] cette année
    } est atteint
unavailable-duration-limit-reached = Le temps de réservation maximal pour { $period ->
        [day] ce jour
        [week] cette semaine
        [month] ce mois
       *[year] cette année
    } est atteint
unavailable-no-seats-left = Il ne reste plus de place à ce moment-là
unavailable-not-first-slot-of-day = Seul le premier créneau disponible de chaque jour est proposé
api-booking-cap = { $cap ->
        [host] { bk-cap-host }
       *[event-type] { bk-cap-event-type }
    } ; réessayez dans { $seconds ->
        [one] { $seconds } seconde
       *[other] { $seconds } secondes
    }

api-error-event-type-required = est obligatoire (ou indiquez username et eventTypeSlug)
api-error-date-or-instant = doit être une date (AAAA-MM-JJ) ou un instant RFC 3339
api-error-booking-status = doit être ACCEPTED, PENDING, CANCELLED ou REJECTED
