# The default reminder, in each reader's language. The variables are the workflow
# template's (see the workflow editor's list).
reminder-subject = Reminder: { $EVENT_NAME } on { $EVENT_DATE } at { $EVENT_TIME }
reminder-body =
    Hello { $ATTENDEE_FIRST_NAME },

    this is a reminder of { $EVENT_NAME } with { $ORGANIZER } on { $EVENT_DATE } at { $EVENT_TIME } ({ $TIMEZONE }).
    Where: { $LOCATION }

    To cancel or pick another time: { $RESCHEDULE_URL }
