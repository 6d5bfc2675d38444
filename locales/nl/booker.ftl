booker-time-gone = Dat tijdstip is niet meer beschikbaar. Kies een ander tijdstip.
booker-just-taken = Sorry, dat tijdstip is net geboekt. Kies een ander tijdstip.
booker-location-phone = Telefoongesprek
booker-location-online = Online afspraak
booker-location-video = Videogesprek
booker-location = Locatie
booker-locations-or = { $first } of { $last }
booker-rescheduling = U verzet uw boeking van { $when }.
booker-duration = Duur
booker-time-zone = Tijdzone
booker-apply = Toepassen
booker-previous-month = Vorige maand
booker-next-month = Volgende maand
booker-day-times = { $date }, { $count ->
        [one] 1 tijdstip beschikbaar
       *[other] { $count } tijdstippen beschikbaar
    }
booker-day-no-times = { $date }, geen tijden
booker-month-empty = Deze maand zijn er geen vrije tijden meer.
booker-see-month = { $month } bekijken
booker-times = Tijden
booker-clock = Tijdnotatie
booker-seats-left = { $seats ->
        [one] nog 1 plaats vrij
       *[other] nog { $seats } plaatsen vrij
    }
booker-pick-a-day = Kies een dag om de tijden te zien die u kunt boeken.
booker-your-details = Uw gegevens
booker-your-name = Uw naam
booker-email = E-mailadres
booker-where = Waar spreken we af?
booker-add-guests = Gasten toevoegen
booker-guests-hint = Zij ontvangen de uitnodiging ook.
booker-guest-email-n = E-mailadres gast { $n }
booker-guest-email = E-mailadres gast
booker-guests = Gasten
booker-add-another-guest = + Nog een gast toevoegen
booker-back = Terug
booker-request = Boeking aanvragen
booker-confirm = Boeking bevestigen
booker-confirm-new-time = Nieuwe tijd bevestigen
booker-reschedule-reason = Reden voor het verzetten (optioneel)
booker-reschedule-reason-hint = Wordt gedeeld met de host.
booker-reschedule = Verzetten
booker-too-many-from-network = Er zijn te veel boekingen gedaan vanaf dit netwerk. Probeer het over { $minutes } minuten opnieuw.
booker-too-many-event-type = Sorry, er zijn het afgelopen uur te veel boekingen gedaan voor dit afspraaktype. Probeer het over { $minutes } minuten opnieuw.
booker-too-many-host = Sorry, er zijn het afgelopen uur te veel boekingen gedaan bij deze host. Probeer het over { $minutes } minuten opnieuw.
booker-already-booked = U hebt dit tijdstip al geboekt
booker-already-booked-text = Precies deze boeking is zojuist gedaan. Met de link op de bevestigingspagina kunt u haar bekijken, verzetten of annuleren.
booker-back-to-calendar = Terug naar de kalender
booker-optional = (optioneel)
booker-choose = Kies…
booker-phone-hint = Een telefoonnummer, zoals +31 20 123 4567
profile-nothing-to-book = Nog niets te boeken
profile-nothing-to-book-text = Hier zijn op dit moment geen afspraaktypen te boeken.

booker-error-too-many-guests = { $max ->
        [one] mag hoogstens { $max } gast bevatten
       *[other] mag hoogstens { $max } gasten bevatten
    }
booker-error-not-a-question = is geen vraag van dit afspraaktype
booker-error-choices = moet een lijst met keuzes zijn
booker-error-not-a-choice = ‘{ $choice }’ is geen keuze; kies uit: { $choices }
