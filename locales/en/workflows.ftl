# The workflows: the list and the editor.
wf-intro = Reminders, follow-ups and messages that go out when bookings change.
wf-new = New workflow
wf-title = Workflow
wf-empty = No workflows yet
wf-empty-text = Your first event type comes with a reminder 24 hours before each meeting. Create workflows for more.
wf-create-first = Create a workflow
wf-on = On
wf-off = Off
# $team: the name of the team the workflow belongs to.
wf-team = Team: { $team }
wf-no-event-types = No event types
# $count: how many steps the workflow has.
wf-steps-count = { $count ->
        [one] { $count } step
       *[other] { $count } steps
    }
wf-edit = Edit
wf-turn-off = Turn off
wf-turn-on = Turn on
# $name: the workflow's name.
wf-delete-confirm = Delete “{ $name }”? Messages it planned are not sent.
wf-delete = Delete

# When a workflow runs.
wf-trigger-new-event = When a booking is made or confirmed
wf-trigger-booking-requested = When a booking is requested (awaits confirmation)
wf-trigger-reschedule-event = When a booking is rescheduled
wf-trigger-event-cancelled = When a booking is cancelled
wf-trigger-booking-rejected = When a request is declined
wf-trigger-before-event = Before the meeting starts
wf-trigger-after-event = After the meeting ends
# $trigger: when the workflow runs (wf-trigger-before-event…); $offset: how long before or after (wf-days…).
wf-trigger-offset = { $trigger } · { $offset }
# $count: a number of minutes, hours or days.
wf-minutes = { $count ->
        [one] { $count } minute
       *[other] { $count } minutes
    }
wf-hours = { $count ->
        [one] { $count } hour
       *[other] { $count } hours
    }
wf-days = { $count ->
        [one] { $count } day
       *[other] { $count } days
    }
# The units of the offset menu.
wf-unit-minutes = minutes
wf-unit-hours = hours
wf-unit-days = days

# What a step does.
wf-action-email-attendee = Email the attendee
wf-action-email-host = Email the host
wf-action-email-address = Email an address
wf-action-sms-attendee = Text the attendee (their phone answer)
wf-action-sms-number = Text a number
wf-action-webhook = Call a webhook

wf-saved-without-sms-gateway = Saved, but no SMS gateway is set up: the text message steps of this workflow send nothing, and their jobs fail with that reason under Admin → Background jobs, until an administrator sets one up under Admin → Text messages.

# The editor.
wf-when = When
wf-name = Name
wf-name-placeholder = Reminder a day before
wf-owner = Belongs to
wf-owner-hint = A team's workflows apply to the team's event types; team admins manage them.
wf-trigger = Trigger
wf-offset = How long before or after
wf-offset-hint = For “before the meeting starts” and “after the meeting ends” only.
wf-unit = Unit
wf-active-hint = While off, nothing is sent, also for messages already planned.
wf-event-types = Event types
wf-send-for = Send for bookings of
wf-no-event-types-yet = No event types yet.
wf-on-new-event-types = Also turn on for event types created from now on
wf-steps = Steps
# $reason: why the steps were refused, such as "add at least one step".
wf-steps-error = Steps: { $reason }
# $number: the step's number in the list.
wf-step = Step { $number }
wf-remove = Remove
wf-action = Action
wf-send-to = Send to
wf-send-to-placeholder = address, +number or https:// URL
wf-send-to-hint = For “email an address”, “text a number” and “call a webhook”.
wf-no-sms-gateway = No SMS gateway is set up.
wf-no-sms-gateway-text = Until an administrator sets one up under Admin → Text messages, this step sends nothing and its jobs fail with that reason.
wf-default-reminder = This is Kairos's default reminder: while it stays as it is, each attendee receives it in their own language.
wf-subject = Email subject
wf-subject-hint = For emails.
wf-message = Message
wf-message-hint = For emails and text messages. A webhook sends the booking as JSON instead.
wf-secret = Webhook secret
wf-secret-hint = Signs each call (X-Cal-Signature-256). Empty keeps the current one.
wf-clear-secret = Remove the webhook secret
wf-add-step = + Add a step
wf-back = Back
wf-save = Save changes
wf-create = Create workflow
wf-variables = Variables
# $example: a variable as templates write it, {ATTENDEE_FIRST_NAME}.
wf-variables-hint = Write a variable in braces, such as { $example }. Dates and times are in the reader's time zone. Saving names any variable Kairos does not know.
wf-answers = Answers
# $variable: {REASON}, the variable of the answer to the question with the identifier $key (reason).
wf-answers-hint = The answer to a booking question: its identifier in capitals, with - written as _. { $variable } is the answer to the question with identifier { $key }.
wf-no-questions = The event types here ask no questions yet.
# $notes: the variable {ADDITIONAL_NOTES}.
wf-minimum-necessary-on = Minimum necessary is on: in everything workflows send, { $notes } and answers are left empty. Administrators change this under Admin.
wf-minimum-necessary-off = Minimum necessary is off: answers and notes are sent as written.
wf-delete-title = Delete this workflow
wf-delete-text = Messages it planned are not sent.
wf-delete-this-confirm = Delete this workflow?
wf-delete-button = Delete workflow

# What each template variable stands for.
wf-var-event-name = the event type's title
wf-var-organizer = the host's name
wf-var-attendee = the attendee's name
wf-var-attendee-first-name = the attendee's first name
wf-var-attendee-email = the attendee's email address
wf-var-event-date = the date, e.g. Tuesday, 31 March 2026
wf-var-event-time = the start time, e.g. 10:00
wf-var-event-end-time = the end time, e.g. 10:30
wf-var-timezone = the recipient's time zone, e.g. Europe/Berlin
wf-var-location = where the meeting takes place
wf-var-meeting-url = the video or meeting link, if any
wf-var-cancel-url = the attendee's link to cancel
wf-var-reschedule-url = the attendee's link to pick another time
wf-var-additional-notes = the notes the attendee added

# The first step of a new workflow, a template the host edits. The variables are the
# template's (see the editor's list); they are written into the template as {EVENT_NAME}.
wf-new-subject = Reminder: { $EVENT_NAME } at { $EVENT_TIME }
wf-new-body =
    Hello { $ATTENDEE_FIRST_NAME },

    see you on { $EVENT_DATE } at { $EVENT_TIME } ({ $TIMEZONE }).

    To cancel or pick another time: { $RESCHEDULE_URL }
wf-trigger-booking-paid = When a booking is paid

# Why a workflow was refused (the editor and the API).

wf-error-not-your-team = is not one of your teams
wf-error-owner = must be you or one of your teams
wf-error-owner-admin = must be you or a team you administer
# $days: the longest time before or after a meeting, in days.
wf-error-offset-too-long = { $days ->
        [one] must be at most { $days } day
       *[other] must be at most { $days } days
    }
wf-error-offset-required = is required for a reminder or follow-up
wf-error-event-types = must be event types of the workflow's owner
wf-error-no-step = add at least one step
# $max: the most steps a workflow has.
wf-error-too-many-steps = { $max ->
        [one] at most { $max } step
       *[other] at most { $max } steps
    }
wf-error-subject-required = is required for an email
# $max: the longest subject, in characters.
wf-error-subject-one-line = { $max ->
        [one] must be one line of at most { $max } character
       *[other] must be one line of at most { $max } characters
    }
# $count: how many unknown variables; $names: them, each in braces, separated by commas.
wf-error-unknown-variables = { $count ->
        [one] uses unknown variable { $names }
       *[other] uses unknown variables { $names }
    }
