# Pagamentos: preços, Stripe Checkout, reembolsos e taxas de não comparecimento.

pay-status-awaiting = Aguardando pagamento
pay-status-expired = Pagamento expirado
pay-page-awaiting = Aguardando seu pagamento
pay-page-awaiting-lead = Seu horário fica reservado enquanto você paga. Assim que o pagamento chegar, o agendamento é confirmado e você recebe um e-mail.
pay-page-expired = O pagamento não chegou a tempo
pay-page-expired-lead = O horário foi liberado. Você pode agendar de novo.
pay-email-refunded = Reembolso
pay-email-attendee-refunded = O valor de { $amount } do seu pagamento por { $title } está sendo devolvido a você. Dependendo do seu banco, ele aparece no extrato em 5 a 10 dias.
pay-email-late-payment = Seu pagamento chegou depois que o horário reservado para você já tinha expirado, e nesse meio-tempo outra pessoa agendou esse horário, por isso o valor foi reembolsado integralmente. Fique à vontade para agendar outro horário.
pay-page-payment = Pagamento
pay-page-pay-now = Pagar agora
pay-page-could-not-start = Não foi possível abrir a página de pagamento, por isso o horário foi liberado. Tente agendar de novo em alguns minutos.
pay-page-paid-notice = Obrigado. O Stripe está confirmando seu pagamento; esta página o mostra assim que ele chegar.
pay-line-awaiting = { $amount }, ainda não pago
pay-line-card-awaiting = Taxa de não comparecimento de { $amount }: nenhum cartão informado ainda
pay-line-paid = { $amount }, pago
pay-line-partly-refunded = { $amount }, pago; { $refunded } reembolsado
pay-line-card-saved = Cartão guardado para uma taxa de não comparecimento de { $amount }; nada foi cobrado
pay-line-refunded = { $amount }, reembolsado
pay-line-no-show-charged = Taxa de não comparecimento de { $amount }, cobrada
pay-line-expired = { $amount }, não pago a tempo
pay-line-failed = { $amount }, não foi possível fazer o pagamento
pay-not-set-up = Este tipo de evento é pago, e os pagamentos ainda não estão configurados. Entre em contato com o anfitrião.
pay-email-paid = Pago: { $amount }. O Stripe envia o seu recibo.
pay-email-card-kept = Seu cartão fica guardado para uma taxa de não comparecimento de { $amount }; ele só é cobrado se você faltar ao compromisso sem cancelar.

## Painel e página de agendamento

pay-admin-intro = Tipos de evento com preço recebem pagamentos pelo Stripe Checkout, a própria página de pagamento do Stripe. Enquanto o Stripe não estiver configurado aqui, tipos de evento com preço não aceitam agendamentos.
pay-admin-test-mode = Modo de teste
pay-admin-live-mode = Modo de produção
pay-admin-test-mode-hint = A chave salva é uma chave de teste: o Stripe aceita apenas os cartões de teste dele, e nenhum dinheiro é movimentado.
pay-admin-live-mode-hint = A chave salva é uma chave de produção: cartões reais são cobrados.
pay-admin-secret-key = Chave secreta
pay-admin-secret-key-hint = No Dashboard do Stripe, em “Chaves de API”: uma chave secreta (sk_test_… para testar, sk_live_… para receber pagamentos reais) ou uma chave restrita.
pay-admin-webhook-secret = Segredo de assinatura do webhook
pay-admin-webhook-secret-hint = O segredo de assinatura do endpoint que você adicionar no Stripe (veja abaixo). Ele começa com whsec_.
pay-admin-hold = Reserva durante o pagamento (minutos)
pay-admin-hold-hint = Por quanto tempo um agendamento que aguarda o pagamento mantém o horário: de 5 a 1440 minutos.
pay-admin-remove = Remover o Stripe: tipos de evento com preço não aceitam agendamentos até que ele seja configurado de novo
pay-admin-save = Salvar Stripe
pay-admin-check = Verificar conexão
pay-admin-at-stripe = No Stripe
pay-admin-step-endpoint = No Dashboard do Stripe, abra { $webhooks } e adicione um endpoint com esta URL:
pay-admin-webhook-url = URL do endpoint do webhook
pay-admin-step-events = Selecione os eventos { $completed } e { $expired }.
pay-admin-step-secret = Revele o { $secret } do endpoint e cole-o acima.
pay-admin-leaves = O que sai deste equipamento: para cada agendamento pago, o e-mail do convidado, o título do tipo de evento, o preço e a referência do agendamento vão para o Stripe. Os dados do cartão são digitados na página do Stripe e nunca chegam ao Kairos.
pay-admin-check-ok = Conectado: a chave pertence à conta do Stripe { $account }.
pay-admin-check-refused = O Stripe recusou a chave: { $reason } (HTTP { $status }).
pay-admin-check-unreachable = Não foi possível acessar o Stripe: { $reason }.
pay-admin-check-not-set-up = O Stripe ainda não está configurado: salve primeiro uma chave secreta.
pay-admin-error-secret-key = deve ser uma chave secreta do Stripe (sk_test_…, sk_live_…) ou uma chave restrita (rk_…)
pay-admin-error-webhook-secret = deve ser o segredo de assinatura do endpoint, que começa com whsec_
pay-admin-error-hold = deve ser um número inteiro de minutos entre { $min } e { $max }
pay-flash-stripe-removed = O Stripe foi removido. Tipos de evento com preço não aceitam agendamentos até que ele seja configurado de novo.

pay-et-section = Pagamento
pay-et-intro = Deixe o preço em branco para um tipo de evento gratuito. Os convidados pagam na página segura do Stripe ao agendar; os dados do cartão nunca chegam ao Kairos.
pay-et-not-set-up = Os pagamentos ainda não estão configurados neste Kairos. Você já pode salvar um preço, mas este tipo de evento não aceita agendamentos até que um administrador configure o Stripe.
pay-et-set-up-link = Configurar o Stripe
pay-et-price = Preço
pay-et-price-hint = Na unidade principal da moeda, como 49.90. Em branco: gratuito.
pay-et-currency = Moeda
pay-et-currency-hint = O código de três letras, como EUR, USD ou BRL.
pay-et-mode = Quando o convidado paga
pay-et-mode-pay-now = Ao agendar: o agendamento é confirmado depois de pago
pay-et-mode-no-show = Só em caso de não comparecimento: o cartão fica guardado e só é cobrado se o convidado não comparecer
pay-et-refunds = Reembolsos quando o convidado cancela
pay-et-refund-hours = Horas antes do início para reembolso integral
pay-et-refund-hours-hint = Um cancelamento com pelo menos essa antecedência em horas é reembolsado integralmente. 0: qualquer cancelamento antes do início.
pay-et-late-percent = Reembolso de um cancelamento posterior (%)
pay-et-late-percent-hint = De 0 (nada) a 100 (tudo). Quando um anfitrião cancela, tudo é reembolsado.
pay-et-no-show-badge = Taxa de não comparecimento { $amount }
pay-et-error-amount = deve ser um valor como 50 ou 49.90
pay-et-error-decimals =
    { $decimals ->
        [0] deve ser um valor inteiro em { $currency }
        [one] pode ter no máximo { $decimals } casa decimal em { $currency }
       *[other] pode ter no máximo { $decimals } casas decimais em { $currency }
    }
pay-et-error-too-large = deve ser no máximo { $max }
pay-et-error-positive = deve ser maior que zero
pay-et-error-step = deve ser um múltiplo de { $step }
pay-et-error-currency = deve ser um código de moeda como EUR, USD ou BRL

pay-bk-title = Pagamento
pay-bk-amount = Preço
pay-bk-mode = Tipo
pay-bk-mode-pay-now = Pago ao agendar
pay-bk-mode-no-show = Taxa de não comparecimento, cartão guardado
pay-bk-held-until = Horário reservado até
pay-bk-charged = Cobrado
pay-bk-refunded = Reembolsado
pay-bk-policy = Política de reembolso
pay-bk-policy-always = Reembolso integral para qualquer cancelamento antes do início
pay-bk-policy-hours =
    { $hours ->
        [one] Reembolso integral até { $hours } hora antes do início; depois, { $percent } %
       *[other] Reembolso integral até { $hours } horas antes do início; depois, { $percent } %
    }
pay-bk-status-paid = Pago
pay-bk-status-partly-refunded = Reembolsado em parte
pay-bk-status-card-saved = Cartão guardado
pay-bk-status-refunded = Reembolsado
pay-bk-status-no-show-charged = Taxa de não comparecimento cobrada
pay-bk-status-failed = Pagamento falhou
pay-bk-refunds = Reembolsos
pay-bk-refund-pending = Enviado ao Stripe
pay-bk-refund-succeeded = Reembolsado
pay-bk-refund-failed = Falhou
pay-bk-reason-host = por um anfitrião
pay-bk-reason-cancelled = cancelamento
pay-bk-reason-late-payment = pago tarde demais
pay-bk-refund = Reembolsar
pay-bk-refund-amount = Valor a reembolsar
pay-bk-refund-hint = Até { $max }. O Stripe devolve o valor ao cartão do convidado.
pay-bk-refund-button = Reembolsar
pay-bk-refund-confirm = Reembolsar este valor ao convidado? Isso não pode ser desfeito.
pay-bk-refund-error = deve ser um valor de { $min } a { $max }
pay-bk-nothing-to-refund = Não resta nada deste pagamento para reembolsar.
pay-flash-refund-planned = O reembolso está a caminho do Stripe. Ele aparece como reembolsado assim que o Stripe o confirmar.
pay-bk-no-show = Não compareceu
pay-bk-no-show-text = Registra que o convidado não compareceu.
pay-bk-no-show-fee = Marcar o não comparecimento do convidado cobra { $amount } do cartão guardado.
pay-bk-no-show-button = Marcar não comparecimento
pay-bk-no-show-confirm = Marcar que o convidado não compareceu?
pay-bk-no-show-marked = O não comparecimento do convidado foi registrado.
pay-flash-no-show = O não comparecimento do convidado foi registrado.

pay-booker-price-no-show = Taxa de não comparecimento: { $amount }
pay-booker-pay-now =
    { $minutes ->
        [one] Depois de enviar, você paga { $amount } na página de pagamento segura do Stripe. Enquanto isso, seu horário fica reservado por { $minutes } minuto.
       *[other] Depois de enviar, você paga { $amount } na página de pagamento segura do Stripe. Enquanto isso, seu horário fica reservado por { $minutes } minutos.
    }
pay-booker-no-show =
    { $minutes ->
        [one] Depois de enviar, você informa um cartão na página segura do Stripe. Nada é cobrado agora: o cartão só é cobrado em { $amount } se você não comparecer. Enquanto isso, seu horário fica reservado por { $minutes } minuto.
       *[other] Depois de enviar, você informa um cartão na página segura do Stripe. Nada é cobrado agora: o cartão só é cobrado em { $amount } se você não comparecer. Enquanto isso, seu horário fica reservado por { $minutes } minutos.
    }
pay-booker-refund-always = Se você cancelar antes do início, recebe o reembolso integral.
pay-booker-refund-none-late =
    { $hours ->
        [one] Se você cancelar com pelo menos { $hours } hora de antecedência, recebe o reembolso integral; cancelamentos posteriores não são reembolsados.
       *[other] Se você cancelar com pelo menos { $hours } horas de antecedência, recebe o reembolso integral; cancelamentos posteriores não são reembolsados.
    }
pay-booker-refund-part-late =
    { $hours ->
        [one] Se você cancelar com pelo menos { $hours } hora de antecedência, recebe o reembolso integral; depois disso, { $percent } % são reembolsados.
       *[other] Se você cancelar com pelo menos { $hours } horas de antecedência, recebe o reembolso integral; depois disso, { $percent } % são reembolsados.
    }
pay-booker-continue = Continuar para o pagamento

# Why a payment setting, price, refund or no-show was refused.
pay-error-not-set-up = este tipo de evento é pago, e os pagamentos ainda não estão configurados
pay-error-no-show-confirmed-only = só uma reserva confirmada pode ser marcada como não comparecimento
pay-error-no-show-not-started = o não comparecimento só pode ser marcado depois que o encontro começou
pay-error-no-show-marked = esta pessoa já foi marcada como não comparecimento
pay-error-refund-hours = deve ser no máximo 8760 horas (um ano)
pay-error-percent = deve ser um número inteiro de 0 a 100
pay-error-secret-key = deve ser uma chave secreta do Stripe (sk_test_…, sk_live_…) ou uma chave restrita (rk_…)
pay-error-webhook-secret = deve ser o segredo de assinatura do endpoint, que começa com whsec_
pay-error-hold-minutes = deve ser um número inteiro de minutos de 5 a 1440
pay-page-paid-thanks = Obrigado: seu pagamento chegou.
