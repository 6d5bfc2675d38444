# Signing in, and the pages shown for errors.

sign-in = Sign in
sign-in-or-password = or with your password
sign-in-email = Email
sign-in-password = Password
sign-in-forgot = Forgot password?
sign-in-forgot-ask = Forgot your password? Ask an administrator for a reset link.
sign-in-sso-only = This organization signs in through its identity provider only.
sign-in-passwords-off = Password sign-in is turned off here. Use single sign-on.
sign-in-wrong = The email or password is wrong.
sign-in-throttled = Too many failed sign-in attempts. Try again in { $minutes } minutes.
sign-in-throttled-mailed = If this is your account, we emailed you a link that lets your browser sign in at once.

error-not-found = Page not found
error-not-found-text = There is nothing at this address. Check the link, or start again from the home page.
error-forbidden = Not allowed
error-forbidden-text = Your account may not open this page.
error-csrf = This form has expired
error-csrf-text = Go back, reload the page and submit the form again.
error-too-many = Too many attempts
error-internal = Something went wrong
error-internal-text = The request could not be completed. Try again; if it keeps happening, the administrator will find details in the log.
error-home = Go to the home page

forgot-text = Enter the email address of your account. We email you a link to choose a new password; it works once, within { $minutes } minutes.
forgot-send = Email me a link
forgot-ask = Ask an administrator for a link to choose a new password.
forgot-back = Back to sign-in

# The dashboard's row about new releases.
updates = Updates
updates-off = Checks are off: Kairos contacts no release server.
updates-turn-on = Check for updates daily
updates-checking = Checking for a newer release…
updates-up-to-date = Up to date (checked { $checked }).
updates-available = Kairos { $version } is available.
updates-install = Install it on the host with:
updates-failed = The last check failed: { $reason }.
updates-turn-off = Turn checks off
