# Personal settings: profile, password, two-step verification, sessions, API keys.
set-sections = Sections
set-profile = Profile
set-password = Password
set-two-step = Two-step verification
set-sessions = Sessions
set-api-keys = API keys
set-name = Name
set-username = Username
# $url: the address of the person's booking page.
set-username-hint = Your booking page: { $url }
set-bio = About you
set-bio-hint = A sentence or two for your public page.
set-time-zone = Time zone
set-week-organization = The organization's choice
set-clock = Clock
set-clock-24 = 24-hour (13:30)
set-clock-12 = 12-hour (1:30pm)
set-save-profile = Save profile
set-current-password = Current password
set-new-password = New password
set-new-password-hint = At least 12 characters.
set-repeat-password = Repeat the new password
set-change-password = Change password
set-on = On
set-off = Off
set-two-step-text = After your password, a 6-digit code from an app on your phone: a stolen password alone no longer opens your account.
set-manage = Manage
set-set-up = Set up
# $minutes: how long a session may stay idle.
set-idle = { $minutes ->
        [one] You are signed out after { $minutes } minute without activity, a minute after a warning.
       *[other] You are signed out after { $minutes } minutes without activity, a minute after a warning.
    }
set-sign-out-everywhere-text = Left signed in on another computer? End every session, this one included.
set-sign-out-everywhere-confirm = Sign out on every device, this one included?
set-sign-out-everywhere = Sign out everywhere
# $header: the HTTP header, shown as code (Authorization: Bearer kairos_…).
set-api-keys-text = Programs use a key to act as you through the API. Send it as { $header }.
set-no-keys = No API keys
set-no-keys-text = Create one for each program that needs access, so you can revoke them one by one.
# $date: the day the key was created or last used.
set-key-created = created { $date }
set-key-last-used = last used { $date }
set-key-never-used = never used
# $name: the key's name.
set-revoke-confirm = Revoke “{ $name }”? Programs using it stop working.
set-revoke = Revoke
set-new-key-name = New key's name
set-new-key-placeholder = Website integration
set-create-key = Create key
set-new-key = Your new API key. Copy it now: it is shown only once.
set-api-key = API key

# Two-step verification.
mfa-code = Code from the app
mfa-wrong-code = is not the current code; check the time on your phone and try the next one
mfa-protected = Protected
mfa-on-text = Signing in asks for a code from your authenticator app after your password.
# $left: how many backup codes are left (shown in bold); $total: how many there were.
mfa-codes-left = Backup codes left: { $left } of { $total }.
mfa-new-codes = New backup codes
mfa-new-codes-hint = Lost them, or used most? New codes replace every earlier one.
mfa-current-code = The current 6-digit code.
mfa-make-new-codes = Make new backup codes
mfa-turn-off-title = Turn two-step verification off
mfa-required-hint = Your organization requires two-step verification: after turning it off you must set it up again before you can continue.
mfa-turn-off-confirm = Turn two-step verification off? Your backup codes stop working too.
mfa-turn-off = Turn off
mfa-required = Your organization requires two-step verification. Set it up to continue.
mfa-setup-title = Set up two-step verification
mfa-setup-text = A code from your phone, as well as your password, every time you sign in.
mfa-scan = Scan this QR code
mfa-scan-text = Use an authenticator app, such as Aegis, FreeOTP, Google Authenticator or 1Password.
mfa-qr-label = QR code for your authenticator app
mfa-type-key = Or type this key
mfa-type-key-text = Enter it into the app as a time-based key with 6 digits.
mfa-setup-key = Setup key
mfa-enter-code = Enter the code
mfa-enter-code-text = Type the code the app shows now.
mfa-code-hint = 6 digits; a new one every 30 seconds.
mfa-turn-on = Turn on
mfa-enabled = Two-step verification is on.
mfa-codes-replaced = New backup codes: the earlier ones no longer work.
mfa-codes-title = Your backup codes: keep them somewhere safe
mfa-codes-text = Each code signs you in once when your phone is not at hand. They are shown only now: print them or store them in your password manager.
mfa-copy-all = Copy all
mfa-continue = Continue
