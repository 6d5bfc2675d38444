-- What a host shows on their public page and how they like to read dates and times.
ALTER TABLE users ADD COLUMN bio TEXT NOT NULL DEFAULT '';
-- 'monday', 'sunday' or 'saturday'; NULL follows the instance setting.
ALTER TABLE users ADD COLUMN first_day_of_week TEXT
    CHECK (first_day_of_week IS NULL OR first_day_of_week IN ('monday', 'sunday', 'saturday'));
ALTER TABLE users ADD COLUMN time_format INTEGER NOT NULL DEFAULT 24 CHECK (time_format IN (12, 24));
