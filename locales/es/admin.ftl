# Administración: personas, invitaciones, ajustes de la instancia y las páginas que dependen de ella.

admin-title = Administración
admin-intro = Quién puede iniciar sesión y cómo se comporta esta instancia.
admin-back-to-admin = Volver a la administración
admin-calendar-sync = Sincronización de calendarios
admin-status = Estado
admin-set-up = Configurado
admin-not-set-up = Sin configurar
admin-client-id = ID de cliente
admin-client-secret = Secreto de cliente
admin-redirect-uri = URI de redirección

## Personas e invitaciones

admin-people = Personas
admin-role = { $role ->
        [owner] Propietario
        [admin] Administrador
       *[member] Miembro
    }
admin-disabled = Desactivada
admin-no-password = Aún no ha elegido contraseña
admin-since = desde el { $date }
admin-enable = Activar
admin-disable = Desactivar
admin-disable-confirm = ¿Desactivar a { $name }? Su sesión se cierra de inmediato.
admin-create-account = Crear una cuenta
admin-create-account-hint = Recibirá un enlace de un solo uso, válido durante { $days ->
        [one] 1 día
       *[other] { $days } días
    }, para que la persona elija su contraseña.
admin-name = Nombre
admin-email = Correo electrónico
admin-role-label = Rol
admin-role-member = Miembro
admin-role-admin = Administrador
admin-create-account-button = Crear cuenta
admin-invitations = Invitaciones
admin-invitations-hint = La persona recibe un enlace de un solo uso, válido durante { $days ->
        [one] 1 día
       *[other] { $days } días
    }, para elegir su nombre y su contraseña. Se envía por correo si hay un servidor de correo configurado; si no, usted lo copia.
admin-send-invitation = Enviar invitación
admin-no-invitations = No hay invitaciones pendientes.
admin-pending = Pendientes
admin-expires = vence el { $date }
admin-revoke-confirm = ¿Revocar la invitación de { $email }? El enlace dejará de funcionar.
admin-revoke = Revocar
admin-account-created = Cuenta creada para { $name }.
admin-invitation-emailed = Invitación enviada por correo a { $email }.
admin-invitation-link-works = El enlace funciona una vez durante { $days ->
        [one] 1 día
       *[other] { $days } días
    }.
admin-invitation-created = Invitación creada para { $email }.
admin-not-emailed-invitation = No se pudo enviar por correo ({ $reason }).
admin-invitation-send-link = Envíele este enlace de un solo uso. Solo se muestra ahora y funciona una vez durante { $days ->
        [one] 1 día
       *[other] { $days } días
    }:
admin-invitation-link = Enlace de invitación
admin-account-link-emailed = Enviamos a { $email } un enlace de un solo uso para elegir su contraseña. Funciona una vez durante { $days ->
        [one] 1 día
       *[other] { $days } días
    }.
admin-not-emailed-link = No se pudo enviar el enlace por correo ({ $reason }).
admin-account-link-send = Envíele este enlace de un solo uso para elegir su contraseña. Solo se muestra ahora y es válido durante { $days ->
        [one] 1 día
       *[other] { $days } días
    }:
admin-one-time-link = Enlace de un solo uso

## Ajustes de la instancia

admin-instance = Instancia
admin-public-address-hint = Por ejemplo https://book.example.org. El valor base_url del archivo de configuración tiene prioridad.
admin-signup = Quién puede unirse
admin-signup-closed = Cerrado: solo los administradores crean cuentas
admin-signup-invite = Solo por invitación: las personas se unen con un enlace de un solo uso
admin-signup-hint = En ningún caso hay una página de registro pública.
admin-embed-origins = Sitios web que pueden insertar las páginas de reserva
admin-embed-origins-hint = Un origen por línea, por ejemplo https://www.example.org. Vacío: ningún sitio puede mostrarlas en un marco. El panel nunca puede insertarse en un marco.
admin-require-mfa = Exigir la verificación en dos pasos
admin-require-mfa-off = No: cada persona decide
admin-require-mfa-administrators = Para los administradores
admin-require-mfa-everyone = Para todos
admin-require-mfa-hint = Las personas afectadas la configuran justo después de iniciar sesión y no pueden hacer nada más antes.
admin-audit-retention = Conservar el registro de auditoría (años)
admin-audit-retention-hint = Las entradas más antiguas se eliminan a diario; el registro sigue siendo verificable. HIPAA exige 6 años.
admin-limit-event-type = Reservas nuevas por tipo de cita y por hora
admin-limit-event-type-hint = Entre las páginas de reserva y la API; por encima, se pide intentarlo más tarde. 0: sin límite.
admin-limit-host = Reservas nuevas por anfitrión y por hora
admin-limit-host-hint = Sobre todos los tipos de cita de un anfitrión. Los anfitriones que reservan sus propios tipos de cita no tienen límite. 0: sin límite.
admin-idle = Cerrar sesión tras inactividad
admin-idle-hint = Un minuto antes, la página pregunta si la persona sigue ahí.
admin-idle-minutes = { $minutes ->
        [one] 1 minuto
       *[other] { $minutes } minutos
    }
admin-idle-hours = { $hours ->
        [one] 1 hora
       *[other] { $hours } horas
    }
admin-idle-option = { $time } ({ $fits })
admin-minimum-necessary = Lo mínimo necesario en los mensajes
admin-minimum-necessary-hint = Las respuestas y notas quedan fuera de los correos, SMS y webhooks; estos solo llevan la hora, el lugar y los enlaces. El panel sigue mostrando todo a quienes tienen permiso para verlo.
admin-allow-private = Permitir servidores de la red privada
admin-allow-private-hint = Para receptores de webhooks, la pasarela SMS, el servidor de correo y el proveedor de inicio de sesión único dentro de su red (10.x, 172.16–31.x, 192.168.x, 100.64–127.x, fc00::/7); el servidor de correo, la pasarela y el proveedor también pueden funcionar entonces en esta máquina (localhost). Las direcciones de enlace local, los metadatos de la nube y otras direcciones especiales se rechazan siempre.
admin-save-settings = Guardar ajustes

## El registro de auditoría

admin-audit-title = Registro de auditoría
admin-audit-intro = Quién hizo qué y desde dónde. Lo más reciente primero; la página muestra hasta { $limit } filas, una descarga incluye todas las filas que coinciden.
admin-audit-action = Acción
admin-audit-actor = Actor
admin-audit-anyone = Cualquiera
admin-audit-actor-kind = { $kind ->
        [user] Usuario
        [api_key] Clave de API
        [invitee] Invitado
        [system] Sistema
        [anonymous] Anónimo
       *[other] { $kind }
    }
admin-audit-actor-id = ID del actor
admin-audit-from = Desde
admin-audit-to = Hasta
admin-audit-filter = Filtrar
admin-audit-download-csv = Descargar CSV
admin-audit-download-json = Descargar JSON
admin-audit-time = Hora (UTC)
admin-audit-object = Objeto
admin-audit-outcome = Resultado
admin-audit-outcome-value = { $outcome ->
        [success] Éxito
        [failure] Fallo
        [denied] Denegado
       *[other] { $outcome }
    }
admin-audit-address = Dirección
admin-audit-user-agent = Agente de usuario

## Correo: el servidor de correo

smtp-server = Servidor
smtp-port = Puerto
smtp-security = Seguridad
smtp-security-starttls = STARTTLS: una conexión simple que pasa a TLS
smtp-security-tls = TLS desde el inicio
smtp-security-none = Ninguna: solo para un relé en una red de confianza
smtp-security-hint = Normalmente el puerto 587 con STARTTLS, 465 con TLS.
smtp-username = Nombre de usuario
smtp-username-hint = Solo si el servidor pide iniciar sesión.
smtp-password = Contraseña
smtp-password-stored = Hay una contraseña guardada. Deje el campo vacío para conservarla.
smtp-password-new = Se guarda cifrada y no se vuelve a mostrar.
smtp-from-address = Dirección del remitente
smtp-from-name = Nombre del remitente
smtp-from-name-placeholder = Su organización

admin-email-title = Correo
admin-email-intro = El servidor de correo por el que Kairos envía confirmaciones, solicitudes y cambios de reservas. Sin él, no se envía ningún correo.
admin-email-server = Servidor de correo
admin-email-save = Guardar servidor de correo
admin-email-test = Enviar un mensaje de prueba
admin-email-save-first = Guarde primero un servidor de correo.
admin-email-test-hint = Envía un mensaje breve por el servidor guardado. Si falla, verá la respuesta del servidor.
admin-email-send-to = Enviar a
admin-email-send-test = Enviar correo de prueba
admin-email-test-sent = El mensaje de prueba se envió a { $to }.
admin-email-test-not-sent = El mensaje de prueba no se envió.
admin-email-server-answered = El servidor de correo respondió:
admin-email-test-failed = El mensaje de prueba no se envió: { $reason }.

## SMS

admin-sms-title = Mensajes de texto
admin-sms-intro = Kairos envía mensajes de texto (recordatorios y mensajes de flujos) a través de una pasarela HTTP de su elección.
admin-sms-gateway = Pasarela
admin-sms-unreadable = Los ajustes guardados de la pasarela no se pueden leer con la clave de esta instancia. Introdúzcalos de nuevo.
admin-sms-not-set-up = Sin configurar: no se envían mensajes de texto
admin-sms-url = URL de la pasarela
admin-sms-url-hint = Kairos envía allí una solicitud POST por mensaje. Las direcciones de la red privada requieren el ajuste de instancia que las permite.
admin-sms-auth-header = Encabezado de autenticación
admin-sms-auth-header-hint = Vacío: no se envía ningún encabezado.
admin-sms-header-value = Valor del encabezado
admin-sms-header-value-stored = Guardado cifrado. Deje el campo vacío para conservarlo.
admin-sms-header-value-new = Por ejemplo Bearer … o Basic …; se guarda cifrado.
admin-sms-body-format = Formato del cuerpo
admin-sms-body-form = Formulario (application/x-www-form-urlencoded)
admin-sms-body-format-invalid = debe ser JSON o formulario
admin-sms-body-template = Plantilla del cuerpo
admin-sms-body-template-hint = { $to } es el número de teléfono y { $body } el mensaje. En JSON se convierten en cadenas entre comillas: { $json }; en un formulario, en valores codificados: { $form }.
admin-sms-save = Guardar pasarela
admin-sms-remove-confirm = ¿Eliminar la pasarela SMS? Kairos dejará de enviar mensajes de texto.
admin-sms-remove = Eliminar pasarela
admin-sms-twilio = Configuración compatible con Twilio
admin-sms-twilio-intro = Completa la pasarela para la API Messages de Twilio, o un servicio que la imite: un cuerpo de formulario con To, From y Body, y autenticación Basic con el Account SID y el Auth Token.
admin-sms-account-sid = Account SID
admin-sms-auth-token = Auth Token
admin-sms-sender = Número remitente
admin-sms-api-base = Dirección de la API
admin-sms-api-base-hint = La de Twilio, salvo que el servicio indique otra.
admin-sms-use-preset = Usar esta configuración
admin-sms-test = Enviar un SMS de prueba
admin-sms-test-hint = Envía ahora un mensaje breve y muestra lo que respondió la pasarela.
admin-sms-phone = Número de teléfono
admin-sms-send-test = Enviar SMS de prueba
admin-sms-test-taken = La pasarela aceptó el mensaje de prueba: HTTP { $status } en { $ms } ms.
admin-sms-it-answered = Respondió:
admin-sms-test-failed = El mensaje de prueba no se envió: { $reason }.
admin-sms-gateway-answered = La pasarela respondió:
admin-sms-set-up-first = Configure primero una pasarela.

## Tareas en segundo plano

admin-jobs-title = Tareas en segundo plano
admin-jobs-intro = Correos y otros trabajos que se hacen después de un cambio. Una tarea que falla se reintenta con pausas crecientes (como máximo una hora entre intentos) durante { $hours ->
        [one] 1 hora
       *[other] { $hours } horas
    } desde su vencimiento; después queda detenida hasta que usted la reintente.
admin-jobs-intro-reminders = Un recordatorio que no pudo enviarse antes del inicio de su cita queda detenido y lo indica.
admin-jobs-times-in = Horas en { $zone }.
admin-jobs-failing = Con fallos
admin-jobs-none-failing = Nada está fallando.
admin-jobs-dead = Detenidas
admin-jobs-none-dead = Ninguna tarea se ha detenido.
admin-jobs-running = En ejecución
admin-jobs-none-running = Nada está en ejecución.
admin-jobs-waiting = En espera
admin-jobs-none-waiting = Nada está en espera.
admin-jobs-retry-dead = Reintentar todas las tareas detenidas
admin-job-retry = Reintentar ahora
admin-job-number = tarea { $id }
admin-job-lane = Carril { $lane }
admin-job-runs = Se ejecuta el { $time }
admin-job-attempts = Intentos: { $attempts }
admin-job-attempts-of = Intentos: { $attempts } de { $cap }
admin-job-updated = Actualizada el { $time }
admin-job-retried-until = Se reintenta hasta el { $time }
admin-job-why = Motivo
admin-job-notify = Preparar los correos de un cambio de reserva
admin-job-email = Enviar un correo de reserva
admin-job-workflow = Ejecutar un paso de flujo
admin-job-webhook = Entregar un webhook
admin-job-sync = Sincronizar un calendario conectado
admin-job-retention = Eliminar entradas de auditoría vencidas
admin-job-workflow-step = Flujo «{ $workflow }»: { $action ->
        [EMAIL_ATTENDEE] correo al asistente
        [EMAIL_HOST] correo al anfitrión
        [EMAIL_ADDRESS] correo a una dirección
        [SMS_ATTENDEE] SMS al asistente (su respuesta de teléfono)
        [SMS_NUMBER] SMS a un número
       *[WEBHOOK] llamar a un webhook
    }
admin-jobs-trouble = Hay tareas en segundo plano que fallan:
admin-jobs-trouble-failing = { $count } con fallos ({ $kinds })
admin-jobs-trouble-dead = { $count } detenidas ({ $kinds })
admin-jobs-trouble-since = La más antigua se reintenta desde el { $time }.
admin-jobs-trouble-check = Revise el servidor de correo, la pasarela SMS o los receptores de webhooks que allí se indican: { $link }.

## Inicio de sesión único

admin-sso-title = Inicio de sesión único
admin-sso-intro = Permita que las personas inicien sesión con el proveedor OpenID Connect de su organización (Keycloak, Entra ID, Okta, Authentik, …).
admin-sso-provider = Proveedor de identidad
admin-sso-enabled = Ofrecer el inicio de sesión único en la página de acceso
admin-sso-enabled-hint = Kairos comprueba el documento de descubrimiento del proveedor al guardar.
admin-sso-issuer = URL del emisor
admin-sso-issuer-hint = Exactamente como lo nombran los tokens de identidad del proveedor. Kairos solo llama a este host.
admin-sso-secret-stored = Hay un secreto guardado (cifrado con la clave de la instancia). Deje el campo vacío para conservarlo.
admin-sso-secret-new = De los ajustes del cliente en el proveedor. Déjelo vacío para un cliente público (solo PKCE).
admin-sso-clear-secret = Eliminar el secreto de cliente guardado
admin-sso-button-label = Texto del botón
admin-sso-button-placeholder = Iniciar sesión con inicio de sesión único
admin-sso-only = Solo inicio de sesión único
admin-sso-only-hint = Oculta el formulario de contraseña y rechaza el inicio de sesión con contraseña para todos.
admin-sso-save = Guardar inicio de sesión único
admin-sso-at-provider = En el proveedor
admin-sso-register = Cree un cliente OpenID Connect confidencial con el flujo de código de autorización y PKCE (S256), y registre esta URI de redirección:
admin-sso-matching = Kairos solicita los scopes openid, email y profile. Las personas se asocian a cuentas existentes y activas por su dirección de correo, que el proveedor debe marcar como verificada (email_verified). Las cuentas no se crean automáticamente. La verificación en dos pasos de Kairos no se aplica al inicio de sesión único: se aplica la del proveedor.
admin-sso-break-glass = Acceso de emergencia
admin-sso-break-glass-text = Si el proveedor no responde mientras está activo el inicio de sesión único exclusivo, el propietario aún puede entrar desde la consola del servidor: añada { $setting } en kairos.toml (o KAIROS_ALLOW_PASSWORD_SIGN_IN=true) y reinicie; luego ejecute { $command } para obtener un enlace de contraseña de un solo uso. Tanto el inicio de sesión como el restablecimiento quedan auditados.
admin-sso-override = { $setting } está activado: el formulario de contraseña sigue disponible

## Integraciones

admin-integrations-title = Integraciones
admin-integrations-intro = Servicios en la nube que los anfitriones pueden conectar. Cada uno usa una aplicación que su organización registra con el proveedor.
admin-integrations-secret-stored = Hay un secreto guardado (cifrado con la clave de la instancia) que nunca se vuelve a mostrar. Deje el campo vacío para conservarlo.
admin-integrations-remove = Quitar { $vendor }: los anfitriones ya no pueden conectarlo y las cuentas conectadas dejan de sincronizarse
admin-integrations-save = Guardar { $vendor }
admin-microsoft-client-id = ID de aplicación (cliente)
admin-microsoft-tenant = ID de directorio (inquilino)
admin-microsoft-tenant-hint = El ID de directorio o el dominio de su organización (contoso.onmicrosoft.com), para que solo sus cuentas puedan conectarse; { $common } para cualquier cuenta Microsoft profesional, educativa o personal.

admin-google-intro = Los anfitriones conectan sus calendarios de Google iniciando sesión: sus eventos bloquean sus horarios y las reservas se escriben en el calendario que elijan. Mientras no se configure aquí una aplicación, los anfitriones no ven Google y Kairos nunca lo llama.
admin-google-secret-from = Del cliente OAuth que cree en la consola de Google Cloud.
admin-google-at = En Google
admin-google-step-project = En la consola de Google Cloud, cree un proyecto y habilite { $api }.
admin-google-step-consent = Configure la pantalla de consentimiento de OAuth (interna para una organización de Workspace) con los scopes { $events } y { $readonly }.
admin-google-step-client = Cree un ID de cliente OAuth de tipo { $kind } con esta URI de redirección autorizada y luego pegue arriba su ID de cliente y su secreto:
admin-google-leaves = Lo que sale de este equipo: las horas y los títulos de las reservas escritas en el calendario de Google de un anfitrión (con «lo mínimo necesario» activado, sin nombres, respuestas ni notas), y las consultas de los eventos del anfitrión, que Kairos reduce a horas ocupadas.

admin-microsoft-intro = Los anfitriones conectan sus calendarios de Microsoft 365 u Outlook.com iniciando sesión: sus eventos bloquean sus horarios y las reservas se escriben en el calendario que elijan. Mientras no se configure aquí una aplicación, los anfitriones no ven Microsoft y Kairos nunca lo llama.
admin-microsoft-secret-from = El valor de un secreto de cliente que agregue en «Certificados y secretos» del centro de administración de Microsoft Entra.
admin-microsoft-at = En Microsoft
admin-microsoft-step-register = En el centro de administración de Microsoft Entra, abra { $registrations } y registre una nueva aplicación: solo cuentas de este directorio organizativo (introduzca entonces arriba su ID de directorio (inquilino)), o de cualquier directorio y cuentas personales (deje entonces { $common }).
admin-microsoft-step-permissions = En { $permissions }, agregue los permisos delegados de Microsoft Graph { $readwrite } y { $offline }.
admin-microsoft-step-secret = En { $secrets }, agregue un secreto de cliente y pegue su valor arriba junto con el ID de aplicación (cliente).
admin-microsoft-step-platform = En { $authentication }, agregue la plataforma { $web } con esta URI de redirección:
admin-microsoft-leaves = Lo que sale de este equipo: las horas y los títulos de las reservas escritas en el calendario de Microsoft de un anfitrión (con «lo mínimo necesario» activado, sin nombres, respuestas ni notas), y las consultas de los eventos del anfitrión, que Kairos reduce a horas ocupadas.

admin-zoom-intro = Los anfitriones conectan su cuenta de Zoom iniciando sesión, y los tipos de cita pueden celebrarse entonces en Zoom: Kairos crea una reunión de Zoom para cada reserva, la mueve cuando la reserva cambia y la elimina cuando la reserva se cancela. Mientras no se configure aquí una aplicación, los anfitriones no ven Zoom y Kairos nunca lo llama.
admin-zoom-secret-from = De la aplicación OAuth que cree en el Zoom App Marketplace (App Credentials).
admin-zoom-at = En Zoom
admin-zoom-step-app = En el Zoom App Marketplace, elija { $menu } y cree una { $app } (gestionada por el usuario) o una aplicación OAuth.
admin-zoom-step-scopes = Agregue los scopes para crear, actualizar y eliminar reuniones y para leer el usuario ({ $write } y { $read }, o sus equivalentes detallados).
admin-zoom-step-redirect = Introduzca esta URL de redirección (también en la lista de permitidos de OAuth) y luego pegue arriba el ID de cliente y el secreto:
admin-zoom-leaves = Lo que sale de este equipo: el título, la hora y la duración de cada reserva de Zoom, y una línea de agenda con el identificador de la reserva. Ni nombres de invitados, ni correos, respuestas o notas.

admin-error-has-account = ya pertenece a una cuenta
admin-error-invited = ya tiene una invitación pendiente; revóquela para enviar una nueva

admin-smtp-error-host = debe ser un nombre de host o una dirección IP
admin-smtp-error-port = debe ser un número entre 1 y 65535
admin-smtp-error-security = debe ser none, STARTTLS o TLS
admin-smtp-error-username = es obligatorio cuando se indica una contraseña

admin-sms-error-header-name = debe ser un nombre de cabecera como Authorization o X-Api-Key
admin-sms-error-header-for-value = es obligatorio cuando se indica un valor
admin-sms-error-no-body = debe contener {"{body}"}, el texto del mensaje
admin-sms-error-no-to = debe contener {"{to}"}, el número de teléfono
admin-sms-error-json = no es JSON válido una vez sustituidos {"{to}"} y {"{body}"} (se convierten en cadenas entre comillas: {"{\"to\": {to}, \"text\": {body}}"})
admin-sms-error-sid = debe ser el SID de la cuenta (letras y dígitos)

admin-sso-error-required = es obligatorio para activar el inicio de sesión único
admin-sso-error-only = requiere el inicio de sesión único activado; si no, nadie podría iniciar sesión
admin-sso-error-issuer-url = debe ser una URL como https://id.example.org/realms/clinic, no { $issuer }
admin-sso-error-issuer-query = debe ser una URL sin consulta ni fragmento
admin-sso-error-issuer-http = debe usar https://
admin-sso-error-issuer-scheme = debe empezar por https://
