-- Questions the owner asked that the knowledge base could not answer, for staff (JSON array
-- of {text, at}).
ALTER TABLE leads ADD COLUMN owner_questions TEXT NOT NULL DEFAULT '[]';
