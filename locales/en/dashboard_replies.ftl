## Lead page: the owner's questions and the thread with the owner

dash-thread-title = The owner's questions and messages
dash-thread-questions = Questions Pandu could not answer
dash-thread-asked-at = asked { $at }
dash-thread-waiting = Not answered yet
dash-thread-answered = Answered
dash-thread-empty = No messages with the owner yet.
dash-thread-owner = Owner
dash-thread-older = Only the { $n } newest messages are shown.
dash-thread-reply = Reply to the owner
dash-thread-reply-hint = The owner gets this reply on { $channel } from Pandu, with your name.
dash-thread-send = Send reply
dash-thread-no-reply = Only the assigned consultant and dinas officers can reply.
dash-thread-superseded = The owner moved to another region; replies go from the new lead.
dash-thread-empty-reply = Write the reply first, then send it.
dash-thread-back = Back to the lead
limit-field-owner-reply = Reply

dash-channel-telegram = Telegram
dash-channel-whatsapp = WhatsApp
dash-channel-console = console

dash-delivery-queued = Queued
dash-delivery-sent = Sent
dash-delivery-delivered = Delivered to the owner's phone
dash-delivery-read = Read
dash-delivery-failed = Not delivered
dash-delivery-blocked = Not delivered: the owner blocked Pandu or the number cannot be reached
dash-delivery-waiting = Waiting for the owner to open the conversation
