-- The invitee's locale as a BCP 47 language tag (`en-US`, `de-DE`): from their browser's
-- languages or the API's `attendee.locale`. Messages to the invitee write dates and
-- times with that locale's clock and date order, and its language once Kairos speaks
-- more than one. NULL for bookings made before, or without a language given; a
-- rescheduled booking keeps the locale of the one it replaces.
ALTER TABLE bookings ADD COLUMN locale TEXT CHECK (locale IS NULL OR length(locale) BETWEEN 1 AND 35);
