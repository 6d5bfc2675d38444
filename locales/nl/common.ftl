page-title = { $page } · Kairos
skip-to-content = Naar de inhoud
scheduling-by-kairos = Afspraken plannen met Kairos
language-menu-label = Taal
language-menu-change = Wijzigen
nav-label = Hoofdmenu
nav-home = Start
nav-event-types = Afspraaktypen
nav-availability = Beschikbaarheid
nav-calendars = Agenda's
nav-bookings = Boekingen
nav-workflows = Werkstromen
nav-teams = Teams
nav-settings = Instellingen
nav-admin = Beheer
sign-out = Afmelden
idle-title = Bent u er nog?
idle-text = Voor uw veiligheid wordt u over { $seconds } seconden afgemeld.
idle-stay = Aangemeld blijven
copy = Kopiëren
form-correct-fields = Corrigeer de gemarkeerde velden.
profile-language = Taal
profile-language-organization = De taal van de organisatie
settings-default-language = Standaardtaal
settings-default-language-hint = Voor boekingspagina's als de browser om geen taal vraagt die Kairos spreekt, en voor wie er geen koos.

# A field's error under it: the field's label, then why it was refused.
field-error = { $label } { $reason }
js-zone-detected = Uw tijdzone (herkend)
js-zone-search = Tijdzones zoeken
js-passwords-differ = De wachtwoorden komen niet overeen.
js-choose-one = Kies er minstens één.
js-guest-email = E-mailadres gast { $n }
js-sending = Bezig met verzenden…
js-copied = Gekopieerd
event-type-language = Taal van de pagina
event-type-language-visitor = De taal van de bezoeker
event-type-language-hint = De boekingspagina's en de e-mails aan genodigden zijn in deze taal, welke taal de browser ook vraagt.

notice-signed-out = U bent afgemeld.
notice-password-changed = Uw wachtwoord is gewijzigd. Meld u aan met het nieuwe.
notice-setup-complete = De installatie is voltooid. Welkom bij Kairos.
notice-session-ended = Uw sessie is verlopen. Meld u opnieuw aan om verder te gaan.
notice-signed-out-everywhere = U bent op alle apparaten afgemeld.
notice-second-factor-expired = Het aanmelden duurde te lang. Voer uw e-mailadres en wachtwoord opnieuw in.
notice-unlocked = Deze browser mag zich weer bij uw account aanmelden.

location-phone = Telefoon: { $number }
location-link-coming = (de link wordt gemaakt en komt per e-mail)
notice-shown-once-gone = Wat hier eenmalig werd getoond, wordt niet meer getoond. Hebt u het niet gekopieerd, maak dan een nieuwe aan.
host-event-booked-by = Geboekt door { $name } <{ $email }>
host-event-hosts = Hosts: { $names }
host-event-open = De boeking openen: { $link }

zone-label = { $city } · { $zone } ({ $offset })
zone-label-city = { $city } ({ $offset })
zone-utc = UTC (gecoördineerde wereldtijd)
zone-region = { $region ->
        [Africa] Afrika
        [America] Amerika
        [Antarctica] Antarctica
        [Arctic] Noordpool
        [Asia] Azië
        [Atlantic] Atlantische Oceaan
        [Australia] Australië
        [Europe] Europa
        [Indian] Indische Oceaan
        [Pacific] Stille Oceaan
       *[other] { $region }
    }
