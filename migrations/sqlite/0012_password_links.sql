-- One-time links an admin gives a staff member to set their own password (a new account,
-- or a reset); who issued it is in the audit log. Only the token's SHA-256 is stored. One
-- link per account: issuing a new one replaces the old, and using it deletes it.
CREATE TABLE password_links (
    staff_id   INTEGER PRIMARY KEY REFERENCES staff (id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);
