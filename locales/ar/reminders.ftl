reminder-subject = تذكير: { $EVENT_NAME } يوم { $EVENT_DATE } الساعة { $EVENT_TIME }
reminder-body =
    مرحبًا { $ATTENDEE_FIRST_NAME }،

    هذا تذكير بموعد { $EVENT_NAME } مع { $ORGANIZER } يوم { $EVENT_DATE } الساعة { $EVENT_TIME } ({ $TIMEZONE }).
    المكان: { $LOCATION }

    للإلغاء أو لاختيار وقت آخر: { $RESCHEDULE_URL }
