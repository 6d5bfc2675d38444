reminder-subject = Herinnering: { $EVENT_NAME } op { $EVENT_DATE } om { $EVENT_TIME }
reminder-body =
    Beste { $ATTENDEE_FIRST_NAME },

    dit is een herinnering aan { $EVENT_NAME } met { $ORGANIZER } op { $EVENT_DATE } om { $EVENT_TIME } ({ $TIMEZONE }).
    Waar: { $LOCATION }

    Annuleren of een andere tijd kiezen: { $RESCHEDULE_URL }
