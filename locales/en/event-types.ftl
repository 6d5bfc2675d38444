# The dashboard's event types: the list, creating one, and the editor.

et-title = Event types
# Before the address of the person's public page, which follows as a link.
# $page: that address.
et-list-intro = What people can book with you, and your public page: { $page }
et-copy-link = Copy link
et-new = New event type
et-empty-title = No event types yet
et-empty-text = Create one, such as a 30-minute consultation, and share its link.
et-create-first = Create your first event type
# $team: the name of the team that owns the event type.
et-team-badge = Team: { $team }
et-hidden = Hidden
et-needs-confirmation = Needs confirmation
et-open = Open
et-view = View
et-edit = Edit
et-duplicate = Duplicate
et-show = Show
et-hide = Hide
# $title: the event type's title.
et-delete-confirm = Delete “{ $title }”? Its bookings stay.
et-delete = Delete
# The title of a duplicated event type. $title: the original's title.
et-copy-title = { $title } (copy)

# Creating an event type.
et-new-intro = You can change everything later.
et-owner-just-me = Just me
et-field-title = Title
et-title-placeholder = Consultation
et-field-slug = URL slug
et-new-slug-hint = Lowercase letters, digits and -. Left empty, it is made from the title.
# An example of a URL slug: lowercase letters, digits and hyphens only.
et-slug-placeholder = consultation
et-field-description = Description
et-new-description-hint = Shown on the booking page.
et-field-duration = Duration in minutes
et-duration-hint = One number, or several separated by commas (15, 30, 60) to let people choose.
et-field-owner = Owner
et-owner-hint = A team event type is booked with the team's members.
et-cancel = Cancel
et-continue = Continue
et-error-durations = must be whole numbers of minutes, such as 30 or 15, 30, 60
et-error-days-required = is required for this choice

# The editor.
et-not-saved = Not saved yet: press “Save changes” when you are done.
et-preview = Preview
et-sections = Sections
et-basics = Basics
et-availability = Availability
et-limits = Limits
et-questions = Booking questions
et-advanced = Advanced
et-embed = Embed
et-member-view = You see this team event type as a member of the team. Only the team's admins can change it.
et-slug-hint = The end of the booking link. Lowercase letters, digits and -.
et-description-hint = Shown on the booking page. A blank line starts a new paragraph.
et-field-durations = Durations in minutes
et-durations-hint = Several, separated by commas, let people choose; the first is the default.
et-locations = Locations
et-locations-hint = Where the meeting happens. With several, the invitee chooses.
# $n: the location's number in the list.
et-location-n = Location { $n }
et-remove = Remove
et-location-kind = Kind
et-location-in-person = In person
et-location-phone = Phone
et-location-link = Meeting link
et-location-video = Video call (a room per booking)
et-location-google-meet = Google Meet (with your Google Calendar)
et-location-teams = Microsoft Teams (with your Microsoft 365 calendar)
et-location-zoom = Zoom (with your Zoom account)
et-location-value = Address, number or link
et-location-value-placeholder = Not needed for video calls
et-no-location = No location: the details are up to you and your invitee.
et-add-location = + Add a location
# $team: the team's name, shown in bold.
et-team-of = Team event type of { $team }. Each host's default schedule applies.
et-scheduling = Scheduling
et-round-robin = Round robin: one host, taking turns
et-collective = Collective: every host attends
et-hosts = Hosts
et-round-robin-title = Round robin: who gets a booking.
et-round-robin-text = Of the hosts free at that time, the one with the highest priority; among equals, the one furthest behind their share of this month's bookings (weight 200 gets twice the bookings of weight 100); among those, the one booked least recently.
et-turn-group = Turn group
# $group: the field's name (et-turn-group), in bold; $first, $second: two example group
# names (et-group-example-first, et-group-example-second), in italics.
et-turn-group-text = { $group } is usually left empty: then all hosts take turns together. To have one host of each kind attend (say, one doctor and one interpreter), give each kind a name such as { $first } and { $second }: hosts with the same name take turns, and once any host has a group, a host left without one attends every booking.
et-group-example-first = doctors
et-group-example-second = interpreters
et-priority = Priority
et-priority-lowest = Lowest
et-priority-low = Low
et-priority-medium = Medium
et-priority-high = High
et-priority-highest = Highest
et-weight = Weight
et-turn-group-field = Turn group (optional)
et-turn-group-placeholder = empty: takes turns with all
et-schedule = Schedule
et-schedule-hint = Which working hours this event type follows.
et-my-default-schedule = My default schedule
# A schedule in the menu that is the person's default. $name: the schedule's name.
et-schedule-default = { $name } (default)
et-edit-schedules = Edit your schedules
et-minimum-notice = Minimum notice (minutes)
et-minimum-notice-hint = How soon before the start people may book.
et-slot-interval = Start times every (minutes)
et-slot-interval-hint = Empty: the duration.
et-buffer-before = Buffer before (minutes)
et-buffer-after = Buffer after (minutes)
et-window = How far ahead people may book
et-window-unlimited = Any time in the future
et-window-calendar-days = Within a number of calendar days
et-window-business-days = Within a number of business days
et-window-date-range = Only between two dates
et-window-days = Days
et-window-from = From
et-window-until = Until
et-most-bookings = Most bookings
et-limit-day-bookings = Per day (bookings)
et-limit-week-bookings = Per week (bookings)
et-limit-month-bookings = Per month (bookings)
et-limit-year-bookings = Per year (bookings)
et-most-time = Most booked time
et-limit-day-minutes = Per day (minutes)
et-limit-week-minutes = Per week (minutes)
et-limit-month-minutes = Per month (minutes)
et-limit-year-minutes = Per year (minutes)
et-first-slot-only = Offer only the first free time of each day
et-questions-hint = Name and email are always asked. Add what else you need to know.
# $n: the question's number in the list.
et-question-n = Question { $n }
et-move-up = Move question { $n } up
et-move-down = Move question { $n } down
et-question = Question
et-answer-type = Answer type
et-kind-text = Short text
et-kind-textarea = Long text
et-kind-email = Email
et-kind-phone = Phone number
et-kind-number = Number
et-kind-select = Dropdown
et-kind-multiselect = Several choices
et-kind-radio = One choice
et-kind-checkbox = Checkbox
et-kind-date = Date
et-identifier = Identifier
et-identifier-hint = Names the answer in the API.
et-choices = Choices (one per line)
et-choices-hint = For dropdowns and choice lists.
et-answer-required = An answer is required
et-no-questions = No extra questions.
et-add-question = + Add a question
et-requires-confirmation = Requires confirmation
et-requires-confirmation-hint = Bookings wait until you accept them.
et-pending-blocks-slot = Keep the time while a request waits
et-seats = Seats per time
et-seats-hint = For group sessions: several people can book the same time. Empty: one.
et-hidden-field = Hidden from the public page
et-hidden-hint = The direct link still works.
et-embed-title = Embed on your website
et-embed-hint = Paste this where the booking page should appear. An administrator lists the websites allowed to embed it under Admin → Instance.
et-snippet = Snippet
et-copy-snippet = Copy snippet
et-back = Back
et-save = Save changes

# Why the event type's settings were refused (the editor and the API).

et-error-no-duration = must list at least one duration
# $max: the most durations an event type offers.
et-error-too-many-durations = { $max ->
        [one] must list at most { $max } duration
       *[other] must list at most { $max } durations
    }
# $minutes: the refused duration; $min, $max: the shortest and the longest allowed, in
# minutes.
et-error-duration-range = { $max ->
        [one] { $minutes } is not between { $min } and { $max } minute
       *[other] { $minutes } is not between { $min } and { $max } minutes
    }
et-error-repeated-duration = must not repeat a duration
et-error-end-before-start = must not be before the start
et-error-zero-limit = must be at least 1 (leave it out for no limit)
# requiresConfirmation: the setting “Requires confirmation” (et-requires-confirmation).
et-error-seats-confirmation = cannot be combined with requiresConfirmation
# $max: the most locations an event type offers.
et-error-too-many-locations = { $max ->
        [one] must list at most { $max } location
       *[other] must list at most { $max } locations
    }
et-error-hosts-of-teams = are only for team event types
# individual, collective, roundRobin: the API's names of how a team's bookings are shared
# (et-scheduling).
et-error-personal-kind = must be individual for a personal event type
et-error-team-kind = must be collective or roundRobin for a team event type
et-error-no-host = must list at least one host
et-error-host-twice = is listed twice
et-error-group-of-round-robin = is only for round-robin event types
et-error-link = must be an http:// or https:// link
et-error-video-url = is created for each booking; leave it out
# $min, $max: how many characters a question's key has.
et-error-key = must be { $min } to { $max } letters, digits, - or _
et-error-key-of-the-form = is used by the booking form itself; choose another
et-error-key-used = is used by another question
et-error-no-choice = must list at least one choice
et-error-choices-distinct = must be distinct and not empty
et-error-choices-of-lists = are only for select, multiselect and radio questions
et-error-slug-used = is already used by another event type
et-error-team-schedule = team event types use each host's default schedule
et-error-not-your-schedule = is not one of your schedules
et-error-not-a-member = is not a member of the team
et-error-needs-google = needs a Google calendar as the destination calendar of every host (Dashboard → Calendars)
et-error-needs-microsoft = needs a Microsoft 365 calendar as the destination calendar of every host (Dashboard → Calendars)
et-error-needs-zoom = needs every host to connect their Zoom account (Dashboard → Calendars)
et-error-team-fixed = cannot be changed; create a new event type instead
