booker-time-gone = Esa hora ya no está disponible. Elija otra.
booker-just-taken = Lo sentimos, alguien acaba de reservar esa hora. Elija otra.
booker-location-phone = Llamada telefónica
booker-location-online = Reunión en línea
booker-location-video = Videollamada
booker-location = Lugar
booker-locations-or = { $first } o { $last }
booker-rescheduling = Está cambiando su reserva del { $when }.
booker-duration = Duración
booker-time-zone = Zona horaria
booker-apply = Aplicar
booker-previous-month = Mes anterior
booker-next-month = Mes siguiente
booker-day-times = { $date }, { $count ->
        [one] 1 hora disponible
       *[other] { $count } horas disponibles
    }
booker-day-no-times = { $date }, sin horas
booker-month-empty = No quedan horas libres este mes.
booker-see-month = Ver { $month }
booker-times = Horas
booker-clock = Formato de hora
booker-seats-left = { $seats ->
        [one] queda 1 plaza
       *[other] quedan { $seats } plazas
    }
booker-pick-a-day = Elija un día para ver las horas que puede reservar.
booker-your-details = Sus datos
booker-your-name = Su nombre
booker-email = Correo electrónico
booker-where = ¿Dónde nos vemos?
booker-add-guests = Añadir invitados
booker-guests-hint = También reciben la invitación.
booker-guest-email-n = Correo del invitado { $n }
booker-guest-email = Correo del invitado
booker-guests = Invitados
booker-add-another-guest = + Añadir otro invitado
booker-back = Atrás
booker-request = Solicitar reserva
booker-confirm = Confirmar reserva
booker-confirm-new-time = Confirmar la nueva hora
booker-reschedule-reason = Motivo del cambio (opcional)
booker-reschedule-reason-hint = Se comparte con el anfitrión.
booker-reschedule = Reprogramar
booker-too-many-from-network = Se hicieron demasiadas reservas desde esta red. Inténtelo de nuevo en { $minutes } minutos.
booker-too-many-event-type = Lo sentimos, se hicieron demasiadas reservas de este tipo de cita en la última hora. Inténtelo de nuevo en { $minutes } minutos.
booker-too-many-host = Lo sentimos, se hicieron demasiadas reservas con este anfitrión en la última hora. Inténtelo de nuevo en { $minutes } minutos.
booker-already-booked = Ya reservó esta hora
booker-already-booked-text = Esta misma reserva se hizo hace un momento. Use el enlace de su página de confirmación para verla, cambiarla o cancelarla.
booker-back-to-calendar = Volver al calendario
booker-optional = (opcional)
booker-choose = Elegir…
booker-phone-hint = Un número de teléfono, como +34 912 345 678
profile-nothing-to-book = Aún no hay nada que reservar
profile-nothing-to-book-text = Por ahora no hay tipos de cita para reservar aquí.

booker-error-too-many-guests = { $max ->
        [one] debe incluir como máximo { $max } invitado
       *[other] debe incluir como máximo { $max } invitados
    }
booker-error-not-a-question = no es una pregunta de este tipo de cita
booker-error-choices = debe ser una lista de opciones
booker-error-not-a-choice = «{ $choice }» no es una opción; elija entre: { $choices }
