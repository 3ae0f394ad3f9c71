## The dashboard's frame, home pages and lead page (src/web/home, src/web/leads).

dash-when = { $date } { $time } { $zone }
dash-day = { $date }
dash-lang-id = Bahasa Indonesia
dash-lang-en = English
dash-lang = Language

## The questions as staff read them above the owner's answers.
asked-province = Province
asked-regency = Regency/city
asked-business-name = Business name
asked-owner-name = Owner's name
asked-phone = Phone/WhatsApp number
asked-category = Kind of product
asked-product = Main product
asked-omzet = Turnover per year
asked-modal = Business capital (without land and buildings)
asked-nib = Has an NIB?
asked-risk = Risk level in OSS
asked-site = Where it is made
asked-izin-edar = Distribution permit held
asked-halal = Halal certificate?
asked-merek = Brand registered with DJKI?
asked-label = Complete package label?
asked-willing = Willing to be coached and have the product tested?
asked-goal = Why they want SNI

## Home pages.
dash-home = Today
dash-home-region = Region: { $region }
dash-home-all = All regions
dash-home-new = New businesses since yesterday
dash-home-ready = Ready to apply for SNI Bina UMK
dash-home-need-nib = Still need an NIB
dash-home-waiting-referrals = Referrals waiting for a consultant
dash-home-open-questions = Owners' questions not yet answered
dash-home-offers = Referrals for you, waiting for your answer
dash-home-assigned = Businesses you coach
dash-home-none-assigned = No business has been assigned to you yet.
dash-home-health = System health
dash-home-queue = Outgoing message queue
dash-home-queue-waiting = Waiting to be sent
dash-home-queue-held = Waiting for the owner to open the chat
dash-home-failed = Failed to send (last 24 hours)
dash-home-last-inbound = Last incoming message
dash-home-never = never
dash-home-open = Open the list

## The lead page.
dash-answers-asked = The owner's answers
dash-outcome-why = { $outcome }: { $why }
dash-doc-image = Photo
dash-doc-pdf = PDF document

## Where unfinished conversations stopped (the funnel).
dash-step-consent = Data consent
dash-step-review = Checking the answers
dash-step-documents = Sending documents
dash-step-done = Finished
dash-col-lead = Business
dash-col-scale = Business scale
dash-waiting = Waiting for
