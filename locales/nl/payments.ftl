# Betalingen: prijzen, Stripe Checkout, terugbetalingen en no-showkosten.

pay-status-awaiting = Wacht op betaling
pay-status-expired = Betaling verlopen
pay-page-awaiting = We wachten op uw betaling
pay-page-awaiting-lead = Uw tijd wordt vastgehouden terwijl u betaalt. Zodra de betaling binnen is, is de boeking bevestigd en ontvangt u een e-mail.
pay-page-expired = De betaling kwam niet op tijd binnen
pay-page-expired-lead = De tijd is weer vrijgegeven. U kunt opnieuw boeken.
pay-email-refunded = Terugbetaling
pay-email-attendee-refunded = Van uw betaling voor { $title } krijgt u { $amount } terug. Afhankelijk van uw bank staat het bedrag binnen 5 tot 10 dagen op uw afschrift.
pay-email-late-payment = Uw betaling kwam binnen nadat de voor u vastgehouden tijd was verlopen, en intussen had iemand anders die tijd geboekt. Daarom is uw betaling volledig terugbetaald. U bent van harte welkom om een andere tijd te boeken.
pay-page-payment = Betaling
pay-page-pay-now = Nu betalen
pay-page-could-not-start = De betaalpagina kon niet worden geopend, daarom is de tijd weer vrijgegeven. Probeer het over een paar minuten opnieuw.
pay-page-paid-notice = Bedankt. Stripe bevestigt uw betaling; deze pagina toont die zodra ze binnen is.
pay-line-awaiting = { $amount }, nog niet betaald
pay-line-card-awaiting = No-showkosten van { $amount }: nog geen kaart opgegeven
pay-line-paid = { $amount }, betaald
pay-line-partly-refunded = { $amount }, betaald; { $refunded } terugbetaald
pay-line-card-saved = Kaart bewaard voor no-showkosten van { $amount }; er is niets afgeschreven
pay-line-refunded = { $amount }, terugbetaald
pay-line-no-show-charged = No-showkosten van { $amount }, afgeschreven
pay-line-expired = { $amount }, niet op tijd betaald
pay-line-failed = { $amount }, de betaling kon niet worden uitgevoerd
pay-not-set-up = Voor dit afspraaktype moet worden betaald, maar betalingen zijn nog niet ingesteld. Neem contact op met de host.
pay-email-paid = Betaald: { $amount }. Stripe stuurt u het betaalbewijs.
pay-email-card-kept = Uw kaart is bewaard voor no-showkosten van { $amount }; die worden alleen afgeschreven als u zonder af te zeggen niet komt.

## Dashboard en boekingspagina

pay-admin-intro = Afspraaktypen met een prijs nemen betalingen aan via Stripe Checkout, de eigen betaalpagina van Stripe. Zolang Stripe hier niet is ingesteld, nemen afspraaktypen met een prijs geen boekingen aan.
pay-admin-test-mode = Testmodus
pay-admin-live-mode = Livemodus
pay-admin-test-mode-hint = De opgeslagen sleutel is een testsleutel: Stripe accepteert alleen zijn testkaarten en er wordt geen geld overgemaakt.
pay-admin-live-mode-hint = De opgeslagen sleutel is een livesleutel: echte kaarten worden belast.
pay-admin-secret-key = Geheime sleutel
pay-admin-secret-key-hint = Uit het Stripe-dashboard, onder ‘API-sleutels’: een geheime sleutel (sk_test_… om uit te proberen, sk_live_… voor echte betalingen) of een beperkte sleutel.
pay-admin-webhook-secret = Ondertekeningsgeheim van de webhook
pay-admin-webhook-secret-hint = Het ondertekeningsgeheim van het endpoint dat u bij Stripe toevoegt (zie hieronder). Het begint met whsec_.
pay-admin-hold = Vasthouden tijdens betalen (minuten)
pay-admin-hold-hint = Hoelang een boeking die op haar betaling wacht haar tijd vasthoudt: van 5 tot 1440 minuten.
pay-admin-remove = Stripe verwijderen: afspraaktypen met een prijs nemen geen boekingen aan tot het opnieuw is ingesteld
pay-admin-save = Stripe opslaan
pay-admin-check = Verbinding controleren
pay-admin-at-stripe = Bij Stripe
pay-admin-step-endpoint = Open in het Stripe-dashboard { $webhooks } en voeg een endpoint toe met deze URL:
pay-admin-webhook-url = URL van het webhook-endpoint
pay-admin-step-events = Selecteer de gebeurtenissen { $completed } en { $expired }.
pay-admin-step-secret = Toon het { $secret } van het endpoint en plak het hierboven.
pay-admin-leaves = Wat dit apparaat verlaat: voor elke betaalde boeking gaan het e-mailadres van de genodigde, de titel van het afspraaktype, de prijs en de referentie van de boeking naar Stripe. Kaartgegevens worden op de pagina van Stripe ingevoerd en bereiken Kairos nooit.
pay-admin-check-ok = Verbonden: de sleutel hoort bij het Stripe-account { $account }.
pay-admin-check-refused = Stripe weigerde de sleutel: { $reason } (HTTP { $status }).
pay-admin-check-unreachable = Stripe was niet bereikbaar: { $reason }.
pay-admin-check-not-set-up = Stripe is nog niet ingesteld: sla eerst een geheime sleutel op.
pay-admin-error-secret-key = moet een geheime Stripe-sleutel (sk_test_…, sk_live_…) of een beperkte sleutel (rk_…) zijn
pay-admin-error-webhook-secret = moet het ondertekeningsgeheim van het endpoint zijn, dat met whsec_ begint
pay-admin-error-hold = moet een heel aantal minuten van { $min } tot { $max } zijn
pay-flash-stripe-removed = Stripe is verwijderd. Afspraaktypen met een prijs nemen geen boekingen aan tot het opnieuw is ingesteld.

pay-et-section = Betaling
pay-et-intro = Laat de prijs leeg voor een gratis afspraaktype. Genodigden betalen bij het boeken op de beveiligde pagina van Stripe; kaartgegevens bereiken Kairos nooit.
pay-et-not-set-up = Betalingen zijn op deze Kairos nog niet ingesteld. U kunt al een prijs opslaan, maar dit afspraaktype neemt geen boekingen aan tot een beheerder Stripe instelt.
pay-et-set-up-link = Stripe instellen
pay-et-price = Prijs
pay-et-price-hint = In de hoofdeenheid van de valuta, zoals 49.90. Leeg: gratis.
pay-et-currency = Valuta
pay-et-currency-hint = De code van drie letters, zoals EUR, USD of CHF.
pay-et-mode = Wanneer de genodigde betaalt
pay-et-mode-pay-now = Bij het boeken: de boeking is bevestigd zodra er betaald is
pay-et-mode-no-show = Alleen bij een no-show: de kaart wordt bewaard en alleen belast als de genodigde niet komt
pay-et-refunds = Terugbetaling als de genodigde annuleert
pay-et-refund-hours = Uren vóór de start voor volledige terugbetaling
pay-et-refund-hours-hint = Een annulering minstens zoveel uren vóór de start wordt volledig terugbetaald. 0: elke annulering vóór de start.
pay-et-late-percent = Terugbetaling bij latere annulering (%)
pay-et-late-percent-hint = Van 0 (niets) tot 100 (alles). Als een host annuleert, wordt alles terugbetaald.
pay-et-no-show-badge = No-showkosten { $amount }
pay-et-error-amount = moet een bedrag zijn zoals 50 of 49.90
pay-et-error-decimals =
    { $decimals ->
        [0] moet in { $currency } een heel bedrag zijn
        [one] mag in { $currency } hoogstens { $decimals } decimaal hebben
       *[other] mag in { $currency } hoogstens { $decimals } decimalen hebben
    }
pay-et-error-too-large = mag hoogstens { $max } zijn
pay-et-error-positive = moet groter dan nul zijn
pay-et-error-step = moet een veelvoud van { $step } zijn
pay-et-error-currency = moet een valutacode zijn zoals EUR, USD of CHF

pay-bk-title = Betaling
pay-bk-amount = Prijs
pay-bk-mode = Soort
pay-bk-mode-pay-now = Betaald bij het boeken
pay-bk-mode-no-show = No-showkosten, kaart bewaard
pay-bk-held-until = Tijd vastgehouden tot
pay-bk-charged = Afgeschreven
pay-bk-refunded = Terugbetaald
pay-bk-policy = Terugbetalingsregel
pay-bk-policy-always = Volledige terugbetaling bij elke annulering vóór de start
pay-bk-policy-hours =
    { $hours ->
        [one] Volledige terugbetaling tot { $hours } uur vóór de start; daarna { $percent } %
       *[other] Volledige terugbetaling tot { $hours } uur vóór de start; daarna { $percent } %
    }
pay-bk-status-paid = Betaald
pay-bk-status-partly-refunded = Deels terugbetaald
pay-bk-status-card-saved = Kaart bewaard
pay-bk-status-refunded = Terugbetaald
pay-bk-status-no-show-charged = No-showkosten afgeschreven
pay-bk-status-failed = Betaling mislukt
pay-bk-refunds = Terugbetalingen
pay-bk-refund-pending = Naar Stripe gestuurd
pay-bk-refund-succeeded = Terugbetaald
pay-bk-refund-failed = Mislukt
pay-bk-reason-host = door een host
pay-bk-reason-cancelled = annulering
pay-bk-reason-late-payment = te laat betaald
pay-bk-refund = Terugbetalen
pay-bk-refund-amount = Terug te betalen bedrag
pay-bk-refund-hint = Tot { $max }. Stripe betaalt het terug op de kaart van de genodigde.
pay-bk-refund-button = Terugbetalen
pay-bk-refund-confirm = Dit bedrag aan de genodigde terugbetalen? Dit kan niet ongedaan worden gemaakt.
pay-bk-refund-error = moet een bedrag van { $min } tot { $max } zijn
pay-bk-nothing-to-refund = Van deze betaling is niets meer terug te betalen.
pay-flash-refund-planned = De terugbetaling is onderweg naar Stripe. Ze staat als terugbetaald zodra Stripe die bevestigt.
pay-bk-no-show = No-show
pay-bk-no-show-text = Legt vast dat de genodigde niet is gekomen.
pay-bk-no-show-fee = Als u de genodigde als no-show markeert, wordt { $amount } van de bewaarde kaart afgeschreven.
pay-bk-no-show-button = Als no-show markeren
pay-bk-no-show-confirm = De genodigde als no-show markeren?
pay-bk-no-show-marked = De genodigde is als no-show gemarkeerd.
pay-flash-no-show = De genodigde is als no-show gemarkeerd.

pay-booker-price-no-show = No-showkosten: { $amount }
pay-booker-pay-now =
    { $minutes ->
        [one] Na het versturen betaalt u { $amount } op de beveiligde betaalpagina van Stripe. Uw tijd wordt intussen { $minutes } minuut voor u vastgehouden.
       *[other] Na het versturen betaalt u { $amount } op de beveiligde betaalpagina van Stripe. Uw tijd wordt intussen { $minutes } minuten voor u vastgehouden.
    }
pay-booker-no-show =
    { $minutes ->
        [one] Na het versturen laat u een kaart achter op de beveiligde pagina van Stripe. Er wordt nu niets afgeschreven: alleen als u niet komt, wordt { $amount } van de kaart afgeschreven. Uw tijd wordt intussen { $minutes } minuut voor u vastgehouden.
       *[other] Na het versturen laat u een kaart achter op de beveiligde pagina van Stripe. Er wordt nu niets afgeschreven: alleen als u niet komt, wordt { $amount } van de kaart afgeschreven. Uw tijd wordt intussen { $minutes } minuten voor u vastgehouden.
    }
pay-booker-refund-always = Als u vóór de start annuleert, krijgt u alles terug.
pay-booker-refund-none-late =
    { $hours ->
        [one] Als u minstens { $hours } uur vóór de start annuleert, krijgt u alles terug; latere annuleringen worden niet terugbetaald.
       *[other] Als u minstens { $hours } uur vóór de start annuleert, krijgt u alles terug; latere annuleringen worden niet terugbetaald.
    }
pay-booker-refund-part-late =
    { $hours ->
        [one] Als u minstens { $hours } uur vóór de start annuleert, krijgt u alles terug; daarna wordt { $percent } % terugbetaald.
       *[other] Als u minstens { $hours } uur vóór de start annuleert, krijgt u alles terug; daarna wordt { $percent } % terugbetaald.
    }
pay-booker-continue = Verder naar betalen

# Why a payment setting, price, refund or no-show was refused.
pay-error-not-set-up = voor dit afspraaktype moet worden betaald, en betalingen zijn nog niet ingesteld
pay-error-no-show-confirmed-only = alleen een bevestigde boeking kan als niet verschenen worden gemarkeerd
pay-error-no-show-not-started = niet verschenen kan pas worden gemarkeerd als de afspraak begonnen is
pay-error-no-show-marked = deze persoon is al als niet verschenen gemarkeerd
pay-error-refund-hours = mag hoogstens 8760 uur (een jaar) zijn
pay-error-percent = moet een geheel getal van 0 tot 100 zijn
pay-error-secret-key = moet een geheime Stripe-sleutel (sk_test_…, sk_live_…) of beperkte sleutel (rk_…) zijn
pay-error-webhook-secret = moet het ondertekeningsgeheim van het endpoint zijn, dat met whsec_ begint
pay-error-hold-minutes = moet een geheel aantal minuten van 5 tot 1440 zijn
pay-page-paid-thanks = Dank u: uw betaling is ontvangen.
