# What every page shares: the page frame, navigation, the language menu and form pieces.

# The browser tab's title: the page's own title, then the product.
page-title = { $page } · Kairos
skip-to-content = Skip to content
scheduling-by-kairos = Scheduling by Kairos

language-menu-label = Language
language-menu-change = Change

nav-label = Main
nav-home = Home
nav-event-types = Event types
nav-availability = Availability
nav-calendars = Calendars
nav-bookings = Bookings
nav-workflows = Workflows
nav-teams = Teams
nav-settings = Settings
nav-admin = Admin
sign-out = Sign out

idle-title = Are you still there?
# $seconds is the countdown, updated every second.
idle-text = For your security you will be signed out in { $seconds } seconds.
idle-stay = Stay signed in

copy = Copy
form-correct-fields = Please correct the highlighted fields.

profile-language = Language
profile-language-organization = The organization's language
settings-default-language = Default language
settings-default-language-hint = For booking pages when the visitor's browser asks for no language Kairos speaks, and for people who chose none.

# A field's error under it: the field's label, then why it was refused.
field-error = { $label } { $reason }

# Texts the page's script writes.
js-zone-detected = Your zone (detected)
js-zone-search = Search time zones
js-passwords-differ = The passwords do not match.
js-choose-one = Choose at least one.
# $n: the guest's number in the list.
js-guest-email = Guest email { $n }
js-sending = Sending…
js-copied = Copied

# The event-type editor's language menu.
event-type-language = Page language
event-type-language-visitor = The visitor's language
event-type-language-hint = The booking pages and the invitee's emails are in this language, whatever the visitor's browser asks for.

# Notices after signing in and out.
notice-signed-out = You are signed out.
notice-password-changed = Your password is changed. Sign in with the new one.
notice-setup-complete = Setup is complete. Welcome to Kairos.
notice-session-ended = Your session ended. Sign in again to continue.
notice-signed-out-everywhere = You are signed out on every device.
notice-second-factor-expired = The sign-in took too long. Enter your email and password again.
notice-unlocked = This browser may sign in to your account again.

# Where a booking takes place. $number: a phone number.
location-phone = Phone: { $number }
location-link-coming = (the link is being made and comes by email)
notice-shown-once-gone = What was shown here once is no longer shown. If you did not copy it, create a new one.

# The event written to the host's own calendar.
host-event-booked-by = Booked by { $name } <{ $email }>
host-event-hosts = Hosts: { $names }
host-event-open = Open the booking: { $link }

# Time-zone menus. $city: the zone's city; $zone: its long name ("Central European
# Time"); $offset: its offset now ("UTC+01:00").
zone-label = { $city } · { $zone } ({ $offset })
zone-label-city = { $city } ({ $offset })
zone-utc = UTC (Coordinated Universal Time)
# $region: the first part of the zones' ids (Europe/Berlin).
zone-region = { $region ->
        [Africa] Africa
        [America] America
        [Antarctica] Antarctica
        [Arctic] Arctic
        [Asia] Asia
        [Atlantic] Atlantic
        [Australia] Australia
        [Europe] Europe
        [Indian] Indian Ocean
        [Pacific] Pacific
       *[other] { $region }
    }
