-- Why round robin chose a host for a booking (see availability::round_robin::why_chosen):
-- 'only_free', 'priority', 'fewest_bookings', 'least_recent', 'tie' or 'kept' (a reschedule
-- kept the host). NULL for hosts that attend every booking and bookings made before.
ALTER TABLE booking_hosts ADD COLUMN chosen_because TEXT;
