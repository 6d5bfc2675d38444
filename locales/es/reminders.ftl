reminder-subject = Recordatorio: { $EVENT_NAME } el { $EVENT_DATE } a las { $EVENT_TIME }
reminder-body =
    Hola, { $ATTENDEE_FIRST_NAME }:

    le recordamos { $EVENT_NAME } con { $ORGANIZER } el { $EVENT_DATE } a las { $EVENT_TIME } ({ $TIMEZONE }).
    Dónde: { $LOCATION }

    Para cancelar o elegir otra hora: { $RESCHEDULE_URL }
