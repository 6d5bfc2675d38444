# Why a field was refused: the messages every form shares. A page shows them after the
# field's label ("Email is required"; see field-error in common.ftl).

error-required = is required
error-taken = is already taken; choose another
error-one-line = must be one line without control characters
error-whole-number = must be a whole number
error-text = must be text
error-true-or-false = must be true or false
error-password-mismatch = does not match the password
error-email = must be an email address such as name@example.org
error-time-zone = must be an IANA time zone such as Europe/Berlin or America/New_York
error-at-most-characters = must be at most { $max } characters
error-characters-between = must be { $min } to { $max } characters
error-between = must be between { $min } and { $max }
error-on-one-line = must be on one line
error-characters-long = must be { $min } to { $max } characters long

# Dates and instants from a form or a request.

error-date = must be a date such as 2026-03-30 (YYYY-MM-DD)
# $min, $max: years.
error-year = must lie between the years { $min } and { $max }
error-instant = must be an RFC 3339 instant such as 2026-03-30T09:00:00Z
error-whole-second = must be a whole second (Kairos keeps no fractions of a second)

# Numbers, choices and other values.

# $max: the largest number allowed.
error-at-most = must be at most { $max }
error-number = must be a number
error-phone = must be a phone number such as +1 555 0100
error-international-phone = must be a phone number in international form, such as +15551234567
# $choices: the values allowed, separated by commas.
error-one-of = must be one of: { $choices }
error-language = must be one of en, de, fr, es, pt-BR, nl or ar
error-slug = may only contain lowercase letters, digits and -, and must not start with -
error-member-or-admin = must be member or admin
error-json-object = must be a JSON object
error-invalid-link = invalid link

# Passwords.

# $min: the fewest characters a password has.
error-password-short = { $min ->
        [one] must be at least { $min } character long
       *[other] must be at least { $min } characters long
    }
# $max: the most bytes a password has.
error-password-long = { $max ->
        [one] must be at most { $max } byte long
       *[other] must be at most { $max } bytes long
    }
error-password-one-character = must not repeat a single character
error-password-common = is on the list of commonly used passwords; choose another

# Addresses Kairos does not connect to (webhook receivers, workflow steps, the SMS
# gateway).

outbound-invalid-url = is not a valid URL
# $scheme: the address's scheme, such as ftp.
outbound-scheme = must start with http:// or https:// (not { $scheme }://)
outbound-credentials = must not contain a user name or password
outbound-no-host = has no host
# $host: the host's name; $error: why it could not be resolved, as the system says it.
outbound-unresolved = has a host, { $host }, that cannot be resolved: { $error }
# What kind of address is refused. $refusal: its kind; for an IPv6 form that wraps an IPv4
# address, $wrapper: which form, and $ipv4: the address it wraps.
outbound-refusal = { $refusal ->
        [loopback] a loopback address
        [unspecified] an unspecified address
        [link-local] a link-local address
        [cloud-metadata] a cloud metadata address
        [multicast] a multicast address
        [broadcast] the broadcast address
        [documentation] an address reserved for documentation
        [benchmarking] an address reserved for benchmarking
        [private] a private network address (an administrator can allow those in the instance settings)
        [wrapped] { $wrapper ->
            [ipv4-compatible] an IPv4-compatible address wrapping { $ipv4 }
            [ipv4-translated] an IPv4-translated address wrapping { $ipv4 }
            [six-to-four] a 6to4 address wrapping { $ipv4 }
           *[teredo] a Teredo address wrapping { $ipv4 }
        }
       *[reserved] a reserved address
    }
# $target: the host, with the address it resolved to when that differs; the kind of
# address is outbound-refusal.
outbound-refused = points to { $target }, { outbound-refusal }; Kairos does not send there

# Dates and periods.

# $max: the most dates the list holds.
error-too-many-dates = { $max ->
        [one] must list at most { $max } date
       *[other] must list at most { $max } dates
    }
error-after-start = must be after the start
error-within-a-year = must be within a year of the start
# $max: the most days a range may span.
error-range-days = { $max ->
        [one] the range may span at most { $max } day
       *[other] the range may span at most { $max } days
    }

# Accounts, the first setup and the instance settings.

error-first-day = must be monday, sunday or saturday
error-time-format = must be 12 or 24
error-current-password = is not your current password
error-new-password-mismatch = does not match the new password
error-email-registered = already belongs to an account
error-setup-time-zone = must be an IANA time zone such as Europe/Berlin
error-installation = must be shared, office or personal
error-signup-mode = must be closed or invite
error-require-mfa = must be off, administrators or everyone
# $max: the most sites the list holds.
error-too-many-sites = { $max ->
        [one] may list at most { $max } site
       *[other] may list at most { $max } sites
    }
# $origin: the origin as typed, in quotes.
error-origin-scheme = { $origin } must start with https:// or http://
error-origin = { $origin } is not an origin such as https://www.example.org (no path)
# $min, $max: years.
error-retention-years = must be a whole number of years from { $min } to { $max }
# $max: the highest cap allowed.
error-hourly-cap = must be a whole number from 0 (no limit) to { $max }
# $choices: the numbers of minutes allowed, separated by commas.
error-idle-minutes = must be one of { $choices } minutes

# An administrator's sign-in app (Google, Microsoft, Zoom).

# $max: the most characters.
error-app-credential = { $max ->
        [one] must be one word of at most { $max } character, as the vendor shows it
       *[other] must be one word of at most { $max } characters, as the vendor shows it
    }
error-tenant = must be the directory (tenant) ID, a domain such as contoso.onmicrosoft.com, or common
error-username-characters = may only contain lowercase letters, digits, - and _, and must start with a letter or digit
error-username-reserved = is reserved; choose another
error-language-any = must be one of en, de, fr, es, pt-BR, nl, ar or en-XA
