## Notices: opting out and in

unsubscribe-ok = All right, Pandu will not send you notices any more. Your check stays saved; to delete it, type /hapus. To receive notices again, type /langganan.
unsubscribe-none = All right, Pandu will not send you notices. Nothing about you is stored here.
subscribe-ok = Thank you! You will receive Pandu's notices again, such as SNI Bina UMK registrations. To stop, type /berhenti.
subscribe-needs-consent = Notices only go to people who agreed that their data is kept.

## Follow-ups

followup-nib = Hello again from Pandu. A week ago you needed an NIB (Nomor Induk Berusaha, the business licence number from OSS). Has your NIB come through? If so, press the button below to check again.
btn-followup-recheck = Yes, check again
followup-unfinished = Hello, your SNI check is not finished yet. Reply any time to go on from the last question. Don't want reminders? Type /berhenti.

## Campaign errors (dashboard)

campaign-error-name = Give the campaign a name (at most 120 characters).
campaign-error-body = The message is empty or longer than 1,024 characters.
campaign-error-image = The image address must start with https://.
campaign-error-button = The button label must be 1 to 20 characters.
campaign-error-region = The audience is outside your region.
campaign-error-template-missing = WhatsApp is in the audience: give the approved WhatsApp template for recipients who have not written in the last 24 hours.
campaign-error-template = The WhatsApp template cannot be used: { $why }
campaign-error-not-tested = Send a test to your own number before starting.
campaign-error-no-test-chat = Link your Telegram or WhatsApp first so the test can be sent there: ask an admin for a link code (Staff page), then send that code to Pandu.
campaign-error-past = The start time has passed.
campaign-error-state = This campaign cannot do that in its current state.
campaign-error-not-found = Campaign not found.
