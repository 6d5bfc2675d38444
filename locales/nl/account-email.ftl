acct-invite-subject = U bent uitgenodigd voor { $organization } op Kairos
acct-invite-heading = Word lid van { $organization }
acct-hello = Hallo,
acct-invite-text = U bent uitgenodigd om lid te worden van { $organization } op Kairos, waar u uw afspraken beheert. Open de link hieronder om uw naam en wachtwoord te kiezen.
acct-invite-expiry = De link werkt één keer en verloopt over { $days ->
        [one] { $days } dag
       *[other] { $days } dagen
    }. Als u deze uitnodiging niet verwachtte, negeer dan dit bericht.
acct-invite-button = Uitnodiging accepteren
acct-made-subject = Uw account bij { $organization } op Kairos
acct-made-heading = Kies uw wachtwoord
acct-made-text = Er is voor u een account bij { $organization } op Kairos aangemaakt, waar u uw afspraken beheert. Open de link hieronder om uw wachtwoord te kiezen.
acct-made-expiry = De link werkt één keer en verloopt over { $days ->
        [one] { $days } dag
       *[other] { $days } dagen
    }. Als u dit niet verwachtte, negeer dan dit bericht.
acct-made-button = Mijn wachtwoord kiezen
acct-reset-subject = Kies een nieuw wachtwoord voor { $organization }
acct-reset-heading = Nieuw wachtwoord kiezen
acct-reset-text = Iemand heeft een link aangevraagd om een nieuw wachtwoord te kiezen voor uw account bij { $organization } op Kairos. Was u dat, open dan de link hieronder: hij werkt één keer, binnen { $minutes } minuten.
acct-reset-not-you = Was u het niet, negeer dan deze e-mail: uw wachtwoord blijft zoals het is.
acct-unlock-subject = Aanmelden bij { $organization } is gepauzeerd
acct-unlock-heading = Aanmelden is gepauzeerd
acct-unlock-text = Iemand heeft meerdere keren geprobeerd zich aan te melden bij uw account bij { $organization } op Kairos met een verkeerd wachtwoord of een verkeerde verificatiecode, dus aanmelden is een tijdje gepauzeerd. Was u het niet, dan is er niets verkeerds geaccepteerd; overweeg uw wachtwoord te wijzigen als u het ook elders gebruikt.
acct-unlock-how = Om u nu aan te melden, opent u de link hieronder in de browser die u wilt gebruiken en bevestigt u. Hij werkt één keer, binnen { $minutes } minuten, en laat die browser zich weer aanmelden.
acct-unlock-button = Mijn browser laten aanmelden
acct-revoked-subject = Verbind { $provider } opnieuw
acct-revoked-heading = { $provider } moet opnieuw worden verbonden
acct-revoked-text = Kairos kan het { $provider }-account { $account } van { $host } niet meer bereiken: de toegang is ingetrokken of verlopen.
acct-revoked-effect = Tot het opnieuw is verbonden, blokkeren de afspraken ervan de tijden van { $host } niet en worden nieuwe boekingen daar niet weggeschreven. De boekingen zelf gaan gewoon door.
acct-revoked-how = { $host } kan het opnieuw verbinden op de pagina Agenda’s: hetzelfde account behoudt zijn instellingen.
acct-revoked-button = Agenda’s openen
acct-test-subject = Testbericht van { $organization }
acct-test-heading = Testbericht
acct-test-text = Dit is een testbericht van Kairos. E-mail is ingesteld: boekingsbevestigingen, aanvragen en wijzigingen worden vanaf dit adres verzonden.
