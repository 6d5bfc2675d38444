# The setup wizard.
setup-title = Set up Kairos
setup-progress = Setup progress
setup-step-account = Account
setup-step-organization = Organization
setup-step-email = Email
setup-step-done = Done
setup-required = Setup required
setup-required-text = This Kairos instance has not been set up yet.
setup-required-where = The administrator finds the one-time setup link in the output of `kairos serve` or in its log (for a system install: `journalctl -u kairos`).
setup-required-valid = The link is valid for 30 minutes; restarting Kairos prints a fresh one.
setup-link-invalid = This setup link is not valid
setup-link-invalid-title = Setup link not valid
setup-link-invalid-why = It may have expired (links last 30 minutes), been used already, or been copied incompletely.
setup-link-invalid-what = Restart Kairos to print a fresh setup link, and open it within 30 minutes.
setup-welcome = Welcome to Kairos
setup-welcome-text = Create the owner account. It administers this instance and can invite everyone else.
setup-password-hint = At least 12 characters. A few unrelated words make a strong one.
setup-password-repeat = Repeat the password
setup-create-account = Create account and continue
setup-organization = Your organization
setup-organization-text = These appear on booking pages and in messages. You can change them later.
setup-organization-name = Organization name
setup-public-address-hint = The URL people use to reach this instance, such as https://book.example.org.
setup-first-day = First day of the week
setup-installation = What kind of installation is this?
setup-installation-hint = Kairos signs people out after a while without activity: soon where others may see the screen, later on a computer of one's own. Administrators can change it later.
setup-installation-kind = Kind of installation
setup-installation-shared = A practice or clinic: screens that others may see or use
setup-installation-office = A team: everyone at a computer of their own
setup-installation-personal = Just me, on a computer of my own
setup-signed-out-after = signed out after { $minutes ->
        [60] 1 hour
        [240] 4 hours
        [480] 8 hours
       *[other] { $minutes } minutes
    }
setup-finish = Finish setup
setup-email-text = Kairos emails confirmations, requests and changes to the people who book and to hosts. Enter your mail server now, or skip this and do it later under Administration → Email.
setup-save-finish = Save and finish
setup-skip = Skip for now
