## The dashboard's frame, home pages and lead page (src/web/home, src/web/leads).

dash-when = { $date } { $time } { $zone }
dash-day = { $date }
dash-lang-id = Bahasa Indonesia
dash-lang-en = English
dash-lang = Bahasa

## The questions as staff read them above the owner's answers.
asked-province = Provinsi
asked-regency = Kabupaten/kota
asked-business-name = Nama usaha
asked-owner-name = Nama pemilik
asked-phone = Nomor HP/WhatsApp
asked-category = Jenis produk
asked-product = Produk utama
asked-omzet = Omzet per tahun
asked-modal = Modal usaha (tanpa tanah dan bangunan)
asked-nib = Sudah punya NIB?
asked-risk = Tingkat risiko di OSS
asked-site = Tempat produksi
asked-izin-edar = Izin edar yang dimiliki
asked-halal = Sertifikat halal?
asked-merek = Merek terdaftar di DJKI?
asked-label = Kemasan berlabel lengkap?
asked-willing = Bersedia dibina dan produk diuji?
asked-goal = Tujuan mengurus SNI

## Home pages.
dash-home = Hari ini
dash-home-region = Wilayah: { $region }
dash-home-all = Semua wilayah
dash-home-new = Pelaku usaha baru sejak kemarin
dash-home-ready = Siap mengajukan SNI Bina UMK
dash-home-need-nib = Masih perlu NIB
dash-home-waiting-referrals = Rujukan menunggu konsultan
dash-home-open-questions = Pertanyaan pemilik belum dijawab
dash-home-offers = Rujukan untuk Anda, menunggu jawaban
dash-home-assigned = Pelaku usaha yang Anda dampingi
dash-home-none-assigned = Belum ada pelaku usaha yang ditugaskan kepada Anda.
dash-home-health = Kesehatan sistem
dash-home-queue = Antrean pesan keluar
dash-home-queue-waiting = Menunggu dikirim
dash-home-queue-held = Menunggu pemilik membuka percakapan
dash-home-failed = Gagal terkirim (24 jam terakhir)
dash-home-last-inbound = Pesan masuk terakhir
dash-home-never = belum pernah
dash-home-open = Buka daftar

## The lead page.
dash-answers-asked = Jawaban pemilik
dash-outcome-why = { $outcome }: { $why }
dash-doc-image = Foto
dash-doc-pdf = Dokumen PDF

## Where unfinished conversations stopped (the funnel).
dash-step-consent = Persetujuan data
dash-step-review = Memeriksa jawaban
dash-step-documents = Mengirim dokumen
dash-step-done = Selesai
dash-col-lead = Pelaku usaha
dash-col-scale = Skala usaha
dash-waiting = Menunggu
