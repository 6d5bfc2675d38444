# The booker: the month calendar, the times of a day and the booking form.

booker-time-gone = That time is no longer available. Please pick another one.
booker-just-taken = Sorry, that time was just taken. Please pick another one.
booker-location-phone = Phone call
booker-location-online = Online meeting
booker-location-video = Video call
booker-location = Location
# Several places an event type offers: "Video call, Phone call or 1 Harbor Street".
booker-locations-or = { $first } or { $last }
# $when: the booking's current time and day.
booker-rescheduling = Rescheduling your booking of { $when }.
booker-duration = Duration
booker-time-zone = Time zone
booker-apply = Apply
booker-previous-month = Previous month
booker-next-month = Next month
# A day in the month calendar, for screen readers.
booker-day-times = { $date }, { $count ->
        [one] 1 time available
       *[other] { $count } times available
    }
booker-day-no-times = { $date }, no times
booker-month-empty = No free times this month.
# $month: the next month and its year.
booker-see-month = See { $month }
booker-times = Times
booker-clock = Clock
booker-seats-left = { $seats ->
        [one] 1 seat left
       *[other] { $seats } seats left
    }
booker-pick-a-day = Pick a day to see the times you can book.
booker-your-details = Your details
booker-your-name = Your name
booker-email = Email address
booker-where = Where should we meet?
booker-add-guests = Add guests
booker-guests-hint = They receive the invitation too.
booker-guest-email-n = Guest email { $n }
booker-guest-email = Guest email
booker-guests = Guests
booker-add-another-guest = + Add another guest
booker-back = Back
booker-request = Request booking
booker-confirm = Confirm booking
booker-confirm-new-time = Confirm the new time
booker-reschedule-reason = Reason for rescheduling (optional)
booker-reschedule-reason-hint = Shared with the host.
booker-reschedule = Reschedule
booker-too-many-from-network = Too many bookings were made from this network. Try again in { $minutes } minutes.
booker-too-many-event-type = Sorry, too many bookings were made for this event type in the last hour. Try again in { $minutes } minutes.
booker-too-many-host = Sorry, too many bookings were made with this host in the last hour. Try again in { $minutes } minutes.
booker-already-booked = You have already booked this time
booker-already-booked-text = This exact booking was made a moment ago. Use the link on its confirmation page to see, move or cancel it.
booker-back-to-calendar = Back to the calendar
booker-optional = (optional)
booker-choose = Choose…
booker-phone-hint = A phone number such as +1 555 0100

# A host's or a team's public page.
profile-nothing-to-book = Nothing to book yet
profile-nothing-to-book-text = There are no event types to book here at the moment.

# Why an answer on the booking form was refused (the booking page and the API).

# $max: the most guests one booking brings.
booker-error-too-many-guests = { $max ->
        [one] must list at most { $max } guest
       *[other] must list at most { $max } guests
    }
booker-error-not-a-question = is not a question of this event type
booker-error-choices = must be a list of choices
# $choice: the answer given; $choices: the choices offered, separated by commas.
booker-error-not-a-choice = "{ $choice }" is not a choice; choose from: { $choices }
