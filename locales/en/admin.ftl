# Administration: people, invitations, the instance settings, and the pages under it
# (audit log, single sign-on, email, text messages, background jobs, integrations).

admin-title = Administration
admin-intro = People who can sign in, and how this instance behaves.
admin-back-to-admin = Back to administration
admin-calendar-sync = Calendar sync
admin-status = Status
admin-set-up = Set up
admin-not-set-up = Not set up
admin-client-id = Client ID
admin-client-secret = Client secret
admin-redirect-uri = Redirect URI

## People and invitations

admin-people = People
# $role: the role's code (owner, admin or member).
admin-role = { $role ->
        [owner] Owner
        [admin] Admin
       *[member] Member
    }
admin-disabled = Disabled
admin-no-password = Has not set a password
# $date: the day the account was created.
admin-since = since { $date }
admin-enable = Enable
admin-disable = Disable
# $name: the person's name.
admin-disable-confirm = Disable { $name }? They are signed out at once.
admin-create-account = Create an account
# $days: how many days the link is valid.
admin-create-account-hint = You get a one-time link, valid for { $days ->
        [one] 1 day
       *[other] { $days } days
    }, for the person to choose their password.
admin-name = Name
admin-email = Email
admin-role-label = Role
admin-role-member = Member
admin-role-admin = Administrator
admin-create-account-button = Create account
admin-invitations = Invitations
# $days: how many days the link is valid.
admin-invitations-hint = The person gets a one-time link, valid for { $days ->
        [one] 1 day
       *[other] { $days } days
    }, to choose their name and password. It is emailed when a mail server is set up; otherwise you copy it.
admin-send-invitation = Send invitation
admin-no-invitations = No pending invitations.
admin-pending = Pending
# $date: the day the invitation expires.
admin-expires = expires { $date }
# $email: the invited email address.
admin-revoke-confirm = Revoke the invitation for { $email }? The link stops working.
admin-revoke = Revoke
# $name: the new account's name.
admin-account-created = Account created for { $name }.
# $email: the invited email address.
admin-invitation-emailed = Invitation emailed to { $email }.
# $days: how many days the link is valid.
admin-invitation-link-works = The link works once within { $days ->
        [one] 1 day
       *[other] { $days } days
    }.
# $email: the invited email address.
admin-invitation-created = Invitation created for { $email }.
# $reason: why the mail server refused (its own words).
admin-not-emailed-invitation = It could not be emailed ({ $reason }).
# $days: how many days the link is valid.
admin-invitation-send-link = Send them this one-time link. It is shown only now and works once within { $days ->
        [one] 1 day
       *[other] { $days } days
    }:
admin-invitation-link = Invitation link
# $email: the person's email address; $days: how many days the link is valid.
admin-account-link-emailed = We emailed { $email } a one-time link to choose their password. It works once within { $days ->
        [one] 1 day
       *[other] { $days } days
    }.
# $reason: why the mail server refused (its own words).
admin-not-emailed-link = The link could not be emailed ({ $reason }).
# $days: how many days the link is valid.
admin-account-link-send = Send them this one-time link to choose their password. It is shown only now and is valid for { $days ->
        [one] 1 day
       *[other] { $days } days
    }:
admin-one-time-link = One-time link

## The instance settings

admin-instance = Instance
admin-public-address-hint = Such as https://book.example.org. The config file's base_url wins over this.
admin-signup = Who can join
admin-signup-closed = Closed: only administrators create accounts
admin-signup-invite = Invite only: people join through a one-time link
admin-signup-hint = There is no public sign-up page either way.
admin-embed-origins = Websites that may embed booking pages
admin-embed-origins-hint = One origin per line, such as https://www.example.org. Empty: no site may show them in a frame. The dashboard can never be framed.
admin-require-mfa = Require two-step verification
admin-require-mfa-off = Off: each person chooses
admin-require-mfa-administrators = For administrators
admin-require-mfa-everyone = For everyone
admin-require-mfa-hint = People it applies to set it up right after signing in and can do nothing else before.
admin-audit-retention = Keep the audit log for (years)
admin-audit-retention-hint = Older entries are removed daily; the log stays verifiable. HIPAA asks for 6 years.
admin-limit-event-type = New bookings per event type per hour
admin-limit-event-type-hint = From the booking pages and the API together; past it people are asked to try later. 0: no limit.
admin-limit-host = New bookings per host per hour
admin-limit-host-hint = Over all of a host's event types. Hosts booking their own event types are not limited. 0: no limit.
admin-idle = Sign out after inactivity
admin-idle-hint = A minute before, the page asks whether the person is still there.
# $minutes: a number of minutes.
admin-idle-minutes = { $minutes ->
        [one] 1 minute
       *[other] { $minutes } minutes
    }
# $hours: a number of hours.
admin-idle-hours = { $hours ->
        [one] 1 hour
       *[other] { $hours } hours
    }
# $time: a time such as "15 minutes"; $fits: the kind of installation it suits.
admin-idle-option = { $time } ({ $fits })
admin-minimum-necessary = Minimum necessary in messages
admin-minimum-necessary-hint = Answers and notes stay out of emails, text messages and webhooks; they carry only the time, the place and the links. The dashboard still shows everything to people allowed to see it.
admin-allow-private = Allow servers on the private network
admin-allow-private-hint = For webhook receivers, the SMS gateway, the mail server and the single sign-on provider inside your network (10.x, 172.16–31.x, 192.168.x, 100.64–127.x, fc00::/7); the mail server, the gateway and the provider may then also run on this machine (localhost). Link-local, cloud metadata and other special-purpose addresses are always refused.
admin-save-settings = Save settings

## The audit log

admin-audit-title = Audit log
# $limit: how many rows the page shows at most.
admin-audit-intro = Who did what, from where. Newest first; the page shows up to { $limit } rows, a download has every matching row.
admin-audit-action = Action
admin-audit-actor = Actor
admin-audit-anyone = Anyone
# $kind: the kind of actor's code.
admin-audit-actor-kind = { $kind ->
        [user] User
        [api_key] API key
        [invitee] Invitee
        [system] System
        [anonymous] Anonymous
       *[other] { $kind }
    }
admin-audit-actor-id = Actor id
admin-audit-from = From
admin-audit-to = To
admin-audit-filter = Filter
admin-audit-download-csv = Download CSV
admin-audit-download-json = Download JSON
admin-audit-time = Time (UTC)
admin-audit-object = Object
admin-audit-outcome = Outcome
# $outcome: the outcome's code.
admin-audit-outcome-value = { $outcome ->
        [success] success
        [failure] failure
        [denied] denied
       *[other] { $outcome }
    }
admin-audit-address = Address
admin-audit-user-agent = User agent

## Email: the mail server (its fields are also the setup wizard's)

smtp-server = Server
smtp-port = Port
smtp-security = Security
smtp-security-starttls = STARTTLS: a plain connection upgraded to TLS
smtp-security-tls = TLS from the start
smtp-security-none = None: only for a relay on a trusted network
smtp-security-hint = Usually port 587 with STARTTLS, 465 with TLS.
smtp-username = User name
smtp-username-hint = Only if the server asks you to sign in.
smtp-password = Password
smtp-password-stored = A password is stored. Leave empty to keep it.
smtp-password-new = Stored encrypted, never shown again.
smtp-from-address = From address
smtp-from-name = From name
smtp-from-name-placeholder = Your organization

admin-email-title = Email
admin-email-intro = The mail server Kairos sends booking confirmations, requests and changes through. Without one, no email is sent.
admin-email-server = Mail server
admin-email-save = Save mail server
admin-email-test = Send a test message
admin-email-save-first = Save a mail server first.
admin-email-test-hint = Sends a short message through the saved server. If it fails, you see the server's answer.
admin-email-send-to = Send to
admin-email-send-test = Send test email
# $to: the address the test message went to.
admin-email-test-sent = The test message was sent to { $to }.
admin-email-test-not-sent = The test message was not sent.
admin-email-server-answered = The mail server answered:
# $reason: why (in the mail software's own words).
admin-email-test-failed = The test message was not sent: { $reason }.

## Text messages

admin-sms-title = Text messages
admin-sms-intro = Kairos sends text messages (reminders and workflow messages) through an HTTP gateway you choose.
admin-sms-gateway = Gateway
admin-sms-unreadable = The stored gateway settings cannot be read with this instance's key. Enter them again.
admin-sms-not-set-up = Not set up: no text messages are sent
admin-sms-url = Gateway URL
admin-sms-url-hint = Kairos POSTs one request per message there. Private network addresses need the instance setting that allows them.
admin-sms-auth-header = Authentication header
admin-sms-auth-header-hint = Empty: no header is sent.
admin-sms-header-value = Header value
admin-sms-header-value-stored = Stored encrypted. Leave empty to keep it.
admin-sms-header-value-new = Such as Bearer … or Basic …; stored encrypted.
admin-sms-body-format = Body format
admin-sms-body-form = Form (application/x-www-form-urlencoded)
admin-sms-body-format-invalid = must be JSON or form
admin-sms-body-template = Body template
# $to and $body: the template's two fields as written in it; $json and $form: an example template of each format.
admin-sms-body-template-hint = { $to } is the phone number and { $body } the message. In JSON they become quoted strings: { $json }; in a form, encoded values: { $form }.
admin-sms-save = Save gateway
admin-sms-remove-confirm = Remove the SMS gateway? Kairos then sends no text messages.
admin-sms-remove = Remove gateway
admin-sms-twilio = Twilio-compatible preset
admin-sms-twilio-intro = Fills in the gateway for Twilio's Messages API, or a service that copies it: a form body with To, From and Body, and Basic authentication with the account SID and auth token.
admin-sms-account-sid = Account SID
admin-sms-auth-token = Auth token
admin-sms-sender = Sender number
admin-sms-api-base = API address
admin-sms-api-base-hint = Twilio's own unless the service says otherwise.
admin-sms-use-preset = Use the preset
admin-sms-test = Send a test SMS
admin-sms-test-hint = Sends a short message now and shows what the gateway answered.
admin-sms-phone = Phone number
admin-sms-send-test = Send test SMS
# $status: the HTTP status code; $ms: how long the gateway took, in milliseconds.
admin-sms-test-taken = The gateway took the test message: HTTP { $status } in { $ms } ms.
admin-sms-it-answered = It answered:
# $reason: what went wrong (the gateway's status or the network error).
admin-sms-test-failed = The test message was not sent: { $reason }.
admin-sms-gateway-answered = The gateway answered:
admin-sms-set-up-first = Set up a gateway first.

## Background jobs

admin-jobs-title = Background jobs
# $hours: how long a failing job is retried.
admin-jobs-intro = Emails and other work done after a change. A failing job is retried with growing pauses (at most an hour apart) for { $hours ->
        [one] 1 hour
       *[other] { $hours } hours
    } from when it was due, then it is dead until you retry it.
admin-jobs-intro-reminders = A reminder that could not be sent before its meeting began is dead and says so.
# $zone: a time zone's name, such as Europe/Berlin.
admin-jobs-times-in = Times in { $zone }.
admin-jobs-failing = Failing
admin-jobs-none-failing = Nothing is failing.
admin-jobs-dead = Dead
admin-jobs-none-dead = No job gave up.
admin-jobs-running = Running
admin-jobs-none-running = Nothing is running.
admin-jobs-waiting = Waiting
admin-jobs-none-waiting = Nothing is waiting.
admin-jobs-retry-dead = Retry all dead jobs
admin-job-retry = Retry now
# $id: the job's number.
admin-job-number = job { $id }
# $lane: the queue lane's code.
admin-job-lane = Lane { $lane }
# $time: a date and time.
admin-job-runs = Runs { $time }
# $attempts: how many times the job was tried.
admin-job-attempts = Attempts { $attempts }
# $attempts: how many times the job was tried; $cap: how many times it may be.
admin-job-attempts-of = Attempts { $attempts } of { $cap }
# $time: a date and time.
admin-job-updated = Updated { $time }
# $time: a date and time.
admin-job-retried-until = Retried until { $time }
admin-job-why = Why
admin-job-notify = Prepare the emails of a booking change
admin-job-email = Send a booking email
admin-job-workflow = Run a workflow step
admin-job-webhook = Deliver a webhook
admin-job-sync = Sync a connected calendar
admin-job-retention = Remove audit entries past their retention
# $workflow: the workflow's name; $action: the step's action code.
admin-job-workflow-step = Workflow “{ $workflow }”: { $action ->
        [EMAIL_ATTENDEE] email the attendee
        [EMAIL_HOST] email the host
        [EMAIL_ADDRESS] email an address
        [SMS_ATTENDEE] text the attendee (their phone answer)
        [SMS_NUMBER] text a number
       *[WEBHOOK] call a webhook
    }
admin-jobs-trouble = Background jobs are failing:
# $count: how many jobs; $kinds: each job kind's code with its count.
admin-jobs-trouble-failing = { $count } failing ({ $kinds })
# $count: how many jobs; $kinds: each job kind's code with its count.
admin-jobs-trouble-dead = { $count } dead ({ $kinds })
# $time: a date and time.
admin-jobs-trouble-since = The oldest has been retried since { $time }.
# $link: a link to the background jobs page.
admin-jobs-trouble-check = Check the mail server, the SMS gateway or the webhook receivers named there: { $link }.

## Single sign-on

admin-sso-title = Single sign-on
admin-sso-intro = Let people sign in with your organization's OpenID Connect provider (Keycloak, Entra ID, Okta, Authentik, …).
admin-sso-provider = Identity provider
admin-sso-enabled = Offer single sign-on on the sign-in page
admin-sso-enabled-hint = Kairos checks the provider's discovery document when you save.
admin-sso-issuer = Issuer URL
admin-sso-issuer-hint = Exactly as the provider's ID tokens name it. Kairos calls only this host.
admin-sso-secret-stored = A secret is stored (encrypted with the instance key). Leave empty to keep it.
admin-sso-secret-new = From the provider's client settings. Leave empty for a public client (PKCE alone).
admin-sso-clear-secret = Remove the stored client secret
admin-sso-button-label = Button text
admin-sso-button-placeholder = Sign in with single sign-on
admin-sso-only = Single sign-on only
admin-sso-only-hint = Hides the password form and refuses password sign-in for everyone.
admin-sso-save = Save single sign-on
admin-sso-at-provider = At the provider
admin-sso-register = Create a confidential OpenID Connect client with the authorization code flow and PKCE (S256), and register this redirect URI:
admin-sso-matching = Kairos asks for the scopes openid, email and profile. People are matched to existing, enabled accounts by their email address, which the provider must mark as verified (email_verified). Accounts are not created automatically. Kairos's own two-step verification does not apply to single sign-on: the provider's does.
admin-sso-break-glass = Break-glass access
# $setting: the configuration line to add; $command: the command to run.
admin-sso-break-glass-text = If the provider is down while single sign-on only is on, the owner can still get in from the host shell: set { $setting } in kairos.toml (or KAIROS_ALLOW_PASSWORD_SIGN_IN=true) and restart, then run { $command } for a one-time password link. Both the sign-in and the reset are audited.
# $setting: the configuration setting's name.
admin-sso-override = { $setting } is set: the password form stays available

## Integrations

admin-integrations-title = Integrations
admin-integrations-intro = Cloud services hosts can connect. Each one uses an app your organization registers with the vendor.
admin-integrations-secret-stored = A secret is stored (encrypted with the instance key) and never shown again. Leave empty to keep it.
# $vendor: the service's name, such as Google Calendar.
admin-integrations-remove = Remove { $vendor }: hosts can no longer connect it, and connected accounts stop syncing
# $vendor: the service's name, such as Google Calendar.
admin-integrations-save = Save { $vendor }
admin-microsoft-client-id = Application (client) ID
admin-microsoft-tenant = Directory (tenant) ID
# $common: the value that allows any account.
admin-microsoft-tenant-hint = Your organization's directory ID or domain (contoso.onmicrosoft.com), so only its accounts can connect; { $common } for any work, school or personal Microsoft account.

admin-google-intro = Hosts connect their Google calendars with a sign-in: their events block their slots, and bookings are written to the calendar they choose. Until an app is set up here, hosts do not see Google and Kairos never calls it.
admin-google-secret-from = From the OAuth client you create in the Google Cloud console.
admin-google-at = At Google
# $api: the API's name in the console.
admin-google-step-project = In the Google Cloud console, create a project and enable the { $api }.
# $events and $readonly: the two scopes' names.
admin-google-step-consent = Set up the OAuth consent screen (internal for a Workspace organization) with the scopes { $events } and { $readonly }.
# $kind: the client type's name in the console.
admin-google-step-client = Create an OAuth client ID of type { $kind } with this authorized redirect URI, then paste its client ID and secret above:
admin-google-leaves = What leaves this appliance: the times and titles of bookings written to a host's Google calendar (with "minimum necessary" on, no names, answers or notes), and requests for the host's events, which Kairos reduces to busy times.

admin-microsoft-intro = Hosts connect their Microsoft 365 or Outlook.com calendars with a sign-in: their events block their slots, and bookings are written to the calendar they choose. Until an app is set up here, hosts do not see Microsoft and Kairos never calls it.
admin-microsoft-secret-from = The value of a client secret you add under Certificates & secrets in the Microsoft Entra admin center.
admin-microsoft-at = At Microsoft
# $registrations: the menu's name in the admin center; $common: the value to leave.
admin-microsoft-step-register = In the Microsoft Entra admin center, open { $registrations } and register a new application: accounts in this organizational directory only (then enter its directory (tenant) ID above), or in any directory and personal accounts (then leave { $common }).
# $permissions: the menu's name; $readwrite and $offline: the permissions' names.
admin-microsoft-step-permissions = Under { $permissions }, add the delegated Microsoft Graph permissions { $readwrite } and { $offline }.
# $secrets: the menu's name in the admin center.
admin-microsoft-step-secret = Under { $secrets }, add a client secret and paste its value above with the application (client) ID.
# $authentication: the menu's name; $web: the platform's name.
admin-microsoft-step-platform = Under { $authentication }, add the platform { $web } with this redirect URI:
admin-microsoft-leaves = What leaves this appliance: the times and titles of bookings written to a host's Microsoft calendar (with "minimum necessary" on, no names, answers or notes), and requests for the host's events, which Kairos reduces to busy times.

admin-zoom-intro = Hosts connect their Zoom account with a sign-in, and event types can then take place on Zoom: Kairos makes a Zoom meeting for each booking, moves it when the booking moves and deletes it when the booking is cancelled. Until an app is set up here, hosts do not see Zoom and Kairos never calls it.
admin-zoom-secret-from = From the OAuth app you create in the Zoom App Marketplace (App Credentials).
admin-zoom-at = At Zoom
# $menu: the Marketplace's menu; $app: the app type's name.
admin-zoom-step-app = In the Zoom App Marketplace, choose { $menu } and create a { $app } (user-managed), or an OAuth app.
# $write and $read: the scopes' names.
admin-zoom-step-scopes = Add the scopes to create, update and delete meetings and to read the user ({ $write } and { $read }, or their granular equivalents).
admin-zoom-step-redirect = Enter this redirect URL (also in the OAuth allow list), then paste the client ID and secret above:
admin-zoom-leaves = What leaves this appliance: each Zoom booking's title, time and length, and an agenda line naming the booking's identifier. No invitee names, emails, answers or notes.

# Why an invitation was refused.

admin-error-has-account = already belongs to an account
admin-error-invited = already has a pending invitation; revoke it to send a new one

# Why the mail server (SMTP) settings were refused. none, STARTTLS, TLS: the values of
# the security field.

admin-smtp-error-host = must be a host name or IP address
admin-smtp-error-port = must be a number between 1 and 65535
admin-smtp-error-security = must be none, STARTTLS or TLS
admin-smtp-error-username = is required when a password is given

# Why the SMS gateway settings were refused. {to} and {body} are written as they are:
# the gateway's template holds them literally.

admin-sms-error-header-name = must be a header name such as Authorization or X-Api-Key
admin-sms-error-header-for-value = is required when a value is given
admin-sms-error-no-body = must contain {"{body}"}, the message text
admin-sms-error-no-to = must contain {"{to}"}, the phone number
admin-sms-error-json = is not valid JSON once {"{to}"} and {"{body}"} are filled in (they become quoted strings: {"{\"to\": {to}, \"text\": {body}}"})
admin-sms-error-sid = must be the account's SID (letters and digits)

# Why the single sign-on settings were refused.

admin-sso-error-required = is required to turn single sign-on on
admin-sso-error-only = needs single sign-on turned on, or nobody could sign in
# $issuer: the address as it was typed, in quotes.
admin-sso-error-issuer-url = must be a URL such as https://id.example.org/realms/clinic, not { $issuer }
admin-sso-error-issuer-query = must be a URL without query or fragment
admin-sso-error-issuer-http = must use https://
admin-sso-error-issuer-scheme = must start with https://
