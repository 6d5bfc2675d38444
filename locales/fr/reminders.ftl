reminder-subject = Rappel : { $EVENT_NAME } le { $EVENT_DATE } à { $EVENT_TIME }
reminder-body =
    Bonjour { $ATTENDEE_FIRST_NAME },

    ceci est un rappel de { $EVENT_NAME } avec { $ORGANIZER } le { $EVENT_DATE } à { $EVENT_TIME } ({ $TIMEZONE }).
    Où : { $LOCATION }

    Pour annuler ou choisir un autre horaire : { $RESCHEDULE_URL }
