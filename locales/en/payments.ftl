# Payments: prices, Stripe Checkout, refunds and no-show fees.

pay-status-awaiting = Awaiting payment
pay-status-expired = Payment expired
pay-page-awaiting = Waiting for your payment
pay-page-awaiting-lead = Your time is held while you pay. Once the payment arrives, the booking is confirmed and you receive an email.
pay-page-expired = The payment did not arrive in time
pay-page-expired-lead = The time was released. You can book again.
pay-email-refunded = Refund
pay-email-attendee-refunded = { $amount } of your payment for { $title } is on its way back to you. Depending on your bank, it shows on your statement within 5 to 10 days.
pay-email-late-payment = Your payment arrived after the time held for you had ended, and the time was booked by someone else in the meantime, so it was refunded in full. You are welcome to book another time.
pay-page-payment = Payment
pay-page-pay-now = Pay now
pay-page-could-not-start = The payment page could not be opened, so the time was released. Please try booking again in a few minutes.
pay-page-paid-notice = Thank you. Stripe is confirming your payment; this page shows it as soon as it arrives.
pay-line-awaiting = { $amount }, not paid yet
pay-line-card-awaiting = No-show fee of { $amount }: no card given yet
pay-line-paid = { $amount }, paid
pay-line-partly-refunded = { $amount }, paid; { $refunded } refunded
pay-line-card-saved = Card kept for a no-show fee of { $amount }; nothing was charged
pay-line-refunded = { $amount }, refunded
pay-line-no-show-charged = No-show fee of { $amount }, charged
pay-line-expired = { $amount }, not paid in time
pay-line-failed = { $amount }, the payment could not be made
pay-not-set-up = This event type takes payment, and payments are not set up yet. Please contact the host.

## The dashboard and the booker: the Stripe account, an event type's price, a booking's
## payment, and what the booking form says about paying.

# Administration → Integrations, the Stripe panel. "Stripe" is a name; keep it as it is.
pay-admin-intro = Event types with a price take payment through Stripe Checkout, Stripe's own payment page. Until Stripe is set up here, event types with a price take no bookings.
pay-admin-test-mode = Test mode
pay-admin-live-mode = Live mode
pay-admin-test-mode-hint = The stored key is a test key: Stripe takes only its test cards, and no money moves.
pay-admin-live-mode-hint = The stored key is a live key: real cards are charged.
pay-admin-secret-key = Secret key
pay-admin-secret-key-hint = From the Stripe Dashboard, under API keys: a secret key (sk_test_… to try it out, sk_live_… to take real payments) or a restricted key.
pay-admin-webhook-secret = Webhook signing secret
pay-admin-webhook-secret-hint = The signing secret of the endpoint you add at Stripe (see below). It starts with whsec_.
pay-admin-hold = Time held for a payment (minutes)
pay-admin-hold-hint = How long a booking waiting for its payment keeps its time: from 5 to 1440 minutes.
pay-admin-remove = Remove Stripe: event types with a price take no bookings until it is set up again
pay-admin-save = Save Stripe
pay-admin-check = Check connection
pay-admin-at-stripe = At Stripe
# $webhooks: the name of the Stripe Dashboard's page, in English as Stripe writes it.
pay-admin-step-endpoint = In the Stripe Dashboard, open { $webhooks } and add an endpoint with this URL:
pay-admin-webhook-url = Webhook endpoint URL
# $completed, $expired: the names of two Stripe events, written as code.
pay-admin-step-events = Select the events { $completed } and { $expired }.
# $secret: the name of the field in the Stripe Dashboard, in English as Stripe writes it.
pay-admin-step-secret = Reveal the endpoint's { $secret } and paste it above.
pay-admin-leaves = What leaves this appliance: for each paid booking, the invitee's email address, the event type's title, the price and the booking's reference go to Stripe. Card details are typed on Stripe's page and never reach Kairos.
# $account: the name of the Stripe account, as Stripe has it.
pay-admin-check-ok = Connected: the key belongs to the Stripe account { $account }.
# $reason: Stripe's own message, in English; $status: the HTTP status code.
pay-admin-check-refused = Stripe refused the key: { $reason } (HTTP { $status }).
# $reason: why, in English, such as "connection refused".
pay-admin-check-unreachable = Stripe could not be reached: { $reason }.
pay-admin-check-not-set-up = Stripe is not set up yet: save a secret key first.
pay-admin-error-secret-key = must be a Stripe secret key (sk_test_…, sk_live_…) or restricted key (rk_…)
pay-admin-error-webhook-secret = must be the endpoint's signing secret, which starts with whsec_
pay-admin-error-hold = must be a whole number of minutes from { $min } to { $max }
pay-flash-stripe-removed = Stripe was removed. Event types with a price take no bookings until it is set up again.

# The event type editor's Payment panel.
pay-et-section = Payment
pay-et-intro = Leave the price empty for a free event type. Invitees pay on Stripe's secure page when they book; card details never reach Kairos.
pay-et-not-set-up = Payments are not set up on this Kairos yet. You can save a price now, but this event type takes no bookings until an administrator sets up Stripe.
pay-et-set-up-link = Set up Stripe
pay-et-price = Price
pay-et-price-hint = In the currency's main unit, such as 49.90. Empty: free.
pay-et-currency = Currency
pay-et-currency-hint = Its three-letter code, such as EUR, USD or CHF.
pay-et-mode = When the invitee pays
pay-et-mode-pay-now = When booking: the booking is confirmed once it is paid
pay-et-mode-no-show = Only for a no-show: the card is kept and charged only if the invitee does not come
pay-et-refunds = Refunds when the invitee cancels
pay-et-refund-hours = Hours before the start for a full refund
pay-et-refund-hours-hint = A cancellation at least this many hours before the start is refunded in full. 0: any cancellation before the start is.
pay-et-late-percent = Refund of a later cancellation (%)
pay-et-late-percent-hint = From 0 (nothing) to 100 (everything). When a host cancels, everything is refunded.
# $amount: the fee, such as €49.90.
pay-et-no-show-badge = No-show fee { $amount }
pay-et-error-amount = must be an amount such as 50 or 49.90
# $currency: a currency code such as JPY; $decimals: how many decimals it has.
pay-et-error-decimals =
    { $decimals ->
        [0] must be a whole amount in { $currency }
        [one] can have at most { $decimals } decimal in { $currency }
       *[other] can have at most { $decimals } decimals in { $currency }
    }
# $max: the largest amount, such as 999999.99.
pay-et-error-too-large = must be at most { $max }
pay-et-error-positive = must be more than zero
# $step: the smallest step, such as 0.010.
pay-et-error-step = must be a multiple of { $step }
pay-et-error-currency = must be a currency code such as EUR, USD or CHF

# A booking's Payment panel in the dashboard.
pay-bk-title = Payment
pay-bk-amount = Price
pay-bk-mode = Kind
pay-bk-mode-pay-now = Paid when booking
pay-bk-mode-no-show = No-show fee, card kept
pay-bk-held-until = Time held until
pay-bk-charged = Charged
pay-bk-refunded = Refunded
pay-bk-policy = Refund policy
pay-bk-policy-always = Full refund for any cancellation before the start
# $hours: hours before the start; $percent: the share refunded of a later cancellation.
pay-bk-policy-hours =
    { $hours ->
        [one] Full refund up to { $hours } hour before the start; later, { $percent } %
       *[other] Full refund up to { $hours } hours before the start; later, { $percent } %
    }
pay-bk-status-paid = Paid
pay-bk-status-partly-refunded = Partly refunded
pay-bk-status-card-saved = Card kept
pay-bk-status-refunded = Refunded
pay-bk-status-no-show-charged = No-show fee charged
pay-bk-status-failed = Payment failed
pay-bk-refunds = Refunds
pay-bk-refund-pending = Sent to Stripe
pay-bk-refund-succeeded = Refunded
pay-bk-refund-failed = Failed
pay-bk-reason-host = by a host
pay-bk-reason-cancelled = cancellation
pay-bk-reason-late-payment = paid too late
pay-bk-refund = Refund
pay-bk-refund-amount = Amount to refund
# $max: everything still refundable, such as €49.90.
pay-bk-refund-hint = Up to { $max }. Stripe returns it to the invitee's card.
pay-bk-refund-button = Refund
pay-bk-refund-confirm = Refund this amount to the invitee? This cannot be undone.
# $min, $max: the smallest and largest amounts, such as €0.01 and €49.90.
pay-bk-refund-error = must be an amount from { $min } to { $max }
pay-bk-nothing-to-refund = Nothing of this payment is left to refund.
pay-flash-refund-planned = The refund is on its way to Stripe. It shows as refunded once Stripe confirms it.
pay-bk-no-show = No-show
pay-bk-no-show-text = Records that the invitee did not come.
# $amount: the fee, such as €49.90.
pay-bk-no-show-fee = Marking the invitee a no-show charges the kept card { $amount }.
pay-bk-no-show-button = Mark as no-show
pay-bk-no-show-confirm = Mark the invitee as a no-show?
pay-bk-no-show-marked = The invitee was marked as a no-show.
pay-flash-no-show = The invitee was marked as a no-show.

# The booker: the price in the event summary, and the booking form of a paid event type.
# $amount: the fee, such as €49.90.
pay-booker-price-no-show = No-show fee: { $amount }
# $amount: the price; $minutes: how long the time is held.
pay-booker-pay-now =
    { $minutes ->
        [one] After you submit, you pay { $amount } on Stripe's secure payment page. Your time is held for { $minutes } minute while you pay.
       *[other] After you submit, you pay { $amount } on Stripe's secure payment page. Your time is held for { $minutes } minutes while you pay.
    }
# $amount: the fee; $minutes: how long the time is held.
pay-booker-no-show =
    { $minutes ->
        [one] After you submit, you leave a card on Stripe's secure page. Nothing is charged now: the card is charged { $amount } only if you do not come. Your time is held for { $minutes } minute while you do this.
       *[other] After you submit, you leave a card on Stripe's secure page. Nothing is charged now: the card is charged { $amount } only if you do not come. Your time is held for { $minutes } minutes while you do this.
    }
pay-booker-refund-always = If you cancel before the start, you get a full refund.
# $hours: hours before the start.
pay-booker-refund-none-late =
    { $hours ->
        [one] If you cancel at least { $hours } hour before the start, you get a full refund; later cancellations are not refunded.
       *[other] If you cancel at least { $hours } hours before the start, you get a full refund; later cancellations are not refunded.
    }
# $hours: hours before the start; $percent: the share refunded of a later cancellation.
pay-booker-refund-part-late =
    { $hours ->
        [one] If you cancel at least { $hours } hour before the start, you get a full refund; later, { $percent } % is refunded.
       *[other] If you cancel at least { $hours } hours before the start, you get a full refund; later, { $percent } % is refunded.
    }
pay-booker-continue = Continue to payment
pay-email-paid = Paid: { $amount }. Stripe sends your receipt.
pay-email-card-kept = Your card is kept for a no-show fee of { $amount }; it is charged only if you miss the meeting without cancelling.

# Why a payment setting, price, refund or no-show was refused.
pay-error-not-set-up = this event type takes payment, and payments are not set up yet
pay-error-no-show-confirmed-only = only a confirmed booking can be marked a no-show
pay-error-no-show-not-started = a no-show can be marked once the meeting has started
pay-error-no-show-marked = this invitee was already marked a no-show
pay-error-refund-hours = must be at most 8760 hours (a year)
pay-error-percent = must be a whole number from 0 to 100
pay-error-secret-key = must be a Stripe secret key (sk_test_…, sk_live_…) or restricted key (rk_…)
pay-error-webhook-secret = must be the endpoint's signing secret, which starts with whsec_
pay-error-hold-minutes = must be a whole number of minutes from 5 to 1440
pay-page-paid-thanks = Thank you: your payment arrived.
