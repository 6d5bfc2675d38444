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
