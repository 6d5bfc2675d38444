wh-title = Webhooks
wh-intro = Kairos envía JSON firmado a estas URL cuando cambian las reservas, con el formato que usa Cal.com.
wh-back-to-settings = Volver a los ajustes
wh-yours = Sus webhooks
wh-empty = Aún no hay webhooks
wh-empty-text = Añada uno abajo para avisar a otro sistema de las reservas nuevas, movidas y canceladas.
wh-active = Activo
wh-paused = En pausa
wh-triggers-count = { $count ->
        [one] { $count } disparador
       *[other] { $count } disparadores
    }
wh-edit-and-log = Editar y registro
wh-add-title = Añadir un webhook
wh-add = Añadir webhook
wh-all-event-types = Todos sus tipos de cita
wh-event-type = Tipo de cita { $id }

wh-url = URL del receptor
wh-url-hint = Kairos envía allí JSON por POST. Las direcciones dentro de su red necesitan el permiso del administrador; las direcciones de loopback y de metadatos de la nube siempre se rechazan.
wh-send-when = Enviar cuando
wh-triggers = Disparadores
wh-bookings-of = Reservas de
wh-bookings-of-hint = Los tipos de cita de equipo aparecen para los equipos que usted administra.
wh-scope-all = Todas las reservas de mis propios tipos de cita
wh-scope-only = Solo «{ $title }»
wh-secret = Secreto
wh-secret-hint-new = Los receptores comprueban X-Cal-Signature-256 con él. Si lo deja vacío, Kairos crea uno y lo muestra una sola vez.
wh-secret-hint-edit = Déjelo vacío para conservar el secreto actual.
wh-active-hint = Un webhook en pausa no envía nada.
wh-unknown-trigger = contiene un disparador desconocido { $value }
wh-unknown-event-type = debe ser uno de los tipos de cita de la lista

wh-trigger-booking-created = Reserva hecha o confirmada
wh-trigger-booking-requested = Reserva solicitada (pendiente de confirmación)
wh-trigger-booking-rescheduled = Reserva movida
wh-trigger-booking-cancelled = Reserva cancelada
wh-trigger-booking-rejected = Solicitud rechazada
wh-trigger-meeting-ended = Cita terminada

wh-added-secret = Webhook añadido. Su secreto, que solo se muestra ahora:
wh-webhook-secret = Secreto del webhook
wh-verify = Los receptores verifican la cabecera X-Cal-Signature-256: el HMAC-SHA256 hexadecimal del cuerpo con este secreto.

wh-webhook = Webhook
wh-all = Todos los webhooks
wh-test = Prueba
wh-test-text = Envía un PING con datos de ejemplo, firmado como cada entrega, y muestra lo que respondió el receptor.
wh-send-ping = Enviar ping de prueba
wh-save = Guardar webhook
wh-deliveries = Entregas
wh-deliveries-text = Los últimos intentos, los más recientes primero. Una entrega fallida se reintenta con pausas cada vez mayores. Lo enviado no se conserva.
wh-nothing-sent = Aún no se ha enviado nada
wh-nothing-sent-text = Las entregas aparecen aquí en cuanto cambia una reserva o envía un ping de prueba.
wh-time = Hora
wh-trigger = Disparador
wh-result = Resultado
wh-took = Duración
wh-no-answer = Sin respuesta
wh-milliseconds = { $ms } ms
wh-delete = Eliminar
wh-delete-text = Detiene todas las entregas y borra el registro.
wh-delete-confirm = ¿Eliminar este webhook? Su receptor no recibirá nada más.
wh-delete-button = Eliminar webhook
wh-ping-delivered = Ping de prueba entregado: el receptor respondió HTTP { $status } en { $ms } ms.
wh-ping-failed = El ping de prueba no se entregó: { $reason } (después de { $ms } ms).
wh-trigger-booking-payment-initiated = Pago iniciado (la hora queda reservada)
wh-trigger-booking-paid = Reserva pagada

wh-error-no-trigger = elija al menos uno
wh-error-event-type = no es uno de sus tipos de cita ni de un equipo que usted administre
