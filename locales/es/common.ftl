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
