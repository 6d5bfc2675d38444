booker-time-gone = Esse horário não está mais disponível. Escolha outro.
booker-just-taken = Desculpe, esse horário acabou de ser agendado. Escolha outro.
booker-location-phone = Chamada telefônica
booker-location-online = Reunião online
booker-location-video = Videochamada
booker-location = Local
booker-locations-or = { $first } ou { $last }
booker-rescheduling = Você está reagendando seu agendamento de { $when }.
booker-duration = Duração
booker-time-zone = Fuso horário
booker-apply = Aplicar
booker-previous-month = Mês anterior
booker-next-month = Próximo mês
booker-day-times = { $date }, { $count ->
        [one] 1 horário disponível
       *[other] { $count } horários disponíveis
    }
booker-day-no-times = { $date }, sem horários
booker-month-empty = Não há mais horários livres neste mês.
booker-see-month = Ver { $month }
booker-times = Horários
booker-clock = Formato da hora
booker-seats-left = { $seats ->
        [one] resta 1 vaga
       *[other] restam { $seats } vagas
    }
booker-pick-a-day = Escolha um dia para ver os horários disponíveis.
booker-your-details = Seus dados
booker-your-name = Seu nome
booker-email = E-mail
booker-where = Onde vamos nos encontrar?
booker-add-guests = Adicionar convidados
booker-guests-hint = Eles também recebem o convite.
booker-guest-email-n = E-mail do convidado { $n }
booker-guest-email = E-mail do convidado
booker-guests = Convidados
booker-add-another-guest = + Adicionar outro convidado
booker-back = Voltar
booker-request = Solicitar agendamento
booker-confirm = Confirmar agendamento
booker-confirm-new-time = Confirmar o novo horário
booker-reschedule-reason = Motivo do reagendamento (opcional)
booker-reschedule-reason-hint = Compartilhado com o anfitrião.
booker-reschedule = Reagendar
booker-too-many-from-network = Foram feitos agendamentos demais a partir desta rede. Tente novamente em { $minutes } minutos.
booker-too-many-event-type = Desculpe, foram feitos agendamentos demais para este tipo de evento na última hora. Tente novamente em { $minutes } minutos.
booker-too-many-host = Desculpe, foram feitos agendamentos demais com este anfitrião na última hora. Tente novamente em { $minutes } minutos.
booker-already-booked = Você já agendou este horário
booker-already-booked-text = Este mesmo agendamento foi feito há pouco. Use o link da página de confirmação para vê-lo, reagendá-lo ou cancelá-lo.
booker-back-to-calendar = Voltar ao calendário
booker-optional = (opcional)
booker-choose = Escolha…
booker-phone-hint = Um número de telefone, como +55 11 91234-5678
profile-nothing-to-book = Ainda não há nada para agendar
profile-nothing-to-book-text = No momento não há tipos de evento para agendar aqui.

booker-error-too-many-guests = { $max ->
        [one] deve incluir no máximo { $max } convidado
       *[other] deve incluir no máximo { $max } convidados
    }
booker-error-not-a-question = não é uma pergunta deste tipo de evento
booker-error-choices = deve ser uma lista de opções
booker-error-not-a-choice = “{ $choice }” não é uma opção; escolha entre: { $choices }
