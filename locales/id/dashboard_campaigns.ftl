## Dashboard: outreach campaigns ("Kampanye").

dash-nav-campaigns = Kampanye
dash-forbidden-title = Tidak diizinkan
dash-forbidden = Peran akun Anda tidak bisa membuka halaman ini. Hubungi admin bila Anda seharusnya bisa.

dash-camp-title = Kampanye
dash-camp-new = Kampanye baru
dash-camp-new-title = Kampanye baru
dash-camp-none = Belum ada kampanye.
dash-camp-back = Kembali ke daftar kampanye
dash-camp-name = Nama kampanye
dash-camp-state = Keadaan
dash-camp-starts = Mulai
dash-camp-recipients = { $count } penerima

dash-camp-state-draft = Draf
dash-camp-state-scheduled = Terjadwal
dash-camp-state-running = Sedang dikirim
dash-camp-state-paused = Dijeda
dash-camp-state-cancelled = Dibatalkan
dash-camp-state-done = Selesai

## The form

dash-camp-message = Pesan
dash-camp-body = Isi pesan
dash-camp-image = Gambar (alamat https, boleh kosong)
dash-camp-button = Tombol untuk mulai cek (boleh kosong)
dash-camp-button-example = Cek sekarang
dash-camp-audience = Sasaran
dash-camp-region-hint = Kode provinsi atau kab/kota, misalnya 35 (Jawa Timur) atau 35.15. Kosong: seluruh Indonesia.
dash-camp-region-limited = Hanya di wilayah Anda: { $region }, atau kab/kota di dalamnya.
dash-camp-active-days = Aktif dalam … hari terakhir
dash-camp-any-hint = Yang tidak dicentang tidak membatasi: tanpa centang berarti semua.
dash-camp-channel-telegram = Telegram
dash-camp-channel-whatsapp = WhatsApp
dash-camp-timing = Waktu
dash-camp-zone = Zona waktu
dash-camp-quiet = Jam tenang
dash-camp-quiet-from = Jam tenang mulai
dash-camp-quiet-until = Jam tenang sampai
dash-camp-quiet-hint = Pada jam tenang (waktu setempat penerima) pengumuman ditahan, lalu dikirim sesudahnya. Kosongkan keduanya bila tidak ada jam tenang.
dash-camp-quiet-local = { $hours } waktu setempat penerima
dash-camp-quiet-none = tidak ada
dash-camp-template = Template WhatsApp
dash-camp-template-name = Nama template (nama atau nama:bahasa)
dash-camp-template-params = Parameter (pisahkan dengan |)
dash-camp-template-hint = Untuk penerima WhatsApp yang tidak menulis dalam 24 jam terakhir, WhatsApp hanya mengizinkan template yang sudah disetujui.
dash-camp-count = Hitung penerima
dash-camp-save-draft = Simpan draf
dash-camp-reach-now = Sasaran saat ini:

dash-camp-bad-region = "{ $value }" bukan kode daerah yang dikenal. Tulis kode provinsi atau kab/kota, misalnya 35 atau 35.15.
dash-camp-bad-choice = Pilihan "{ $value }" tidak dikenal. Muat ulang halaman lalu coba lagi.
dash-camp-bad-days = "{ $value }" bukan jumlah hari yang bisa dipakai (1 sampai 3650).
dash-camp-bad-zone = Pilih zona waktu: WIB, WITA atau WIT.
dash-camp-bad-quiet = Jam tenang tidak terbaca. Isi keduanya, misalnya 21:00 sampai 06:00.
dash-camp-bad-template = "{ $value }" bukan nama template WhatsApp: pakai huruf kecil, angka dan garis bawah, misalnya pendaftaran_sni atau pendaftaran_sni:id.
dash-camp-bad-time = Isi tanggal dan jam mulai, atau tekan "Mulai sekarang".

## One campaign

dash-camp-actions = Tindakan
dash-camp-test = Kirim uji coba
dash-camp-test-first = Kirim uji coba ke Telegram atau WhatsApp Anda sendiri dulu; sesudah itu kampanye bisa dijadwalkan.
dash-camp-start-at = Mulai pada
dash-camp-schedule = Jadwalkan
dash-camp-start-now = Mulai sekarang
dash-camp-pause = Jeda
dash-camp-resume = Lanjutkan
dash-camp-cancel = Batalkan
dash-camp-done-test = Uji coba sudah dikirim ke chat Anda yang terhubung.
dash-camp-done-scheduled = Kampanye dijadwalkan.
dash-camp-done-paused = Kampanye dijeda. Pesan yang belum terkirim ditahan.
dash-camp-done-resumed = Kampanye dilanjutkan.
dash-camp-done-cancelled = Kampanye dibatalkan. Pesan yang belum terkirim tidak akan dikirim.
dash-camp-tested = Uji coba
dash-camp-not-tested = belum
dash-camp-made-for = Dibuat untuk
dash-camp-national = seluruh Indonesia
dash-camp-code = Kode tautan
dash-camp-preview = Pratinjau pesan
dash-camp-image-alt = Gambar pengumuman
dash-camp-any = semua

## Results

dash-camp-results = Hasil
dash-camp-no-results = Belum ada penerima: hasil muncul setelah kampanye mulai.
dash-camp-funnel = Corong hasil kampanye
dash-camp-per-region = Hasil per daerah
dash-camp-total = Jumlah
dash-camp-no-lead = Tanpa data daerah
dash-camp-col-recipients = Penerima
dash-camp-col-sent = Terkirim
dash-camp-col-delivered = Sampai
dash-camp-col-read = Dibaca
dash-camp-col-started = Mulai cek
dash-camp-col-finished = Selesai cek
dash-camp-col-referred = Dirujuk
dash-camp-col-queued = Dalam antrean
dash-camp-col-waiting = Menunggu giliran
dash-camp-col-failed = Gagal
dash-camp-col-opted-out = Berhenti langganan
dash-camp-col-cancelled = Dibatalkan
