# Staff management on the dashboard (admins) and the one-time password link.

dash-staff-intro-all = Semua akun petugas: admin, dinas, konsultan dan petugas sosialisasi. Setiap perubahan tercatat di log audit.
dash-staff-you = akun Anda
dash-staff-new-hint-link = Daerah wajib untuk dinas. Untuk petugas sosialisasi, daerah membatasi kampanyenya; kosong berarti seluruh Indonesia. Admin dan konsultan tidak memakai daerah (wilayah konsultan diatur di profilnya). Setelah akun dibuat, Anda mendapat tautan sekali pakai untuk pemilik akun, agar ia membuat kata sandinya sendiri.
dash-staff-new-missing = Akun tidak dibuat: nama dan email wajib diisi.
dash-staff-unknown-role = Peran "{ $value }" tidak dikenal.
dash-staff-unknown-region = "{ $value }" bukan kode daerah yang dikenal. Pakai kode seperti 35 (provinsi) atau 35.78 (kab/kota).
dash-staff-access-save = Simpan peran dan daerah
dash-staff-not-saved = { $name }: perubahan tidak disimpan. { $why }
dash-staff-last-admin = Ini satu-satunya admin aktif. Jadikan akun lain admin dulu.
dash-staff-own-account = Anda tidak bisa menonaktifkan akun sendiri. Minta admin lain.



dash-staff-password-link = Atur ulang kata sandi
dash-staff-link-title = Tautan kata sandi
dash-staff-link-created = Akun { $name } sudah dibuat.
dash-staff-link-for = Kirim tautan ini kepada { $name } ({ $email }) lewat jalur pribadi, misalnya chat langsung. Dengan tautan ini ia membuat kata sandinya sendiri:
dash-staff-link-expires = Berlaku sampai
dash-staff-link-once = Tautan hanya bisa dipakai sekali dan tidak ditampilkan lagi. Tautan sebelumnya untuk akun ini sudah tidak berlaku. Kata sandi lama masih bisa dipakai sampai tautan ini dipakai.

dash-pw-title = Buat kata sandi
dash-pw-intro = Halo, { $name }. Buat kata sandi untuk masuk ke dasbor Pandu dengan email { $email }. Minimal 12 karakter.
dash-pw-new = Kata sandi baru
dash-pw-repeat = Ulangi kata sandi
dash-pw-save = Simpan kata sandi
dash-pw-short = Kata sandi minimal 12 karakter.
dash-pw-mismatch = Kedua kata sandi tidak sama. Coba ketik lagi.
dash-pw-busy = Server sedang sibuk. Coba simpan lagi beberapa detik lagi.
dash-pw-dead-title = Tautan tidak berlaku
dash-pw-dead = Maaf, tautan ini sudah dipakai, sudah kedaluwarsa, atau sudah diganti tautan baru. Minta admin Pandu mengirim tautan baru.
