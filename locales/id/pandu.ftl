# Pandu — Bahasa Indonesia. Short, warm, plain words, "Anda", one question per message.
# Every id here must also exist in locales/en/pandu.ftl (a test checks it).

## Greeting and consent (UU No. 27 Tahun 2022 tentang Pelindungan Data Pribadi)

greeting = Halo, selamat datang! Saya Pandu, asisten dinas untuk UMKM.
    Saya bantu cek apakah produk Anda bisa mendapat SNI (Standar Nasional Indonesia, tanda mutu resmi dari BSN), dan langkah apa yang cocok untuk usaha Anda.
    Boleh bertanya kapan saja. For English, type /bahasa en.
consent-ask = Sebelum mulai, kami minta izin Anda dulu.
    • Untuk apa: menilai kesiapan produk Anda untuk SNI dan menghubungkan Anda dengan pendamping.
    • Yang dicatat: daerah, nama usaha, nama Anda, nomor HP, jawaban Anda, dan foto/dokumen yang Anda kirim.
    • Yang bisa melihat: dinas di daerah Anda, konsultan PLUT-KUMKM (pusat layanan UMKM), dan KLT BSN (kantor BSN di daerah).
    • Disimpan paling lama { $months } bulan.
    • Hak Anda: melihat data (/status), mengubah jawaban (/kembali), dan menghapus semua data (/hapus) kapan saja.

    Apakah Anda setuju?
btn-agree = Setuju
btn-decline = Tidak setuju
consent-thanks = Terima kasih. Kita mulai, ya.
consent-declined = Baik, tidak apa-apa. Kami tidak menyimpan data Anda.
    Kalau berubah pikiran, kirim pesan apa saja untuk mulai lagi.
nothing-stored = Tidak ada data Anda yang tersimpan di sini. Kirim "halo" kalau ingin mulai.

## Region

ask-province = Di provinsi mana usaha Anda?
    Ketik namanya (contoh: Jawa Timur) atau pilih dari daftar.
ask-regency = Di kabupaten/kota mana di { $province }?
    Ketik namanya atau pilih dari daftar.
ask-region-pick = Ada beberapa daerah dengan nama itu. Yang mana?

## Business and owner

ask-business-name = Apa nama usaha Anda?
ask-owner-name = Siapa nama Anda (pemilik usaha)?
ask-phone = Berapa nomor HP/WhatsApp yang bisa dihubungi petugas?
    Contoh: 0812 3456 7890
btn-share-contact = Bagikan nomor saya
btn-skip-phone = Lewati

## Product

ask-category = Produk utama Anda termasuk jenis apa?
ask-product = Apa produk Anda?
    Ketik namanya (contoh: gula aren cetak) atau pilih dari daftar.
ask-product-pick = Produk Anda yang mana?
ask-product-confirm = Produk Anda: { $product }. Benar?
ask-product-type = Silakan ketik nama produk Anda. Contoh: keripik singkong balado.
ask-product-retype = Baik. Coba ketik nama produk Anda dengan kata lain.
ask-product-unlisted = Mau ketik ulang nama produknya, atau lanjut saja? Kalau lanjut, petugas akan mengecek SNI-nya untuk Anda.
product-not-found = Maaf, "{ $product }" belum ada di daftar SNI kami.
btn-not-listed = Tidak ada di daftar
btn-type-again = Ketik ulang
btn-continue = Lanjut saja
product-found-wajib = Produk Anda termasuk { $sni } { $title }. SNI ini WAJIB: produk harus bersertifikat SNI sebelum dijual.
product-found-wajib-unconfirmed = Produk Anda kemungkinan termasuk { $sni } { $title }, dan SNI ini WAJIB. Petugas akan memastikannya.
product-found-wajib-various = Produk Anda ({ $product }) termasuk produk yang WAJIB SNI. Nomor SNI-nya tergantung jenis produk, petugas akan membantu mengecek.
product-found-sukarela = Produk Anda termasuk { $sni } { $title }, sukarela (tidak wajib, tapi bisa diajukan).
product-found-sukarela-unconfirmed = Produk Anda kemungkinan termasuk { $sni } { $title }, sukarela. Nomor SNI ini akan dicek ulang oleh petugas.
product-found-sukarela-various = Untuk { $product } ada SNI sukarela (tidak wajib). Nomor SNI-nya tergantung jenis produk; petugas akan membantu mengecek.
product-found-no-sni = Untuk { $product } belum ada SNI produk.
product-found-unknown-sni = Kami belum tahu pasti SNI untuk { $product }. Petugas akan mengeceknya.
## Scale (PP No. 7 Tahun 2021)

ask-omzet = Berapa kira-kira omzet (hasil penjualan) usaha Anda per tahun?
    Boleh ketik angkanya, misalnya "150 juta" atau "2 juta sebulan".
ask-modal = Karena omzetnya belum diketahui: berapa kira-kira modal usaha Anda (tidak termasuk tanah dan bangunan)?
    Misalnya "300 juta" atau "1,5 M".
btn-upto = Sampai Rp{ $max } miliar
btn-between = Rp{ $min }–{ $max } miliar
btn-above = Di atas Rp{ $min } miliar
btn-unknown = Tidak tahu

## Permits

ask-nib = Apakah usaha Anda sudah punya NIB (Nomor Induk Berusaha) dari OSS, sistem perizinan online pemerintah?
btn-nib-yes = Sudah punya
btn-nib-no = Belum
ask-risk = Di OSS, tingkat risiko usaha Anda apa?
    (Tertulis di dokumen NIB Anda.)
btn-risk-rendah = Rendah
btn-risk-menengah-rendah = Menengah rendah
btn-risk-menengah-tinggi = Menengah tinggi
btn-risk-tinggi = Tinggi
ask-site = Di mana produk Anda dibuat?
btn-site-rumah = Di rumah, alat sederhana
btn-site-terpisah = Tempat khusus/mesin
ask-izin-edar = Izin edar apa yang sudah Anda punya?
btn-izin-belum = Belum ada
btn-izin-pirt = P-IRT
btn-izin-md = BPOM MD
ask-halal = Apakah produk Anda sudah bersertifikat halal?
ask-merek = Apakah merek produk Anda sudah didaftarkan ke DJKI (kantor merek pemerintah)?
btn-sudah = Sudah
btn-proses = Sedang proses
btn-belum = Belum
ask-label = Apakah kemasan produk sudah berlabel lengkap?
    (Nama produk, komposisi, berat bersih, nama dan alamat pembuat, tanggal kedaluwarsa.)
ask-label-not-food = Apakah produk atau kemasannya sudah berlabel lengkap?
    (Nama produk, merek, ukuran atau bahan, nama dan alamat pembuat.)
btn-label-lengkap = Ya, lengkap
btn-label-sebagian = Sebagian
btn-label-belum = Belum
ask-willing = Apakah Anda bersedia dibina petugas dan produknya diuji di laboratorium?
btn-willing-yes = Ya, bersedia
btn-willing-no = Belum
ask-goal = Apa tujuan utama Anda mengurus SNI?
btn-goal-lokal = Pasar lokal
btn-goal-ritel = Toko modern/e-katalog
btn-goal-ekspor = Ekspor
btn-goal-pembeli = Diminta pembeli

btn-yes = Ya
btn-no = Bukan
btn-prev = ‹ Sebelumnya
btn-next = Berikutnya ›

## Outcome

outcome-wajib-sni-lspro = Hasil: produk Anda WAJIB SNI, jadi perlu sertifikat dari LSPro (lembaga sertifikasi produk).
outcome-bukan-umk-sppt = Hasil: usaha Anda sudah di atas skala usaha kecil, jadi jalurnya SPPT SNI (sertifikat SNI untuk produk) lewat LSPro, bukan SNI Bina UMK.
outcome-siap-bina-umk-if-low-risk = Hasil: Anda kemungkinan siap mengajukan SNI Bina UMK, asal tingkat risiko usaha Anda di OSS rendah. Petugas akan mengeceknya.
outcome-perlu-nib = Hasil: Anda perlu NIB dulu. Setelah NIB jadi, kita cek lagi.
outcome-belum-ada-sni = Hasil: untuk produk ini belum ada SNI.
outcome-perlu-cek-petugas = Hasil: SNI untuk produk Anda perlu dicek dulu oleh petugas.
outcome-risiko-bukan-rendah = Hasil: tingkat risiko usaha Anda bukan rendah, jadi perlu konsultasi dengan dinas atau KLT BSN dulu.
outcome-siapkan-label = Hasil: Anda hampir siap. Ada yang perlu disiapkan dulu sebelum mengajukan SNI Bina UMK.
outcome-siap-bina-umk = Hasil: Anda siap mengajukan SNI Bina UMK! Ini jalur SNI untuk usaha mikro dan kecil berisiko rendah, dengan pendampingan dan biasanya difasilitasi pemerintah (petugas akan memastikan).
reason-product-mandatory = • { $product } termasuk produk wajib SNI. Untuk produk wajib SNI, sertifikatnya biasanya lewat LSPro; petugas akan memastikan jalurnya.
reason-no-sni = • Belum ada SNI produk untuk { $product }.
reason-sni-not-known = • Kami belum bisa memastikan SNI untuk { $product }.
reason-scale-too-large = • Dari omzet atau modal yang Anda sebut, usaha Anda termasuk { $scale ->
        [menengah] usaha menengah
        [besar] usaha besar
       *[other] di atas usaha kecil
    }.
reason-no-nib = • Usaha Anda belum punya NIB. NIB adalah syarat pertama semua izin, termasuk SNI Bina UMK.
reason-nib-unknown = • Anda belum tahu apakah usaha sudah punya NIB. NIB adalah syarat pertama semua izin.
reason-risk-not-low = • SNI Bina UMK hanya untuk usaha dengan risiko rendah di OSS.
reason-label-missing = • Kemasan produk belum berlabel.
reason-not-willing = • Anda belum siap dibina dan produknya diuji.
reason-requirements-met = • Produk Anda punya SNI sukarela, sudah punya NIB, dan Anda siap dibina. { $scale ->
        [unknown] Skala usaha Anda masih perlu dipastikan petugas.
       *[other] Usaha Anda termasuk skala mikro/kecil.
    }
next-wajib-sni-lspro = Langkah berikutnya: petugas Disperindag (dinas perindustrian dan perdagangan) atau KLT BSN akan membantu Anda memilih LSPro dan menyiapkan uji produk. Biaya sertifikasi dibayar ke LSPro.
next-bukan-umk-sppt = Langkah berikutnya: ajukan SPPT SNI ke LSPro yang terakreditasi KAN (Komite Akreditasi Nasional). Petugas bisa membantu memilih LSPro.
next-perlu-nib = Langkah berikutnya: buat NIB gratis di oss.go.id. Siapkan: KTP (NIK), email, nomor HP/WA, alamat lengkap dengan kode pos, dan NPWP kalau ada.
    Petugas dinas atau PLUT-KUMKM bisa membantu. Setelah NIB jadi, tekan "Cek ulang" (atau ketik /ulang).
next-belum-ada-sni = Langkah berikutnya: lengkapi yang belum ada, yaitu NIB, izin edar (kalau pangan), halal, dan merek. Dinas bisa mengusulkan SNI baru untuk produk ini ke BSN.
next-perlu-cek-petugas = Langkah berikutnya: petugas dinas atau KLT BSN akan mengecek SNI untuk produk Anda dan menghubungi Anda.
next-risiko-bukan-rendah = Langkah berikutnya: konsultasikan dengan dinas atau KLT BSN. Pilihannya antara lain Sertifikat Standar (izin tambahan di OSS) atau SPPT SNI sukarela lewat LSPro.
next-siapkan-label = Langkah berikutnya: lengkapi label kemasan dan siapkan diri untuk pendampingan. Setelah siap, tekan "Cek ulang". Petugas juga bisa membantu.
next-siap-bina-umk = Langkah berikutnya: di OSS, pilih jalur SNI Bina UMK untuk produk Anda. Petugas dinas akan mendampingi sampai uji produk. Masa berlaku dan tata cara tanda SNI dikonfirmasi oleh pembina/KLT BSN.

month-1 = Januari
month-2 = Februari
month-3 = Maret
month-4 = April
month-5 = Mei
month-6 = Juni
month-7 = Juli
month-8 = Agustus
month-9 = September
month-10 = Oktober
month-11 = November
month-12 = Desember

notes-title = Catatan untuk Anda:
note-bpom-md-not-pirt = • Pangan wajib SNI juga perlu izin edar BPOM MD, bukan P-IRT.
note-izin-edar-pirt = • Produk pangan Anda perlu izin edar. Karena dibuat di rumah, kemungkinan jalurnya P-IRT (izin pangan industri rumah tangga) dari pemda, lewat DPMPTSP (kantor layanan perizinan pemda).
note-izin-edar-md = • Produk pangan Anda perlu izin edar BPOM MD, karena dibuat di tempat khusus atau dengan mesin.
note-izin-edar-segar = • Hasil tani/laut segar atau kering tidak memakai P-IRT. Pendaftarannya lewat jalur pangan segar (Kementan/KKP).
note-verify-risk = • Tingkat risiko usaha Anda di OSS perlu dicek petugas, karena SNI Bina UMK hanya untuk risiko rendah.
note-scale-unknown = • Omzet dan modal belum diketahui. Petugas akan menanyakan lagi untuk memastikan skala usaha.
note-label-partial = • Label kemasan belum lengkap. Pastikan ada nama produk, komposisi, berat bersih, nama dan alamat pembuat, dan tanggal kedaluwarsa.
note-sppt-option = • Untuk ekspor atau toko modern, Anda juga bisa mengajukan SPPT SNI lewat LSPro nanti.
note-halal-required = • Sejak { $date }, makanan dan minuman dari UMK wajib bersertifikat halal. { $self_declare ->
        [yes] Mungkin bisa lewat jalur pernyataan mandiri (self-declare) yang gratis, di SIHALAL.
       *[other] Petugas bisa membantu memilih jalurnya.
    }
note-halal-deadline = • Paling lambat { $date }, makanan dan minuman dari UMK wajib bersertifikat halal. { $self_declare ->
        [yes] Mungkin bisa lewat jalur pernyataan mandiri (self-declare) yang gratis, di SIHALAL.
       *[other] Petugas bisa membantu memilih jalurnya.
    }
note-halal-non-umk = • Untuk usaha menengah dan besar, sertifikat halal makanan dan minuman sudah wajib sejak { $date }. Petugas bisa membantu mengurusnya.
note-merek = • Daftarkan merek Anda ke DJKI (merek.dgip.go.id). Dengan surat keterangan UMK dari dinas, biayanya lebih murah.

## Documents

docs-intro = Sekarang kita siapkan dokumennya ({ $total } jenis). Kirim foto atau PDF satu per satu. Kalau belum punya, tekan "Belum punya".
doc-ask-nib = Dokumen { $n } dari { $total }: kirim foto atau PDF NIB Anda.
doc-ask-foto-produk = Dokumen { $n } dari { $total }: kirim foto produk Anda.
doc-ask-label-depan = Dokumen { $n } dari { $total }: kirim foto label kemasan bagian depan.
doc-ask-label-belakang = Dokumen { $n } dari { $total }: kirim foto label kemasan bagian belakang.
doc-ask-tempat-produksi = Dokumen { $n } dari { $total }: kirim foto tempat Anda membuat produk.
doc-ask-proses-produksi = Dokumen { $n } dari { $total }: kirim uraian cara membuat produk (foto tulisan tangan juga boleh).
doc-ask-izin-edar = Dokumen { $n } dari { $total }: kirim foto sertifikat P-IRT atau BPOM MD Anda.
doc-ask-halal = Dokumen { $n } dari { $total }: kirim foto sertifikat halal Anda.
doc-ask-merek = Dokumen { $n } dari { $total }: kirim foto sertifikat merek atau bukti pendaftarannya.
btn-doc-skip = Belum punya
btn-doc-later = Kirim nanti
doc-received = Terima kasih, { $item ->
        [nib] NIB
        [foto_produk] foto produk
        [label_depan] label depan
        [label_belakang] label belakang
        [tempat_produksi] foto tempat produksi
        [proses_produksi] uraian proses produksi
        [izin_edar] izin edar
        [halal] sertifikat halal
        [merek] dokumen merek
       *[other] dokumen
    } sudah kami terima.
documents-not-yet = Dokumen diminta setelah semua pertanyaan selesai.
documents-complete = Semua dokumen sudah lengkap. Terima kasih!
file-not-now = Terima kasih. Dokumen akan kami minta nanti, setelah pertanyaan selesai. Sekarang, jawab pertanyaan ini dulu, ya.
file-too-large = Maaf, berkasnya terlalu besar. Batasnya { $limit } MB. Coba kirim foto biasa (bukan "file asli") atau PDF yang lebih kecil.
file-not-allowed = Maaf, jenis berkas itu tidak bisa kami terima. Kirim foto (JPG/PNG) atau PDF, ya.
file-empty = Maaf, berkasnya kosong. Coba kirim lagi.

## Summary and end

summary-title = Ringkasan data Anda:
summary-details = • Usaha: { $business }
    • Pemilik: { $owner }
    • Daerah: { $region }
    • HP: { $phone }
    • Produk: { $product } (SNI: { $sni })
    • Skala: { $scale ->
        [mikro] usaha mikro
        [kecil] usaha kecil
        [menengah] usaha menengah
        [besar] usaha besar
       *[other] belum diketahui
    }
summary-documents = Dokumen diterima: { $received } dari { $total }.
done-menu = Data Anda sudah kami terima dan akan diteruskan ke petugas. Ketik:
    /status untuk melihat ringkasan
    /dokumen untuk mengirim dokumen yang belum
    /ubah untuk mengubah jawaban
    /ulang untuk cek ulang
    /hapus untuk menghapus data Anda
    /berhenti kalau tidak ingin menerima pengumuman
status-progress = Anda di pertanyaan { $n } dari sekitar { $total }.

## Commands

confirm-restart = Mulai ulang dari pertanyaan pertama? Jawaban yang sudah ada akan diganti.
confirm-delete = Hapus semua data Anda, termasuk dokumen? Ini tidak bisa dibatalkan.
btn-confirm-yes = Ya
btn-confirm-no = Tidak jadi
ask-language = Pilih bahasa:
btn-lang-id = Bahasa Indonesia
btn-lang-en = English
language-set = Baik, kita pakai Bahasa Indonesia.
cancelled = Baik, tidak jadi.
restart-ok = Baik, kita mulai lagi dari awal.
delete-done = Semua data Anda sudah dihapus, termasuk dokumen. Terima kasih sudah mencoba Pandu.
welcome-back = Selamat datang kembali! Kita lanjutkan dari pertanyaan terakhir.
unsupported-input = Maaf, saya hanya bisa membaca tulisan, foto, dan PDF.
miss-third = Sepertinya pertanyaan ini membingungkan, maaf. { $has_buttons ->
        [yes] Pilih salah satu pilihan di bawah, atau ketik nomornya.
       *[other] Coba jawab dengan singkat saja.
    } Butuh bantuan orang? Hubungi { $help_contact ->
        [none] Dinas Koperasi dan UMKM di daerah Anda
       *[other] { $help_contact }
    }.
cancel-ok = Baik, kita berhenti dulu. Jawaban Anda tersimpan. Kirim pesan apa saja kapan pun untuk melanjutkan.
back-ok = Baik, kita kembali ke pertanyaan sebelumnya.
back-none = Ini sudah pertanyaan pertama.
skip-not-here = Pertanyaan ini tidak bisa dilewati, maaf.

## Help for each question (/bantuan)

help-consent = Pandu perlu izin Anda untuk mencatat jawaban dan meneruskannya ke petugas. Tanpa izin, kami tidak menyimpan apa pun.
help-region = Ketik nama provinsi atau kabupaten/kota tempat usaha Anda, misalnya "Lombok Tengah" atau "Kota Surabaya". Data ini dipakai untuk meneruskan Anda ke dinas setempat.
help-name = Ketik nama saja, misalnya "Keripik Bu Siti" atau "Siti Aminah".
help-phone = Nomor ini dipakai petugas untuk menghubungi Anda. Ketik /lewati kalau tidak mau memberikan.
help-category = Pilih jenis yang paling dekat dengan produk utama Anda. Kalau ragu, ketik saja nama produknya.
help-product = Ketik nama produk seperti Anda menyebutnya sehari-hari, misalnya "gula semut" atau "kopi bubuk". Kami akan mencari SNI-nya.
help-scale = Omzet adalah total penjualan dalam setahun. Boleh kira-kira, misalnya "200 juta" atau "5 juta sebulan". Modal adalah uang yang ditanam di usaha, tanpa tanah dan bangunan. Keduanya menentukan apakah usaha Anda mikro, kecil, atau menengah.
help-nib = NIB (Nomor Induk Berusaha) adalah nomor identitas usaha dari OSS (oss.go.id). Gratis, dan menjadi syarat SNI Bina UMK.
help-risk = Tingkat risiko ada di dokumen NIB dari OSS. SNI Bina UMK hanya untuk risiko rendah. Kalau tidak tahu, pilih "Tidak tahu".
help-izin-edar = P-IRT adalah izin pangan buatan rumah dari pemda. BPOM MD adalah izin edar dari BPOM untuk pangan dari pabrik atau yang dibuat dengan mesin.
help-halal = Sertifikat halal diurus lewat SIHALAL (BPJPH). Untuk UMK ada jalur self-declare yang gratis.
help-merek = Merek didaftarkan ke DJKI (Direktorat Jenderal Kekayaan Intelektual) supaya nama produk Anda terlindungi.
help-label = Label lengkap berisi nama produk, komposisi, berat bersih, nama dan alamat pembuat, dan tanggal kedaluwarsa.
help-willing = Dalam SNI Bina UMK, petugas akan datang membina dan produk Anda diuji di laboratorium. Biasanya difasilitasi pemerintah.
help-goal = Tujuan ini membantu petugas memilih jalur SNI yang paling cocok untuk Anda.
help-document = Kirim foto yang jelas atau PDF. Kalau belum punya, tekan "Belum punya". Kalau mau kirim lain waktu, tekan "Kirim nanti" lalu ketik /dokumen saat siap.
help-done = Data Anda sudah lengkap. Ketik /status untuk ringkasan atau /dokumen untuk mengirim dokumen susulan.

## Hints when an answer is not understood

hint-region = Maaf, daerah itu belum saya temukan. Coba ketik lagi, misalnya "Lombok Tengah".
hint-name = Maaf, itu belum seperti nama. Ketik namanya saja, misalnya "Keripik Bu Siti" atau "Siti Aminah".
hint-phone = Maaf, nomornya belum benar. Contoh: 0812 3456 7890. Ketik /lewati kalau tidak mau memberikan.
hint-product = Maaf, saya belum paham. Coba ketik nama produknya saja.
hint-amount = Maaf, angkanya belum saya pahami. Contoh: "150 juta" atau "2 juta sebulan". Atau pilih salah satu.
hint-amount-modal = Maaf, angkanya belum saya pahami. Contoh: "300 juta" atau "1,5 M". Atau pilih salah satu.
hint-document = Silakan kirim foto atau PDF, atau tekan salah satu pilihan.
hint-pick = Pilih salah satu pilihan di bawah dulu, ya (tekan tombolnya atau ketik nomornya). Setelah itu kita lanjut.
hint-confirm = Cukup jawab "ya" atau "bukan", ya.
hint-choice = Maaf, saya belum paham. Pilih salah satu, atau ketik nomornya.

## Console channel (pandu chat)

console-intro = Pandu di terminal. Ketik jawaban Anda, atau nomor pilihan. Kirim dokumen dengan mengetik path berkasnya. Ctrl+D untuk keluar.
console-you = Anda

## Telegram

stale-button = Pilihan ini sudah lewat. Silakan jawab pertanyaan terakhir.

# Bot menu (setMyCommands)
cmd-start = Mulai cek SNI
cmd-bantuan = Bantuan untuk pertanyaan ini
cmd-kembali = Kembali ke pertanyaan sebelumnya
cmd-status = Lihat ringkasan data Anda
cmd-dokumen = Kirim dokumen yang belum
cmd-lewati = Lewati pertanyaan ini
cmd-batal = Berhenti dulu, lanjut nanti
cmd-ulang = Mulai lagi dari awal
cmd-bahasa = Ganti bahasa
cmd-hapus = Hapus semua data saya

## WhatsApp

# The button that opens a list of options.
btn-list-open = Pilih

## Dashboard (staff)

dash-action = Tindakan
dash-add-note = Tambah catatan
dash-answers = Jawaban
dash-assign = Tugaskan ke konsultan
dash-change-status = Ubah status
dash-col-business = Usaha
dash-col-category = Kategori
dash-col-channel = Kanal
dash-col-date = Tanggal
dash-col-documents = Dokumen
dash-col-outcome = Hasil
dash-col-owner = Pemilik
dash-col-product = Produk
dash-col-region = Daerah
dash-col-source = Sumber
dash-col-status = Status
dash-consent = Persetujuan (UU PDP)
dash-consent-version = Versi pemberitahuan
dash-contact = Kontak
dash-count = Jumlah
dash-download = unduh
dash-dropoff = Berhenti di pertanyaan
dash-email = Email
dash-export-csv = Unduh CSV
dash-export-xlsx = Unduh Excel
dash-export-busy-title = Unduhan sedang penuh
dash-export-busy = Saat ini sudah ada beberapa unduhan lain yang sedang disiapkan. Mohon tunggu sebentar, lalu coba unduh lagi.
dash-filter = Terapkan
dash-from = Dari tanggal
dash-funnel-certified = Bersertifikat
dash-funnel-declined = Tidak setuju
dash-funnel-documents = Dokumen lengkap
dash-funnel-outcome = Sampai hasil (lead)
dash-funnel-referred = Dirujuk
dash-funnel-started = Mulai percakapan
dash-funnel-title = Corong (funnel)
dash-leads-title = Daftar lead
dash-login = Masuk
dash-login-failed = Email atau kata sandi salah.
dash-login-throttled = Terlalu banyak percobaan. Coba lagi sebentar lagi.
dash-login-title = Masuk ke dasbor Pandu
dash-logout = Keluar
dash-name = Nama
dash-nav-audit = Log audit
dash-nav-funnel = Corong
dash-nav-leads = Lead
dash-next-page = Halaman berikutnya ›
dash-no-leads = Belum ada lead untuk filter ini.
dash-outcome = Hasil penilaian
dash-password = Kata sandi
dash-password-short = Kata sandi minimal 12 karakter, dan nama wajib diisi.
dash-phone = HP
dash-question = Pertanyaan
dash-reason = Alasan (wajib untuk "tidak dilanjutkan")
dash-reason-required = Alasan wajib diisi untuk status "tidak dilanjutkan".
dash-reasons = Alasan
dash-rules-version = Versi aturan / katalog
dash-save = Simpan
dash-search = Cari (usaha, pemilik, HP)
dash-setup-create = Buat admin
dash-setup-intro = Belum ada admin. Buat akun admin pertama. Tautan ini hanya berlaku sekali.
dash-setup-title = Admin pertama
dash-stage = Tahap
dash-timeline = Riwayat
dash-to = Sampai tanggal
dash-view = lihat
dash-sort = Urutan
dash-sort-newest = Terbaru dulu
dash-sort-oldest = Terlama dulu
dash-owner-questions = Pertanyaan dari pemilik
dash-not-found = Tidak ditemukan. Halaman atau data ini tidak ada, atau bukan wewenang Anda.

## Understanding and saying back

echo-amount = Saya catat: omzet sekitar { $yearly } per tahun{ $period ->
        [month] , dari { $typed } sebulan
        [week] , dari { $typed } seminggu
        [day] , dari { $typed } sehari
       *[other] {""}
    }.{ $assumed ->
        [yes] {" "}Kalau itu per bulan, tulis "{ $typed } sebulan".
       *[other] {""}
    }
echo-modal = Saya catat: modal sekitar { $amount }.
answer-amount = sekitar { $amount }
answer-band = { $scale ->
        [mikro] usaha mikro
        [kecil] usaha kecil
       *[other] di atas usaha kecil
    }
answer-skipped = tidak diberikan
money-thousand = Rp{ $n } ribu
money-million = Rp{ $n } juta
money-billion = Rp{ $n } miliar
money-trillion = Rp{ $n } triliun
noted-also = Saya catat juga:
    { $lines }
noted-answer = Baik, saya catat: { $question } — { $answer }.
noted-free-text = Baik, jawaban Anda saya catat apa adanya untuk petugas.
two-lines = { $first }
    { $second }
ask-region-confirm = Maksud Anda { $place }?
consent-ask-short = Jadi, apakah Anda setuju data Anda dicatat untuk cek SNI ini?
consent-again = Maaf, saya perlu jawaban yang jelas dulu: apakah Anda setuju data Anda dicatat? Tekan "Setuju" atau "Tidak setuju".
kb-ask-later = Pertanyaan yang bagus. Setelah Anda setuju, pertanyaan seperti ini bisa saya catat untuk dijawab petugas.
file-kept-early = Terima kasih, berkasnya sudah kami simpan. Nanti saya tanyakan dokumen yang lain. Sekarang, jawab pertanyaan ini dulu, ya.
doc-ask-lainnya = Dokumen { $n } dari { $total }: kirim dokumen lain yang ingin Anda tunjukkan ke petugas.

## Review before the result

review-title = Cek dulu jawaban Anda:
    { $lines }
review-line = • { $question }: { $answer }
review-ask = Sudah benar semua?
btn-review-ok = Benar, lihat hasil
btn-review-edit = Ubah jawaban
ask-edit-which = Jawaban mana yang mau diubah?
edit-ok = Baik, silakan jawab lagi.
edit-nothing-yet = Belum ada jawaban yang bisa diubah. Kita lanjut dulu, ya.
help-review = Periksa jawaban Anda. Kalau ada yang salah, tekan "Ubah jawaban" lalu pilih yang mau diganti. Kalau sudah benar, tekan "Benar, lihat hasil".
title-province = Provinsi
title-regency = Daerah
title-business = Nama usaha
title-owner = Nama pemilik
title-phone = Nomor HP
title-category = Jenis produk
title-product = Produk
title-omzet = Omzet per tahun
title-modal = Modal usaha
title-nib = NIB
title-risk = Risiko di OSS
title-site = Tempat produksi
title-izin-edar = Izin edar
title-halal = Sertifikat halal
title-merek = Merek (DJKI)
title-label = Label kemasan
title-willing = Bersedia dibina
title-goal = Tujuan

## Re-check after the result

btn-recheck = Cek ulang
btn-restart-all = Mulai dari awal
confirm-restart-after-result = Mau cek ulang produk Anda? Daerah, nama usaha, nama, dan nomor HP tetap dipakai. Atau mulai dari awal?
recheck-ok = Baik, kita cek ulang. Daerah, nama, dan nomor HP Anda tetap saya pakai.
recheck-not-yet = Cek ulang bisa dilakukan setelah hasil keluar. Kita lanjutkan dulu, ya.
btn-izin-expired = Sudah kedaluwarsa
reason-permit-expired = • Izin edar (P-IRT/BPOM MD) Anda sudah habis masa berlakunya.
note-perlu-nib = • Anda juga perlu NIB. Buat gratis di oss.go.id; petugas dinas atau PLUT-KUMKM bisa membantu.
note-renew-izin-edar = • Perpanjang dulu izin edar Anda yang sudah habis: P-IRT lewat DPMPTSP, BPOM MD lewat BPOM.
note-label-partial-nonfood = • Label belum lengkap. Pastikan ada nama produk, merek, ukuran atau bahan, dan nama serta alamat pembuat.
note-product-advice = • { $advice }
note-merek-non-umk = • Daftarkan merek Anda ke DJKI (merek.dgip.go.id). Merek terdaftar juga diminta LSPro saat sertifikasi.
note-ask-officer = • Petugas akan memberi saran khusus untuk produk Anda.

# textsafe
name-too-long = Maaf, nama itu terlalu panjang untuk kami simpan (paling banyak { $max } karakter). Mohon ketik namanya saja, misalnya "Keripik Bu Siti" atau "Siti Aminah".
dash-too-long = { $field } terlalu panjang: paling banyak { $max } karakter. Mohon dipersingkat, lalu kirim lagi.
dash-too-long-title = Teks terlalu panjang
dash-too-long-back = Kembali
dash-older = Lebih lama ›
dash-newest = ‹ Terbaru
limit-field-reason = Alasan
limit-field-note = Catatan
limit-field-search = Teks pencarian
limit-field-filter = Isian filter
limit-field-staff-name = Nama
limit-field-email = Email
limit-field-password = Kata sandi
limit-field-organisation = Organisasi
limit-field-contact = Kontak
limit-field-coverage = Cakupan

# erasure / lead regions
dash-superseded = Digantikan: pemilik mengecek ulang untuk wilayah lain
