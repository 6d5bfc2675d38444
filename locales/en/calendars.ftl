# Connected calendars: a host's calendar accounts, and the administrators' sync overview.

cal-intro = Events in your own calendars block the times people can book, and new bookings can be written to one of them. Kairos syncs every few minutes.
cal-your-calendars = Your calendars
cal-empty = No calendars connected
cal-empty-text = Connect an account or add an ICS feed below, and your busy times stop people from booking you then.
cal-provider-ics = ICS feed

# An account's sync status, as a badge.
cal-status-reconnect = Needs connecting again
cal-status-failing = Sync failing
cal-status-waiting = Waiting for the first sync
cal-status-synced = Synced

# $calendar: the name of the calendar new bookings go to; $address: its account's address.
cal-destination = New bookings are written to { $calendar } ({ $address }).
# $button: the label of the button that chooses the calendar (cal-write-here).
cal-destination-none = New bookings are not written to any of your calendars. Choose “{ $button }” on one of your connected calendars to have them there.

# One calendar of an account.
cal-calendar = Calendar
cal-blocks-slots = Its events block your slots
cal-not-checked = Not checked for conflicts
cal-read-only = Read-only
cal-written-here = New bookings are written here
# $reason: why the calendar cannot take new bookings, as the calendar service says it.
cal-not-destination = Not a destination: { $reason }
cal-check-conflicts = Check for conflicts
cal-stop-writing = Stop writing bookings here
cal-write-here = Write new bookings here
cal-error-on-or-off = must be on or off

# One connected account. The sync error that follows the first messages is the server's own.
cal-no-access = Kairos has no access any more:
cal-no-access-text = Until you connect it again, its events do not block your slots and bookings are not written there.
cal-connect-again = Connect again
cal-last-sync-failed = The last sync failed:
# $count: how many syncs failed one after the other.
cal-failed-times = It failed { $count } times in a row.
cal-retry-text = Kairos tries again by itself, waiting longer after each failure (at most six hours).
cal-last-success = Last successful sync
cal-next-sync = Next sync
cal-not-yet = Not yet
cal-not-planned = Not planned
cal-zoom-text = Video meetings: event types whose place is Zoom get a Zoom meeting in this account for each booking, moved and deleted with it.
cal-no-calendars-listed = The server lists no calendars for this account yet.
cal-sync-now = Sync now
cal-disconnect = Disconnect
cal-disconnect-confirm = Disconnect this account? Kairos forgets its access and the events it copied.

# A CalDAV account's options.
cal-options = Options
cal-sync-cancellations-title = Cancel bookings deleted in this calendar
cal-sync-cancellations-text = When you delete a booking's event in your calendar, the booking is cancelled and the invitee told, 15 minutes after Kairos notices (restore the event before then to keep it).
cal-sync-cancellations = Sync cancellations
cal-live-check-title = Ask the calendar before each booking
cal-live-check-text = Before a booking is made or moved, Kairos asks your destination calendar for changes since the last sync, for at most 3 seconds. If it does not answer in time, the booking goes ahead.
cal-live-check = Live check

# Connecting through a vendor's sign-in page.
cal-connect-sign-in = Connect with a sign-in
cal-connect-sign-in-text = You sign in with the service and allow Kairos to read your calendars' busy times and to write your bookings (with Zoom: to make a meeting for each booking). Kairos keeps the access encrypted; you can disconnect at any time.
# $vendor: the service, such as Google Calendar or Microsoft 365.
cal-connect-vendor = Connect { $vendor }
# Why connecting with a vendor did not work. $reason: one of the cal-vendor-… texts below.
cal-not-connected = Not connected: { $reason }.
# $vendor in the texts below: the service, such as Google Calendar; $detail: the service's own answer.
cal-vendor-not-set-up = { $vendor } is not set up on this instance: ask an administrator
cal-vendor-unknown-state = the sign-in with { $vendor } was not finished here or took too long: start again
cal-vendor-access-not-allowed = { $vendor }: the access was not allowed
cal-vendor-no-access-granted = { $vendor }: no access was granted
cal-vendor-refused = { $vendor } refused the request: { $detail }
cal-vendor-revoked = { $vendor } no longer accepts Kairos's access: connect the account again
cal-vendor-unreachable = { $vendor } could not be reached: { $detail }
cal-vendor-credentials = the stored access cannot be opened with this instance's key

# Connecting a CalDAV account.
cal-caldav-title = Connect a CalDAV account
cal-caldav-text = Nextcloud, iCloud, Fastmail, Radicale, Baïkal, SOGo and other CalDAV servers. Kairos reads your events and can write new bookings to one calendar.
cal-server-address = Server address
cal-server-address-hint = The host name is enough: Kairos finds your calendars.
cal-username = User name
cal-app-password = App password
cal-app-password-hint = Not your main password: a separate one you can revoke. Kairos keeps it encrypted and never shows it again.
cal-app-password-help = Where do I get an app password?
# The menus of each service, as it names them in the language.
cal-help-nextcloud = Settings → Security → Devices & sessions → Create new app password.
cal-help-icloud = account.apple.com → Sign-In and Security → App-Specific Passwords. The server is caldav.icloud.com.
cal-help-fastmail = Settings → Privacy & Security → Manage app passwords → New app password, with access to CalDAV.
cal-connect-account = Connect account

# Adding an ICS feed.
cal-feed-title = Add an ICS feed
cal-feed-text = A read-only calendar address: its events block your slots, but bookings cannot be written to it.
cal-feed-address = Feed address
cal-feed-address-hint = Treat it like a password: anyone with it can read the calendar. Kairos keeps it encrypted and shows only its host name.
cal-feed-help = Where do I find the address?
cal-help-google = Settings → your calendar → Integrate calendar → Secret address in iCal format.
cal-help-outlook = Settings → Calendar → Shared calendars → Publish a calendar → the ICS link.
cal-help-others-label = Others:
cal-help-others = look for “subscribe”, “publish” or “iCal” in the calendar's sharing settings. A webcal:// address works too.
cal-add-feed = Add feed

# Administration: every account's sync health.
cal-sync-title = Calendar sync
cal-sync-intro = Every connected calendar account on this instance and how it syncs. Only its owner sees its calendars.
cal-back-to-admin = Back to administration
# $count: how many accounts fail to sync.
cal-accounts-failing = { $count ->
    [one] { $count } account fails to sync.
   *[other] { $count } accounts fail to sync.
}
cal-accounts-failing-text = Its owner sees the reason on their Calendars page and can fix the address or password, or disconnect it.
cal-accounts = Accounts
cal-empty-admin-text = Members connect their calendars under Calendars.
cal-owner = Owner
cal-provider = Provider
cal-address = Address
cal-last-sync = Last sync
cal-failures = Failures
cal-last-error = Last error

# Why a calendar connection was refused. caldav, ics: the values of the kind of account.

cal-error-provider = must be caldav or ics (Google Calendar and Microsoft 365 connect through their sign-in pages)
cal-error-long-line = must be one line of at most 2048 characters
cal-error-http = must be an http or https address
cal-error-username = is required with a password

# Why connecting a calendar did not work. $reason: what the server or feed answered, as
# Kairos read it (in English).
cal-error-did-not-work = did not work: { $reason }
cal-error-no-calendars = did not work: the server lists no calendars for this user
# $seconds: how long Kairos waited.
cal-error-no-answer = { $seconds ->
        [one] did not answer within { $seconds } second
       *[other] did not answer within { $seconds } seconds
    }
cal-error-password-refused = was refused by the server: check the user name, and use an app password
cal-error-read-only-destination = this calendar is read-only: bookings cannot be written there
cal-error-feed-read-only = a feed is read-only: Kairos writes no bookings there
cal-error-caldav-only = is offered for CalDAV accounts only
