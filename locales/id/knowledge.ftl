# Knowledge base: answers to owners' questions (see locales/knowledge.toml for the phrasings).
# Each answer at most 400 characters (a test checks it). Facts: shared/domain/sni.md §1–§3, §9.
# Where a fact is not confirmed, say so gently ("setahu kami", "pastikan ke dinas").

kb-unknown = Pertanyaan yang bagus. Saya catat, dan petugas akan menjawabnya lewat chat ini.

## Costs and time

kb-biaya-bina-umk = Pendampingan SNI Bina UMK dari BSN gratis, tidak dipungut biaya. Membuat NIB di OSS juga gratis. Uji lab biasanya dibantu program pembina, tapi tidak selalu. Jadi tanyakan dulu ke dinas atau KLT BSN (kantor BSN di daerah) sebelum membayar apa pun.
kb-biaya-lspro = Lewat LSPro (lembaga sertifikasi produk) untuk sertifikat SPPT SNI ada biayanya: setahu kami sekitar Rp5–15 juta, ditambah biaya uji lab dan pemeriksaan ulang (surveilan) tiap tahun. Lamanya kira-kira 2–4 bulan. Minta rincian resmi dari LSPro, dan bayar hanya lewat e-billing resmi, bukan ke rekening pribadi.
kb-lama-bina-umk = SNI Bina UMK biasanya sekitar 1 bulan kalau produksi Anda sudah rapi dan konsisten, dan 3–6 bulan kalau pendampingan mulai dari awal. Tahapnya: penyuluhan, bimbingan, menerapkan standar, uji lab, lalu pengajuan. Lewat LSPro (SPPT SNI) biasanya 2–4 bulan.
kb-masa-berlaku = Sertifikat SNI dari LSPro umumnya berlaku beberapa tahun (contohnya 4 tahun), dengan pemeriksaan ulang berkala. Masa berlaku SNI Bina UMK dan cara memasang tandanya belum pasti bagi kami; itu akan dikonfirmasi oleh pembina atau KLT BSN.

## SNI

kb-sni = SNI (Standar Nasional Indonesia) adalah standar mutu dan keamanan produk yang ditetapkan BSN (Badan Standardisasi Nasional). Produk yang lolos boleh memakai tanda SNI, sehingga pembeli lebih percaya. Untuk kebanyakan produk SNI sukarela; hanya sebagian produk yang wajib SNI.
kb-bina-umk = SNI Bina UMK adalah jalur SNI untuk usaha mikro dan kecil dengan kegiatan usaha risiko rendah. Anda daftar lewat OSS, lalu dinas atau BSN mendampingi: penyuluhan, bimbingan, menerapkan standar, uji lab, sampai produk boleh memakai tanda SNI. Pendampingan dari BSN gratis.
kb-syarat-bina-umk = Syarat utama SNI Bina UMK: usaha mikro atau kecil (omzet paling banyak Rp15 miliar setahun), punya NIB dari OSS, kegiatan usaha berisiko rendah di OSS, sudah ada SNI untuk produk Anda, dan bersedia dibina serta produknya diuji lab. Pandu mengecek semua ini dalam percakapan ini.
kb-wajib-sni = Tergantung produknya. Hanya sebagian produk yang wajib SNI, misalnya air minum kemasan, gula kristal putih, garam beryodium, kopi instan, tepung terigu, mainan anak, dan helm motor. Untuk kebanyakan produk lain SNI sukarela, tapi membuat pembeli lebih percaya. Pandu mengecek produk Anda dalam percakapan ini.
kb-lspro = LSPro (Lembaga Sertifikasi Produk) menerbitkan sertifikat SPPT SNI setelah audit dan uji lab. Jalur ini untuk produk wajib SNI atau usaha yang tidak memakai SNI Bina UMK. Daftar LSPro resmi ada di kan.or.id. Untuk LSPro terdekat dari daerah Anda, tanyakan ke Disperindag atau KLT BSN; kami tidak memberi alamat yang belum pasti.
kb-klt-bsn = KLT BSN (Kantor Layanan Teknis) adalah kantor BSN di daerah untuk konsultasi dan pendampingan SNI. Yang kami tahu ada di Makassar, Palembang, Surabaya, Bekasi, dan Riau; mungkin ada di tempat lain juga. Dinas di daerah Anda bisa menghubungkan Anda dengan KLT terdekat.
kb-hubungi-bsn = BSN (Badan Standardisasi Nasional) bisa dihubungi lewat situs bsn.go.id, email dokinfo@bsn.go.id, atau pengaduan di bsn.lapor.go.id. Info SNI Bina UMK ada di binaumk.bsn.go.id. Kami belum menemukan nomor WhatsApp resmi BSN, jadi hati-hati dengan nomor yang mengaku BSN. Yang lebih dekat: dinas atau KLT BSN.
kb-iso-9001 = ISO 9001 berbeda dari SNI produk. ISO 9001 menilai cara usaha Anda mengelola mutu (sistem manajemen), sedangkan SNI produk menilai produknya. ISO 9001 tidak diperlukan untuk SNI Bina UMK. Sebagian sertifikasi lewat LSPro memang meminta sistem mutu seperti ISO 9001.
kb-batikmark = Untuk batik ada dua pilihan. SNI batik (SNI 8302 batik tulis, 8303 batik cap, 8304 batik kombinasi) sifatnya sukarela, lewat LSPro. Batikmark adalah tanda "Batik Indonesia" dari balai batik Kemenperin (BBSPJIKB) di Yogyakarta, setahu kami lebih murah. Syarat Batikmark: KTP, NPWP, NIB, dan bukti pendaftaran merek.

## Other permits

kb-nib = NIB (Nomor Induk Berusaha) adalah nomor identitas usaha Anda. Buatnya gratis di oss.go.id. Siapkan NIK/KTP, alamat lengkap dengan kode pos, email, nomor HP, dan NPWP kalau ada. NIB jadi syarat izin lain, termasuk SNI Bina UMK dan halal. Dinas atau PLUT bisa membantu kalau Anda kesulitan.
kb-oss = OSS (Online Single Submission) adalah situs resmi pemerintah untuk izin usaha: oss.go.id. Di sana Anda membuat NIB, memilih KBLI (kode jenis kegiatan usaha), dan melihat tingkat risikonya. Pendaftarannya gratis. Hati-hati dengan situs tiruan: alamat resmi pemerintah berakhiran .go.id.
kb-risiko = Di OSS, setiap kegiatan usaha (KBLI) punya tingkat risiko: rendah, menengah rendah, menengah tinggi, atau tinggi. Risiko rendah cukup NIB, dan hanya risiko rendah yang bisa ikut SNI Bina UMK. Risikonya tertulis di akun OSS atau dokumen NIB Anda. Kalau tidak tahu, tidak apa-apa: petugas akan mengecek.
kb-izin-edar = Izin edar adalah izin supaya produk boleh dijual. Jenisnya tergantung produk: P-IRT untuk makanan rumahan, BPOM MD untuk makanan buatan pabrik, notifikasi BPOM untuk kosmetik dan sabun mandi, PKRT Kemenkes untuk sabun cuci, dan pendaftaran di dinas atau Kementan untuk pangan segar seperti madu murni. SNI itu hal lain.
kb-pirt = P-IRT (SPP-IRT) adalah izin edar makanan buatan rumah yang kering, dikemas, berlabel, dan tahan lebih dari 7 hari. Diurus lewat OSS atau DPMPTSP kabupaten/kota. Syaratnya: ikut penyuluhan keamanan pangan, tempat produksi diperiksa, dan label sesuai. Setahu kami berlaku 5 tahun. Produk wajib SNI tidak bisa memakai P-IRT.
kb-bpom-md = BPOM MD adalah izin edar dari BPOM untuk makanan yang dibuat di pabrik atau di luar rumah, memakai mesin khusus (misalnya pasteurisasi), atau yang wajib SNI. Nomornya "BPOM RI MD" dan 12 angka. Makanan rumahan yang kering dan awet biasanya cukup P-IRT. Tanyakan ke Balai POM atau dinas di daerah Anda.
kb-kosmetik = Sabun mandi (batang atau cair) dan kosmetik wajib punya notifikasi BPOM sebelum dijual (notifkos.pom.go.id, berlaku 3 tahun). Yang bisa mengajukan: industri kosmetik berizin, atau Anda lewat maklon (titip produksi) ke industri itu. SNI sabun ada, setahu kami sukarela. Sabun cuci piring dan deterjen memakai izin PKRT dari Kemenkes.
kb-halal = Makanan dan minuman dari usaha mikro dan kecil wajib bersertifikat halal paling lambat 17 Oktober 2026. Ada jalur gratis "self-declare" (pernyataan sendiri, dicek Pendamping PPH) untuk usaha dengan omzet sampai Rp15 miliar, proses sederhana, dan bahan yang jelas halal. Daftar hanya di ptsp.halal.go.id (SIHALAL).
kb-beda-sni-halal = SNI dan halal berbeda. SNI membuktikan mutu dan keamanan produk (urusan BSN, lewat pembina atau LSPro). Halal membuktikan bahan dan cara membuatnya halal (urusan BPJPH). Yang satu tidak menggantikan yang lain. Untuk makanan dan minuman UMK, halal wajib paling lambat 17 Oktober 2026.
kb-merek = Merek didaftarkan ke DJKI di merek.dgip.go.id. Untuk UMK biayanya sekitar Rp500 ribu per kelas (tarif bisa berubah, cek di situsnya), dengan surat keterangan UMK dari dinas. Cek dulu apakah merek sudah dipakai orang di pdki-indonesia.dgip.go.id. Perlindungannya 10 tahun. PLUT atau dinas bisa membantu.
kb-plut = PLUT-KUMKM (Pusat Layanan Usaha Terpadu) adalah pusat layanan UMKM dari Kementerian Koperasi yang ada di banyak daerah. Konsultannya bisa membantu mengurus NIB, merek, halal, pemasaran, dan pembiayaan. Layanannya umumnya gratis; tanyakan ke PLUT atau dinas koperasi setempat.

## Safety, privacy, Pandu

kb-penipuan = Hati-hati. Pandu dan petugas resmi tidak pernah meminta uang, transfer ke rekening pribadi, PIN, atau kode OTP lewat chat. Pendampingan SNI Bina UMK gratis; biaya LSPro hanya dibayar lewat e-billing resmi. Situs pemerintah berakhiran .go.id. Kalau ragu, cek dulu ke dinas atau KLT BSN sebelum membayar apa pun.
kb-data-pribadi = Data Anda hanya bisa dilihat oleh dinas di daerah Anda, konsultan PLUT-KUMKM, dan KLT BSN, untuk menilai dan mendampingi usaha Anda. Ketik /status untuk melihat data Anda, dan /hapus untuk menghapus semuanya kapan saja.
kb-pandu = Saya Pandu, asisten chat (bot) dari dinas untuk UMKM. Saya membantu mengecek apakah produk Anda bisa mendapat SNI dan langkah apa yang cocok. Saya bukan manusia, tapi jawaban Anda diteruskan ke petugas dinas, PLUT-KUMKM, atau KLT BSN yang akan mendampingi Anda.
kb-langkah-selanjutnya = Kita selesaikan dulu pertanyaannya satu per satu, ya. Di akhir, Pandu memberi hasil dan langkah berikutnya, lalu ringkasan jawaban Anda diteruskan ke petugas dinas di daerah Anda (dan bila perlu ke konsultan PLUT-KUMKM atau KLT BSN). Petugas akan menghubungi Anda lewat chat ini atau nomor HP Anda.
