## Referrals to consultants: what consultants, dinas officers and owners read about them.

label-outcome-wajib-sni-lspro = SNI mandatory, through an LSPro
label-outcome-bukan-umk-sppt = Above small scale, SPPT SNI route
label-outcome-perlu-nib = Needs an NIB first
label-outcome-belum-ada-sni = No SNI for this product yet
label-outcome-perlu-cek-petugas = Product SNI to be checked by an officer
label-outcome-risiko-bukan-rendah = Business risk is not low
label-outcome-siapkan-label = Almost ready, label to prepare
label-outcome-siap-bina-umk = Ready to apply for SNI Bina UMK
label-reason-product-mandatory = product is SNI-mandatory
label-reason-no-sni-for-product = no product SNI yet
label-reason-sni-not-known = SNI not certain
label-reason-scale-too-large = above small scale
label-reason-no-nib = no NIB yet
label-reason-nib-unknown = unsure about the NIB
label-reason-risk-not-low = risk not low
label-reason-label-missing = packaging has no label
label-reason-not-willing-yet = not ready for coaching yet
label-reason-permit-expired = distribution permit expired
label-reason-requirements-met = requirements met

referral-notice = A new referral for you from Pandu.
    Business: { $business } ({ $region })
    Product: { $product }
    Result: { $outcome }
    Documents: { $received } of { $total } received
    Details: { $link }

    Please answer within { $hours } hours. Without an answer the referral moves to another consultant.
referral-reminder = Reminder: the referral of { $business } is still waiting for your answer. About { $hours } hours left.
    Details: { $link }
btn-referral-accept = Accept
btn-referral-decline = Decline
referral-ask-reason = May we know why you decline this referral? Pick one.
btn-decline-full = Fully booked
btn-decline-area = Outside my area
btn-decline-field = Not my field
btn-decline-other = Another reason
referral-accepted-thanks = Thank you! The referral of { $business } is yours now. We told the owner. Their number and documents are on the dashboard: { $link }
referral-declined-thanks = Thank you for answering. We pass this referral on to another consultant.
referral-too-late = This referral is no longer waiting for your answer (answered, timed out, or moved).
referral-not-found = This referral was not found for your account.
referral-escalated = Needs attention: the referral of { $business } ({ $region }) was not accepted by a consultant after { $tries } offers. Please help find a coach.
    Details: { $link }

staff-linked = Staff account { $name } is linked. New referrals will come to this chat.
staff-link-invalid = This link code is not valid or was used already. Ask the Pandu admin for a new one.
staff-not-linked = This chat is not linked to a staff account. Send the link code from your admin, for example: link ABCD2345
staff-unlinked = This chat is no longer linked to your staff account. Your unanswered referrals go to other consultants.
staff-no-open-referrals = No referral is waiting for your answer right now.
staff-several-open = { $count } referrals are waiting. Please use the Accept or Decline button on each referral message.
staff-help = This is the Pandu staff chat. Referrals waiting for your answer: { $count }. All your referrals: { $link }
    Type "unlink" to unlink this chat from your account.

owner-referral-accepted = Good news! { $consultant } from { $organisation } is ready to coach you on SNI.
owner-referral-how-phone = They will contact you at { $phone }.
owner-referral-how-contact = You can also reach them: { $contact }.
owner-referral-how-chat = They will reach you through the local dinas. If you have a phone number they can call, just send it here.
status-referral-waiting = Referral: waiting for a consultant. We will tell you as soon as one accepts.
status-referral-accepted = Referral: accepted by { $consultant } from { $organisation }.
