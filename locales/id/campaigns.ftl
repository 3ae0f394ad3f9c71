## Notices: opting out and in

unsubscribe-ok = Baik, Pandu tidak akan mengirim pengumuman lagi ke Anda. Data pengecekan Anda tetap tersimpan; untuk menghapusnya ketik /hapus. Kalau ingin menerima pengumuman lagi, ketik /langganan.
unsubscribe-none = Baik, Pandu tidak akan mengirim pengumuman ke Anda. Tidak ada data Anda yang tersimpan di sini.
subscribe-ok = Terima kasih! Anda akan menerima pengumuman lagi dari Pandu, misalnya pendaftaran SNI Bina UMK. Untuk berhenti, ketik /berhenti.
subscribe-needs-consent = Pengumuman hanya dikirim kepada yang sudah setuju datanya disimpan.

## Follow-ups

followup-nib = Halo lagi dari Pandu. Seminggu lalu Anda perlu mengurus NIB (Nomor Induk Berusaha, nomor izin usaha dari OSS). Apakah NIB Anda sudah terbit? Kalau sudah, tekan tombol di bawah untuk cek ulang.
btn-followup-recheck = Sudah, cek ulang
followup-unfinished = Halo, pengecekan SNI Anda belum selesai. Balas pesan ini kapan saja untuk melanjutkan dari pertanyaan terakhir. Tidak ingin diingatkan? Ketik /berhenti.

## Campaign errors (dashboard)

campaign-error-name = Beri nama kampanye (paling banyak 120 huruf).
campaign-error-body = Isi pesan kosong atau lebih dari 1.024 huruf.
campaign-error-image = Alamat gambar harus diawali https://.
campaign-error-button = Tulisan tombol 1 sampai 20 huruf.
campaign-error-region = Sasaran kampanye di luar wilayah Anda.
campaign-error-template-missing = WhatsApp termasuk sasaran: isi nama template WhatsApp yang sudah disetujui, untuk penerima yang tidak menulis dalam 24 jam terakhir.
campaign-error-template = Template WhatsApp tidak bisa dipakai: { $why }
campaign-error-not-tested = Kirim uji coba ke nomor Anda sendiri dulu sebelum memulai.
campaign-error-no-test-chat = Sambungkan dulu Telegram atau WhatsApp Anda supaya uji coba bisa dikirim ke sana: minta kode sambung kepada admin (halaman Petugas), lalu kirim kode itu ke Pandu.
campaign-error-past = Waktu mulai sudah lewat.
campaign-error-state = Kampanye ini tidak bisa diubah begitu dalam keadaannya sekarang.
campaign-error-not-found = Kampanye tidak ditemukan.
