# Sign-in: refusals that protect the dashboard.
dash-login-too-long = Email atau kata sandi terlalu panjang. Periksa lagi yang Anda ketik.
dash-login-busy = Server sedang sibuk. Coba masuk lagi beberapa detik lagi.
dash-setup-used = Tautan ini sudah dipakai atau sudah kedaluwarsa. Jalankan ulang Pandu untuk mendapat tautan baru.
dash-setup-email-taken = Email ini sudah dipakai akun lain.
