wf-intro = Lembretes, acompanhamentos e mensagens enviados quando os agendamentos mudam.
wf-new = Novo fluxo
wf-title = Fluxo
wf-empty = Nenhum fluxo ainda
wf-empty-text = Seu primeiro tipo de evento vem com um lembrete 24 horas antes de cada reunião. Crie fluxos para enviar mais.
wf-create-first = Criar um fluxo
wf-on = Ativado
wf-off = Desativado
wf-team = Equipe: { $team }
wf-no-event-types = Nenhum tipo de evento
wf-steps-count = { $count ->
        [one] { $count } etapa
       *[other] { $count } etapas
    }
wf-edit = Editar
wf-turn-off = Desativar
wf-turn-on = Ativar
wf-delete-confirm = Excluir “{ $name }”? As mensagens que ele planejou não serão enviadas.
wf-delete = Excluir

wf-trigger-new-event = Quando um agendamento é feito ou confirmado
wf-trigger-booking-requested = Quando um agendamento é solicitado (aguarda confirmação)
wf-trigger-reschedule-event = Quando um agendamento é remarcado
wf-trigger-event-cancelled = Quando um agendamento é cancelado
wf-trigger-booking-rejected = Quando uma solicitação é recusada
wf-trigger-before-event = Antes de a reunião começar
wf-trigger-after-event = Depois de a reunião terminar
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
        [one] { $count } dia
       *[other] { $count } dias
    }
wf-unit-minutes = minutos
wf-unit-hours = horas
wf-unit-days = dias

wf-action-email-attendee = Enviar e-mail ao participante
wf-action-email-host = Enviar e-mail ao anfitrião
wf-action-email-address = Enviar e-mail a um endereço
wf-action-sms-attendee = Enviar SMS ao participante (o telefone que ele informou)
wf-action-sms-number = Enviar SMS a um número
wf-action-webhook = Chamar um webhook

wf-saved-without-sms-gateway = Salvo, mas nenhum gateway de SMS está configurado: as etapas de SMS deste fluxo não enviam nada, e as tarefas delas falham por esse motivo em Administração → Tarefas em segundo plano, até que um administrador configure um em Administração → Mensagens de texto.

wf-when = Quando
wf-name = Nome
wf-name-placeholder = Lembrete um dia antes
wf-owner = Pertence a
wf-owner-hint = Os fluxos de uma equipe valem para os tipos de evento da equipe; os administradores da equipe os gerenciam.
wf-trigger = Gatilho
wf-offset = Quanto tempo antes ou depois
wf-offset-hint = Apenas para “Antes de a reunião começar” e “Depois de a reunião terminar”.
wf-unit = Unidade
wf-active-hint = Enquanto estiver desativado, nada é enviado, nem as mensagens já planejadas.
wf-event-types = Tipos de evento
wf-send-for = Enviar para agendamentos de
wf-no-event-types-yet = Nenhum tipo de evento ainda.
wf-on-new-event-types = Ativar também para os tipos de evento criados a partir de agora
wf-steps = Etapas
wf-steps-error = Etapas: { $reason }
wf-step = Etapa { $number }
wf-remove = Remover
wf-action = Ação
wf-send-to = Enviar para
wf-send-to-placeholder = endereço, +número ou URL https://
wf-send-to-hint = Para “Enviar e-mail a um endereço”, “Enviar SMS a um número” e “Chamar um webhook”.
wf-no-sms-gateway = Nenhum gateway de SMS está configurado.
wf-no-sms-gateway-text = Até que um administrador configure um em Administração → Mensagens de texto, esta etapa não envia nada e as tarefas dela falham por esse motivo.
wf-default-reminder = Este é o lembrete padrão do Kairos: enquanto ele não for alterado, cada participante o recebe no próprio idioma.
wf-subject = Assunto do e-mail
wf-subject-hint = Para e-mails.
wf-message = Mensagem
wf-message-hint = Para e-mails e mensagens de texto. Um webhook envia o agendamento como JSON.
wf-secret = Segredo do webhook
wf-secret-hint = Assina cada chamada (X-Cal-Signature-256). Se ficar vazio, o atual é mantido.
wf-clear-secret = Remover o segredo do webhook
wf-add-step = + Adicionar uma etapa
wf-back = Voltar
wf-save = Salvar alterações
wf-create = Criar fluxo
wf-variables = Variáveis
wf-variables-hint = Escreva uma variável entre chaves, como { $example }. Datas e horários ficam no fuso horário de quem lê. Ao salvar, são apontadas as variáveis que o Kairos não conhece.
wf-answers = Respostas
wf-answers-hint = A resposta a uma pergunta do agendamento: o identificador dela em maiúsculas, com _ no lugar de -. { $variable } é a resposta à pergunta com o identificador { $key }.
wf-no-questions = Os tipos de evento daqui ainda não fazem perguntas.
wf-minimum-necessary-on = O mínimo necessário está ativado: em tudo o que os fluxos enviam, { $notes } e as respostas ficam vazios. Os administradores mudam isso em Administração.
wf-minimum-necessary-off = O mínimo necessário está desativado: respostas e observações são enviadas como foram escritas.
wf-delete-title = Excluir este fluxo
wf-delete-text = As mensagens que ele planejou não serão enviadas.
wf-delete-this-confirm = Excluir este fluxo?
wf-delete-button = Excluir fluxo

wf-var-event-name = o título do tipo de evento
wf-var-organizer = o nome do anfitrião
wf-var-attendee = o nome do participante
wf-var-attendee-first-name = o primeiro nome do participante
wf-var-attendee-email = o endereço de e-mail do participante
wf-var-event-date = a data, por ex. terça-feira, 31 de março de 2026
wf-var-event-time = o horário de início, por ex. 10:00
wf-var-event-end-time = o horário de término, por ex. 10:30
wf-var-timezone = o fuso horário do destinatário, por ex. America/Sao_Paulo
wf-var-location = onde a reunião acontece
wf-var-meeting-url = o link do vídeo ou da reunião, se houver
wf-var-cancel-url = o link do participante para cancelar
wf-var-reschedule-url = o link do participante para escolher outro horário
wf-var-additional-notes = as observações que o participante adicionou

wf-new-subject = Lembrete: { $EVENT_NAME } às { $EVENT_TIME }
wf-new-body =
    Olá, { $ATTENDEE_FIRST_NAME },

    até { $EVENT_DATE } às { $EVENT_TIME } ({ $TIMEZONE }).

    Para cancelar ou escolher outro horário: { $RESCHEDULE_URL }
wf-trigger-booking-paid = Quando um agendamento é pago

wf-error-not-your-team = não é uma das suas equipes
wf-error-owner = deve ser você ou uma das suas equipes
wf-error-owner-admin = deve ser você ou uma equipe que você administra
wf-error-offset-too-long = { $days ->
        [one] deve ser de no máximo { $days } dia
       *[other] deve ser de no máximo { $days } dias
    }
wf-error-offset-required = é obrigatório para um lembrete ou acompanhamento
wf-error-event-types = devem ser tipos de evento do dono do fluxo
wf-error-no-step = adicione pelo menos uma etapa
wf-error-too-many-steps = { $max ->
        [one] no máximo { $max } etapa
       *[other] no máximo { $max } etapas
    }
wf-error-subject-required = é obrigatório para um e-mail
wf-error-subject-one-line = { $max ->
        [one] deve ser uma única linha com no máximo { $max } caractere
       *[other] deve ser uma única linha com no máximo { $max } caracteres
    }
wf-error-unknown-variables = { $count ->
        [one] usa a variável desconhecida { $names }
       *[other] usa as variáveis desconhecidas { $names }
    }
