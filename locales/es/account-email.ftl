acct-invite-subject = Está invitado a { $organization } en Kairos
acct-invite-heading = Únase a { $organization }
acct-hello = Hola:
acct-invite-text = Está invitado a unirse a { $organization } en Kairos, donde gestionará sus citas. Abra el enlace de abajo para elegir su nombre y su contraseña.
acct-invite-expiry = El enlace funciona una vez y caduca en { $days ->
        [one] { $days } día
       *[other] { $days } días
    }. Si no esperaba esta invitación, ignore este mensaje.
acct-invite-button = Aceptar la invitación
acct-made-subject = Su cuenta en { $organization } en Kairos
acct-made-heading = Elija su contraseña
acct-made-text = Se ha creado para usted una cuenta en { $organization } en Kairos, donde gestionará sus citas. Abra el enlace de abajo para elegir su contraseña.
acct-made-expiry = El enlace funciona una vez y caduca en { $days ->
        [one] { $days } día
       *[other] { $days } días
    }. Si no lo esperaba, ignore este mensaje.
acct-made-button = Elegir mi contraseña
acct-reset-subject = Elija una nueva contraseña para { $organization }
acct-reset-heading = Elegir una nueva contraseña
acct-reset-text = Alguien pidió un enlace para elegir una nueva contraseña para su cuenta de { $organization } en Kairos. Si fue usted, abra el enlace de abajo: funciona una vez, durante { $minutes } minutos.
acct-reset-not-you = Si no fue usted, ignore este correo: su contraseña sigue igual.
acct-unlock-subject = Se pausó el inicio de sesión en { $organization }
acct-unlock-heading = Se pausó el inicio de sesión
acct-unlock-text = Alguien intentó varias veces iniciar sesión en su cuenta de { $organization } en Kairos con una contraseña o un código de verificación incorrectos, así que el inicio de sesión está en pausa por un tiempo. Si no fue usted, no se aceptó nada incorrecto; considere cambiar su contraseña si la usa en otro lugar.
acct-unlock-how = Para iniciar sesión ahora, abra el enlace de abajo en el navegador que quiera usar y confirme. Funciona una vez, durante { $minutes } minutos, y permite que ese navegador vuelva a iniciar sesión.
acct-unlock-button = Permitir que mi navegador inicie sesión
acct-revoked-subject = Vuelva a conectar { $provider }
acct-revoked-heading = Hay que volver a conectar { $provider }
acct-revoked-text = Kairos ya no puede acceder a la cuenta de { $provider } { $account } de { $host }: el acceso se revocó o caducó.
acct-revoked-effect = Hasta que se vuelva a conectar, sus eventos no bloquean los horarios de { $host } y las nuevas reservas no se escriben allí. Las reservas en sí siguen como siempre.
acct-revoked-how = { $host } puede volver a conectarla en la página Calendarios: la misma cuenta conserva su configuración.
acct-revoked-button = Abrir Calendarios
acct-test-subject = Mensaje de prueba de { $organization }
acct-test-heading = Mensaje de prueba
acct-test-text = Este es un mensaje de prueba de Kairos. El correo está configurado: las confirmaciones, solicitudes y cambios de reservas se enviarán desde esta dirección.
