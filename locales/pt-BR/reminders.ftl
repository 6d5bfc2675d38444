reminder-subject = Lembrete: { $EVENT_NAME } em { $EVENT_DATE } às { $EVENT_TIME }
reminder-body =
    Olá, { $ATTENDEE_FIRST_NAME },

    este é um lembrete de { $EVENT_NAME } com { $ORGANIZER } em { $EVENT_DATE } às { $EVENT_TIME } ({ $TIMEZONE }).
    Onde: { $LOCATION }

    Para cancelar ou escolher outro horário: { $RESCHEDULE_URL }
