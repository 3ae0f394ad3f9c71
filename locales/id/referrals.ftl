## Referrals to consultants: what consultants, dinas officers and owners read about them.

label-outcome-wajib-sni-lspro = Wajib SNI, lewat LSPro
label-outcome-bukan-umk-sppt = Di atas skala kecil, jalur SPPT SNI
label-outcome-perlu-nib = Perlu NIB dulu
label-outcome-belum-ada-sni = Belum ada SNI untuk produk ini
label-outcome-perlu-cek-petugas = SNI produk perlu dicek petugas
label-outcome-risiko-bukan-rendah = Risiko usaha bukan rendah
label-outcome-siapkan-label = Hampir siap, label perlu disiapkan
label-outcome-siap-bina-umk = Siap mengajukan SNI Bina UMK
label-reason-product-mandatory = produk wajib SNI
label-reason-no-sni-for-product = belum ada SNI produk
label-reason-sni-not-known = SNI belum pasti
label-reason-scale-too-large = skala di atas usaha kecil
label-reason-no-nib = belum punya NIB
label-reason-nib-unknown = belum tahu soal NIB
label-reason-risk-not-low = risiko bukan rendah
label-reason-label-missing = kemasan belum berlabel
label-reason-not-willing-yet = belum siap dibina
label-reason-permit-expired = izin edar habis
label-reason-requirements-met = syarat terpenuhi

referral-notice = Rujukan baru untuk Anda dari Pandu.
    Usaha: { $business } ({ $region })
    Produk: { $product }
    Hasil: { $outcome }
    Dokumen: { $received } dari { $total } diterima
    Detail: { $link }

    Mohon jawab dalam { $hours } jam. Kalau tidak ada jawaban, rujukan pindah ke konsultan lain.
referral-reminder = Pengingat: rujukan { $business } masih menunggu jawaban Anda. Sisa waktu sekitar { $hours } jam.
    Detail: { $link }
btn-referral-accept = Terima
btn-referral-decline = Tolak
referral-ask-reason = Boleh tahu kenapa rujukan ini ditolak? Pilih salah satu.
btn-decline-full = Sedang penuh
btn-decline-area = Di luar wilayah saya
btn-decline-field = Bukan bidang saya
btn-decline-other = Alasan lain
referral-accepted-thanks = Terima kasih! Rujukan { $business } sekarang Anda pegang. Pemiliknya sudah kami kabari. Nomor dan dokumennya ada di dashboard: { $link }
referral-declined-thanks = Terima kasih atas jawabannya. Rujukan ini kami teruskan ke konsultan lain.
referral-too-late = Rujukan ini sudah tidak menunggu jawaban Anda (sudah dijawab, lewat waktu, atau pindah).
referral-not-found = Rujukan ini tidak ditemukan untuk akun Anda.
referral-escalated = Perlu perhatian: rujukan { $business } ({ $region }) belum diterima konsultan setelah { $tries } kali ditawarkan. Mohon dibantu carikan pendamping.
    Detail: { $link }

staff-linked = Akun petugas { $name } sudah tersambung. Rujukan baru akan dikirim ke chat ini.
staff-link-invalid = Kode sambung tidak berlaku atau sudah dipakai. Minta kode baru ke admin Pandu.
staff-not-linked = Chat ini belum tersambung dengan akun petugas. Kirim kode sambung dari admin, misalnya: link ABCD2345
staff-unlinked = Chat ini sudah dilepas dari akun petugas. Rujukan Anda yang belum dijawab kami teruskan ke konsultan lain.
staff-no-open-referrals = Saat ini tidak ada rujukan yang menunggu jawaban Anda.
staff-several-open = Ada { $count } rujukan yang menunggu. Silakan pakai tombol Terima atau Tolak di pesan rujukannya.
staff-help = Ini chat petugas Pandu. Rujukan yang menunggu jawaban Anda: { $count }. Semua rujukan Anda: { $link }
    Ketik "lepas" untuk melepas chat ini dari akun Anda.

owner-referral-accepted = Kabar baik! { $consultant } dari { $organisation } siap mendampingi Anda untuk SNI.
owner-referral-how-phone = Beliau akan menghubungi Anda di nomor { $phone }.
owner-referral-how-contact = Anda juga bisa menghubungi beliau: { $contact }.
owner-referral-how-chat = Beliau akan menghubungi Anda lewat dinas setempat. Kalau ada nomor HP yang bisa dihubungi, kirim saja di sini.
status-referral-waiting = Rujukan: menunggu konsultan. Kami kabari begitu ada yang menerima.
status-referral-accepted = Rujukan: diterima oleh { $consultant } dari { $organisation }.
