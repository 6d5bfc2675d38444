# Emails about bookings: subjects, bodies and the frame around them.

email-sent-by = Sent by { $organization } with Kairos
email-when = When
email-where = Where
email-attendee = Attendee
email-guests = Guests
email-hosts = Hosts
email-with = With
email-open-booking = Open the booking
email-reschedule-or-cancel = Reschedule or cancel
email-accept-or-decline = Accept or decline
email-your-host = your host
# $when: the earlier time of a moved booking, with its zone.
email-previously = Previously: { $when }
# A reason a host or the attendee typed.
email-reason = Reason: { $reason }
email-hello = Hello { $name },
# The subject of a message to the attendee: what happened, the event type, when.
email-subject = { $headline }: { $title }, { $when }
# The subject of a message to a host.
email-subject-host = { $headline }: { $title } with { $attendee }, { $when }
email-confirmed = Confirmed
email-request-received = Request received
email-accepted = Accepted
email-declined = Declined
email-rescheduled = Rescheduled
email-cancelled = Cancelled
email-new-booking = New booking
email-new-request = New request
# $hosts: the names of the booking's hosts.
email-attendee-confirmed = Your booking of { $title } with { $hosts } is confirmed. The invitation is attached: add it to your calendar.
email-attendee-requested = Your request for { $title } with { $hosts } was received. It is not confirmed yet: you will get another email when { $hosts } accepts or declines it.
email-attendee-accepted = { $hosts } accepted your request: { $title } is confirmed. The invitation is attached: add it to your calendar.
email-attendee-declined = { $hosts } declined your request for { $title }.
email-attendee-moved-pending = Your booking of { $title } with { $hosts } moved to a new time, which { $hosts } still has to accept.
email-attendee-moved = Your booking of { $title } with { $hosts } moved to a new time. The updated invitation is attached.
email-attendee-cancelled = Your booking of { $title } with { $hosts } was cancelled.
email-host-booked = { $attendee } booked { $title } with you.
email-host-requested = { $attendee } asks to book { $title } with you. It is not confirmed until you accept it: open the booking to accept or decline.
email-host-moved-pending = { $attendee } moved { $title } to a new time, which waits for you to accept or decline it.
email-host-moved = { $title } with { $attendee } moved to a new time.
email-host-cancelled = { $title } with { $attendee } was cancelled.
