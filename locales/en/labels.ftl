## Words for the codes Pandu stores, as staff read them on the dashboard (src/labels.rs).

label-status-baru = New
label-status-diverifikasi = Verified
label-status-dirujuk = Referred to a consultant
label-status-diterima-konsultan = Accepted by a consultant
label-status-pendampingan = Being coached
label-status-diajukan = Applied
label-status-bersertifikat = Certified
label-status-tidak-dilanjutkan = Not continued

label-channel-console = Console
label-channel-telegram = Telegram
label-channel-whatsapp = WhatsApp

label-scale-mikro = micro scale
label-scale-kecil = small scale
label-scale-menengah = medium scale
label-scale-besar = large scale

label-role-admin = Admin
label-role-dinas = Dinas officer
label-role-konsultan = Consultant
label-role-outreach = Outreach officer

label-doc-nib = NIB
label-doc-foto-produk = Product photo
label-doc-label-depan = Package label (front)
label-doc-label-belakang = Package label (back)
label-doc-tempat-produksi = Photo of the production site
label-doc-proses-produksi = Photo of production
label-doc-izin-edar = Distribution permit (P-IRT/BPOM)
label-doc-halal = Halal certificate
label-doc-merek = Trademark proof
label-doc-lainnya = Other file

label-docstate-pending = Not sent yet
label-docstate-received = Received
label-docstate-skipped = Does not have it
label-docstate-later = Will send later

label-action = { $action ->
    [result] Result
    [owner-reply] Replied to the owner
    [staff-password-link] Made a password link
    [password-set-by-link] Set a password by link
    [staff-access] Changed role or region
    [login] Signed in
    [setup-admin] Created the first admin
    [lead-view] Opened a lead
    [status] Changed the status
    [note] Added a note
    [assign] Assigned a consultant
    [document-view] Viewed a document
    [document-download] Downloaded a document
    [export-csv] Exported CSV
    [export-xlsx] Exported Excel
    [referral-opened] Referral opened
    [referral-offered] Referral offered
    [referral-reminded] Referral reminder
    [referral-expired] Referral timed out
    [referral-declined] Referral declined
    [referral-accepted] Referral accepted
    [referral-withdrawn] Referral withdrawn
    [referral-escalated] Referral escalated to the dinas
    [staff-added] Added a staff account
    [staff-disabled] Disabled an account
    [staff-enabled] Enabled an account
    [staff-profile] Changed a consultant's profile
    [staff-linked] Linked a staff chat
    [staff-unlinked] Unlinked a staff chat
    [staff-link-code] Made a chat link code
    [campaign-create] Created a campaign
    [campaign-test] Test-sent a campaign
    [campaign-scheduled] Scheduled a campaign
    [campaign-paused] Paused a campaign
    [campaign-resumed] Resumed a campaign
    [campaign-cancelled] Cancelled a campaign
    [campaign-export-csv] Exported campaign results (CSV)
    [campaign-export-xlsx] Exported campaign results (Excel)
   *[other] Other action
}

## Why a lead is ready, in words (the decision stores only "requirements met").
label-met-sni-voluntary = the product has a voluntary SNI { $sni }
label-met-nib = has an NIB
label-met-risk = low business risk
label-met-label = complete package label

label-desk-plut = PLUT-KUMKM
label-desk-dinas-coach = Dinas coach
label-desk-klt = BSN (KLT/LSPro)
label-desk-perizinan = DPMPTSP (permits)
