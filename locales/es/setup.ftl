setup-title = Configurar Kairos
setup-progress = Progreso de la configuración
setup-step-account = Cuenta
setup-step-organization = Organización
setup-step-email = Correo
setup-step-done = Listo
setup-required = Se requiere configuración
setup-required-text = Esta instancia de Kairos aún no está configurada.
setup-required-where = El administrador encuentra el enlace de configuración de un solo uso en la salida de `kairos serve` o en su registro (en una instalación de sistema: `journalctl -u kairos`).
setup-required-valid = El enlace es válido 30 minutos; al reiniciar Kairos se muestra uno nuevo.
setup-link-invalid = Este enlace de configuración no es válido
setup-link-invalid-title = Enlace de configuración no válido
setup-link-invalid-why = Puede que haya caducado (los enlaces duran 30 minutos), que ya se haya usado o que se haya copiado incompleto.
setup-link-invalid-what = Reinicie Kairos para mostrar un nuevo enlace de configuración y ábralo en menos de 30 minutos.
setup-welcome = Le damos la bienvenida a Kairos
setup-welcome-text = Cree la cuenta de propietario. Administra esta instancia y puede invitar a todos los demás.
setup-password-hint = Al menos 12 caracteres. Unas cuantas palabras sin relación entre sí forman una contraseña fuerte.
setup-password-repeat = Repita la contraseña
setup-create-account = Crear la cuenta y continuar
setup-organization = Su organización
setup-organization-text = Aparecen en las páginas de reserva y en los mensajes. Puede cambiarlos más adelante.
setup-organization-name = Nombre de la organización
setup-public-address-hint = La URL con la que se llega a esta instancia, como https://book.example.org.
setup-first-day = Primer día de la semana
setup-installation = ¿Qué tipo de instalación es?
setup-installation-hint = Kairos cierra la sesión tras un rato sin actividad: pronto donde otros pueden ver la pantalla, más tarde en un ordenador propio. Los administradores pueden cambiarlo después.
setup-installation-kind = Tipo de instalación
setup-installation-shared = Una consulta o clínica: pantallas que otros pueden ver o usar
setup-installation-office = Un equipo: cada persona en su propio ordenador
setup-installation-personal = Solo yo, en mi propio ordenador
setup-finish = Terminar la configuración
setup-email-text = Kairos envía por correo confirmaciones, solicitudes y cambios a quienes reservan y a los anfitriones. Introduzca ahora su servidor de correo u omita este paso y hágalo más tarde en Administración → Correo.
setup-save-finish = Guardar y terminar
setup-skip = Omitir por ahora
setup-signed-out-after = sesión cerrada tras { $minutes ->
        [60] 1 hora
        [240] 4 horas
        [480] 8 horas
       *[other] { $minutes } minutos
    }
