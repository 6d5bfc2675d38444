wh-title = Webhooks
wh-intro = O Kairos envia JSON assinado para estas URLs quando os agendamentos mudam, no formato usado pelo Cal.com.
wh-back-to-settings = Voltar às configurações
wh-yours = Seus webhooks
wh-empty = Nenhum webhook ainda
wh-empty-text = Adicione um abaixo para avisar outro sistema sobre agendamentos novos, remarcados e cancelados.
wh-active = Ativo
wh-paused = Pausado
wh-triggers-count = { $count ->
        [one] { $count } gatilho
       *[other] { $count } gatilhos
    }
wh-edit-and-log = Editar e registro
wh-add-title = Adicionar um webhook
wh-add = Adicionar webhook
wh-all-event-types = Todos os seus tipos de evento
wh-event-type = Tipo de evento { $id }

wh-url = URL do receptor
wh-url-hint = O Kairos envia JSON para lá via POST. Endereços dentro da sua rede precisam da permissão do administrador; endereços de loopback e de metadados de nuvem são sempre recusados.
wh-send-when = Enviar quando
wh-triggers = Gatilhos
wh-bookings-of = Agendamentos de
wh-bookings-of-hint = Os tipos de evento de equipe aparecem para as equipes que você administra.
wh-scope-all = Todos os agendamentos dos meus próprios tipos de evento
wh-scope-only = Só “{ $title }”
wh-secret = Segredo
wh-secret-hint-new = Os receptores verificam o X-Cal-Signature-256 com ele. Se ficar vazio, o Kairos cria um e o mostra uma única vez.
wh-secret-hint-edit = Deixe vazio para manter o segredo atual.
wh-active-hint = Um webhook pausado não envia nada.
wh-unknown-trigger = contém um gatilho desconhecido { $value }
wh-unknown-event-type = deve ser um dos tipos de evento listados

wh-trigger-booking-created = Agendamento feito ou confirmado
wh-trigger-booking-requested = Agendamento solicitado (aguarda confirmação)
wh-trigger-booking-rescheduled = Agendamento remarcado
wh-trigger-booking-cancelled = Agendamento cancelado
wh-trigger-booking-rejected = Solicitação recusada
wh-trigger-meeting-ended = Reunião encerrada

wh-added-secret = Webhook adicionado. O segredo dele, mostrado só agora:
wh-webhook-secret = Segredo do webhook
wh-verify = Os receptores verificam o cabeçalho X-Cal-Signature-256: o HMAC-SHA256 hexadecimal do corpo com este segredo.

wh-webhook = Webhook
wh-all = Todos os webhooks
wh-test = Teste
wh-test-text = Envia um PING com dados de exemplo, assinado como toda entrega, e mostra o que o receptor respondeu.
wh-send-ping = Enviar ping de teste
wh-save = Salvar webhook
wh-deliveries = Entregas
wh-deliveries-text = As últimas tentativas, as mais recentes primeiro. Uma entrega que falhou é repetida com pausas cada vez maiores. O que foi enviado não é guardado.
wh-nothing-sent = Nada enviado ainda
wh-nothing-sent-text = As entregas aparecem aqui assim que um agendamento muda ou você envia um ping de teste.
wh-time = Horário
wh-trigger = Gatilho
wh-result = Resultado
wh-took = Duração
wh-no-answer = Sem resposta
wh-milliseconds = { $ms } ms
wh-delete = Excluir
wh-delete-text = Interrompe todas as entregas e apaga o registro.
wh-delete-confirm = Excluir este webhook? O receptor dele não receberá mais nada.
wh-delete-button = Excluir webhook
wh-ping-delivered = Ping de teste entregue: o receptor respondeu HTTP { $status } em { $ms } ms.
wh-ping-failed = O ping de teste não foi entregue: { $reason } (após { $ms } ms).
wh-trigger-booking-payment-initiated = Pagamento iniciado (o horário fica reservado)
wh-trigger-booking-paid = Agendamento pago

wh-error-no-trigger = escolha pelo menos um
wh-error-event-type = não é um dos seus tipos de evento nem de uma equipe que você administra
