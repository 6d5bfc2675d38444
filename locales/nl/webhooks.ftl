wh-title = Webhooks
wh-intro = Kairos stuurt ondertekende JSON naar deze URL's als boekingen veranderen, in de vorm die Cal.com gebruikt.
wh-back-to-settings = Terug naar de instellingen
wh-yours = Uw webhooks
wh-empty = Nog geen webhooks
wh-empty-text = Voeg er hieronder een toe om een ander systeem te laten weten welke boekingen nieuw, verzet of geannuleerd zijn.
wh-active = Actief
wh-paused = Gepauzeerd
wh-triggers-count = { $count ->
        [one] { $count } trigger
       *[other] { $count } triggers
    }
wh-edit-and-log = Bewerken en logboek
wh-add-title = Een webhook toevoegen
wh-add = Webhook toevoegen
wh-all-event-types = Al uw afspraaktypen
wh-event-type = Afspraaktype { $id }

wh-url = URL van de ontvanger
wh-url-hint = Kairos stuurt er JSON naartoe met POST. Adressen binnen uw netwerk hebben toestemming van de beheerder nodig; loopback- en cloudmetadata-adressen worden altijd geweigerd.
wh-send-when = Versturen als
wh-triggers = Triggers
wh-bookings-of = Boekingen van
wh-bookings-of-hint = Afspraaktypen van teams staan erbij voor de teams die u beheert.
wh-scope-all = Elke boeking van mijn eigen afspraaktypen
wh-scope-only = Alleen ‘{ $title }’
wh-secret = Geheim
wh-secret-hint-new = Ontvangers controleren er X-Cal-Signature-256 mee. Laat het leeg, dan maakt Kairos er een en toont het één keer.
wh-secret-hint-edit = Laat leeg om het huidige geheim te houden.
wh-active-hint = Een gepauzeerde webhook verstuurt niets.
wh-unknown-trigger = bevatten een onbekende trigger { $value }
wh-unknown-event-type = moet een van de genoemde afspraaktypen zijn

wh-trigger-booking-created = Boeking gemaakt of bevestigd
wh-trigger-booking-requested = Boeking aangevraagd (wacht op bevestiging)
wh-trigger-booking-rescheduled = Boeking verzet
wh-trigger-booking-cancelled = Boeking geannuleerd
wh-trigger-booking-rejected = Aanvraag afgewezen
wh-trigger-meeting-ended = Afspraak afgelopen

wh-added-secret = Webhook toegevoegd. Het geheim, alleen nu getoond:
wh-webhook-secret = Webhookgeheim
wh-verify = Ontvangers controleren de header X-Cal-Signature-256: de hexadecimale HMAC-SHA256 van de inhoud met dit geheim.

wh-webhook = Webhook
wh-all = Alle webhooks
wh-test = Test
wh-test-text = Stuurt een PING met voorbeeldgegevens, ondertekend zoals elke levering, en toont wat de ontvanger antwoordde.
wh-send-ping = Testping versturen
wh-save = Webhook opslaan
wh-deliveries = Leveringen
wh-deliveries-text = De laatste pogingen, nieuwste eerst. Een mislukte levering wordt opnieuw geprobeerd met steeds langere pauzes. Wat is verstuurd, wordt niet bewaard.
wh-nothing-sent = Nog niets verstuurd
wh-nothing-sent-text = Leveringen verschijnen hier zodra een boeking verandert of u een testping verstuurt.
wh-time = Tijd
wh-trigger = Trigger
wh-result = Resultaat
wh-took = Duur
wh-no-answer = Geen antwoord
wh-milliseconds = { $ms } ms
wh-delete = Verwijderen
wh-delete-text = Stopt alle leveringen en verwijdert het logboek.
wh-delete-confirm = Deze webhook verwijderen? De ontvanger hoort dan niets meer.
wh-delete-button = Webhook verwijderen
wh-ping-delivered = Testping afgeleverd: de ontvanger antwoordde HTTP { $status } in { $ms } ms.
wh-ping-failed = De testping is niet afgeleverd: { $reason } (na { $ms } ms).
wh-trigger-booking-payment-initiated = Betaling gestart (de tijd wordt vastgehouden)
wh-trigger-booking-paid = Boeking betaald

wh-error-no-trigger = kies er minstens één
wh-error-event-type = is geen van uw afspraaktypen en ook niet van een team dat u beheert
