# The API's error messages: for the people reading an API answer. Programs read the
# error's `code`, which never changes with the language.

# $what: the kind of thing asked for, in English (`event type`, `booking`).
api-not-found = no { $what } has that id
api-unauthorized = send an API key as `Authorization: Bearer kairos_…`
# $what: what was asked too often, in English (`bookings`, `requests`).
api-rate-limited = too many { $what }; try again in { $seconds } seconds
api-internal = the request could not be completed; the administrator will find details in the log
# $fields: the refused fields' names; $details: each field with why.
api-validation-failed = invalid { $fields }: { $details }
api-slot-unavailable = that time is no longer available
api-idempotency-key-reused = this Idempotency-Key was already used for a different request

# Why a time cannot be booked: on booking pages and in API answers.
unavailable-invalid-input = the request is invalid: { $error }
unavailable-invalid-duration = { $minutes } minutes is not one of the event's durations
unavailable-in-the-past = that time is in the past
unavailable-within-minimum-notice = that time is too soon: the event needs more notice
unavailable-outside-booking-window = that time is outside the booking window
unavailable-outside-working-hours = that time is outside working hours
unavailable-not-on-slot-grid = that time is not one of the offered start times
unavailable-out-of-office = the host is out of office then
unavailable-conflict = that time is no longer available
# $period: day, week, month or year.
unavailable-booking-limit-reached = the maximum number of bookings for this { $period ->
        [day] day
        [week] week
        [month] month
       *[year] year
    } has been reached
unavailable-duration-limit-reached = the maximum booked time for this { $period ->
        [day] day
        [week] week
        [month] month
       *[year] year
    } has been reached
unavailable-no-seats-left = no seats are left at that time
unavailable-not-first-slot-of-day = only the first available time of each day is offered
# $cap: event-type or host, the hourly cap on bookings that was reached; $seconds: how
# long until booking may be tried again.
api-booking-cap = { $cap ->
        [host] { bk-cap-host }
       *[event-type] { bk-cap-event-type }
    }; try again in { $seconds ->
        [one] { $seconds } second
       *[other] { $seconds } seconds
    }

# Why the API refused a query. username, eventTypeSlug: the API's parameters;
# ACCEPTED, PENDING, CANCELLED, REJECTED: its names of a booking's states.

api-error-event-type-required = is required (or give username and eventTypeSlug)
api-error-date-or-instant = must be a date (YYYY-MM-DD) or an RFC 3339 instant
api-error-booking-status = must be ACCEPTED, PENDING, CANCELLED or REJECTED
