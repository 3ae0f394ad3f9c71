# Pandu — English (second locale). Same ids as locales/id/pandu.ftl.

## Greeting and consent (Law No. 27 of 2022 on Personal Data Protection)

greeting = Hello, welcome! I am Pandu, the local government's assistant for small businesses.
    I help you check whether your product can get SNI (the Indonesian National Standard, the official quality mark from BSN), and which steps fit your business.
    Ask me anything at any time. Untuk Bahasa Indonesia, ketik /bahasa id.
consent-ask = Before we start, we need your permission.
    • Why: to assess your product's readiness for SNI and connect you with a mentor.
    • What we record: region, business name, your name, phone number, your answers, and the photos/documents you send.
    • Who can see it: the local office (dinas) of your region, PLUT-KUMKM consultants (small business service centres), and KLT BSN (BSN's regional office).
    • Kept for at most { $months } months.
    • Your rights: see your data (/status), change answers (/kembali), and delete all data (/hapus) at any time.

    Do you agree?
btn-agree = I agree
btn-decline = I don't agree
consent-thanks = Thank you. Let's begin.
consent-declined = That's fine. We do not keep your data.
    If you change your mind, send any message to start again.
nothing-stored = We hold no data of yours. Send "hello" if you want to start.

## Region

ask-province = In which province is your business?
    Type its name (for example: Jawa Timur) or pick from the list.
ask-regency = Which regency/city in { $province }?
    Type its name or pick from the list.
ask-region-pick = Several places have that name. Which one?

## Business and owner

ask-business-name = What is your business called?
ask-owner-name = What is your name (the owner)?
ask-phone = Which mobile/WhatsApp number can our staff call?
    For example: 0812 3456 7890
btn-share-contact = Share my number
btn-skip-phone = Skip

## Product

ask-category = What kind of product is your main product?
ask-product = What is your product?
    Type its name (for example: gula aren cetak) or pick from the list.
ask-product-pick = Which one is your product?
ask-product-confirm = Your product: { $product }. Right?
ask-product-type = Please type your product's name. For example: keripik singkong balado.
ask-product-retype = All right. Try typing your product's name in other words.
ask-product-unlisted = Type the product name again, or just continue? If you continue, our staff will check the SNI for you.
product-not-found = Sorry, "{ $product }" is not in our SNI list yet.
btn-not-listed = Not in the list
btn-type-again = Type again
btn-continue = Just continue
product-found-wajib = Your product falls under { $sni } { $title }. This SNI is MANDATORY: the product must be SNI-certified before it is sold.
product-found-wajib-unconfirmed = Your product probably falls under { $sni } { $title }, and this SNI is MANDATORY. Our staff will confirm it.
product-found-wajib-various = Your product ({ $product }) is a MANDATORY SNI product. The SNI number depends on the exact product; our staff will help check it.
product-found-sukarela = Your product falls under { $sni } { $title }, voluntary (not required, but you can apply).
product-found-sukarela-unconfirmed = Your product probably falls under { $sni } { $title }, voluntary. Our staff will double-check this SNI number.
product-found-sukarela-various = There is a voluntary SNI for { $product }. Its number depends on the kind of product; an officer will help check it.
product-found-no-sni = There is no product SNI for { $product } yet.
product-found-unknown-sni = We do not know the SNI for { $product } for sure yet. Our staff will check it.
## Scale (Government Regulation 7/2021)

ask-omzet = Roughly how much does your business sell per year (turnover)?
    You may type the amount, for example "150 million" or "2 million a month".
ask-modal = As the turnover is not known: roughly how much capital does the business have (not counting land and buildings)?
    For example "300 million" or "1.5 billion".
btn-upto = Up to Rp{ $max } billion
btn-between = Rp{ $min }–{ $max } billion
btn-above = Above Rp{ $min } billion
btn-unknown = Don't know

## Permits

ask-nib = Does your business already have an NIB (business identification number) from OSS, the government's online licensing system?
btn-nib-yes = Yes, I have one
btn-nib-no = Not yet
ask-risk = In OSS, what is your business's risk level?
    (It is written on your NIB document.)
btn-risk-rendah = Low
btn-risk-menengah-rendah = Medium-low
btn-risk-menengah-tinggi = Medium-high
btn-risk-tinggi = High
ask-site = Where is your product made?
btn-site-rumah = At home, simple tools
btn-site-terpisah = Workshop/machines
ask-izin-edar = Which food distribution permit do you already have?
btn-izin-belum = None yet
btn-izin-pirt = P-IRT
btn-izin-md = BPOM MD
ask-halal = Is your product halal-certified?
ask-merek = Is your brand registered with DJKI (the government's trademark office)?
btn-sudah = Yes
btn-proses = In progress
btn-belum = Not yet
ask-label = Does the packaging carry a complete label?
    (Product name, ingredients, net weight, maker's name and address, expiry date.)
ask-label-not-food = Does the product or its packaging carry a complete label?
    (Product name, brand, size or material, maker's name and address.)
btn-label-lengkap = Yes, complete
btn-label-sebagian = Partly
btn-label-belum = Not yet
ask-willing = Are you willing to be coached and to have your product tested in a laboratory?
btn-willing-yes = Yes, I am
btn-willing-no = Not yet
ask-goal = What is your main reason for getting SNI?
btn-goal-lokal = Local market
btn-goal-ritel = Modern retail/e-catalogue
btn-goal-ekspor = Export
btn-goal-pembeli = A buyer asks for it

btn-yes = Yes
btn-no = No
btn-prev = ‹ Previous
btn-next = Next ›

## Outcome

outcome-wajib-sni-lspro = Result: your product requires SNI by law, so it needs a certificate from an LSPro (product certification body).
outcome-bukan-umk-sppt = Result: your business is above small-business scale, so the route is an SPPT SNI (SNI product certificate) through an LSPro, not SNI Bina UMK.
outcome-siap-bina-umk-if-low-risk = Result: you are probably ready to apply for SNI Bina UMK, as long as your business has a low risk level in OSS. An officer will check it.
outcome-perlu-nib = Result: you need an NIB first. Once you have it, we check again.
outcome-belum-ada-sni = Result: there is no SNI for this product yet.
outcome-perlu-cek-petugas = Result: our staff need to check the SNI for your product first.
outcome-risiko-bukan-rendah = Result: your business's risk level is not low, so please consult the dinas or KLT BSN first.
outcome-siapkan-label = Result: you are nearly ready. A few things need preparing before you apply for SNI Bina UMK.
outcome-siap-bina-umk = Result: you are ready to apply for SNI Bina UMK! This is the SNI route for low-risk micro and small businesses, with coaching, usually facilitated by the government (our staff will confirm).
reason-product-mandatory = • { $product } is a mandatory SNI product. For mandatory SNI products certification usually goes through an LSPro; our staff will confirm the route.
reason-no-sni = • There is no product SNI for { $product } yet.
reason-sni-not-known = • We cannot yet confirm the SNI for { $product }.
reason-scale-too-large = • From the turnover or capital you gave, your business is { $scale ->
        [menengah] a medium business
        [besar] a large business
       *[other] above small-business scale
    }.
reason-no-nib = • Your business has no NIB yet. The NIB comes before every permit, SNI Bina UMK included.
reason-nib-unknown = • You are not sure whether the business has an NIB. The NIB comes before every permit.
reason-risk-not-low = • SNI Bina UMK is only for businesses with a low risk level in OSS.
reason-label-missing = • The packaging has no label yet.
reason-not-willing = • You are not yet ready to be coached and have the product tested.
reason-requirements-met = • Your product has a voluntary SNI, the business has an NIB, and you are ready for coaching. { $scale ->
        [unknown] Our staff still need to confirm your business's scale.
       *[other] Your business is micro/small scale.
    }
next-wajib-sni-lspro = Next step: staff of Disperindag (the industry and trade office) or KLT BSN will help you choose an LSPro and prepare product testing. Certification fees are paid to the LSPro.
next-bukan-umk-sppt = Next step: apply for an SPPT SNI at an LSPro accredited by KAN (the National Accreditation Committee). Our staff can help you choose one.
next-perlu-nib = Next step: get a free NIB at oss.go.id. Prepare: ID card (NIK), email, mobile/WA number, full address with postcode, and NPWP if you have one.
    The dinas or PLUT-KUMKM can help. Once you have the NIB, press "Check again" (or type /ulang).
next-belum-ada-sni = Next step: complete what is missing: NIB, distribution permit (for food), halal and brand. The dinas can propose a new SNI for this product to BSN.
next-perlu-cek-petugas = Next step: staff of the dinas or KLT BSN will check the SNI for your product and contact you.
next-risiko-bukan-rendah = Next step: consult the dinas or KLT BSN. Options include a Standard Certificate (an extra licence in OSS) or a voluntary SPPT SNI through an LSPro.
next-siapkan-label = Next step: complete the packaging label and get ready for coaching. When ready, press "Check again". Our staff can help too.
next-siap-bina-umk = Next step: in OSS, choose the SNI Bina UMK route for your product. The dinas will coach you up to product testing. Validity and use of the SNI mark are confirmed by your coach/KLT BSN.

month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

notes-title = Notes for you:
note-bpom-md-not-pirt = • Food under a mandatory SNI also needs a BPOM MD distribution permit, not P-IRT.
note-izin-edar-pirt = • Your food product needs a distribution permit. Since it is made at home, the route is probably P-IRT (home food industry permit) from the local government, through DPMPTSP (the local licensing office).
note-izin-edar-md = • Your food product needs a BPOM MD distribution permit, because it is made in a separate place or with machines.
note-izin-edar-segar = • Fresh or dried farm/sea produce does not use P-IRT. It is registered through the fresh food route (Ministry of Agriculture/KKP).
note-verify-risk = • Our staff need to check your business's risk level in OSS, because SNI Bina UMK is only for low risk.
note-scale-unknown = • Turnover and capital are not known yet. Our staff will ask again to confirm the business's scale.
note-label-partial = • The packaging label is incomplete. Make sure it shows product name, ingredients, net weight, maker's name and address, and expiry date.
note-sppt-option = • For export or modern retail you can also apply for an SPPT SNI through an LSPro later.
note-halal-required = • Since { $date }, food and drink from micro and small businesses must be halal-certified. { $self_declare ->
        [yes] You may be able to use the free self-declare route, in SIHALAL.
       *[other] Our staff can help you choose the route.
    }
note-halal-deadline = • By { $date } at the latest, food and drink from micro and small businesses must be halal-certified. { $self_declare ->
        [yes] You may be able to use the free self-declare route, in SIHALAL.
       *[other] Our staff can help you choose the route.
    }
note-halal-non-umk = • For medium and large businesses, halal certification of food and drink has been required since { $date }. Our staff can help you arrange it.
note-merek = • Register your brand with DJKI (merek.dgip.go.id). With a small-business letter from the dinas, the fee is lower.

## Documents

docs-intro = Now let's prepare the documents ({ $total } kinds). Send a photo or PDF one at a time. If you don't have one, press "Don't have it".
doc-ask-nib = Document { $n } of { $total }: send a photo or PDF of your NIB.
doc-ask-foto-produk = Document { $n } of { $total }: send a photo of your product.
doc-ask-label-depan = Document { $n } of { $total }: send a photo of the front of the label.
doc-ask-label-belakang = Document { $n } of { $total }: send a photo of the back of the label.
doc-ask-tempat-produksi = Document { $n } of { $total }: send a photo of where you make the product.
doc-ask-proses-produksi = Document { $n } of { $total }: send a description of how you make the product (a photo of handwriting is fine).
doc-ask-izin-edar = Document { $n } of { $total }: send a photo of your P-IRT or BPOM MD certificate.
doc-ask-halal = Document { $n } of { $total }: send a photo of your halal certificate.
doc-ask-merek = Document { $n } of { $total }: send a photo of your brand certificate or its filing receipt.
btn-doc-skip = Don't have it
btn-doc-later = Send later
doc-received = Thank you, we received the { $item ->
        [nib] NIB
        [foto_produk] product photo
        [label_depan] front label
        [label_belakang] back label
        [tempat_produksi] production place photo
        [proses_produksi] production process description
        [izin_edar] distribution permit
        [halal] halal certificate
        [merek] brand document
       *[other] document
    }.
documents-not-yet = Documents are requested once all questions are answered.
documents-complete = All documents are complete. Thank you!
file-not-now = Thank you. We will ask for documents later, after the questions. For now, please answer this question.
file-too-large = Sorry, that file is too large. The limit is { $limit } MB. Try sending a normal photo (not the "original file") or a smaller PDF.
file-not-allowed = Sorry, we cannot accept that kind of file. Please send a photo (JPG/PNG) or a PDF.
file-empty = Sorry, the file is empty. Please try again.

## Summary and end

summary-title = Summary of your data:
summary-details = • Business: { $business }
    • Owner: { $owner }
    • Region: { $region }
    • Phone: { $phone }
    • Product: { $product } (SNI: { $sni })
    • Scale: { $scale ->
        [mikro] micro business
        [kecil] small business
        [menengah] medium business
        [besar] large business
       *[other] not known yet
    }
summary-documents = Documents received: { $received } of { $total }.
done-menu = We have your data and will pass it to our staff. Type:
    /status to see the summary
    /dokumen to send missing documents
    /ubah to change an answer
    /ulang to check again
    /hapus to delete your data
    /berhenti if you do not want notices
status-progress = You are at question { $n } of about { $total }.

## Commands

confirm-restart = Start again from the first question? Your current answers will be replaced.
confirm-delete = Delete all your data, including documents? This cannot be undone.
btn-confirm-yes = Yes
btn-confirm-no = No, keep it
ask-language = Choose a language:
btn-lang-id = Bahasa Indonesia
btn-lang-en = English
language-set = All right, we will use English.
cancelled = All right, cancelled.
restart-ok = All right, let's start again from the beginning.
delete-done = All your data has been deleted, including documents. Thank you for trying Pandu.
welcome-back = Welcome back! Let's continue from the last question.
unsupported-input = Sorry, I can only read text, photos and PDFs.
miss-third = Sorry, this question seems confusing. { $has_buttons ->
        [yes] Pick one of the options below, or type its number.
       *[other] Try a short answer.
    } Need a person to help? Contact { $help_contact ->
        [none] the Cooperatives and SME office (Dinas Koperasi dan UMKM) of your region
       *[other] { $help_contact }
    }.
cancel-ok = All right, let's stop here. Your answers are saved. Send any message at any time to continue.
back-ok = All right, back to the previous question.
back-none = This is already the first question.
skip-not-here = Sorry, this question cannot be skipped.

## Help for each question (/bantuan)

help-consent = Pandu needs your permission to record your answers and pass them to our staff. Without it, we keep nothing.
help-region = Type the name of the province or regency/city where your business is, for example "Lombok Tengah" or "Kota Surabaya". We use it to connect you with your local office.
help-name = Just type the name, for example "Keripik Bu Siti" or "Siti Aminah".
help-phone = Our staff use this number to contact you. Type /lewati if you prefer not to give it.
help-category = Pick the kind closest to your main product. If unsure, just type the product's name.
help-product = Type the product's name as you say it every day, for example "gula semut" or "kopi bubuk". We will look up its SNI.
help-scale = Turnover is your total sales in a year. A rough figure is fine, for example "200 million" or "5 million a month". Capital is what you put into the business, without land and buildings. They decide whether your business is micro, small or medium.
help-nib = The NIB (Nomor Induk Berusaha) is the business identity number from OSS (oss.go.id). It is free, and required for SNI Bina UMK.
help-risk = The risk level is on the NIB document from OSS. SNI Bina UMK is only for low risk. If unsure, choose "Don't know".
help-izin-edar = P-IRT is the local government's permit for home-made food. BPOM MD is the distribution permit from BPOM for food made in a factory or with machines.
help-halal = Halal certification is arranged through SIHALAL (BPJPH). Small businesses have a free self-declare route.
help-merek = A brand is registered with DJKI (Directorate General of Intellectual Property) to protect your product's name.
help-label = A complete label shows product name, ingredients, net weight, maker's name and address, and expiry date.
help-willing = In SNI Bina UMK, staff come to coach you and your product is tested in a laboratory. This is usually facilitated by the government.
help-goal = Your reason helps our staff choose the SNI route that fits you best.
help-document = Send a clear photo or a PDF. If you don't have it, press "Don't have it". To send it another time, press "Send later" and type /dokumen when ready.
help-done = Your data is complete. Type /status for the summary or /dokumen to send missing documents.

## Hints when an answer is not understood

hint-region = Sorry, I could not find that place. Try again, for example "Lombok Tengah".
hint-name = Sorry, that does not look like a name yet. Just type the name, for example "Keripik Bu Siti" or "Siti Aminah".
hint-phone = Sorry, that number does not look right. Example: 0812 3456 7890. Type /lewati if you prefer not to give it.
hint-product = Sorry, I did not understand. Try typing just the product's name.
hint-amount = Sorry, I did not understand that amount. Example: "150 million" or "2 million a month". Or pick one of the options.
hint-amount-modal = Sorry, I did not understand that amount. Example: "300 million" or "1.5 billion". Or pick one of the options.
hint-document = Please send a photo or PDF, or press one of the options.
hint-pick = Please pick one of the options below first (tap it or type its number). Then we go on.
hint-confirm = Just answer "yes" or "no", please.
hint-choice = Sorry, I did not understand. Pick one of the options, or type its number.

## Console channel (pandu chat)

console-intro = Pandu in the terminal. Type your answer, or the number of an option. Send a document by typing its file path. Ctrl+D to leave.
console-you = You

## Telegram

stale-button = That choice has passed. Please answer the latest question.

# Bot menu (setMyCommands)
cmd-start = Start the SNI check
cmd-bantuan = Help for this question
cmd-kembali = Back to the previous question
cmd-status = See the summary of your data
cmd-dokumen = Send missing documents
cmd-lewati = Skip this question
cmd-batal = Pause, continue later
cmd-ulang = Start again
cmd-bahasa = Change language
cmd-hapus = Delete all my data

## WhatsApp

# The button that opens a list of options.
btn-list-open = Choose

## Dashboard (staff)

dash-action = Action
dash-add-note = Add a note
dash-answers = Answers
dash-assign = Assign to a consultant
dash-change-status = Change status
dash-col-business = Business
dash-col-category = Category
dash-col-channel = Channel
dash-col-date = Date
dash-col-documents = Documents
dash-col-outcome = Outcome
dash-col-owner = Owner
dash-col-product = Product
dash-col-region = Region
dash-col-source = Source
dash-col-status = Status
dash-consent = Consent (PDP law)
dash-consent-version = Notice version
dash-contact = Contact
dash-count = Count
dash-download = download
dash-dropoff = Stopped at question
dash-email = Email
dash-export-csv = Download CSV
dash-export-xlsx = Download Excel
dash-export-busy-title = Downloads are busy
dash-export-busy = Several other downloads are being prepared right now. Please wait a moment, then try the download again.
dash-filter = Apply
dash-from = From
dash-funnel-certified = Certified
dash-funnel-declined = Declined consent
dash-funnel-documents = Documents complete
dash-funnel-outcome = Reached an outcome (lead)
dash-funnel-referred = Referred
dash-funnel-started = Started a conversation
dash-funnel-title = Funnel
dash-leads-title = Leads
dash-login = Sign in
dash-login-failed = Wrong email or password.
dash-login-throttled = Too many attempts. Try again in a moment.
dash-login-title = Sign in to the Pandu dashboard
dash-logout = Sign out
dash-name = Name
dash-nav-audit = Audit log
dash-nav-funnel = Funnel
dash-nav-leads = Leads
dash-next-page = Next page ›
dash-no-leads = No leads for this filter yet.
dash-outcome = Assessment
dash-password = Password
dash-password-short = The password needs at least 12 characters, and the name is required.
dash-phone = Phone
dash-question = Question
dash-reason = Reason (required for "not continued")
dash-reason-required = A reason is required for "not continued".
dash-reasons = Reasons
dash-rules-version = Rules / catalogue version
dash-save = Save
dash-search = Search (business, owner, phone)
dash-setup-create = Create admin
dash-setup-intro = There is no admin yet. Create the first admin account. This link works once.
dash-setup-title = First admin
dash-stage = Stage
dash-timeline = Timeline
dash-to = Until
dash-view = view
dash-sort = Order
dash-sort-newest = Newest first
dash-sort-oldest = Oldest first
dash-owner-questions = Owner's questions
dash-not-found = Not found. This page or record does not exist, or is not yours to see.

## Understanding and saying back

echo-amount = Noted: turnover of about { $yearly } a year{ $period ->
        [month] , from { $typed } a month
        [week] , from { $typed } a week
        [day] , from { $typed } a day
       *[other] {""}
    }.{ $assumed ->
        [yes] {" "}If that is per month, write "{ $typed } a month".
       *[other] {""}
    }
echo-modal = Noted: capital of about { $amount }.
answer-amount = about { $amount }
answer-band = { $scale ->
        [mikro] micro business
        [kecil] small business
       *[other] above small business
    }
answer-skipped = not given
money-thousand = Rp{ $n } thousand
money-million = Rp{ $n } million
money-billion = Rp{ $n } billion
money-trillion = Rp{ $n } trillion
noted-also = I also noted:
    { $lines }
noted-answer = Noted: { $question } — { $answer }.
noted-free-text = Thank you, I have noted your answer as it is for the officer.
two-lines = { $first }
    { $second }
ask-region-confirm = Do you mean { $place }?
consent-ask-short = So, do you agree that your data is recorded for this SNI check?
consent-again = Sorry, I need a clear answer first: do you agree that your data is recorded? Press "Agree" or "Do not agree".
kb-ask-later = Good question. Once you agree, I can note questions like this for an officer to answer.
file-kept-early = Thank you, we have kept the file. I will ask for the other documents later. For now, please answer this question.
doc-ask-lainnya = Document { $n } of { $total }: send any other document you want the officer to see.

## Review before the result

review-title = Please check your answers:
    { $lines }
review-line = • { $question }: { $answer }
review-ask = Is everything right?
btn-review-ok = Right, show result
btn-review-edit = Change an answer
ask-edit-which = Which answer do you want to change?
edit-ok = All right, please answer again.
edit-nothing-yet = There is no answer to change yet. Let us go on.
help-review = Check your answers. If one is wrong, press "Change an answer" and pick it. If all is right, press "Right, show result".
title-province = Province
title-regency = Region
title-business = Business name
title-owner = Owner's name
title-phone = Phone number
title-category = Product type
title-product = Product
title-omzet = Yearly turnover
title-modal = Business capital
title-nib = NIB
title-risk = OSS risk level
title-site = Place of production
title-izin-edar = Distribution permit
title-halal = Halal certificate
title-merek = Trademark (DJKI)
title-label = Packaging label
title-willing = Willing to be coached
title-goal = Goal

## Re-check after the result

btn-recheck = Check again
btn-restart-all = Start over
confirm-restart-after-result = Check your product again? Your region, business name, name and phone stay. Or start over?
recheck-ok = All right, let us check again. I keep your region, name and phone.
recheck-not-yet = A re-check is possible once you have a result. Let us go on first.
btn-izin-expired = Expired
reason-permit-expired = • Your distribution permit (P-IRT/BPOM MD) has expired.
note-perlu-nib = • You also need an NIB. Make one free at oss.go.id; the dinas or PLUT-KUMKM can help.
note-renew-izin-edar = • First renew your expired distribution permit: P-IRT through DPMPTSP, BPOM MD through BPOM.
note-label-partial-nonfood = • The label is not complete. Make sure it shows the product name, brand, size or material, and the maker's name and address.
note-product-advice = • { $advice }
note-merek-non-umk = • Register your trademark with DJKI (merek.dgip.go.id). The LSPro also asks for a registered trademark.
note-ask-officer = • An officer will give advice for your product.

# textsafe
name-too-long = Sorry, that name is too long for us to keep (at most { $max } characters). Please type just the name, for example "Keripik Bu Siti" or "Siti Aminah".
dash-too-long = { $field } is too long: at most { $max } characters. Please shorten it and send it again.
dash-too-long-title = Text too long
dash-too-long-back = Back
dash-older = Older ›
dash-newest = ‹ Newest
limit-field-reason = Reason
limit-field-note = Note
limit-field-search = Search text
limit-field-filter = Filter field
limit-field-staff-name = Name
limit-field-email = Email
limit-field-password = Password
limit-field-organisation = Organisation
limit-field-contact = Contact
limit-field-coverage = Coverage

# erasure / lead regions
dash-superseded = Superseded: the owner checked again for another region
