# Staff management on the dashboard (admins) and the one-time password link.

dash-staff-intro-all = Every staff account: admins, dinas, consultants and outreach officers. Every change is written to the audit log.
dash-staff-you = your account
dash-staff-new-hint-link = A dinas account needs a region. For an outreach officer the region limits their campaigns; empty means all of Indonesia. Admins and consultants have no region (a consultant's coverage is set in their profile). Once the account exists you get a one-time link for its owner, who sets their own password with it.
dash-staff-new-missing = The account was not created: name and email are required.
dash-staff-unknown-role = The role "{ $value }" is unknown.
dash-staff-unknown-region = "{ $value }" is not a known region code. Use a code like 35 (province) or 35.78 (regency).
dash-staff-access-save = Save role and region
dash-staff-not-saved = { $name }: the change was not saved. { $why }
dash-staff-last-admin = This is the only active admin. Make another account an admin first.
dash-staff-own-account = You cannot disable your own account. Ask another admin.



dash-staff-password-link = Reset password
dash-staff-link-title = Password link
dash-staff-link-created = The account of { $name } was created.
dash-staff-link-for = Send this link to { $name } ({ $email }) privately, for example in a direct chat. With it they set their own password:
dash-staff-link-expires = Valid until
dash-staff-link-once = The link works once and is not shown again. Any earlier link for this account no longer works. The old password keeps working until this link is used.

dash-pw-title = Set your password
dash-pw-intro = Hello, { $name }. Set a password to sign in to the Pandu dashboard with the email { $email }. At least 12 characters.
dash-pw-new = New password
dash-pw-repeat = Repeat the password
dash-pw-save = Save password
dash-pw-short = The password needs at least 12 characters.
dash-pw-mismatch = The two passwords differ. Please type them again.
dash-pw-busy = The server is busy. Try saving again in a few seconds.
dash-pw-dead-title = This link no longer works
dash-pw-dead = Sorry, this link was already used, has expired, or was replaced by a newer one. Ask a Pandu admin for a new link.
