# Product categories and per-product advice shown to owners. Referenced from src/reference/catalogue.toml.

cat-makanan = Makanan/minuman olahan
cat-segar = Hasil tani/laut
cat-kerajinan = Kerajinan/tekstil
cat-anak = Mainan/baju bayi
cat-industri = Helm/listrik/pupuk
cat-kosmetik = Kosmetik/sabun
cat-lainnya = Lainnya

## Advice after the outcome: the permit that really matters for the product (sni.md §9.2).
## One line each, at most 300 characters. "Setahu kami" marks facts that are not certain.

advice-depot-air = Depot air isi ulang tidak memakai SNI air kemasan dan tidak perlu BPOM MD. Yang wajib: NIB dan Sertifikat Standar di OSS, Sertifikat Laik Higiene Sanitasi (SLHS) dari Dinas Kesehatan, dan uji air rutin. Kalau Anda menjual air dalam kemasan bersegel, itu AMDK: wajib SNI dan BPOM MD.
advice-amdk = Air minum dalam kemasan (AMDK) wajib SNI lewat LSPro dan wajib izin BPOM MD, bukan P-IRT. LSPro juga meminta izin pengambilan air (SIPA) atau kontrak dengan pemegang SIPA, serta hasil uji air baku.
advice-madu = Madu murni tidak bisa memakai P-IRT dan tidak lagi didaftarkan ke BPOM. Daftarkan ke Kementan lewat Dinas Peternakan (pangan segar asal hewan) dan urus NKV (Nomor Kontrol Veteriner). SNI madu setahu kami sukarela. Madu campuran herbal bisa lain aturannya; petugas akan mengecek.
advice-garam-beryodium = Garam untuk dimakan wajib beryodium dan wajib SNI 3556 lewat LSPro, lalu izin BPOM MD (bukan P-IRT). Syaratnya antara lain merek terdaftar serta alat untuk mencuci, memberi yodium, mengeringkan, dan mengemas garam.
advice-garam-krosok = Garam krosok yang dijual ke pabrik adalah bahan baku. Setahu kami garam ini tidak terkena SNI wajib garam konsumsi (SNI 3556); yang wajib SNI adalah garam beryodium untuk dimakan. Kalau Anda mengolah dan mengemas garam untuk dimakan, aturannya lain. Pastikan ke Disperindag.
advice-kopi-instan = Kopi instan wajib SNI (SNI 2983) lewat LSPro dan wajib izin BPOM MD, bukan P-IRT. Kalau yang Anda jual sebenarnya kopi bubuk (biji disangrai lalu digiling), SNI-nya sukarela.
advice-kopi-bubuk = SNI kopi bubuk (SNI 8964:2021) sukarela. Izin edarnya biasanya P-IRT kalau dibuat di rumah, atau BPOM MD kalau di pabrik. Yang wajib SNI adalah kopi instan, bukan kopi bubuk.
advice-biji-kopi = Biji kopi mentah (green bean) termasuk pangan segar, jadi tidak memakai P-IRT. Usaha mikro dan kecil mendaftarkannya (PSAT-PDUK) ke dinas pangan kabupaten/kota. SNI biji kopi sukarela.
advice-keripik-tempe = Keripik tempe memakai SNI keripik tempe (SNI 2602), bukan SNI tempe (SNI 3144). Setahu kami sukarela. Izin edarnya P-IRT dari Dinas/DPMPTSP kalau dibuat di rumah.
advice-tempe = Tempe segar memakai SNI 3144:2015 (sukarela). Tempe yang hanya tahan beberapa hari biasanya tidak perlu izin edar, tetapi Anda tetap perlu NIB; petugas akan memastikan. Kalau Anda membuat keripik tempe, SNI-nya lain (SNI 2602).
advice-abon = Abon ikan memakai SNI 7690.1:2013, abon daging SNI 01-3707-1995, jadi jangan tertukar. Setahu kami keduanya sukarela. Izin edarnya P-IRT kalau dibuat di rumah.
advice-kerupuk = Kerupuk ikan punya SNI 2713 (setahu kami sukarela); untuk kerupuk udang petugas akan memastikan. Untuk berjualan, yang perlu adalah P-IRT dari Dinas/DPMPTSP (buatan rumah) atau BPOM MD (pabrik). SNI bisa lewat SNI Bina UMK kalau risiko usaha Anda rendah.
advice-sabun-mandi = Sabun mandi, batang maupun cair, termasuk kosmetik: yang wajib adalah notifikasi BPOM sebelum dijual. SNI sabun ada dan, sejauh yang kami tahu, sukarela. SNI tidak menggantikan notifikasi BPOM.
advice-sabun-cuci-tangan = Sabun cuci tangan punya SNI 2588:2017 (sejauh yang kami tahu sukarela). Izin edarnya bisa notifikasi BPOM (kosmetik) atau izin PKRT dari Kemenkes, tergantung jenis dan klaimnya. Petugas akan memastikan.
advice-sabun-cuci-piring = Sabun cuci piring dan deterjen bukan kosmetik, jadi tidak lewat BPOM. Izin edarnya PKRT (Perbekalan Kesehatan Rumah Tangga) dari Kemenkes, diurus lewat OSS. Petugas akan mengecek apakah ada SNI untuk produk Anda.
advice-kosmetik = Untuk kosmetik, izin yang menentukan adalah notifikasi BPOM (berlaku 3 tahun; UMK dapat potongan biaya 50%). Kalau Anda belum punya tempat produksi kosmetik berizin, cara termudah adalah maklon ke industri kosmetik berizin. Setahu kami tidak ada SNI wajib untuk kosmetik.
advice-pupuk-organik = Untuk menjual pupuk organik atau kompos, yang wajib adalah nomor pendaftaran pupuk dari Kementan (Permentan 1/2019). Daftarnya online dan perlu uji lab serta uji efektivitas. SNI pupuk organik (SNI 7763) dipakai sebagai acuan mutu dan setahu kami sukarela.
advice-mebel = Setahu kami mebel untuk pasar dalam negeri tidak wajib SNI; SNI furnitur (kursi, meja, dan lain-lain) sukarela. Untuk ekspor kayu atau rotan, yang menentukan adalah SVLK/Dokumen V-Legal. Tanyakan ke Dinas Kehutanan atau lembaga verifikasi (LVLK).
advice-perhiasan-emas = SNI perhiasan emas (SNI 8880:2020) sukarela, diajukan ke LSPro BBSPJIKB Yogyakarta dengan merek, NIB, dan NPWP. Yang wajib: cantumkan kadar emas (persen atau karat) dan identitas pembuatnya.
advice-perhiasan-perak = Untuk perhiasan perak kami belum menemukan SNI-nya. Yang berguna: NIB dan merek terdaftar. Petugas akan mengecek apakah ada standar yang cocok untuk produk Anda.
advice-batik = Selain SNI batik (sukarela), ada Batikmark: tanda batik Indonesia dari BBSPJIKB Yogyakarta, biasanya lebih murah. Syaratnya KTP, NPWP, NIB, dan merek terdaftar, jadi daftarkan merek Anda dulu.
advice-tenun = Untuk tenun, tenun ikat, dan songket kami belum menemukan SNI produknya. Yang berguna: NIB dan merek terdaftar. Petugas akan mengecek apakah ada SNI atau Indikasi Geografis untuk tenun daerah Anda.
advice-helm = Helm motor wajib SNI 1811. Helm tidak boleh dijual sebelum punya sertifikat SNI dari LSPro yang ditunjuk, walaupun produksinya kecil. Urus sertifikat ini dulu sebelum mulai menjual.
advice-mainan = Mainan anak, termasuk mainan kayu dan boneka buatan tangan, wajib SNI. Urus sertifikat dari LSPro yang ditunjuk Kemenperin sebelum menjual. Tanyakan ke Disperindag apakah tahun ini ada bantuan sertifikasi gratis.
