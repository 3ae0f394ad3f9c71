## Dashboard: outreach campaigns ("Kampanye").

dash-nav-campaigns = Campaigns
dash-forbidden-title = Not allowed
dash-forbidden = Your account's role cannot open this page. Ask an admin if you should be able to.

dash-camp-title = Campaigns
dash-camp-new = New campaign
dash-camp-new-title = New campaign
dash-camp-none = No campaigns yet.
dash-camp-back = Back to the campaigns
dash-camp-name = Campaign name
dash-camp-state = State
dash-camp-starts = Starts
dash-camp-recipients = { $count } recipients

dash-camp-state-draft = Draft
dash-camp-state-scheduled = Scheduled
dash-camp-state-running = Sending
dash-camp-state-paused = Paused
dash-camp-state-cancelled = Cancelled
dash-camp-state-done = Done

## The form

dash-camp-message = Message
dash-camp-body = Message text
dash-camp-image = Picture (https address, optional)
dash-camp-button = Button that starts the check (optional)
dash-camp-button-example = Check now
dash-camp-audience = Audience
dash-camp-region-hint = A province or regency code, for example 35 (East Java) or 35.15. Empty: all of Indonesia.
dash-camp-region-limited = Only in your region: { $region }, or a regency within it.
dash-camp-active-days = Active in the last … days
dash-camp-any-hint = Unticked groups do not narrow the audience: nothing ticked means everyone.
dash-camp-channel-telegram = Telegram
dash-camp-channel-whatsapp = WhatsApp
dash-camp-timing = Timing
dash-camp-zone = Time zone
dash-camp-quiet = Quiet hours
dash-camp-quiet-from = Quiet hours from
dash-camp-quiet-until = Quiet hours until
dash-camp-quiet-hint = During quiet hours (the recipient's local time) notices wait and go out afterwards. Leave both empty for no quiet hours.
dash-camp-quiet-local = { $hours } in each recipient's local time
dash-camp-quiet-none = none
dash-camp-template = WhatsApp template
dash-camp-template-name = Template name (name or name:language)
dash-camp-template-params = Parameters (separated by |)
dash-camp-template-hint = For WhatsApp recipients who have not written in the last 24 hours, WhatsApp only allows an approved template.
dash-camp-count = Count recipients
dash-camp-save-draft = Save draft
dash-camp-reach-now = Audience now:

dash-camp-bad-region = "{ $value }" is not a known region code. Give a province or regency code, for example 35 or 35.15.
dash-camp-bad-choice = The choice "{ $value }" is unknown. Reload the page and try again.
dash-camp-bad-days = "{ $value }" is not a usable number of days (1 to 3650).
dash-camp-bad-zone = Pick a time zone: WIB, WITA or WIT.
dash-camp-bad-quiet = The quiet hours cannot be read. Fill in both, for example 21:00 to 06:00.
dash-camp-bad-template = "{ $value }" is not a WhatsApp template name: use lowercase letters, digits and underscores, for example pendaftaran_sni or pendaftaran_sni:id.
dash-camp-bad-time = Give the start date and time, or press "Start now".

## One campaign

dash-camp-actions = Actions
dash-camp-test = Send a test
dash-camp-test-first = Send a test to your own Telegram or WhatsApp first; then the campaign can be scheduled.
dash-camp-start-at = Start at
dash-camp-schedule = Schedule
dash-camp-start-now = Start now
dash-camp-pause = Pause
dash-camp-resume = Resume
dash-camp-cancel = Cancel
dash-camp-done-test = The test was sent to your linked chat.
dash-camp-done-scheduled = The campaign is scheduled.
dash-camp-done-paused = The campaign is paused. Messages not yet sent are held.
dash-camp-done-resumed = The campaign is resumed.
dash-camp-done-cancelled = The campaign is cancelled. Messages not yet sent will not go out.
dash-camp-tested = Test
dash-camp-not-tested = not yet
dash-camp-made-for = Made for
dash-camp-national = all of Indonesia
dash-camp-code = Link code
dash-camp-preview = Message preview
dash-camp-image-alt = Notice picture
dash-camp-any = any

## Results

dash-camp-results = Results
dash-camp-no-results = No recipients yet: results appear once the campaign starts.
dash-camp-funnel = Campaign results funnel
dash-camp-per-region = Results per region
dash-camp-total = Total
dash-camp-no-lead = No region known
dash-camp-col-recipients = Recipients
dash-camp-col-sent = Sent
dash-camp-col-delivered = Delivered
dash-camp-col-read = Read
dash-camp-col-started = Started the check
dash-camp-col-finished = Finished the check
dash-camp-col-referred = Referred
dash-camp-col-queued = Queued
dash-camp-col-waiting = Waiting
dash-camp-col-failed = Failed
dash-camp-col-opted-out = Opted out
dash-camp-col-cancelled = Cancelled
