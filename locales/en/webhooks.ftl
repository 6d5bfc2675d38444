# Webhook subscriptions: the list, a webhook's page and its delivery log.
wh-title = Webhooks
wh-intro = Kairos sends signed JSON to these URLs when bookings change, in the shape Cal.com uses.
wh-back-to-settings = Back to settings
wh-yours = Your webhooks
wh-empty = No webhooks yet
wh-empty-text = Add one below to tell another system about new, moved and cancelled bookings.
wh-active = Active
wh-paused = Paused
# $count: how many triggers the webhook listens for.
wh-triggers-count = { $count ->
        [one] { $count } trigger
       *[other] { $count } triggers
    }
wh-edit-and-log = Edit and log
wh-add-title = Add a webhook
wh-add = Add webhook
wh-all-event-types = All your event types
# $id: the number of an event type whose title is not known.
wh-event-type = Event type { $id }

# The form.
wh-url = Receiver URL
wh-url-hint = Kairos POSTs JSON there. Addresses inside your network need the administrator's permission; loopback and cloud metadata addresses are always refused.
wh-send-when = Send when
wh-triggers = Triggers
wh-bookings-of = Bookings of
wh-bookings-of-hint = Team event types are listed for the teams you administer.
wh-scope-all = Every booking of my own event types
# $title: an event type's title.
wh-scope-only = Only “{ $title }”
wh-secret = Secret
wh-secret-hint-new = Receivers check X-Cal-Signature-256 with it. Leave empty and Kairos makes one, shown once.
wh-secret-hint-edit = Leave empty to keep the current secret.
wh-active-hint = A paused webhook sends nothing.
# Why the form was refused; $value: what was sent instead of a trigger.
wh-unknown-trigger = has an unknown trigger { $value }
wh-unknown-event-type = must be one of the listed event types

# What a webhook listens for.
wh-trigger-booking-created = Booking made or confirmed
wh-trigger-booking-requested = Booking requested (awaits confirmation)
wh-trigger-booking-rescheduled = Booking rescheduled
wh-trigger-booking-cancelled = Booking cancelled
wh-trigger-booking-rejected = Request declined
wh-trigger-meeting-ended = Meeting ended

# After adding a webhook.
wh-added-secret = Webhook added. Its secret, shown only now:
wh-webhook-secret = Webhook secret
wh-verify = Receivers verify the X-Cal-Signature-256 header: the hex HMAC-SHA256 of the body with this secret.

# A webhook's page.
wh-webhook = Webhook
wh-all = All webhooks
wh-test = Test
wh-test-text = Sends a PING with sample data, signed like every delivery, and shows what the receiver answered.
wh-send-ping = Send test ping
wh-save = Save webhook
wh-deliveries = Deliveries
wh-deliveries-text = The latest attempts, newest first. A failed delivery is retried with growing pauses. What was sent is not kept.
wh-nothing-sent = Nothing sent yet
wh-nothing-sent-text = Deliveries show here once a booking changes or you send a test ping.
wh-time = Time
wh-trigger = Trigger
wh-result = Result
wh-took = Took
wh-no-answer = No answer
# $ms: how many milliseconds a delivery took.
wh-milliseconds = { $ms } ms
wh-delete = Delete
wh-delete-text = Stops all deliveries and removes the log.
wh-delete-confirm = Delete this webhook? Its receiver hears nothing more.
wh-delete-button = Delete webhook
# $status: the HTTP status code the receiver answered; $ms: how many milliseconds it took.
wh-ping-delivered = Test ping delivered: the receiver answered HTTP { $status } in { $ms } ms.
# $reason: what went wrong, such as "the receiver answered HTTP 503"; $ms: how many milliseconds it took.
wh-ping-failed = The test ping was not delivered: { $reason } (after { $ms } ms).
wh-trigger-booking-payment-initiated = Payment started (the time is held)
wh-trigger-booking-paid = Booking paid

# Why a subscription was refused (the settings page and the API).

wh-error-no-trigger = choose at least one
wh-error-event-type = is not one of your event types or of a team you administer
