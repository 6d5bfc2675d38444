cal-intro = Los eventos de sus propios calendarios bloquean las horas que se pueden reservar, y las nuevas reservas pueden anotarse en uno de ellos. Kairos sincroniza cada pocos minutos.
cal-your-calendars = Sus calendarios
cal-empty = No hay calendarios conectados
cal-empty-text = Conecte una cuenta o añada un feed ICS abajo, y nadie podrá reservarle en sus horas ocupadas.
cal-provider-ics = Feed ICS
cal-status-reconnect = Hay que volver a conectarla
cal-status-failing = La sincronización falla
cal-status-waiting = Esperando la primera sincronización
cal-status-synced = Sincronizada
cal-destination = Las nuevas reservas se anotan en { $calendar } ({ $address }).
cal-destination-none = Las nuevas reservas no se anotan en ninguno de sus calendarios. Elija «{ $button }» en uno de sus calendarios conectados para tenerlas allí.
cal-calendar = Calendario
cal-blocks-slots = Sus eventos bloquean sus horas
cal-not-checked = No se comprueban conflictos
cal-read-only = Solo lectura
cal-written-here = Las nuevas reservas se anotan aquí
cal-not-destination = No puede ser el destino: { $reason }
cal-check-conflicts = Comprobar conflictos
cal-stop-writing = Dejar de anotar reservas aquí
cal-write-here = Anotar nuevas reservas aquí
cal-error-on-or-off = debe estar activado o desactivado
cal-no-access = Kairos ya no tiene acceso:
cal-no-access-text = Hasta que vuelva a conectarla, sus eventos no bloquean sus horas y las reservas no se anotan allí.
cal-connect-again = Volver a conectar
cal-last-sync-failed = La última sincronización falló:
cal-failed-times = { $count ->
    [one] Falló { $count } vez seguida.
   *[other] Falló { $count } veces seguidas.
}
cal-retry-text = Kairos vuelve a intentarlo por sí mismo, esperando más tras cada fallo (seis horas como máximo).
cal-last-success = Última sincronización correcta
cal-next-sync = Próxima sincronización
cal-not-yet = Todavía no
cal-not-planned = No prevista
cal-zoom-text = Videollamadas: los tipos de cita cuyo lugar es Zoom reciben una reunión de Zoom en esta cuenta para cada reserva, que se traslada y se elimina con ella.
cal-no-calendars-listed = El servidor aún no muestra calendarios para esta cuenta.
cal-sync-now = Sincronizar ahora
cal-disconnect = Desconectar
cal-disconnect-confirm = ¿Desconectar esta cuenta? Kairos olvida su acceso y los eventos que copió.
cal-options = Opciones
cal-sync-cancellations-title = Cancelar las reservas eliminadas en este calendario
cal-sync-cancellations-text = Cuando usted elimina el evento de una reserva en su calendario, la reserva se cancela y se avisa al invitado, 15 minutos después de que Kairos lo detecte (restaure el evento antes para conservarla).
cal-sync-cancellations = Sincronizar cancelaciones
cal-live-check-title = Consultar el calendario antes de cada reserva
cal-live-check-text = Antes de crear o trasladar una reserva, Kairos pregunta a su calendario de destino por los cambios desde la última sincronización, durante 3 segundos como máximo. Si no responde a tiempo, la reserva se hace igualmente.
cal-live-check = Comprobación en directo
cal-connect-sign-in = Conectar iniciando sesión
cal-connect-sign-in-text = Usted inicia sesión en el servicio y permite que Kairos lea las horas ocupadas de sus calendarios y anote sus reservas (con Zoom: que cree una reunión para cada reserva). Kairos guarda el acceso cifrado; puede desconectarlo en cualquier momento.
cal-connect-vendor = Conectar { $vendor }
cal-not-connected = No conectado: { $reason }.
cal-vendor-not-set-up = { $vendor } no está configurado en esta instancia: consulte a un administrador
cal-vendor-unknown-state = el inicio de sesión con { $vendor } no se terminó aquí o tardó demasiado: empiece de nuevo
cal-vendor-access-not-allowed = { $vendor }: no se permitió el acceso
cal-vendor-no-access-granted = { $vendor }: no se concedió ningún acceso
cal-vendor-refused = { $vendor } rechazó la solicitud: { $detail }
cal-vendor-revoked = { $vendor } ya no acepta el acceso de Kairos: vuelva a conectar la cuenta
cal-vendor-unreachable = no se pudo contactar con { $vendor }: { $detail }
cal-vendor-credentials = el acceso guardado no se puede abrir con la clave de esta instancia
cal-caldav-title = Conectar una cuenta CalDAV
cal-caldav-text = Nextcloud, iCloud, Fastmail, Radicale, Baïkal, SOGo y otros servidores CalDAV. Kairos lee sus eventos y puede anotar las nuevas reservas en un calendario.
cal-server-address = Dirección del servidor
cal-server-address-hint = Basta con el nombre del host: Kairos encuentra sus calendarios.
cal-username = Nombre de usuario
cal-app-password = Contraseña de aplicación
cal-app-password-hint = No su contraseña principal, sino otra aparte que puede revocar. Kairos la guarda cifrada y no vuelve a mostrarla nunca.
cal-app-password-help = ¿Dónde consigo una contraseña de aplicación?
cal-help-nextcloud = Configuración → Seguridad → Dispositivos y sesiones → Crear nueva contraseña de aplicación.
cal-help-icloud = account.apple.com → Inicio de sesión y seguridad → Contraseñas específicas de apps. El servidor es caldav.icloud.com.
cal-help-fastmail = Ajustes → Privacidad y seguridad → Gestionar contraseñas de aplicación → Nueva contraseña de aplicación, con acceso a CalDAV.
cal-connect-account = Conectar la cuenta
cal-feed-title = Añadir un feed ICS
cal-feed-text = Una dirección de calendario de solo lectura: sus eventos bloquean sus horas, pero no se pueden anotar reservas en él.
cal-feed-address = Dirección del feed
cal-feed-address-hint = Trátela como una contraseña: cualquiera que la tenga puede leer el calendario. Kairos la guarda cifrada y solo muestra el nombre del host.
cal-feed-help = ¿Dónde encuentro la dirección?
cal-help-google = Configuración → su calendario → Integrar el calendario → Dirección secreta en formato iCal.
cal-help-outlook = Configuración → Calendario → Calendarios compartidos → Publicar un calendario → el vínculo ICS.
cal-help-others-label = Otros:
cal-help-others = busque «suscribirse», «publicar» o «iCal» en los ajustes para compartir del calendario. También sirve una dirección webcal://.
cal-add-feed = Añadir el feed
cal-sync-title = Sincronización de calendarios
cal-sync-intro = Cada cuenta de calendario conectada en esta instancia y cómo se sincroniza. Solo su propietario ve sus calendarios.
cal-back-to-admin = Volver a la administración
cal-accounts-failing = { $count ->
    [one] { $count } cuenta no logra sincronizarse.
   *[other] { $count } cuentas no logran sincronizarse.
}
cal-accounts-failing-text = Su propietario ve el motivo en su página Calendarios y puede corregir la dirección o la contraseña, o desconectarla.
cal-accounts = Cuentas
cal-empty-admin-text = Los miembros conectan sus calendarios en Calendarios.
cal-owner = Propietario
cal-provider = Proveedor
cal-address = Dirección
cal-last-sync = Última sincronización
cal-failures = Fallos
cal-last-error = Último error

cal-error-provider = debe ser caldav o ics (Google Calendar y Microsoft 365 se conectan desde sus páginas de inicio de sesión)
cal-error-long-line = debe ser una sola línea de como máximo 2048 caracteres
cal-error-http = debe ser una dirección http o https
cal-error-username = es obligatorio con una contraseña

cal-error-did-not-work = no funcionó: { $reason }
cal-error-no-calendars = no funcionó: el servidor no muestra ningún calendario para este usuario
cal-error-no-answer = { $seconds ->
        [one] no respondió en { $seconds } segundo
       *[other] no respondió en { $seconds } segundos
    }
cal-error-password-refused = el servidor la rechazó: compruebe el nombre de usuario y use una contraseña de aplicación
cal-error-read-only-destination = este calendario es de solo lectura: no se pueden escribir reservas en él
cal-error-feed-read-only = un feed es de solo lectura: Kairos no escribe reservas en él
cal-error-caldav-only = solo está disponible para cuentas CalDAV
