# The dashboard's availability: schedules, their weekly editor and date overrides, and
# out-of-office time.

avail-title = Availability
avail-intro = When people can book you. Times are in each schedule's zone.
avail-empty-title = No schedules yet
avail-empty-text = Create one to say when you work.
avail-no-weekly-hours = No weekly hours
avail-default = Default
avail-edit = Edit
avail-new-schedule = New schedule
avail-name = Name
# An example of a schedule's name.
avail-name-placeholder = Evenings
avail-create = Create schedule
avail-ooo = Out of office
# $zone: the person's time zone, such as Europe/Berlin.
avail-ooo-intro = Days you are away, in your time zone ({ $zone }). No one can book you then.
avail-ooo-none = No time away planned.
avail-remove = Remove
avail-add-away = Add time away
avail-first-day = First day
avail-last-day = Last day
avail-note = Note (only you see it)
# An example of a note on time away.
avail-note-placeholder = Holiday
avail-add = Add
avail-error-before-first-day = must not be before the first day

# The schedule editor.
avail-not-saved = Not saved yet: press “Save changes” when you are done.
avail-schedule = Schedule
avail-time-zone = Time zone
avail-default-schedule = Default schedule
avail-default-hint = Used by event types that do not name a schedule.
avail-weekly = Weekly hours
# Labels read out by screen readers for a day's time ranges. $day: the weekday's name;
# $n: the range's number on that day.
avail-range-start = { $day } range { $n } start
avail-range-end = { $day } range { $n } end
avail-remove-range = Remove { $day } range { $n }
avail-add-hours = + Add hours
avail-copy-to-all = Copy to all days
avail-unavailable = Unavailable
avail-weekly-hint = Tick a day and save to add its hours. A range that ends before it starts runs past midnight.
avail-overrides = Date overrides
avail-overrides-hint = Different hours, or none, on single dates.
avail-date = Date
avail-from = From
avail-until = Until
avail-off-all-day = Unavailable all day
# Before why a date override was refused.
avail-override = Override
avail-no-overrides = No overrides.
avail-add-override = + Add an override
avail-back = Back
avail-save = Save changes
avail-delete-title = Delete this schedule
avail-delete-text = Event types using it fall back to your default schedule.
avail-delete-confirm = Delete this schedule?
avail-delete = Delete schedule
# Why a day's hours or a date override were refused; shown after the day's name or
# "Override".
avail-error-range = has a time range that is not valid: give a start and an end such as 09:00 and 17:00, not equal
avail-error-needs-date = needs a date
# A sentence of its own, above the form.
avail-error-overrides = The date overrides are not valid: give each date a start and an end such as 09:00 and 17:00.

# Why a schedule was refused.

avail-error-keep-default = make another schedule the default instead
avail-error-delete-default = the default schedule cannot be deleted; make another schedule the default first
