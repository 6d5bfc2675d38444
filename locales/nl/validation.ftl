error-required = is verplicht
error-taken = is al in gebruik; kies iets anders
error-one-line = moet één regel zonder stuurtekens zijn
error-whole-number = moet een geheel getal zijn
error-text = moet tekst zijn
error-true-or-false = moet waar of onwaar zijn
error-password-mismatch = komt niet overeen met het wachtwoord
error-email = moet een e-mailadres zijn, zoals naam@example.org
error-time-zone = moet een IANA-tijdzone zijn, zoals Europe/Amsterdam of America/New_York
error-at-most-characters = mag hoogstens { $max } tekens lang zijn
error-characters-between = moet { $min } tot { $max } tekens lang zijn
error-between = moet tussen { $min } en { $max } liggen
error-on-one-line = moet op één regel staan
error-characters-long = moet { $min } tot { $max } tekens lang zijn

error-date = moet een datum zijn zoals 2026-03-30 (JJJJ-MM-DD)
error-year = moet tussen de jaren { $min } en { $max } liggen
error-instant = moet een RFC 3339-tijdstip zijn, zoals 2026-03-30T09:00:00Z
error-whole-second = moet een hele seconde zijn (Kairos bewaart geen fracties van een seconde)

error-at-most = mag hoogstens { $max } zijn
error-number = moet een getal zijn
error-phone = moet een telefoonnummer zijn, zoals +31 20 123 4567
error-international-phone = moet een telefoonnummer in internationale vorm zijn, zoals +31201234567
error-one-of = moet een van deze zijn: { $choices }
error-language = moet een van en, de, fr, es, pt-BR, nl of ar zijn
error-slug = mag alleen kleine letters, cijfers en - bevatten en mag niet met - beginnen
error-member-or-admin = moet lid of beheerder zijn
error-json-object = moet een JSON-object zijn
error-invalid-link = ongeldige link

error-password-short = { $min ->
        [one] moet minstens { $min } teken lang zijn
       *[other] moet minstens { $min } tekens lang zijn
    }
error-password-long = { $max ->
        [one] mag hoogstens { $max } byte lang zijn
       *[other] mag hoogstens { $max } bytes lang zijn
    }
error-password-one-character = mag niet uit één herhaald teken bestaan
error-password-common = staat op de lijst met veelgebruikte wachtwoorden; kies een ander

outbound-invalid-url = is geen geldige URL
outbound-scheme = moet beginnen met http:// of https:// (niet { $scheme }://)
outbound-credentials = mag geen gebruikersnaam of wachtwoord bevatten
outbound-no-host = heeft geen host
outbound-unresolved = heeft een host, { $host }, die niet kan worden opgezocht: { $error }
outbound-refusal = { $refusal ->
        [loopback] een loopbackadres
        [unspecified] een niet-gespecificeerd adres
        [link-local] een link-local-adres
        [cloud-metadata] een adres voor cloudmetadata
        [multicast] een multicastadres
        [broadcast] het broadcastadres
        [documentation] een adres dat voor documentatie is gereserveerd
        [benchmarking] een adres dat voor prestatietests is gereserveerd
        [private] een adres in een privénetwerk (een beheerder kan die toestaan in de instellingen van de installatie)
        [wrapped] { $wrapper ->
            [ipv4-compatible] een IPv4-compatibel adres dat { $ipv4 } bevat
            [ipv4-translated] een IPv4-vertaald adres dat { $ipv4 } bevat
            [six-to-four] een 6to4-adres dat { $ipv4 } bevat
           *[teredo] een Teredo-adres dat { $ipv4 } bevat
        }
       *[reserved] een gereserveerd adres
    }
outbound-refused = wijst naar { $target }, { outbound-refusal }; daar stuurt Kairos niets heen

error-too-many-dates = { $max ->
        [one] mag hoogstens { $max } datum bevatten
       *[other] mag hoogstens { $max } datums bevatten
    }
error-after-start = moet na het begin liggen
error-within-a-year = moet binnen een jaar na het begin liggen
error-range-days = { $max ->
        [one] het bereik mag hoogstens { $max } dag beslaan
       *[other] het bereik mag hoogstens { $max } dagen beslaan
    }

# Accounts, de eerste installatie en de instellingen van de instantie.

error-first-day = moet maandag, zondag of zaterdag zijn
error-time-format = moet 12 of 24 zijn
error-current-password = is niet uw huidige wachtwoord
error-new-password-mismatch = komt niet overeen met het nieuwe wachtwoord
error-email-registered = hoort al bij een account
error-setup-time-zone = moet een IANA-tijdzone zijn, zoals Europe/Amsterdam
error-installation = moet gedeeld, kantoor of persoonlijk zijn
error-signup-mode = moet gesloten of op uitnodiging zijn
error-require-mfa = moet uit, beheerders of iedereen zijn
error-too-many-sites = { $max ->
        [one] mag hoogstens { $max } site noemen
       *[other] mag hoogstens { $max } sites noemen
    }
error-origin-scheme = { $origin } moet beginnen met https:// of http://
error-origin = { $origin } is geen oorsprong zoals https://www.example.org (zonder pad)
error-retention-years = moet een geheel aantal jaren van { $min } tot { $max } zijn
error-hourly-cap = moet een geheel getal van 0 (geen limiet) tot { $max } zijn
error-idle-minutes = moet een van deze waarden zijn: { $choices } minuten

# De aanmeld-app van een beheerder (Google, Microsoft, Zoom).

error-app-credential = { $max ->
        [one] moet één woord van hoogstens { $max } teken zijn, zoals de leverancier het toont
       *[other] moet één woord van hoogstens { $max } tekens zijn, zoals de leverancier het toont
    }
error-tenant = moet de directory-ID (tenant), een domein zoals contoso.onmicrosoft.com, of common zijn
error-username-characters = mag alleen kleine letters, cijfers, - en _ bevatten en moet met een letter of cijfer beginnen
error-username-reserved = is gereserveerd; kies een andere
error-language-any = moet een van en, de, fr, es, pt-BR, nl, ar of en-XA zijn
