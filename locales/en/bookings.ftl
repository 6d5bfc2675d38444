# The dashboard's bookings: the list, a booking's detail and moving it to another time.

# The list's tabs.
bk-tab-upcoming = Upcoming
bk-tab-pending = Unconfirmed
bk-tab-past = Past
bk-tab-cancelled = Cancelled

# A booking's status, as a badge.
bk-status-confirmed = Confirmed
bk-status-unconfirmed = Unconfirmed
bk-status-rescheduled = Rescheduled
bk-status-cancelled = Cancelled
bk-status-declined = Declined

# $zone: the host's time zone, such as Europe/Berlin.
bk-times-in-zone = Times in your zone, { $zone }.
bk-empty-pending = Nothing waiting
bk-empty-pending-text = Requests for event types that need your confirmation appear here.
bk-empty-past = No past bookings
bk-empty-past-text = Meetings that took place appear here.
bk-empty-cancelled = No cancelled bookings
bk-empty-cancelled-text = Bookings that were cancelled or declined appear here.
bk-empty-upcoming = No upcoming bookings
bk-empty-upcoming-text = When someone books one of your event types, it appears here.
bk-accept = Accept
bk-details = Details

# $host: the name of a host round robin chose; $reason: why (one of the bk-because-… texts).
bk-chosen-by-round-robin = { $host }, chosen by round robin: { $reason }
# $reason: why round robin chose the host (one of the bk-because-… texts).
bk-round-robin-chose = Round robin chose them: { $reason }.
# $host: the name of a host round robin chose.
bk-why-host = Why { $host }
# Why round robin chose a host: these follow "chosen by round robin:".
bk-because-only-free = the only host of the group free at that time
bk-because-priority = the highest priority among the free hosts
bk-because-fewest-bookings = the fewest bookings this month for their weight
bk-because-least-recent = as many bookings for their weight as the others, and booked least recently
bk-because-kept = kept from the booking before it was rescheduled
bk-because-equal = equal to the others in priority, bookings and last booking

# The detail of a booking.
bk-when = When
bk-for-invitee = For the invitee
bk-invitee = Invitee
bk-guests = Guests
bk-hosts = Hosts
bk-where = Where
bk-moved-to = Moved to
bk-at-new-time = The booking at its new time
bk-cancel-reason = Cancellation reason
bk-reject-reason = Reason for declining
bk-reschedule-reason = Reason for rescheduling
bk-booked = Booked
bk-answers = Answers
bk-no-questions = No questions were asked.
bk-actions = Actions
bk-team-member-only = You see this booking as a member of the team. Its hosts and the team's admins can accept, decline or cancel it.
bk-reschedule-action = Reschedule…
bk-decline-action = Decline…
bk-reason-shared = Reason (shared with the invitee)
bk-decline-request = Decline request
bk-cancel-confirm = Cancel this booking?
bk-cancel-booking = Cancel booking

# Moving a booking to another time.
bk-reschedule = Reschedule
bk-back-to-booking = Back to the booking
# $title: the event type's title; $name: the invitee's name.
bk-reschedule-title = Reschedule { $title } with { $name }
# $when: the booking's present time and date; $zone: the host's time zone, such as Europe/Berlin.
bk-reschedule-now = Now { $when }. Free times in your zone, { $zone }.
bk-pick-new-time = Pick a new time
bk-free-times-from = Free times from
bk-show = Show
# The label an error about the chosen time starts with.
bk-new-time = New time
bk-error-pick-a-time = is required: pick one of the free times
bk-reason-sent = Reason (sent to the invitee)
bk-reason-sent-hint = The invitee gets the new time by email, with this reason.
bk-move-booking = Move booking
bk-no-free-times = No free times this week
bk-no-free-times-text = Try a later week, or change your availability.
bk-other-days = Other days
bk-earlier = Earlier
bk-later = Later
# A button for another day: $day is the short date (Mon, 30 Mar), $count how many free times it has.
bk-free-on-day = { $day } · { $count } free
bk-time-taken = That time is no longer available. Please pick another one.

# Why a booking could not be made or changed (the booking pages, the dashboard and the
# API).

bk-cap-event-type = too many bookings were made for this event type in the last hour
bk-cap-host = too many bookings were made with this host in the last hour
bk-error-host-gone = a host of this event type no longer exists
bk-error-no-duration = the event type has no duration
# $minutes: the duration asked for; $durations: the event type's, in minutes, separated by
# commas.
bk-error-other-duration = { $minutes } is not one of the event type's durations ({ $durations })
bk-error-no-locations = this event type has no locations to choose from
bk-error-not-active = this booking is not active; it was cancelled, rejected or rescheduled
bk-error-over = this meeting is over and can no longer be cancelled
bk-error-event-type-deleted = the event type of this booking was deleted
bk-error-confirm-pending-only = only a booking awaiting confirmation can be confirmed
bk-error-started = this meeting has already started
bk-error-reject-pending-only = only a booking awaiting confirmation can be rejected
