wf-intro = Herinneringen, follow-ups en berichten die worden verstuurd als boekingen veranderen.
wf-new = Nieuwe werkstroom
wf-title = Werkstroom
wf-empty = Nog geen werkstromen
wf-empty-text = Uw eerste afspraaktype krijgt een herinnering 24 uur voor elke afspraak. Maak werkstromen voor meer berichten.
wf-create-first = Een werkstroom maken
wf-on = Aan
wf-off = Uit
wf-team = Team: { $team }
wf-no-event-types = Geen afspraaktypen
wf-steps-count = { $count ->
        [one] { $count } stap
       *[other] { $count } stappen
    }
wf-edit = Bewerken
wf-turn-off = Uitzetten
wf-turn-on = Aanzetten
wf-delete-confirm = ‘{ $name }’ verwijderen? Berichten die hij heeft gepland, worden niet verstuurd.
wf-delete = Verwijderen

wf-trigger-new-event = Als een boeking wordt gemaakt of bevestigd
wf-trigger-booking-requested = Als een boeking wordt aangevraagd (wacht op bevestiging)
wf-trigger-reschedule-event = Als een boeking wordt verzet
wf-trigger-event-cancelled = Als een boeking wordt geannuleerd
wf-trigger-booking-rejected = Als een aanvraag wordt afgewezen
wf-trigger-before-event = Voordat de afspraak begint
wf-trigger-after-event = Nadat de afspraak is afgelopen
wf-trigger-offset = { $trigger } · { $offset }
wf-minutes = { $count ->
        [one] { $count } minuut
       *[other] { $count } minuten
    }
wf-hours = { $count ->
        [one] { $count } uur
       *[other] { $count } uur
    }
wf-days = { $count ->
        [one] { $count } dag
       *[other] { $count } dagen
    }
wf-unit-minutes = minuten
wf-unit-hours = uur
wf-unit-days = dagen

wf-action-email-attendee = De deelnemer e-mailen
wf-action-email-host = De host e-mailen
wf-action-email-address = Een adres e-mailen
wf-action-sms-attendee = De deelnemer een sms sturen (het opgegeven telefoonnummer)
wf-action-sms-number = Een nummer een sms sturen
wf-action-webhook = Een webhook aanroepen

wf-saved-without-sms-gateway = Opgeslagen, maar er is geen sms-gateway ingesteld: de sms-stappen van deze werkstroom versturen niets, en hun taken mislukken met die reden onder Beheer → Achtergrondtaken, totdat een beheerder er een instelt onder Beheer → Sms-berichten.

wf-when = Wanneer
wf-name = Naam
wf-name-placeholder = Herinnering een dag van tevoren
wf-owner = Hoort bij
wf-owner-hint = De werkstromen van een team gelden voor de afspraaktypen van het team; teambeheerders beheren ze.
wf-trigger = Trigger
wf-offset = Hoe lang ervoor of erna
wf-offset-hint = Alleen voor ‘Voordat de afspraak begint’ en ‘Nadat de afspraak is afgelopen’.
wf-unit = Eenheid
wf-active-hint = Zolang hij uit staat, wordt er niets verstuurd, ook geen berichten die al gepland zijn.
wf-event-types = Afspraaktypen
wf-send-for = Versturen voor boekingen van
wf-no-event-types-yet = Nog geen afspraaktypen.
wf-on-new-event-types = Ook aanzetten voor afspraaktypen die vanaf nu worden gemaakt
wf-steps = Stappen
wf-steps-error = Stappen: { $reason }
wf-step = Stap { $number }
wf-remove = Verwijderen
wf-action = Actie
wf-send-to = Versturen naar
wf-send-to-placeholder = adres, +nummer of https://-URL
wf-send-to-hint = Voor ‘Een adres e-mailen’, ‘Een nummer een sms sturen’ en ‘Een webhook aanroepen’.
wf-no-sms-gateway = Er is geen sms-gateway ingesteld.
wf-no-sms-gateway-text = Totdat een beheerder er een instelt onder Beheer → Sms-berichten, verstuurt deze stap niets en mislukken zijn taken met die reden.
wf-default-reminder = Dit is de standaardherinnering van Kairos: zolang u hem niet wijzigt, krijgt elke deelnemer hem in zijn eigen taal.
wf-subject = Onderwerp van de e-mail
wf-subject-hint = Voor e-mails.
wf-message = Bericht
wf-message-hint = Voor e-mails en sms-berichten. Een webhook stuurt in plaats daarvan de boeking als JSON.
wf-secret = Webhookgeheim
wf-secret-hint = Ondertekent elke aanroep (X-Cal-Signature-256). Leeg laten houdt het huidige.
wf-clear-secret = Het webhookgeheim verwijderen
wf-add-step = + Een stap toevoegen
wf-back = Terug
wf-save = Wijzigingen opslaan
wf-create = Werkstroom maken
wf-variables = Variabelen
wf-variables-hint = Schrijf een variabele tussen accolades, zoals { $example }. Datums en tijden staan in de tijdzone van de lezer. Bij het opslaan worden variabelen genoemd die Kairos niet kent.
wf-answers = Antwoorden
wf-answers-hint = Het antwoord op een boekingsvraag: de id ervan in hoofdletters, met _ in plaats van -. { $variable } is het antwoord op de vraag met id { $key }.
wf-no-questions = De afspraaktypen hier stellen nog geen vragen.
wf-minimum-necessary-on = Strikt noodzakelijk staat aan: in alles wat werkstromen versturen, blijven { $notes } en antwoorden leeg. Beheerders wijzigen dit onder Beheer.
wf-minimum-necessary-off = Strikt noodzakelijk staat uit: antwoorden en notities worden verstuurd zoals ze zijn geschreven.
wf-delete-title = Deze werkstroom verwijderen
wf-delete-text = Berichten die hij heeft gepland, worden niet verstuurd.
wf-delete-this-confirm = Deze werkstroom verwijderen?
wf-delete-button = Werkstroom verwijderen

wf-var-event-name = de titel van het afspraaktype
wf-var-organizer = de naam van de host
wf-var-attendee = de naam van de deelnemer
wf-var-attendee-first-name = de voornaam van de deelnemer
wf-var-attendee-email = het e-mailadres van de deelnemer
wf-var-event-date = de datum, bijv. dinsdag 31 maart 2026
wf-var-event-time = de begintijd, bijv. 10:00
wf-var-event-end-time = de eindtijd, bijv. 10:30
wf-var-timezone = de tijdzone van de ontvanger, bijv. Europe/Amsterdam
wf-var-location = waar de afspraak plaatsvindt
wf-var-meeting-url = de video- of vergaderlink, als die er is
wf-var-cancel-url = de link van de deelnemer om te annuleren
wf-var-reschedule-url = de link van de deelnemer om een andere tijd te kiezen
wf-var-additional-notes = de notities die de deelnemer heeft toegevoegd

wf-new-subject = Herinnering: { $EVENT_NAME } om { $EVENT_TIME }
wf-new-body =
    Hallo { $ATTENDEE_FIRST_NAME },

    tot { $EVENT_DATE } om { $EVENT_TIME } ({ $TIMEZONE }).

    Annuleren of een andere tijd kiezen: { $RESCHEDULE_URL }
wf-trigger-booking-paid = Wanneer een boeking is betaald

wf-error-not-your-team = is niet een van uw teams
wf-error-owner = moet uzelf of een van uw teams zijn
wf-error-owner-admin = moet uzelf of een team dat u beheert zijn
wf-error-offset-too-long = { $days ->
        [one] mag hoogstens { $days } dag zijn
       *[other] mag hoogstens { $days } dagen zijn
    }
wf-error-offset-required = is verplicht voor een herinnering of follow-up
wf-error-event-types = moeten afspraaktypen van de eigenaar van de werkstroom zijn
wf-error-no-step = voeg minstens één stap toe
wf-error-too-many-steps = { $max ->
        [one] hoogstens { $max } stap
       *[other] hoogstens { $max } stappen
    }
wf-error-subject-required = is verplicht voor een e-mail
wf-error-subject-one-line = { $max ->
        [one] moet één regel van hoogstens { $max } teken zijn
       *[other] moet één regel van hoogstens { $max } tekens zijn
    }
wf-error-unknown-variables = { $count ->
        [one] gebruikt de onbekende variabele { $names }
       *[other] gebruikt de onbekende variabelen { $names }
    }
