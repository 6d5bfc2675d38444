page-title = { $page } · Kairos
skip-to-content = Saltar al contenido
scheduling-by-kairos = Reservas con Kairos
language-menu-label = Idioma
language-menu-change = Cambiar
nav-label = Menú principal
nav-home = Inicio
nav-event-types = Tipos de cita
nav-availability = Disponibilidad
nav-calendars = Calendarios
nav-bookings = Reservas
nav-workflows = Flujos
nav-teams = Equipos
nav-settings = Ajustes
nav-admin = Administración
sign-out = Cerrar sesión
idle-title = ¿Sigue ahí?
idle-text = Por su seguridad, se cerrará la sesión en { $seconds } segundos.
idle-stay = Seguir conectado
copy = Copiar
form-correct-fields = Corrija los campos marcados.
profile-language = Idioma
profile-language-organization = El idioma de la organización
settings-default-language = Idioma predeterminado
settings-default-language-hint = Para las páginas de reserva cuando el navegador no pide ningún idioma que Kairos hable, y para quienes no eligieron ninguno.

# A field's error under it: the field's label, then why it was refused.
field-error = { $label } { $reason }
js-zone-detected = Su zona (detectada)
js-zone-search = Buscar zonas horarias
js-passwords-differ = Las contraseñas no coinciden.
js-choose-one = Elija al menos una opción.
js-guest-email = Correo del invitado { $n }
js-sending = Enviando…
js-copied = Copiado
event-type-language = Idioma de la página
event-type-language-visitor = El idioma del visitante
event-type-language-hint = Las páginas de reserva y los correos a los invitados están en este idioma, pida lo que pida el navegador.

notice-signed-out = Ha cerrado sesión.
notice-password-changed = Su contraseña se cambió. Inicie sesión con la nueva.
notice-setup-complete = La configuración está completa. Le damos la bienvenida a Kairos.
notice-session-ended = Su sesión terminó. Vuelva a iniciar sesión para continuar.
notice-signed-out-everywhere = Ha cerrado sesión en todos los dispositivos.
notice-second-factor-expired = El inicio de sesión tardó demasiado. Vuelva a escribir su correo y su contraseña.
notice-unlocked = Este navegador puede volver a iniciar sesión en su cuenta.

location-phone = Teléfono: { $number }
location-link-coming = (el enlace se está creando y llegará por correo electrónico)
notice-shown-once-gone = Lo que se mostró aquí una sola vez ya no se muestra. Si no lo copió, cree uno nuevo.
host-event-booked-by = Reservado por { $name } <{ $email }>
host-event-hosts = Anfitriones: { $names }
host-event-open = Abrir la reserva: { $link }

zone-label = { $city } · { $zone } ({ $offset })
zone-label-city = { $city } ({ $offset })
zone-utc = UTC (tiempo universal coordinado)
zone-region = { $region ->
        [Africa] África
        [America] América
        [Antarctica] Antártida
        [Arctic] Ártico
        [Asia] Asia
        [Atlantic] Atlántico
        [Australia] Australia
        [Europe] Europa
        [Indian] Océano Índico
        [Pacific] Pacífico
       *[other] { $region }
    }
