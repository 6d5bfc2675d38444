api-not-found = Nenhum item tem esse identificador ({ $what })
api-unauthorized = Envie uma chave de API como `Authorization: Bearer kairos_…`
api-rate-limited = Muitas solicitações ({ $what }); tente novamente em { $seconds } segundos
api-internal = Não foi possível concluir a solicitação; o administrador encontrará os detalhes no registro
api-validation-failed = Inválido: { $fields }: { $details }
api-slot-unavailable = Esse horário não está mais disponível
api-idempotency-key-reused = Esta Idempotency-Key já foi usada em outra solicitação
unavailable-invalid-input = A solicitação é inválida: { $error }
unavailable-invalid-duration = { $minutes } minutos não é uma das durações deste evento
unavailable-in-the-past = Esse horário já passou
unavailable-within-minimum-notice = Esse horário é muito próximo: o evento precisa de mais antecedência
unavailable-outside-booking-window = Esse horário está fora do período de agendamento
unavailable-outside-working-hours = Esse horário está fora do expediente
unavailable-not-on-slot-grid = Esse horário não é um dos horários de início oferecidos
unavailable-out-of-office = O anfitrião está ausente nesse horário
unavailable-conflict = Esse horário não está mais disponível
unavailable-booking-limit-reached = O número máximo de agendamentos { $period ->
        [day] deste dia
        [week] desta semana
        [month] deste mês
       *[year] deste ano
    } foi atingido
unavailable-duration-limit-reached = O tempo máximo agendado { $period ->
        [day] deste dia
        [week] desta semana
        [month] deste mês
       *[year] deste ano
    } foi atingido
unavailable-no-seats-left = Não há mais vagas nesse horário
unavailable-not-first-slot-of-day = Só é oferecido o primeiro horário disponível de cada dia
api-booking-cap = { $cap ->
        [host] { bk-cap-host }
       *[event-type] { bk-cap-event-type }
    }; tente novamente em { $seconds ->
        [one] { $seconds } segundo
       *[other] { $seconds } segundos
    }

api-error-event-type-required = é obrigatório (ou informe username e eventTypeSlug)
api-error-date-or-instant = deve ser uma data (AAAA-MM-DD) ou um instante RFC 3339
api-error-booking-status = deve ser ACCEPTED, PENDING, CANCELLED ou REJECTED
