## Words for the codes Pandu stores, as staff read them on the dashboard (src/labels.rs).

label-status-baru = Baru
label-status-diverifikasi = Sudah diverifikasi
label-status-dirujuk = Dirujuk ke konsultan
label-status-diterima-konsultan = Diterima konsultan
label-status-pendampingan = Dalam pendampingan
label-status-diajukan = Sudah diajukan
label-status-bersertifikat = Sudah bersertifikat
label-status-tidak-dilanjutkan = Tidak dilanjutkan

label-channel-console = Konsol
label-channel-telegram = Telegram
label-channel-whatsapp = WhatsApp

label-scale-mikro = skala mikro
label-scale-kecil = skala kecil
label-scale-menengah = skala menengah
label-scale-besar = skala besar

label-role-admin = Admin
label-role-dinas = Petugas dinas
label-role-konsultan = Konsultan
label-role-outreach = Petugas sosialisasi

label-doc-nib = NIB
label-doc-foto-produk = Foto produk
label-doc-label-depan = Label kemasan (depan)
label-doc-label-belakang = Label kemasan (belakang)
label-doc-tempat-produksi = Foto tempat produksi
label-doc-proses-produksi = Foto proses produksi
label-doc-izin-edar = Izin edar (P-IRT/BPOM)
label-doc-halal = Sertifikat halal
label-doc-merek = Bukti merek
label-doc-lainnya = Berkas lain

label-docstate-pending = Belum dikirim
label-docstate-received = Sudah diterima
label-docstate-skipped = Belum punya
label-docstate-later = Akan dikirim nanti

label-action = { $action ->
    [result] Hasil penilaian
    [owner-reply] Membalas pemilik
    [staff-password-link] Membuat tautan kata sandi
    [password-set-by-link] Mengatur kata sandi lewat tautan
    [staff-access] Mengubah peran atau wilayah
    [login] Masuk ke dasbor
    [setup-admin] Membuat admin pertama
    [lead-view] Membuka data pelaku usaha
    [status] Mengubah status
    [note] Menambah catatan
    [assign] Menugaskan konsultan
    [document-view] Melihat dokumen
    [document-download] Mengunduh dokumen
    [export-csv] Mengekspor CSV
    [export-xlsx] Mengekspor Excel
    [referral-opened] Rujukan dibuka
    [referral-offered] Rujukan ditawarkan
    [referral-reminded] Pengingat rujukan
    [referral-expired] Rujukan lewat waktu
    [referral-declined] Rujukan ditolak
    [referral-accepted] Rujukan diterima
    [referral-withdrawn] Rujukan ditarik
    [referral-escalated] Rujukan diteruskan ke dinas
    [staff-added] Menambah akun petugas
    [staff-disabled] Menonaktifkan akun
    [staff-enabled] Mengaktifkan akun
    [staff-profile] Mengubah profil konsultan
    [staff-linked] Menautkan chat petugas
    [staff-unlinked] Melepas chat petugas
    [staff-link-code] Membuat kode tautan chat
    [campaign-create] Membuat kampanye
    [campaign-test] Uji kirim kampanye
    [campaign-scheduled] Menjadwalkan kampanye
    [campaign-paused] Menjeda kampanye
    [campaign-resumed] Melanjutkan kampanye
    [campaign-cancelled] Membatalkan kampanye
    [campaign-export-csv] Mengekspor hasil kampanye (CSV)
    [campaign-export-xlsx] Mengekspor hasil kampanye (Excel)
   *[other] Tindakan lain
}

## Why a lead is ready, in words (the decision stores only "requirements met").
label-met-sni-voluntary = produk punya SNI sukarela { $sni }
label-met-nib = sudah punya NIB
label-met-risk = risiko usaha rendah
label-met-label = label kemasan lengkap

label-desk-plut = PLUT-KUMKM
label-desk-dinas-coach = Pendamping dinas
label-desk-klt = BSN (KLT/LSPro)
label-desk-perizinan = DPMPTSP (perizinan)
