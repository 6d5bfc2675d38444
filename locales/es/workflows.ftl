wf-intro = Recordatorios, seguimientos y mensajes que se envían cuando cambian las reservas.
wf-new = Nuevo flujo
wf-title = Flujo
wf-empty = Aún no hay flujos
wf-empty-text = Su primer tipo de cita incluye un recordatorio 24 horas antes de cada cita. Cree flujos para enviar más.
wf-create-first = Crear un flujo
wf-on = Activado
wf-off = Desactivado
wf-team = Equipo: { $team }
wf-no-event-types = Sin tipos de cita
wf-steps-count = { $count ->
        [one] { $count } paso
       *[other] { $count } pasos
    }
wf-edit = Editar
wf-turn-off = Desactivar
wf-turn-on = Activar
wf-delete-confirm = ¿Eliminar «{ $name }»? Los mensajes que planificó no se enviarán.
wf-delete = Eliminar

wf-trigger-new-event = Cuando se hace o confirma una reserva
wf-trigger-booking-requested = Cuando se solicita una reserva (pendiente de confirmación)
wf-trigger-reschedule-event = Cuando se cambia la hora de una reserva
wf-trigger-event-cancelled = Cuando se cancela una reserva
wf-trigger-booking-rejected = Cuando se rechaza una solicitud
wf-trigger-before-event = Antes de que empiece la cita
wf-trigger-after-event = Después de que termine la cita
wf-trigger-offset = { $trigger } · { $offset }
wf-minutes = { $count ->
        [one] { $count } minuto
       *[other] { $count } minutos
    }
wf-hours = { $count ->
        [one] { $count } hora
       *[other] { $count } horas
    }
wf-days = { $count ->
        [one] { $count } día
       *[other] { $count } días
    }
wf-unit-minutes = minutos
wf-unit-hours = horas
wf-unit-days = días

wf-action-email-attendee = Enviar un correo al asistente
wf-action-email-host = Enviar un correo al anfitrión
wf-action-email-address = Enviar un correo a una dirección
wf-action-sms-attendee = Enviar un SMS al asistente (su respuesta de teléfono)
wf-action-sms-number = Enviar un SMS a un número
wf-action-webhook = Llamar a un webhook

wf-saved-without-sms-gateway = Guardado, pero no hay ninguna pasarela SMS configurada: los pasos de SMS de este flujo no envían nada y sus tareas fallan por ese motivo en Administración → Tareas en segundo plano, hasta que un administrador configure una en Administración → Mensajes de texto.

wf-when = Cuándo
wf-name = Nombre
wf-name-placeholder = Recordatorio un día antes
wf-owner = Pertenece a
wf-owner-hint = Los flujos de un equipo se aplican a los tipos de cita del equipo; los administradores del equipo los gestionan.
wf-trigger = Disparador
wf-offset = Cuánto tiempo antes o después
wf-offset-hint = Solo para «Antes de que empiece la cita» y «Después de que termine la cita».
wf-unit = Unidad
wf-active-hint = Mientras está desactivado no se envía nada, tampoco los mensajes ya planificados.
wf-event-types = Tipos de cita
wf-send-for = Enviar para reservas de
wf-no-event-types-yet = Aún no hay tipos de cita.
wf-on-new-event-types = Activar también para los tipos de cita que se creen a partir de ahora
wf-steps = Pasos
wf-steps-error = Pasos: { $reason }
wf-step = Paso { $number }
wf-remove = Quitar
wf-action = Acción
wf-send-to = Enviar a
wf-send-to-placeholder = dirección, +número o URL https://
wf-send-to-hint = Para «Enviar un correo a una dirección», «Enviar un SMS a un número» y «Llamar a un webhook».
wf-no-sms-gateway = No hay ninguna pasarela SMS configurada.
wf-no-sms-gateway-text = Hasta que un administrador configure una en Administración → Mensajes de texto, este paso no envía nada y sus tareas fallan por ese motivo.
wf-default-reminder = Este es el recordatorio predeterminado de Kairos: mientras no lo modifique, cada asistente lo recibe en su propio idioma.
wf-subject = Asunto del correo
wf-subject-hint = Para correos.
wf-message = Mensaje
wf-message-hint = Para correos y mensajes de texto. Un webhook envía en su lugar la reserva como JSON.
wf-secret = Secreto del webhook
wf-secret-hint = Firma cada llamada (X-Cal-Signature-256). Si lo deja vacío, se conserva el actual.
wf-clear-secret = Quitar el secreto del webhook
wf-add-step = + Añadir un paso
wf-back = Volver
wf-save = Guardar cambios
wf-create = Crear flujo
wf-variables = Variables
wf-variables-hint = Escriba una variable entre llaves, por ejemplo { $example }. Las fechas y horas están en la zona horaria del lector. Al guardar se indican las variables que Kairos no conoce.
wf-answers = Respuestas
wf-answers-hint = La respuesta a una pregunta de la reserva: su identificador en mayúsculas, con _ en lugar de -. { $variable } es la respuesta a la pregunta con el identificador { $key }.
wf-no-questions = Los tipos de cita de aquí aún no hacen preguntas.
wf-minimum-necessary-on = El mínimo necesario está activado: en todo lo que envían los flujos, { $notes } y las respuestas quedan vacíos. Los administradores lo cambian en Administración.
wf-minimum-necessary-off = El mínimo necesario está desactivado: las respuestas y las notas se envían tal como se escribieron.
wf-delete-title = Eliminar este flujo
wf-delete-text = Los mensajes que planificó no se enviarán.
wf-delete-this-confirm = ¿Eliminar este flujo?
wf-delete-button = Eliminar flujo

wf-var-event-name = el título del tipo de cita
wf-var-organizer = el nombre del anfitrión
wf-var-attendee = el nombre del asistente
wf-var-attendee-first-name = el nombre de pila del asistente
wf-var-attendee-email = el correo electrónico del asistente
wf-var-event-date = la fecha, p. ej. martes, 31 de marzo de 2026
wf-var-event-time = la hora de inicio, p. ej. 10:00
wf-var-event-end-time = la hora de fin, p. ej. 10:30
wf-var-timezone = la zona horaria del destinatario, p. ej. Europe/Madrid
wf-var-location = dónde tiene lugar la cita
wf-var-meeting-url = el enlace de video o de la reunión, si lo hay
wf-var-cancel-url = el enlace del asistente para cancelar
wf-var-reschedule-url = el enlace del asistente para elegir otra hora
wf-var-additional-notes = las notas que añadió el asistente

wf-new-subject = Recordatorio: { $EVENT_NAME } a las { $EVENT_TIME }
wf-new-body =
    Hola, { $ATTENDEE_FIRST_NAME }:

    nos vemos el { $EVENT_DATE } a las { $EVENT_TIME } ({ $TIMEZONE }).

    Para cancelar o elegir otra hora: { $RESCHEDULE_URL }
wf-trigger-booking-paid = Cuando se paga una reserva

wf-error-not-your-team = no es uno de sus equipos
wf-error-owner = debe ser usted o uno de sus equipos
wf-error-owner-admin = debe ser usted o un equipo que usted administre
wf-error-offset-too-long = { $days ->
        [one] debe ser como máximo de { $days } día
       *[other] debe ser como máximo de { $days } días
    }
wf-error-offset-required = es obligatorio para un recordatorio o un seguimiento
wf-error-event-types = deben ser tipos de cita del propietario del flujo
wf-error-no-step = añada al menos un paso
wf-error-too-many-steps = { $max ->
        [one] como máximo { $max } paso
       *[other] como máximo { $max } pasos
    }
wf-error-subject-required = es obligatorio para un correo
wf-error-subject-one-line = { $max ->
        [one] debe ser una sola línea de como máximo { $max } carácter
       *[other] debe ser una sola línea de como máximo { $max } caracteres
    }
wf-error-unknown-variables = { $count ->
        [one] usa la variable desconocida { $names }
       *[other] usa las variables desconocidas { $names }
    }
