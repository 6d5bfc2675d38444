# Emails about a person's account and the instance, in the reader's language (else the
# organization's).

acct-invite-subject = You are invited to { $organization } on Kairos
acct-invite-heading = Join { $organization }
acct-hello = Hello,
acct-invite-text = You are invited to join { $organization } on Kairos, where you will manage your appointments. Open the link below to choose your name and password.
# $days: how many days the link works.
acct-invite-expiry = The link works once and expires in { $days ->
        [one] { $days } day
       *[other] { $days } days
    }. If you did not expect this invitation, ignore this message.
acct-invite-button = Accept the invitation
acct-made-subject = Your account at { $organization } on Kairos
acct-made-heading = Choose your password
acct-made-text = An account at { $organization } on Kairos was made for you, where you will manage your appointments. Open the link below to choose your password.
# $days: how many days the link works.
acct-made-expiry = The link works once and expires in { $days ->
        [one] { $days } day
       *[other] { $days } days
    }. If you did not expect this, ignore this message.
acct-made-button = Choose my password
acct-reset-subject = Choose a new password for { $organization }
acct-reset-heading = Choose a new password
# $minutes: how long the link works.
acct-reset-text = Someone asked for a link to choose a new password for your { $organization } account on Kairos. If that was you, open the link below: it works once, within { $minutes } minutes.
acct-reset-not-you = If it was not you, ignore this email: your password stays as it is.
acct-unlock-subject = Sign-in to { $organization } was paused
acct-unlock-heading = Sign-in was paused
acct-unlock-text = Someone tried to sign in to your { $organization } account on Kairos several times with a wrong password or verification code, so sign-in is paused for a while. If that was not you, nothing wrong was accepted; think about changing your password if it is used anywhere else.
# $minutes: how long the link works.
acct-unlock-how = To sign in now, open the link below in the browser you want to use and confirm. It works once, within { $minutes } minutes, and lets that browser sign in again.
acct-unlock-button = Let my browser sign in
# $provider: the calendar service (Google, Microsoft 365, CalDAV…).
acct-revoked-subject = Connect { $provider } again
acct-revoked-heading = { $provider } needs connecting again
# $account: the account's user name; $host: the host's name.
acct-revoked-text = Kairos can no longer reach the { $provider } account { $account } of { $host }: the access was revoked or has expired.
acct-revoked-effect = Until it is connected again, its events do not block { $host }'s slots and new bookings are not written there. Bookings themselves go on as usual.
acct-revoked-how = { $host } can connect it again on the Calendars page: the same account keeps its settings.
acct-revoked-button = Open Calendars
acct-test-subject = Test message from { $organization }
acct-test-heading = Test message
acct-test-text = This is a test message from Kairos. Email is set up: booking confirmations, requests and changes will be sent from this address.
