reminder-subject = Erinnerung: { $EVENT_NAME } am { $EVENT_DATE } um { $EVENT_TIME }
reminder-body =
    Hallo { $ATTENDEE_FIRST_NAME },

    wir erinnern Sie an { $EVENT_NAME } mit { $ORGANIZER } am { $EVENT_DATE } um { $EVENT_TIME } ({ $TIMEZONE }).
    Wo: { $LOCATION }

    Zum Absagen oder für eine andere Zeit: { $RESCHEDULE_URL }
