-- The language a person reads the dashboard and their emails in, as the tag of one of
-- Kairos's languages (`de`, `pt-BR`); NULL follows the instance's default language.
ALTER TABLE users ADD COLUMN language TEXT CHECK (language IS NULL OR length(language) BETWEEN 2 AND 12);
