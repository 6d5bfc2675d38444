setup-title = Kairos instellen
setup-progress = Voortgang van de installatie
setup-step-account = Account
setup-step-organization = Organisatie
setup-step-email = E-mail
setup-step-done = Klaar
setup-required = Installatie vereist
setup-required-text = Deze Kairos-installatie is nog niet ingesteld.
setup-required-where = De beheerder vindt de eenmalige installatielink in de uitvoer van `kairos serve` of in het logboek (bij een systeeminstallatie: `journalctl -u kairos`).
setup-required-valid = De link is 30 minuten geldig; Kairos opnieuw starten toont een nieuwe.
setup-link-invalid = Deze installatielink is niet geldig
setup-link-invalid-title = Installatielink ongeldig
setup-link-invalid-why = Hij is misschien verlopen (links gelden 30 minuten), al gebruikt of onvolledig gekopieerd.
setup-link-invalid-what = Start Kairos opnieuw om een nieuwe installatielink te tonen, en open die binnen 30 minuten.
setup-welcome = Welkom bij Kairos
setup-welcome-text = Maak het account van de eigenaar aan. Dat beheert deze installatie en kan alle anderen uitnodigen.
setup-password-hint = Minstens 12 tekens. Een paar woorden die niets met elkaar te maken hebben, maken een sterk wachtwoord.
setup-password-repeat = Herhaal het wachtwoord
setup-create-account = Account aanmaken en verder
setup-organization = Uw organisatie
setup-organization-text = Deze verschijnen op boekingspagina's en in berichten. U kunt ze later wijzigen.
setup-organization-name = Naam van de organisatie
setup-public-address-hint = De URL waarop deze installatie bereikbaar is, zoals https://book.example.org.
setup-first-day = Eerste dag van de week
setup-installation = Wat voor installatie is dit?
setup-installation-hint = Kairos meldt mensen af na een tijd zonder activiteit: snel waar anderen het scherm kunnen zien, later op een eigen computer. Beheerders kunnen dit later wijzigen.
setup-installation-kind = Soort installatie
setup-installation-shared = Een praktijk of kliniek: schermen die anderen kunnen zien of gebruiken
setup-installation-office = Een team: iedereen achter een eigen computer
setup-installation-personal = Alleen ik, op mijn eigen computer
setup-finish = Installatie afronden
setup-email-text = Kairos mailt bevestigingen, aanvragen en wijzigingen naar wie boekt en naar de hosts. Voer nu uw mailserver in, of sla dit over en doe het later onder Beheer → E-mail.
setup-save-finish = Opslaan en afronden
setup-skip = Nu overslaan
setup-signed-out-after = afgemeld na { $minutes ->
        [60] 1 uur
        [240] 4 uur
        [480] 8 uur
       *[other] { $minutes } minuten
    }
