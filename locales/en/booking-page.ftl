# The invitee's page of a booking: the confirmation, adding it to a calendar, moving
# and cancelling it.

# A meeting's title in calendars and on its page: the event type, then its host.
meeting-with = { $title } with { $host }
meeting-with-the-host = { $title } with the host
booking-page-change-link = Reschedule or cancel: { $link }
booking-page-cancelled-notice = Your booking is cancelled.
booking-page-moved-notice = Your booking is moved to the new time.
booking-page-over = This meeting is over
booking-page-over-lead = We hope it went well.
booking-page-scheduled = This meeting is scheduled
booking-page-scheduled-lead = The details are below. Add it to your calendar so you do not miss it.
booking-page-requested = Your request was sent
booking-page-requested-lead = The host confirms it soon. Until then the time is kept for you.
booking-page-moved = This booking was moved
booking-page-moved-lead = It was rescheduled to a new time; the confirmation of the new time has the current details.
booking-page-cancelled = This meeting was cancelled
booking-page-cancelled-lead = The time is free again. You can book another one whenever you like.
booking-page-declined = The host declined this request
booking-page-declined-lead = You can pick another time and ask again.
booking-page-yes = Yes
booking-page-what = What
booking-page-when = When
booking-page-who = Who
booking-page-where = Where
booking-page-reason = Reason
booking-page-host = Host
booking-page-guest = guest
booking-page-see-new-time = See the booking at its new time
booking-page-add-to-calendar = Add to your calendar
booking-page-download-ics = Download .ics
booking-page-change = Need to make a change?
booking-page-manage-link = Your link to manage this booking
booking-page-manage-link-hint = Keep it: anyone with this link can reschedule or cancel.
booking-page-cancel = Cancel booking
booking-page-cancel-reason = Reason for cancelling (optional)
booking-page-cancel-this = Cancel this booking
booking-page-book-another = Book another time
booking-page-not-accepted = Not accepted yet
booking-page-not-accepted-text = The calendar file is ready once the host accepts this request.
booking-page-not-moved = The booking was not moved
booking-page-back = Back to your booking
