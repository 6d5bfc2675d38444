# Pagos: precios, Stripe Checkout, reembolsos y cargos por no presentarse.

pay-status-awaiting = Pago pendiente
pay-status-expired = Pago vencido
pay-page-awaiting = Esperando su pago
pay-page-awaiting-lead = Su hora queda reservada mientras paga. En cuanto llega el pago, la reserva se confirma y recibe un correo electrónico.
pay-page-expired = El pago no llegó a tiempo
pay-page-expired-lead = La hora quedó libre de nuevo. Puede volver a reservar.
pay-email-refunded = Reembolso
pay-email-attendee-refunded = Le devolvemos { $amount } de su pago por { $title }. Según su banco, el importe aparece en su extracto en un plazo de 5 a 10 días.
pay-email-late-payment = Su pago llegó cuando ya había terminado el tiempo reservado para usted, y mientras tanto otra persona reservó esa hora, así que se le ha reembolsado por completo. Puede reservar otra hora cuando quiera.
pay-page-payment = Pago
pay-page-pay-now = Pagar ahora
pay-page-could-not-start = No se pudo abrir la página de pago, así que la hora quedó libre de nuevo. Vuelva a intentar reservar dentro de unos minutos.
pay-page-paid-notice = Gracias. Stripe está confirmando su pago; esta página lo mostrará en cuanto llegue.
pay-line-awaiting = { $amount }, aún sin pagar
pay-line-card-awaiting = Cargo por no presentarse de { $amount }: aún no se ha registrado ninguna tarjeta
pay-line-paid = { $amount }, pagado
pay-line-partly-refunded = { $amount }, pagado; { $refunded } reembolsado
pay-line-card-saved = Tarjeta guardada para un cargo por no presentarse de { $amount }; no se ha cobrado nada
pay-line-refunded = { $amount }, reembolsado
pay-line-no-show-charged = Cargo por no presentarse de { $amount }, cobrado
pay-line-expired = { $amount }, no pagado a tiempo
pay-line-failed = { $amount }, no se pudo realizar el pago
pay-not-set-up = Este tipo de cita es de pago y los pagos aún no están configurados. Póngase en contacto con el anfitrión.
pay-email-paid = Pagado: { $amount }. Stripe le envía el recibo.
pay-email-card-kept = Su tarjeta queda guardada para un cargo por no presentarse de { $amount }; solo se cobra si falta a la cita sin haberla cancelado.

## Panel y página de reservas

pay-admin-intro = Los tipos de cita con precio cobran a través de Stripe Checkout, la propia página de pago de Stripe. Mientras Stripe no esté configurado aquí, los tipos de cita con precio no aceptan reservas.
pay-admin-test-mode = Modo de prueba
pay-admin-live-mode = Modo real
pay-admin-test-mode-hint = La clave guardada es una clave de prueba: Stripe solo acepta sus tarjetas de prueba y no se mueve dinero.
pay-admin-live-mode-hint = La clave guardada es una clave real: se cobra a tarjetas reales.
pay-admin-secret-key = Clave secreta
pay-admin-secret-key-hint = Del Dashboard de Stripe, en «Claves de API»: una clave secreta (sk_test_… para probar, sk_live_… para cobrar de verdad) o una clave restringida.
pay-admin-webhook-secret = Secreto de firma del webhook
pay-admin-webhook-secret-hint = El secreto de firma del endpoint que añada en Stripe (vea más abajo). Empieza por whsec_.
pay-admin-hold = Tiempo de reserva durante el pago (minutos)
pay-admin-hold-hint = Cuánto tiempo conserva su hora una reserva que espera su pago: de 5 a 1440 minutos.
pay-admin-remove = Quitar Stripe: los tipos de cita con precio no aceptan reservas hasta que se vuelva a configurar
pay-admin-save = Guardar Stripe
pay-admin-check = Comprobar la conexión
pay-admin-at-stripe = En Stripe
pay-admin-step-endpoint = En el Dashboard de Stripe, abra { $webhooks } y añada un endpoint con esta URL:
pay-admin-webhook-url = URL del endpoint del webhook
pay-admin-step-events = Seleccione los eventos { $completed } y { $expired }.
pay-admin-step-secret = Muestre el { $secret } del endpoint y péguelo arriba.
pay-admin-leaves = Lo que sale de este equipo: por cada reserva de pago, la dirección de correo electrónico del invitado, el título del tipo de cita, el precio y la referencia de la reserva van a Stripe. Los datos de la tarjeta se escriben en la página de Stripe y nunca llegan a Kairos.
pay-admin-check-ok = Conectado: la clave pertenece a la cuenta de Stripe { $account }.
pay-admin-check-refused = Stripe rechazó la clave: { $reason } (HTTP { $status }).
pay-admin-check-unreachable = No se pudo contactar con Stripe: { $reason }.
pay-admin-check-not-set-up = Stripe aún no está configurado: guarde primero una clave secreta.
pay-admin-error-secret-key = debe ser una clave secreta de Stripe (sk_test_…, sk_live_…) o una clave restringida (rk_…)
pay-admin-error-webhook-secret = debe ser el secreto de firma del endpoint, que empieza por whsec_
pay-admin-error-hold = debe ser un número entero de minutos entre { $min } y { $max }
pay-flash-stripe-removed = Se quitó Stripe. Los tipos de cita con precio no aceptan reservas hasta que se vuelva a configurar.

pay-et-section = Pago
pay-et-intro = Deje el precio vacío para un tipo de cita gratuito. Los invitados pagan en la página segura de Stripe al reservar; los datos de la tarjeta nunca llegan a Kairos.
pay-et-not-set-up = Los pagos aún no están configurados en este Kairos. Ya puede guardar un precio, pero este tipo de cita no aceptará reservas hasta que un administrador configure Stripe.
pay-et-set-up-link = Configurar Stripe
pay-et-price = Precio
pay-et-price-hint = En la unidad principal de la moneda, como 49.90. Vacío: gratis.
pay-et-currency = Moneda
pay-et-currency-hint = Su código de tres letras, como EUR, USD o CHF.
pay-et-mode = Cuándo paga el invitado
pay-et-mode-pay-now = Al reservar: la reserva se confirma una vez pagada
pay-et-mode-no-show = Solo si no se presenta: la tarjeta queda guardada y solo se cobra si el invitado no acude
pay-et-refunds = Reembolsos cuando el invitado cancela
pay-et-refund-hours = Horas antes del inicio para un reembolso completo
pay-et-refund-hours-hint = Una cancelación con al menos esas horas de antelación se reembolsa por completo. 0: cualquier cancelación antes del inicio.
pay-et-late-percent = Reembolso de una cancelación posterior (%)
pay-et-late-percent-hint = De 0 (nada) a 100 (todo). Cuando cancela un anfitrión, se reembolsa todo.
pay-et-no-show-badge = Cargo por no presentarse { $amount }
pay-et-error-amount = debe ser un importe como 50 o 49.90
pay-et-error-decimals =
    { $decimals ->
        [0] debe ser un importe entero en { $currency }
        [one] puede tener como máximo { $decimals } decimal en { $currency }
       *[other] puede tener como máximo { $decimals } decimales en { $currency }
    }
pay-et-error-too-large = debe ser como máximo { $max }
pay-et-error-positive = debe ser mayor que cero
pay-et-error-step = debe ser un múltiplo de { $step }
pay-et-error-currency = debe ser un código de moneda como EUR, USD o CHF

pay-bk-title = Pago
pay-bk-amount = Precio
pay-bk-mode = Tipo
pay-bk-mode-pay-now = Pagado al reservar
pay-bk-mode-no-show = Cargo por no presentarse, tarjeta guardada
pay-bk-held-until = Hora reservada hasta
pay-bk-charged = Cobrado
pay-bk-refunded = Reembolsado
pay-bk-policy = Política de reembolso
pay-bk-policy-always = Reembolso completo por cualquier cancelación antes del inicio
pay-bk-policy-hours =
    { $hours ->
        [one] Reembolso completo hasta { $hours } hora antes del inicio; después, { $percent } %
       *[other] Reembolso completo hasta { $hours } horas antes del inicio; después, { $percent } %
    }
pay-bk-status-paid = Pagado
pay-bk-status-partly-refunded = Reembolsado en parte
pay-bk-status-card-saved = Tarjeta guardada
pay-bk-status-refunded = Reembolsado
pay-bk-status-no-show-charged = Cargo por no presentarse cobrado
pay-bk-status-failed = Pago fallido
pay-bk-refunds = Reembolsos
pay-bk-refund-pending = Enviado a Stripe
pay-bk-refund-succeeded = Reembolsado
pay-bk-refund-failed = Fallido
pay-bk-reason-host = por un anfitrión
pay-bk-reason-cancelled = cancelación
pay-bk-reason-late-payment = pagado demasiado tarde
pay-bk-refund = Reembolsar
pay-bk-refund-amount = Importe a reembolsar
pay-bk-refund-hint = Hasta { $max }. Stripe lo devuelve a la tarjeta del invitado.
pay-bk-refund-button = Reembolsar
pay-bk-refund-confirm = ¿Reembolsar este importe al invitado? No se puede deshacer.
pay-bk-refund-error = debe ser un importe de { $min } a { $max }
pay-bk-nothing-to-refund = No queda nada de este pago por reembolsar.
pay-flash-refund-planned = El reembolso va camino de Stripe. Aparecerá como reembolsado en cuanto Stripe lo confirme.
pay-bk-no-show = No se presentó
pay-bk-no-show-text = Deja constancia de que el invitado no acudió.
pay-bk-no-show-fee = Marcar que el invitado no se presentó cobra { $amount } a la tarjeta guardada.
pay-bk-no-show-button = Marcar que no se presentó
pay-bk-no-show-confirm = ¿Marcar que el invitado no se presentó?
pay-bk-no-show-marked = Se marcó que el invitado no se presentó.
pay-flash-no-show = Se marcó que el invitado no se presentó.

pay-booker-price-no-show = Cargo por no presentarse: { $amount }
pay-booker-pay-now =
    { $minutes ->
        [one] Después de enviar, pagará { $amount } en la página de pago segura de Stripe. Mientras tanto, su hora queda reservada durante { $minutes } minuto.
       *[other] Después de enviar, pagará { $amount } en la página de pago segura de Stripe. Mientras tanto, su hora queda reservada durante { $minutes } minutos.
    }
pay-booker-no-show =
    { $minutes ->
        [one] Después de enviar, dejará una tarjeta en la página segura de Stripe. Ahora no se cobra nada: se le cobrará { $amount } solo si no acude. Mientras tanto, su hora queda reservada durante { $minutes } minuto.
       *[other] Después de enviar, dejará una tarjeta en la página segura de Stripe. Ahora no se cobra nada: se le cobrará { $amount } solo si no acude. Mientras tanto, su hora queda reservada durante { $minutes } minutos.
    }
pay-booker-refund-always = Si cancela antes del inicio, se le reembolsa todo.
pay-booker-refund-none-late =
    { $hours ->
        [one] Si cancela al menos { $hours } hora antes del inicio, se le reembolsa todo; las cancelaciones posteriores no se reembolsan.
       *[other] Si cancela al menos { $hours } horas antes del inicio, se le reembolsa todo; las cancelaciones posteriores no se reembolsan.
    }
pay-booker-refund-part-late =
    { $hours ->
        [one] Si cancela al menos { $hours } hora antes del inicio, se le reembolsa todo; después, se reembolsa el { $percent } %.
       *[other] Si cancela al menos { $hours } horas antes del inicio, se le reembolsa todo; después, se reembolsa el { $percent } %.
    }
pay-booker-continue = Continuar al pago

# Why a payment setting, price, refund or no-show was refused.
pay-error-not-set-up = este tipo de cita es de pago y los pagos aún no están configurados
pay-error-no-show-confirmed-only = solo una reserva confirmada puede marcarse como inasistencia
pay-error-no-show-not-started = una inasistencia solo puede marcarse una vez que la cita ha empezado
pay-error-no-show-marked = esta persona ya se marcó como inasistencia
pay-error-refund-hours = debe ser como máximo 8760 horas (un año)
pay-error-percent = debe ser un número entero de 0 a 100
pay-error-secret-key = debe ser una clave secreta de Stripe (sk_test_…, sk_live_…) o una clave restringida (rk_…)
pay-error-webhook-secret = debe ser el secreto de firma del endpoint, que empieza por whsec_
pay-error-hold-minutes = debe ser un número entero de minutos entre 5 y 1440
pay-page-paid-thanks = Gracias: su pago ha llegado.
