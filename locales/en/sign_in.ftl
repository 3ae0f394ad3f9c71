# Sign-in: refusals that protect the dashboard.
dash-login-too-long = The email or password is too long. Please check what you typed.
dash-login-busy = The server is busy. Try signing in again in a few seconds.
dash-setup-used = This link was already used or has expired. Restart Pandu for a new link.
dash-setup-email-taken = This email is already used by another account.
