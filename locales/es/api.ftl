api-not-found = Ningún elemento tiene ese identificador ({ $what })
api-unauthorized = Envíe una clave de API como `Authorization: Bearer kairos_…`
api-rate-limited = Demasiadas solicitudes ({ $what }); inténtelo de nuevo en { $seconds } segundos
api-internal = No se pudo completar la solicitud; el administrador encontrará los detalles en el registro
api-validation-failed = No válido: { $fields }: { $details }
api-slot-unavailable = Esa hora ya no está disponible
api-idempotency-key-reused = Esta Idempotency-Key ya se usó para otra solicitud
unavailable-invalid-input = La solicitud no es válida: { $error }
unavailable-invalid-duration = { $minutes } minutos no es una de las duraciones de esta cita
unavailable-in-the-past = Esa hora ya pasó
unavailable-within-minimum-notice = Esa hora es demasiado pronto: la cita necesita más antelación
unavailable-outside-booking-window = Esa hora está fuera del periodo de reserva
unavailable-outside-working-hours = Esa hora está fuera del horario de trabajo
unavailable-not-on-slot-grid = Esa hora no es una de las horas de inicio ofrecidas
unavailable-out-of-office = El anfitrión está ausente en ese momento
unavailable-conflict = Esa hora ya no está disponible
unavailable-booking-limit-reached = Se alcanzó el número máximo de reservas de { $period ->
        [day] este día
        [week] esta semana
        [month] este mes
       *[year] este año
    }
unavailable-duration-limit-reached = Se alcanzó el tiempo máximo reservado de { $period ->
        [day] este día
        [week] esta semana
        [month] este mes
       *[year] este año
    }
unavailable-no-seats-left = No quedan plazas a esa hora
unavailable-not-first-slot-of-day = Solo se ofrece la primera hora disponible de cada día
api-booking-cap = { $cap ->
        [host] { bk-cap-host }
       *[event-type] { bk-cap-event-type }
    }; inténtelo de nuevo en { $seconds ->
        [one] { $seconds } segundo
       *[other] { $seconds } segundos
    }

api-error-event-type-required = es obligatorio (o indique username y eventTypeSlug)
api-error-date-or-instant = debe ser una fecha (AAAA-MM-DD) o un instante RFC 3339
api-error-booking-status = debe ser ACCEPTED, PENDING, CANCELLED o REJECTED
