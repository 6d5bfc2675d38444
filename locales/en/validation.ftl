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
